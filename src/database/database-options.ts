import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { DataSourceOptions } from 'typeorm';
import { Environment, usesPostgres } from '../config/environment';
import { ENTITIES } from './entities';

const MIGRATIONS = [join(__dirname, '..', '..', 'migrations', '*.{ts,js}')];

/** One set of entities and migrations for both engines; the schema only changes by migration. */
export function databaseOptions(environment: Environment): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  };
  if (usesPostgres(environment)) {
    const schema = environment.DATABASE_SCHEMA;
    return {
      ...common,
      type: 'postgres',
      url: environment.DATABASE_URL,
      schema,
      extra: schema ? { options: `-c search_path=${schema}` } : undefined,
      migrationsTransactionMode: 'each',
    };
  }
  return {
    ...common,
    type: 'sqlite',
    // TypeORM calls `verbose()` on the driver, which makes sqlite3 record a stack trace for
    // every statement, a cost on every query: this driver answers with the plain module.
    driver: { verbose: () => sqlite3 },
    database: environment.SQLITE_PATH,
    enableWAL: true,
    busyTimeout: environment.SQLITE_BUSY_TIMEOUT_MS,
    // Not TypeORM's: the read-only connections that `DatabaseModule` opens beside the writer.
    extra: { readConnections: environment.SQLITE_READ_CONNECTIONS },
    migrationsTransactionMode: 'each',
  };
}
