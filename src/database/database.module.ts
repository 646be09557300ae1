import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment';
import { databaseOptions } from './database-options';

/** Connects to SQLite (default) or PostgreSQL and brings the schema up to date on start. */
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
        const dataSource = await new DataSource(options!).initialize();
        if (options!.type === 'postgres' && options!.schema) {
          await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${options!.schema}"`);
        }
        await dataSource.runMigrations();
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
