import { DataSource } from 'typeorm';

/**
 * Brings the schema up to date. On PostgreSQL several instances may start at once: they take a
 * session-level advisory lock (one per schema) so that one migrates and the others then find
 * nothing to do.
 */
export async function migrate(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations();
    return;
  }
  const schema = dataSource.options.schema;
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  const lockName = `mayors-school migrations ${schema ?? 'public'}`;
  try {
    await lockHolder.query('SELECT pg_advisory_lock(hashtext($1))', [lockName]);
    if (schema) {
      await lockHolder.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    }
    await dataSource.runMigrations();
  } finally {
    await lockHolder.query('SELECT pg_advisory_unlock(hashtext($1))', [lockName]);
    await lockHolder.release();
  }
}
