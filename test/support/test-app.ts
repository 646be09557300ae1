import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { UnitOfWork } from '../../src/database/unit-of-work';
import { ORGANIZER } from './organizer';

export type Http = ReturnType<typeof request.agent>;

export interface TestApp {
  app: INestApplication;
  /** Requests as the first organizer. */
  http: () => Http;
  /** Requests with the given access token. */
  as: (accessToken: string) => Http;
  /** Requests without a token. */
  anonymous: () => Http;
  signIn: (email: string, password: string) => Promise<string>;
  dataSource: DataSource;
  /** Writes straight to the database, as one unit of work like the application's own. */
  write: UnitOfWork['run'];
  /** Closes the application and drops its database. */
  close: () => Promise<void>;
  /** Closes the application and opens a new one on the same database, as after a restart. */
  reopen: () => Promise<TestApp>;
}

/** The real application on this test file's own fresh database (see fresh-database-env.ts). */
export async function createTestApp(): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = configureApp(
    moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true }),
  );
  await app.init();
  const dataSource = app.get(DataSource);
  const server = app.getHttpServer();
  const anonymous = () => request.agent(server);
  const as = (accessToken: string) =>
    request.agent(server).set('Authorization', `Bearer ${accessToken}`);
  const signIn = async (email: string, password: string) => {
    const response = await anonymous().post('/api/auth/login').send({ email, password });
    if (response.status !== 200) {
      throw new Error(`Sign-in of ${email} answered ${response.status}`);
    }
    return response.body.accessToken as string;
  };
  const organizerToken = await signIn(ORGANIZER.email, ORGANIZER.password);
  return {
    app,
    http: () => as(organizerToken),
    as,
    anonymous,
    signIn,
    dataSource,
    write: (work) => app.get(UnitOfWork).run(work),
    reopen: async () => {
      await app.close();
      return createTestApp();
    },
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
