import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SqliteConnectionOptions } from 'typeorm/driver/sqlite/SqliteConnectionOptions';
import { Environment } from '../config/environment';
import { databaseOptions } from './database-options';
import { migrate } from './migrate';
import { openDataSource } from './open-data-source';
import { SqliteReaders } from './sqlite-readers';
import { JsonSql } from './json-sql';
import { UnitOfWork, serializeSqlite } from './unit-of-work';

/**
 * Read-only connections beside SQLite's one writer (none for an in-memory database); closed
 * with the data source.
 */
async function openReaders(dataSource: DataSource): Promise<SqliteReaders | undefined> {
  const { database: file, busyTimeout = 0, extra } = dataSource.options as SqliteConnectionOptions;
  const readConnections = (extra as { readConnections?: number } | undefined)?.readConnections ?? 0;
  if (readConnections === 0 || file === ':memory:') {
    return undefined;
  }
  const readers = await SqliteReaders.open(file, readConnections, busyTimeout);
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    await readers.close();
    await destroy();
  };
  return readers;
}

/**
 * Connects to SQLite (default) or PostgreSQL, brings the schema up to date on start, and gives
 * every feature the unit of work its changes run in.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) =>
        databaseOptions({
          DATABASE_URL: config.get('DATABASE_URL'),
          DATABASE_SCHEMA: config.get('DATABASE_SCHEMA'),
          SQLITE_PATH: config.get('SQLITE_PATH'),
          SQLITE_BUSY_TIMEOUT_MS: config.get('SQLITE_BUSY_TIMEOUT_MS'),
          SQLITE_READ_CONNECTIONS: config.get('SQLITE_READ_CONNECTIONS'),
        } as Environment),
      dataSourceFactory: async (options) => {
        const dataSource = await openDataSource(options!);
        await migrate(dataSource);
        if (options!.type === 'sqlite') {
          serializeSqlite(dataSource, await openReaders(dataSource));
        }
        return dataSource;
      },
    }),
  ],
  providers: [UnitOfWork, JsonSql],
  exports: [UnitOfWork, JsonSql],
})
export class DatabaseModule {}
