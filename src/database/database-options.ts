import { join } from 'node:path';
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
    database: environment.SQLITE_PATH,
    enableWAL: true,
    busyTimeout: environment.SQLITE_BUSY_TIMEOUT_MS,
    migrationsTransactionMode: 'each',
  };
}
