import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Clock } from '../src/common/time/clock';
import { validateEnvironment } from '../src/config/environment';
import { databaseOptions } from '../src/database/database-options';
import { migrate } from '../src/database/migrate';
import { openDataSource } from '../src/database/open-data-source';
import { NotificationScheduler } from '../src/notifications/notification-scheduler';
import { NotificationSender } from '../src/notifications/notification-sender';
import { DataSetSize, loadDataSet, publishEveryAgenda } from './data-set';

/**
 * 600 stages of 100 sessions (60,000) over six years, 5,000 participants in 100 cohorts of 50.
 * Two stages run each week; each stage day has 50 parallel sessions at 06:00 UTC.
 */
export const NOTIFICATION_SIZE: DataSetSize = {
  name: 'notifications',
  programs: 10,
  cohorts: 100,
  stagesPerCohort: 6,
  sessionsPerStage: 100,
  participants: 5_000,
  enrollmentsPerCohort: 50,
  hostedCohorts: 1,
};

export interface TickFigure {
  moment: string;
  found: number;
  ms: number;
}

export interface TickFigures {
  loadSeconds: number;
  runs: TickFigure[];
  sent: number;
  sendMs: number;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * One scheduler run (every rule finding what is due and writing it to the outbox) against the
 * data set, in this process with the clock set: at the busiest moment (two stages' 100 sessions
 * starting at once: 5,000 reminders; the outbox emptied before each of five runs), at that moment again (all found already), then, after
 * delivering the 5,000 through the log channel, at a quiet moment.
 */
export async function measureNotificationTick(): Promise<TickFigures> {
  const onPostgres = Boolean(process.env.DATABASE_URL);
  const directory = mkdtempSync(join(tmpdir(), 'mayors-bench-notifications-'));
  const databaseEnv: Record<string, string> = onPostgres
    ? { DATABASE_SCHEMA: `bench_${randomBytes(4).toString('hex')}` }
    : { SQLITE_PATH: join(directory, 'bench.sqlite') };
  Object.assign(process.env, databaseEnv, {
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    NOTIFICATIONS_INTERVAL_SECONDS: '0',
    SMTP_URL: '',
  });
  const started = Date.now();
  const dataSource = await openDataSource(databaseOptions(validateEnvironment(process.env)));
  await migrate(dataSource);
  await loadDataSet(dataSource, NOTIFICATION_SIZE);
  await publishEveryAgenda(dataSource);
  const loadSeconds = (Date.now() - started) / 1000;

  // Loaded only now: the application reads its configuration when its module is loaded.
  const { AppModule } = await import('../src/app.module');
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  const clock = app.get(Clock);
  const scheduler = app.get(NotificationScheduler);
  const runAt = async (moment: string, times: number, afresh = false): Promise<TickFigure> => {
    clock.now = () => new Date(moment);
    const found: number[] = [];
    const durations: number[] = [];
    for (let run = 0; run < times; run++) {
      if (afresh) {
        await dataSource.query(`DELETE FROM "notifications"`);
      }
      const begin = performance.now();
      found.push(await scheduler.findDue());
      durations.push(performance.now() - begin);
    }
    return { moment, found: found[0], ms: Math.round(median(durations)) };
  };
  try {
    const runs = [
      await runAt('2026-01-05T05:45:00Z', 5, true), // 100 sessions about to start
      await runAt('2026-01-05T05:45:00Z', 5), // the same, already in the outbox
    ];
    const begin = performance.now();
    const { sent } = await app.get(NotificationSender).sendDue();
    const sendMs = Math.round(performance.now() - begin);
    runs.push(await runAt('2026-01-06T20:00:00Z', 5)); // nothing due
    return { loadSeconds, runs, sent, sendMs };
  } finally {
    await app.close();
    if (onPostgres) {
      await dataSource.query(`DROP SCHEMA IF EXISTS "${databaseEnv.DATABASE_SCHEMA}" CASCADE`);
    }
    await dataSource.destroy();
    rmSync(directory, { recursive: true, force: true });
  }
}
