import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ORGANIZER } from './organizer';

// Every test file gets its own empty database: a new SQLite file, or a new PostgreSQL schema
// when DATABASE_URL is set. Set before any application module is loaded.
if (process.env.DATABASE_URL) {
  process.env.DATABASE_SCHEMA = `test_${randomBytes(6).toString('hex')}`;
} else {
  process.env.SQLITE_PATH = join(mkdtempSync(join(tmpdir(), 'mayors-school-')), 'test.sqlite');
}
process.env.NODE_ENV = 'test';
process.env.ADMIN_EMAIL = ORGANIZER.email;
process.env.ADMIN_PASSWORD = ORGANIZER.password;
// Tests of the login limits set their own; the others sign in as often as they need.
process.env.LOGIN_ATTEMPTS_PER_ADDRESS ??= '1000';
process.env.LOGIN_ATTEMPTS_PER_ACCOUNT ??= '1000';
process.env.LOGIN_ATTEMPTS_PER_ADDRESS_AND_ACCOUNT ??= '1000';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.NOTIFICATIONS_INTERVAL_SECONDS ??= '0';
