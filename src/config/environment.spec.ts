import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateEnvironment } from './environment';

describe('environment', () => {
  it('fills every default', () => {
    expect(validateEnvironment({})).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      SQLITE_PATH: 'data/mayors-school.sqlite',
      SQLITE_BUSY_TIMEOUT_MS: 5000,
      LOG_LEVEL: 'info',
    });
  });

  it('reads numbers and a PostgreSQL URL', () => {
    const environment = validateEnvironment({
      PORT: '8080',
      DATABASE_URL: 'postgres://app@db:5432/mayors',
      DATABASE_SCHEMA: 'school',
    });
    expect(environment.PORT).toBe(8080);
    expect(environment.DATABASE_URL).toBe('postgres://app@db:5432/mayors');
  });

  it('stops on a bad value, naming each variable', () => {
    expect(() =>
      validateEnvironment({ PORT: 'eighty', DATABASE_URL: 'mysql://db', LOG_LEVEL: 'loud' }),
    ).toThrow(/PORT.*DATABASE_URL.*LOG_LEVEL/s);
    expect(() => validateEnvironment({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => validateEnvironment({ DATABASE_SCHEMA: 'Drop Table' })).toThrow(/DATABASE_SCHEMA/);
  });
});

describe('the signing secret on SQLite', () => {
  it('is made once and kept beside the database, so a restart keeps everyone signed in', () => {
    const folder = mkdtempSync(join(tmpdir(), 'mayors-secret-'));
    const SQLITE_PATH = join(folder, 'data', 'db.sqlite');
    try {
      const first = validateEnvironment({ SQLITE_PATH }).JWT_SECRET;
      const again = validateEnvironment({ SQLITE_PATH }).JWT_SECRET;
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(again).toBe(first);
      expect(statSync(join(folder, 'data', '.jwt-secret')).mode & 0o777).toBe(0o600);
      expect(validateEnvironment({ SQLITE_PATH, JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET).toBe(
        'x'.repeat(32),
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
