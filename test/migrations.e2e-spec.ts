import { DataSource } from 'typeorm';
import { validateEnvironment } from '../src/config/environment';
import { databaseOptions } from '../src/database/database-options';

/** The tables of the current database or schema, without TypeORM's own bookkeeping. */
async function applicationTables(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] =
    dataSource.options.type === 'postgres'
      ? await dataSource.query(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`,
        )
      : await dataSource.query(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
        );
  return rows
    .map((row) => row.name)
    .filter((name) => name !== 'migrations')
    .sort();
}

describe('migrations', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const environment = validateEnvironment(process.env);
    dataSource = await new DataSource(databaseOptions(environment)).initialize();
    if (environment.DATABASE_SCHEMA) {
      await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${environment.DATABASE_SCHEMA}"`);
    }
  });

  afterAll(async () => {
    const schema = process.env.DATABASE_SCHEMA;
    if (schema) {
      await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
    await dataSource.destroy();
  });

  it('build the whole schema from an empty database', async () => {
    expect(await applicationTables(dataSource)).toEqual([]);
    const applied = await dataSource.runMigrations();
    expect(applied.length).toBeGreaterThan(0);
    expect(await applicationTables(dataSource)).toEqual(
      expect.arrayContaining(['programs', 'cohorts', 'stages', 'sessions', 'participants']),
    );
  });

  it('agree with the entities: the schema builder finds nothing to change', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('revert down to an empty database and apply again', async () => {
    while (await hasApplied(dataSource)) {
      await dataSource.undoLastMigration();
    }
    expect(await applicationTables(dataSource)).toEqual([]);
    await dataSource.runMigrations();
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries).toEqual([]);
  });
});

async function hasApplied(dataSource: DataSource): Promise<boolean> {
  const [{ count }] = await dataSource.query(`SELECT COUNT(*) AS count FROM "migrations"`);
  return Number(count) > 0;
}
