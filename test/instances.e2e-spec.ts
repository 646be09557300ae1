import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateEnvironment } from '../src/config/environment';
import { databaseOptions } from '../src/database/database-options';
import { migrate } from '../src/database/migrate';
import { openDataSource } from '../src/database/open-data-source';
import { ORGANIZER } from './support/organizer';
import { TestApp, createTestApp } from './support/test-app';

const MIGRATION_FILES = readdirSync(join(__dirname, '..', 'migrations')).filter((file) =>
  file.endsWith('.ts'),
);

async function appliedMigrations(t: TestApp): Promise<string[]> {
  const rows: { name: string }[] = await t.dataSource.query(
    'SELECT "name" FROM "migrations" ORDER BY "id"',
  );
  return rows.map((row) => row.name);
}

/**
 * PostgreSQL serves several instances of the service behind a load balancer; SQLite serves one
 * instance, which may restart.
 */
describe('instances of the service on one database', () => {
  const onPostgres = Boolean(process.env.DATABASE_URL);
  let apps: TestApp[] = [];

  afterAll(async () => {
    const [first, ...others] = apps;
    for (const other of others) {
      await other.app.close();
    }
    await first?.close();
  });

  it(
    onPostgres
      ? 'two instances started at once migrate once and make one first organizer'
      : 'an instance started again on the same file migrates nothing more',
    async () => {
      if (onPostgres) {
        apps = await Promise.all([createTestApp(), createTestApp()]);
      } else {
        const first = await createTestApp();
        apps = [first, await first.reopen()];
        apps.splice(0, 1);
      }
      const applied = await appliedMigrations(apps[0]);
      expect(applied).toHaveLength(MIGRATION_FILES.length);
      expect(new Set(applied).size).toBe(applied.length);
      const organizers = await apps[0].dataSource.query(
        `SELECT COUNT(*) AS count FROM "accounts" WHERE "role" = 'organizer'`,
      );
      expect(Number(organizers[0].count)).toBe(1);
      // Both answer, from the same data.
      for (const t of apps) {
        const token = await t.signIn(ORGANIZER.email, ORGANIZER.password);
        await t.as(token).get('/api/me').expect(200);
      }
    },
  );

  it('migrates once when several processes migrate one empty database at the same moment', async () => {
    const environment = validateEnvironment({
      ...process.env,
      ...(onPostgres
        ? { DATABASE_SCHEMA: `${process.env.DATABASE_SCHEMA}_race` }
        : { SQLITE_PATH: `${process.env.SQLITE_PATH}.race` }),
    });
    const dataSources = await Promise.all(
      [1, 2, 3].map(() => openDataSource(databaseOptions(environment))),
    );
    try {
      await Promise.all(dataSources.map((dataSource) => migrate(dataSource)));
      const rows: { name: string }[] = await dataSources[0].query(
        'SELECT "name" FROM "migrations"',
      );
      expect(rows.map((row) => row.name).sort()).toEqual(
        MIGRATION_FILES.map((file) => file.replace(/^(\d+)-(\w+)\.ts$/, '$2$1')).sort(),
      );
    } finally {
      if (onPostgres) {
        await dataSources[0].query(
          `DROP SCHEMA IF EXISTS "${environment.DATABASE_SCHEMA}" CASCADE`,
        );
      }
      await Promise.all(dataSources.map((dataSource) => dataSource.destroy()));
    }
  });

  it('shares one login limit between the instances', async () => {
    const [first, second = first] = apps;
    const before = await first.dataSource.query(
      'SELECT COUNT(*) AS count FROM "rate_limit_windows"',
    );
    await second
      .anonymous()
      .post('/api/auth/login')
      .send({ email: 'nobody@example.ru', password: 'x' });
    const after = await first.dataSource.query(
      'SELECT COUNT(*) AS count FROM "rate_limit_windows"',
    );
    expect(Number(after[0].count)).toBeGreaterThan(Number(before[0].count));
  });
});
