import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';

const SQLITE_ATTEMPTS = 10;

/**
 * Brings the schema up to date, also when several processes start at once on one database.
 * PostgreSQL: a session-level advisory lock (one per schema) lets one instance migrate while
 * the others wait, then find nothing to do. SQLite has no such lock: a process that loses the
 * race (its migration meets a table just made, or a busy database) rolls that migration back,
 * reads again what is applied, and carries on.
 */
export async function migrate(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type === 'postgres') {
    await migratePostgres(dataSource);
    return;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await dataSource.runMigrations();
      return;
    } catch (error) {
      if (attempt >= SQLITE_ATTEMPTS) {
        throw error;
      }
      new Logger('Migrations').warn(
        `Another process is migrating this database; trying again (${String(error)})`,
      );
      await sleep(50 * attempt);
    }
  }
}

async function migratePostgres(dataSource: DataSource): Promise<void> {
  const schema = dataSource.options.type === 'postgres' ? dataSource.options.schema : undefined;
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
