import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from '../config/environment';
import { databaseOptions } from './database-options';
import { migrate } from './migrate';
import { openDataSource } from './open-data-source';
import { UnitOfWork, serializeSqlite } from './unit-of-work';

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
        } as Environment),
      dataSourceFactory: async (options) => {
        const dataSource = await openDataSource(options!);
        await migrate(dataSource);
        serializeSqlite(dataSource);
        return dataSource;
      },
    }),
  ],
  providers: [UnitOfWork],
  exports: [UnitOfWork],
})
export class DatabaseModule {}
