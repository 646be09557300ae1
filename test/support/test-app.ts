import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  dataSource: DataSource;
  close: () => Promise<void>;
}

/** The real application on this test file's own fresh database (see fresh-database-env.ts). */
export async function createTestApp(): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = configureApp(moduleRef.createNestApplication({ bufferLogs: true }));
  await app.init();
  const dataSource = app.get(DataSource);
  return {
    app,
    http: () => request(app.getHttpServer()),
    dataSource,
    close: async () => {
      const schema = process.env.DATABASE_SCHEMA;
      if (schema) {
        await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      }
      await app.close();
      if (!schema && process.env.SQLITE_PATH) {
        rmSync(dirname(process.env.SQLITE_PATH), { recursive: true, force: true });
      }
    },
  };
}

/** Rows in a table: to prove that a refused request wrote nothing. */
export async function countRows(dataSource: DataSource, table: string): Promise<number> {
  const [{ count }] = await dataSource.query(`SELECT COUNT(*) AS count FROM "${table}"`);
  return Number(count);
}
