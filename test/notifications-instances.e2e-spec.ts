import { Clock } from '../src/common/time/clock';
import { NotificationScheduler } from '../src/notifications/notification-scheduler';
import {
  createCohort,
  createParticipant,
  createProgram,
  createSession,
  createStage,
  enroll,
  publishAgenda,
} from './support/factories';
import { MailServer, startMailServer } from './support/mail-server';
import type { TestApp } from './support/test-app';

const PARTICIPANTS = 40;
const PARALLEL_SESSIONS = 3;

/**
 * Every instance runs the notifications job. On PostgreSQL two instances share the database and
 * claim with FOR UPDATE SKIP LOCKED; on SQLite one instance runs several jobs at once and
 * restarts. Either way each message reaches the mail server once.
 */
describe('notifications from several runs at once', () => {
  const onPostgres = Boolean(process.env.DATABASE_URL);
  let mail: MailServer;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    mail = await startMailServer();
    process.env.SMTP_URL = mail.url;
    // Short, so that a slow mail server outlasts half of it within a test.
    process.env.NOTIFICATION_LEASE_SECONDS = '5';
    const { createTestApp } = await import('./support/test-app');
    first = await createTestApp();
    second = onPostgres ? await createTestApp() : first;
  });
  afterAll(async () => {
    if (second !== first) {
      await second.app.close();
    }
    await first.close();
    await mail.close();
  });

  const setNow = (t: TestApp, instant: string) =>
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(instant));
  const tick = (t: TestApp) => t.app.get(NotificationScheduler).tick();

  it(
    onPostgres
      ? 'two instances running the job at once deliver each reminder once'
      : 'jobs running at once, and again after a restart, deliver each reminder once',
    async () => {
      setNow(first, '2026-12-01T00:00:00Z');
      const { id: programId } = await createProgram(first, { status: 'active' });
      const cohort = await createCohort(first, {}, programId);
      const stage = await createStage(
        first,
        { startDate: '2026-12-14', endDate: '2026-12-16' },
        cohort.id,
      );
      const people = [];
      for (let i = 0; i < PARTICIPANTS; i++) {
        const participant = await createParticipant(first);
        await enroll(first, cohort.id, participant.id);
        people.push(participant);
      }
      for (let track = 1; track <= PARALLEL_SESSIONS; track++) {
        await createSession(
          first,
          {
            title: `Круглый стол ${track}`,
            track: `t${track}`,
            startsAt: '2026-12-15T10:00',
            endsAt: '2026-12-15T11:00',
          },
          stage.id,
        );
      }
      await publishAgenda(first, stage.id);

      setNow(first, '2026-12-15T04:30:00Z');
      setNow(second, '2026-12-15T04:30:00Z');
      await Promise.all([tick(first), tick(second), tick(first), tick(second)]);
      let current = first;
      if (!onPostgres) {
        current = await first.reopen();
        first = current;
        second = current;
        setNow(current, '2026-12-15T04:30:00Z');
      }
      await Promise.all([tick(current), tick(second)]);

      const reminders = mail.received.filter((message) =>
        message.messageId?.startsWith('<session_reminder.'),
      );
      expect(reminders).toHaveLength(PARTICIPANTS * PARALLEL_SESSIONS);
      expect(new Set(reminders.map((message) => message.messageId)).size).toBe(
        PARTICIPANTS * PARALLEL_SESSIONS,
      );
      const rows: { status: string; attempts: number; count: string | number }[] =
        await current.dataSource.query(
          `SELECT "status", "attempts", COUNT(*) AS "count" FROM "notifications"
           WHERE "rule" = 'session_reminder' GROUP BY "status", "attempts"`,
        );
      expect(rows.map((row) => [row.status, row.attempts, Number(row.count)])).toEqual([
        ['sent', 1, PARTICIPANTS * PARALLEL_SESSIONS],
      ]);
      const addresses = new Set(
        reminders.map((message) => (Array.isArray(message.to) ? '' : message.to?.text)),
      );
      expect(addresses).toEqual(new Set(people.map((person) => person.email)));
    },
  );

  it('gives back what a slow mail server kept it from sending within half its lease', async () => {
    const { id: programId } = await createProgram(first, { status: 'active' });
    const cohort = await createCohort(first, {}, programId);
    const stage = await createStage(
      first,
      { startDate: '2026-12-21', endDate: '2026-12-21' },
      cohort.id,
    );
    for (let i = 0; i < 12; i++) {
      await enroll(first, cohort.id, (await createParticipant(first)).id);
    }
    await createSession(
      first,
      { startsAt: '2026-12-21T10:00', endsAt: '2026-12-21T11:00' },
      stage.id,
    );
    await publishAgenda(first, stage.id);
    setNow(first, '2026-12-21T04:30:00Z');
    mail.delay(1500);
    const before = mail.received.length;
    const outcome = await tick(first);
    // Four at a time, 1.5 s each: the third group at the latest would start past 2.5 s.
    expect(outcome.sent).toBeGreaterThanOrEqual(4);
    expect(outcome.sent).toBeLessThanOrEqual(8);
    const waiting: { status: string; attempts: number }[] = await first.dataSource.query(
      `SELECT "status", "attempts" FROM "notifications" WHERE "rule" = 'session_reminder' AND "status" <> 'sent'`,
    );
    expect(waiting).toEqual(Array(12 - outcome.sent).fill({ status: 'pending', attempts: 0 }));
    mail.delay(0);
    expect((await tick(first)).sent).toBe(12 - outcome.sent);
    expect(mail.received.length - before).toBe(12);
  });
});
