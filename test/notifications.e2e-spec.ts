import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { Clock } from '../src/common/time/clock';
import { NotificationScheduler } from '../src/notifications/notification-scheduler';
import {
  TEST_PASSWORD,
  assignMentor,
  createAccount,
  createCohort,
  createMentor,
  createMoscowStage,
  createParticipant,
  createProgram,
  createSession,
  createStage,
  enroll,
  publishAgenda,
} from './support/factories';
import { MailServer, startMailServer } from './support/mail-server';
import type { TestApp } from './support/test-app';

/**
 * Reminders and notices through the real stack: HTTP writes, the scheduler run against the
 * database with a moved clock, and a real SMTP server in this process whose messages are
 * parsed back.
 */
describe('notifications', () => {
  let t: TestApp;
  let mail: MailServer;

  beforeAll(async () => {
    mail = await startMailServer();
    // Read when the application module loads its configuration.
    process.env.SMTP_URL = mail.url;
    process.env.MAIL_FROM = 'Школа мэров <no-reply@mayors.example.ru>';
    process.env.NOTIFICATION_MAX_ATTEMPTS = '3';
    process.env.NOTIFICATION_RETRY_SECONDS = '60';
    process.env.NOTIFICATION_LEASE_SECONDS = '120';
    const { createTestApp } = await import('./support/test-app');
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  const setNow = (instant: string) =>
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(instant));
  const tick = () => t.app.get(NotificationScheduler).tick();
  const mailsTo = (address: string, rule: string) =>
    mail.received.filter(
      (message) =>
        message.to !== undefined &&
        !Array.isArray(message.to) &&
        message.to.value[0].address === address &&
        message.messageId?.startsWith(`<${rule}.`),
    );
  const outbox = async (where: string) =>
    t.dataSource.query(`SELECT * FROM "notifications" WHERE ${where} ORDER BY "id"`);
  const calendarOf = (message: ParsedMail) => {
    const attachment = message.attachments.find((file) =>
      file.contentType.startsWith('text/calendar'),
    );
    expect(attachment).toBeDefined();
    const calendar = new ICAL.Component(ICAL.parse(attachment!.content.toString('utf8')));
    return calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
  };

  /**
   * An active program with a Moscow stage (7–9 Dec) and a Tyumen stage (14–16 Dec): Анна
   * (Russian, with an account and a mentor), Bob (English), and Вера, who withdrew.
   */
  async function programInTwoCities(program: Record<string, unknown> = {}) {
    const { id: programId } = await createProgram(t, { status: 'active', ...program });
    const cohort = await createCohort(t, {}, programId);
    const moscow = await createMoscowStage(
      t,
      {
        startDate: '2026-12-07',
        endDate: '2026-12-09',
        venue: 'Сколково',
        address: 'Новая ул., 100',
      },
      cohort.id,
    );
    const tyumen = await createStage(
      t,
      { startDate: '2026-12-14', endDate: '2026-12-16', venue: 'Технопарк' },
      cohort.id,
    );
    const anna = await createParticipant(t, { fullName: 'Анна Смирнова' });
    const bob = await createParticipant(t, { fullName: 'Bob Stone', locale: 'en' });
    const vera = await createParticipant(t, { fullName: 'Вера Ушедшая' });
    for (const participant of [anna, bob, vera]) {
      await enroll(t, cohort.id, participant.id);
    }
    await t.http().delete(`/api/cohorts/${cohort.id}/enrollments/${vera.id}`).expect(200);
    const mentor = await createMentor(t, { fullName: 'Олег Наставников' });
    await assignMentor(t, mentor.id, cohort.id, anna.id);
    const annaAccount = await createAccount(t, 'participant', { participantId: anna.id });
    const moscowLecture = await createSession(
      t,
      {
        title: 'Лекция о документообороте',
        startsAt: '2026-12-08T10:00',
        endsAt: '2026-12-08T11:30',
        venue: 'Аудитория 1',
        onlineUrl: 'https://meet.example.ru/lecture',
      },
      moscow.id,
    );
    const tyumenMorning = await createSession(
      t,
      {
        title: 'Экскурсия по общественным пространствам',
        type: 'excursion',
        startsAt: '2026-12-15T10:00',
        endsAt: '2026-12-15T12:00',
      },
      tyumen.id,
    );
    const tyumenAfternoon = await createSession(
      t,
      {
        title: 'Инвестиционная команда',
        startsAt: '2026-12-15T14:00',
        endsAt: '2026-12-15T15:30',
        onlineUrl: 'https://meet.example.ru/team',
      },
      tyumen.id,
    );
    await publishAgenda(t, moscow.id);
    await publishAgenda(t, tyumen.id);
    return {
      programId,
      cohort,
      moscow,
      tyumen,
      anna,
      bob,
      vera,
      mentor,
      annaAccount,
      moscowLecture,
      tyumenMorning,
      tyumenAfternoon,
    };
  }

  describe('rules', () => {
    let world: Awaited<ReturnType<typeof programInTwoCities>>;

    beforeAll(async () => {
      setNow('2026-12-01T00:00:00Z');
      world = await programInTwoCities();
      await tick(); // the invitation of Анна's account goes out
    });

    it('announces each stage at 09:00 local three days before, with local times and a calendar file', async () => {
      setNow('2026-12-04T05:59:00Z'); // 08:59 in Moscow
      await tick();
      expect(mailsTo(world.anna.email, 'stage_announcement')).toHaveLength(0);

      setNow('2026-12-04T06:00:00Z'); // 09:00 in Moscow, three days before 7 December
      await tick();
      const [toAnna] = mailsTo(world.anna.email, 'stage_announcement');
      expect(toAnna.subject).toBe(
        'Скоро этап: Управленческая мастерская, Сколково, 7–9 декабря 2026',
      );
      expect(toAnna.text).toContain('Здравствуйте, Анна Смирнова!');
      expect(toAnna.text).toContain(
        '8 декабря, 10:00–11:30, Сколково (UTC+3) — Лекция о документообороте',
      );
      expect(toAnna.text).toContain('Место: Сколково, Новая ул., 100');
      expect(toAnna.text).toContain(
        '  Место: Аудитория 1\n  Онлайн: https://meet.example.ru/lecture',
      );
      expect(toAnna.headers.get('auto-submitted')).toBe('auto-generated');
      const [toBob] = mailsTo(world.bob.email, 'stage_announcement');
      expect(toBob.subject).toBe(
        'Coming up: Управленческая мастерская, Сколково, 7–9 December 2026',
      );
      expect(toBob.text).toContain('8 December, 10:00–11:30, Сколково (UTC+3)');
      expect(toBob.headers.get('content-language')).toBe('en');
      expect(mailsTo(world.mentor.email, 'stage_announcement')).toHaveLength(1);
      expect(mailsTo(world.vera.email, 'stage_announcement')).toHaveLength(0);
      // The Tyumen stage's time has not come.
      expect(mailsTo(world.anna.email, 'stage_announcement')).toHaveLength(1);

      const ics = toAnna.attachments[0].content.toString('utf8');
      expect(new ICAL.Component(ICAL.parse(ics)).getFirstPropertyValue('method')).toBe('PUBLISH');
      const [lecture] = calendarOf(toAnna);
      expect(lecture.summary).toBe('Лекция о документообороте');
      expect(lecture.startDate.zone.tzid).toBe('Europe/Moscow');
      expect(lecture.startDate.toString()).toBe('2026-12-08T10:00:00');
      expect(lecture.startDate.toJSDate().toISOString()).toBe('2026-12-08T07:00:00.000Z');

      setNow('2026-12-11T04:00:00Z'); // 09:00 in Tyumen (UTC+5), three days before 14 December
      await tick();
      const tyumen = mailsTo(world.anna.email, 'stage_announcement')[1];
      expect(tyumen.text).toContain(
        '15 декабря, 10:00–12:00, Тюмень (UTC+5) — Экскурсия по общественным пространствам',
      );
      expect(tyumen.text).toContain(
        '15 декабря, 14:00–15:30, Тюмень (UTC+5) — Инвестиционная команда',
      );
      expect(tyumen.text).toContain('Онлайн: https://meet.example.ru/team');
      expect(calendarOf(tyumen).map((event) => event.startDate.toJSDate().toISOString())).toEqual([
        '2026-12-15T05:00:00.000Z',
        '2026-12-15T09:00:00.000Z',
      ]);
    });

    it('carries the Message-ID of its key, and the job run twice (or twice at once) sends nothing again', async () => {
      const before = mail.received.length;
      await tick();
      await Promise.all([tick(), tick()]);
      expect(mail.received.length).toBe(before);
      const [row] = await outbox(
        `"rule" = 'stage_announcement' AND "recipientKey" = 'participant:${world.anna.id}' AND "subjectKey" = 'stage:${world.moscow.id}'`,
      );
      expect(row.status).toBe('sent');
      expect(row.channel).toBe('smtp');
      expect(mailsTo(world.anna.email, 'stage_announcement')[0].messageId).toBe(row.messageId);
      expect(row.messageId).toMatch(
        /^<stage_announcement\.[0-9a-f]{32}\.[0-9a-f]{12}@mayors\.example\.ru>$/,
      );
    });

    it('sends the evening digest at 19:00 in the stage’s zone on the day before, listing the next day', async () => {
      setNow('2026-12-14T13:59:00Z'); // 18:59 in Tyumen
      await tick();
      expect(mailsTo(world.anna.email, 'evening_digest')).toHaveLength(0);

      setNow('2026-12-14T14:00:00Z'); // 19:00 in Tyumen on 14 December
      await tick();
      const [digest] = mailsTo(world.anna.email, 'evening_digest');
      expect(digest.subject).toBe('Завтра, 15 декабря: ваши занятия — Тюмень');
      const morning = digest.text!.indexOf('10:00–12:00, Тюмень (UTC+5) — Экскурсия');
      const afternoon = digest.text!.indexOf(
        '14:00–15:30, Тюмень (UTC+5) — Инвестиционная команда',
      );
      expect(morning).toBeGreaterThan(0);
      expect(afternoon).toBeGreaterThan(morning);
      expect(mailsTo(world.bob.email, 'evening_digest')[0].subject).toBe(
        'Tomorrow, 15 December: your sessions in Тюмень',
      );
      expect(mailsTo(world.vera.email, 'evening_digest')).toHaveLength(0);
    });

    it('reminds participants 30 minutes before a session, unless they switched it off', async () => {
      await t
        .as(world.annaAccount.token)
        .put('/api/me/notification-preferences')
        .send({ sessionReminders: false })
        .expect(200);
      setNow('2026-12-15T04:29:00Z');
      await tick();
      expect(mailsTo(world.bob.email, 'session_reminder')).toHaveLength(0);

      setNow('2026-12-15T04:30:00Z'); // 09:30 in Tyumen: the 10:00 excursion
      await tick();
      const [reminder] = mailsTo(world.bob.email, 'session_reminder');
      expect(reminder.subject).toBe(
        'Reminder: Экскурсия по общественным пространствам at 10:00 (Тюмень)',
      );
      expect(reminder.text).toContain('15 December, 10:00–12:00, Тюмень (UTC+5)');
      expect(mailsTo(world.anna.email, 'session_reminder')).toHaveLength(0);
      expect(mailsTo(world.vera.email, 'session_reminder')).toHaveLength(0);
      await t
        .as(world.annaAccount.token)
        .put('/api/me/notification-preferences')
        .send({ sessionReminders: true })
        .expect(200);
    });

    it('tells of a publish that moves and cancels sessions in one message; the reminder follows the new time', async () => {
      setNow('2026-12-15T06:00:00Z');
      await t
        .http()
        .patch(`/api/sessions/${world.tyumenAfternoon.id}`)
        .send({ startsAt: '2026-12-15T15:00', endsAt: '2026-12-15T16:30' })
        .expect(200);
      const extra = await createSession(
        t,
        { title: 'Круглый стол', startsAt: '2026-12-16T10:00', endsAt: '2026-12-16T11:00' },
        world.tyumen.id,
      );
      await publishAgenda(t, world.tyumen.id);
      await t.http().patch(`/api/sessions/${extra.id}`).send({ status: 'cancelled' }).expect(200);
      await t
        .http()
        .patch(`/api/stages/${world.tyumen.id}`)
        .send({ venue: 'Технопарк, зал 2' })
        .expect(200);
      await t
        .http()
        .patch(`/api/sessions/${world.tyumenMorning.id}`)
        .send({ title: 'Экскурсия по набережной' })
        .expect(200);
      // Added already cancelled: never on anyone's agenda, so nobody is told of it.
      await createSession(
        t,
        {
          title: 'Лекция, которой не будет',
          status: 'cancelled',
          startsAt: '2026-12-16T12:00',
          endsAt: '2026-12-16T13:00',
        },
        world.tyumen.id,
      );
      await publishAgenda(t, world.tyumen.id);
      await tick();

      const notices = mailsTo(world.anna.email, 'agenda_change');
      expect(notices).toHaveLength(2);
      expect(notices[0].subject).toBe('Изменения в программе: Стажировка в Тюмени, Тюмень');
      expect(notices[0].text).toContain('Перенесено: Инвестиционная команда');
      expect(notices[0].text).toContain(
        '15 декабря, 14:00–15:30, Тюмень (UTC+5) → 15 декабря, 15:00–16:30, Тюмень (UTC+5)',
      );
      expect(notices[0].text).toContain('Добавлено: Круглый стол');
      expect(notices[1].text).toContain('Отменено: Круглый стол');
      expect(notices[1].text).toContain('Новое место этапа');
      expect(notices[1].text).toContain('место: «Технопарк» → «Технопарк, зал 2»');
      expect(notices[1].text).toContain(
        'название: «Экскурсия по общественным пространствам» → «Экскурсия по набережной»',
      );
      const events = calendarOf(notices[0]);
      // Named by the stage, in no one language: the same file goes to Russian and English readers.
      const file = notices[0].attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
      expect(
        new ICAL.Component(ICAL.parse(file.content.toString('utf8'))).getFirstPropertyValue(
          'x-wr-calname',
        ),
      ).toBe('Стажировка в Тюмени — Тюмень');
      const moved = events.find((event) => event.summary === 'Инвестиционная команда')!;
      expect(moved.startDate.toJSDate().toISOString()).toBe('2026-12-15T10:00:00.000Z');
      expect(moved.startDate.zone.tzid).toBe('Asia/Yekaterinburg');
      const roundTable = calendarOf(notices[1]).find((event) => event.summary === 'Круглый стол')!;
      expect(roundTable.component.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(notices[1].text).not.toContain('Лекция, которой не будет');
      expect(calendarOf(notices[1]).map((event) => event.summary)).not.toContain(
        'Лекция, которой не будет',
      );
      expect(mailsTo(world.bob.email, 'agenda_change')[0].subject).toBe(
        'Agenda changes: Стажировка в Тюмени, Тюмень',
      );
      expect(mailsTo(world.vera.email, 'agenda_change')).toHaveLength(0);

      setNow('2026-12-15T08:30:00Z'); // 13:30: the session's old reminder time
      await tick();
      expect(
        mailsTo(world.anna.email, 'session_reminder').filter((m) =>
          m.subject?.includes('Инвестиционная команда'),
        ),
      ).toHaveLength(0);
      setNow('2026-12-15T09:30:00Z'); // 14:30: 30 minutes before its new start
      await tick();
      const [reminder] = mailsTo(world.anna.email, 'session_reminder').filter((m) =>
        m.subject?.includes('Инвестиционная команда'),
      );
      expect(reminder.text).toContain('15 декабря, 15:00–16:30, Тюмень (UTC+5)');

      // The cancelled round table is reminded of to nobody.
      setNow('2026-12-16T04:45:00Z');
      await tick();
      expect(
        await outbox(`"rule" = 'session_reminder' AND "subjectKey" = 'session:${extra.id}'`),
      ).toEqual([]);
    });

    it('reminds a mentor and its mentee an hour before their meeting', async () => {
      const mentorAccount = await createAccount(t, 'mentor', { mentorId: world.mentor.id });
      await t
        .as(mentorAccount.token)
        .post(`/api/mentors/${world.mentor.id}/meetings`)
        .send({
          participantId: world.anna.id,
          startsAt: '2026-12-16T18:00',
          endsAt: '2026-12-16T19:00',
          timeZone: 'Asia/Yekaterinburg',
          topic: 'План развития территории',
          place: 'Кафе у набережной',
        })
        .expect(201);
      setNow('2026-12-16T11:59:00Z');
      await tick();
      expect(mailsTo(world.anna.email, 'meeting_reminder')).toHaveLength(0);
      setNow('2026-12-16T12:00:00Z'); // 17:00 in Tyumen
      await tick();
      const [toAnna] = mailsTo(world.anna.email, 'meeting_reminder');
      expect(toAnna.subject).toBe('Встреча наставничества в 18:00: План развития территории');
      expect(toAnna.text).toContain('Ваша встреча с наставником Олег Наставников');
      expect(toAnna.text).toContain('16 декабря, 18:00–19:00, Asia/Yekaterinburg (UTC+5)');
      const [toMentor] = mailsTo(world.mentor.email, 'meeting_reminder');
      expect(toMentor.text).toContain('Ваша встреча с участником Анна Смирнова');
    });
  });

  describe('delivery', () => {
    let world: Awaited<ReturnType<typeof programInTwoCities>>;

    beforeAll(async () => {
      setNow('2026-12-01T00:00:00Z');
      world = await programInTwoCities({ announcementDaysBefore: null, eveningDigestAt: null });
      await tick();
    });

    it('skips, with the reason, a reminder whose session began while the service was down', async () => {
      setNow('2026-12-08T07:10:00Z'); // ten minutes into the Moscow lecture
      await tick();
      expect(mailsTo(world.anna.email, 'session_reminder')).toHaveLength(0);
      const rows = await outbox(
        `"rule" = 'session_reminder' AND "subjectKey" = 'session:${world.moscowLecture.id}'`,
      );
      expect(rows.map((row: { status: string }) => row.status)).toEqual(['skipped', 'skipped']);
      expect(rows[0].reason).toBe(
        'too late: the session had begun before the reminder could be sent',
      );
    });

    it('retries a refused message with a doubling wait, then records the final failure', async () => {
      const people = [world.anna.email, world.bob.email];
      mail.refuse(people, 2);
      setNow('2026-12-15T04:30:00Z');
      await tick();
      const key = `"rule" = 'session_reminder' AND "subjectKey" = 'session:${world.tyumenMorning.id}'`;
      let rows = await outbox(key);
      expect(rows.map((row: { status: string }) => row.status)).toEqual(['pending', 'pending']);
      expect(rows[0].attempts).toBe(1);
      expect(rows[0].lastError).toContain('451');

      setNow('2026-12-15T04:30:59Z'); // the first wait is 60 s
      await tick();
      expect((await outbox(key))[0].attempts).toBe(1);
      setNow('2026-12-15T04:31:00Z');
      await tick();
      rows = await outbox(key);
      expect(rows.map((row: { status: string }) => row.status)).toEqual(['sent', 'sent']);
      expect(mailsTo(world.anna.email, 'session_reminder')).toHaveLength(1);
      expect(mailsTo(world.bob.email, 'session_reminder')).toHaveLength(1);

      // The afternoon session's reminders: every attempt refused.
      mail.refuse(people, 100);
      const afternoon = `"rule" = 'session_reminder' AND "subjectKey" = 'session:${world.tyumenAfternoon.id}'`;
      setNow('2026-12-15T08:30:00Z');
      await tick();
      setNow('2026-12-15T08:31:00Z'); // second attempt after 60 s
      await tick();
      expect((await outbox(afternoon))[0].attempts).toBe(2);
      setNow('2026-12-15T08:32:59Z'); // the third waits 120 s more
      await tick();
      expect((await outbox(afternoon))[0].attempts).toBe(2);
      setNow('2026-12-15T08:33:00Z');
      await tick();
      mail.refuse([], 0);
      rows = await outbox(afternoon);
      expect(rows.map((row: { status: string }) => row.status)).toEqual(['failed', 'failed']);
      expect(rows[0].attempts).toBe(3);
      expect(rows[0].lastError).toContain('Mailbox busy');
    });

    it('sends what a crashed sender had claimed once its lease runs out, and only then', async () => {
      const { id: meetingId } = (
        await t
          .http()
          .post(`/api/mentors/${world.mentor.id}/meetings`)
          .send({
            participantId: world.anna.id,
            startsAt: '2026-12-20T12:00',
            endsAt: '2026-12-20T13:00',
            timeZone: 'Europe/Moscow',
            topic: 'Итоги стажировки',
          })
          .expect(201)
      ).body;
      setNow('2026-12-20T08:00:00Z'); // 11:00 in Moscow
      // A sender claims the two reminders and dies before sending.
      await t.app.get(NotificationScheduler).findDue();
      await t.dataSource.query(
        `UPDATE "notifications" SET "status" = 'sending', "attempts" = 1, "claimToken" = 'dead',
           "leaseUntil" = '${t.dataSource.options.type === 'postgres' ? '2026-12-20T08:02:00Z' : '2026-12-20 08:02:00.000'}'
         WHERE "subjectKey" = 'meeting:${meetingId}'`,
      );
      setNow('2026-12-20T08:01:59Z');
      await tick();
      expect(mailsTo(world.anna.email, 'meeting_reminder')).toHaveLength(0);
      setNow('2026-12-20T08:02:00Z');
      await tick();
      await tick();
      expect(mailsTo(world.anna.email, 'meeting_reminder')).toHaveLength(1);
      expect(mailsTo(world.mentor.email, 'meeting_reminder')).toHaveLength(1);
      const rows = await outbox(`"subjectKey" = 'meeting:${meetingId}'`);
      expect(
        rows.map((row: { status: string; attempts: number }) => [row.status, row.attempts]),
      ).toEqual([
        ['sent', 2],
        ['sent', 2],
      ]);
    });

    it('reminds nobody of a cancelled meeting, and of a moved one at its new time', async () => {
      const meeting = (time: string) =>
        t
          .http()
          .post(`/api/mentors/${world.mentor.id}/meetings`)
          .send({
            participantId: world.anna.id,
            startsAt: `2026-12-21T${time}`,
            endsAt: `2026-12-21T${time.replace(/^1/, '2')}`,
            timeZone: 'Europe/Moscow',
            topic: `Встреча в ${time}`,
          })
          .expect(201);
      const cancelled = (await meeting('10:00')).body;
      const moved = (await meeting('11:00')).body;
      await t
        .http()
        .patch(`/api/meetings/${cancelled.id}`)
        .send({ status: 'cancelled' })
        .expect(200);
      setNow('2026-12-21T06:50:00Z');
      await tick(); // the 11:00 meeting is not due yet
      await t
        .http()
        .patch(`/api/meetings/${moved.id}`)
        .send({ startsAt: '2026-12-21T16:00', endsAt: '2026-12-21T17:00' })
        .expect(200);
      setNow('2026-12-21T07:00:00Z');
      await tick();
      expect(
        await outbox(`"subjectKey" IN ('meeting:${cancelled.id}', 'meeting:${moved.id}')`),
      ).toEqual([]);
      setNow('2026-12-21T12:00:00Z');
      await tick();
      const rows = await outbox(`"subjectKey" = 'meeting:${moved.id}'`);
      expect(rows.map((row: { version: string }) => row.version)).toEqual([
        '2026-12-21T13:00:00.000Z',
        '2026-12-21T13:00:00.000Z',
      ]);
    });
  });

  describe('what is no longer owed when its turn comes', () => {
    it('skips a waiting reminder whose participant withdrew, or whose session moved', async () => {
      setNow('2026-12-01T00:00:00Z');
      const world = await programInTwoCities({
        announcementDaysBefore: null,
        eveningDigestAt: null,
      });
      const reminders = (sessionId: number) =>
        outbox(`"rule" = 'session_reminder' AND "subjectKey" = 'session:${sessionId}'`);

      mail.refuse([world.bob.email], 1);
      setNow('2026-12-15T04:30:00Z');
      await tick();
      await t
        .http()
        .delete(`/api/cohorts/${world.cohort.id}/enrollments/${world.bob.id}`)
        .expect(200);
      setNow('2026-12-15T04:31:00Z');
      await tick();
      const morning = await reminders(world.tyumenMorning.id);
      expect(
        morning.map((row: { status: string; reason: string | null }) => [row.status, row.reason]),
      ).toEqual([
        ['sent', null],
        ['skipped', 'the participant is no longer enrolled'],
      ]);

      mail.refuse([world.anna.email], 1);
      setNow('2026-12-15T08:30:00Z');
      await tick();
      await t
        .http()
        .patch(`/api/sessions/${world.tyumenAfternoon.id}`)
        .send({ startsAt: '2026-12-15T16:00', endsAt: '2026-12-15T17:00' })
        .expect(200);
      await publishAgenda(t, world.tyumen.id);
      setNow('2026-12-15T08:31:00Z');
      await tick();
      expect((await reminders(world.tyumenAfternoon.id))[0]).toMatchObject({
        status: 'skipped',
        reason: 'the session moved to 2026-12-15T11:00:00.000Z',
      });
      setNow('2026-12-15T10:30:00Z');
      await tick();
      const [, anew] = await reminders(world.tyumenAfternoon.id);
      expect(anew).toMatchObject({ status: 'sent', version: '2026-12-15T11:00:00.000Z' });
      // With no announcement, version 1 was told to both at its publish; version 2 only to Анна.
      expect(mailsTo(world.anna.email, 'agenda_change')).toHaveLength(2);
      expect(mailsTo(world.bob.email, 'agenda_change')).toHaveLength(1);
    });
  });

  describe('a first agenda published after the announcement', () => {
    it('tells those announced to, leaves the others to their announcement, and lists only what is to come', async () => {
      setNow('2026-12-01T00:00:00Z');
      const { id: programId } = await createProgram(t, { status: 'active' });
      const cohort = await createCohort(t, {}, programId);
      const stage = await createMoscowStage(
        t,
        { startDate: '2026-12-07', endDate: '2026-12-09' },
        cohort.id,
      );
      const early = await createParticipant(t, { fullName: 'Ранний Участник' });
      await enroll(t, cohort.id, early.id);
      setNow('2026-12-04T06:00:00Z');
      await tick();
      const [announcement] = mailsTo(early.email, 'stage_announcement');
      expect(announcement.text).toContain('Программа ещё не опубликована');
      expect(announcement.attachments).toEqual([]);

      const late = await createParticipant(t, { fullName: 'Поздний Участник' });
      await enroll(t, cohort.id, late.id);
      await createSession(
        t,
        { title: 'Первое занятие', startsAt: '2026-12-07T10:00', endsAt: '2026-12-07T11:00' },
        stage.id,
      );
      await createSession(
        t,
        {
          title: 'Отменённая экскурсия',
          status: 'cancelled',
          startsAt: '2026-12-08T10:00',
          endsAt: '2026-12-08T11:00',
        },
        stage.id,
      );
      await publishAgenda(t, stage.id);
      await tick();
      const [published] = mailsTo(early.email, 'agenda_change');
      expect(published.subject).toBe('Опубликована программа: Управленческая мастерская, Сколково');
      expect(published.text).toContain('7 декабря, 10:00–11:00, Сколково (UTC+3) — Первое занятие');
      expect(published.text).not.toContain('Отменённая экскурсия');
      expect(mailsTo(late.email, 'agenda_change')).toHaveLength(0);
      const [lateAnnouncement] = mailsTo(late.email, 'stage_announcement');
      expect(lateAnnouncement.text).toContain(
        '7 декабря, 10:00–11:00, Сколково (UTC+3) — Первое занятие',
      );
      expect(lateAnnouncement.text).not.toContain('Отменённая экскурсия');

      // During the stage, a change to what is over says nothing; to what is to come, it does.
      setNow('2026-12-07T09:00:00Z'); // 12:00 in Moscow
      const [first] = (await t.http().get(`/api/stages/${stage.id}/sessions`).expect(200)).body
        .items;
      await t.http().patch(`/api/sessions/${first.id}`).send({ title: 'Первое занятие (итоги)' });
      await publishAgenda(t, stage.id);
      await createSession(
        t,
        { title: 'Вечернее занятие', startsAt: '2026-12-07T18:00', endsAt: '2026-12-07T19:00' },
        stage.id,
      );
      await publishAgenda(t, stage.id);
      await tick();
      const notices = mailsTo(early.email, 'agenda_change');
      expect(notices).toHaveLength(2);
      expect(notices[1].text).toContain('Добавлено: Вечернее занятие');
      expect(notices[1].text).not.toContain('Первое занятие');
    });
  });

  describe('a program still in draft', () => {
    it('reminds and announces nothing', async () => {
      setNow('2026-12-01T00:00:00Z');
      const world = await programInTwoCities({ status: 'draft' });
      for (const moment of [
        '2026-12-04T06:00:00Z',
        '2026-12-14T14:00:00Z',
        '2026-12-15T04:30:00Z',
      ]) {
        setNow(moment);
        await tick();
      }
      expect(
        await outbox(
          `"email" IN ('${world.anna.email}', '${world.bob.email}', '${world.mentor.email}')`,
        ),
      ).toEqual([]);
    });
  });

  describe('account mail', () => {
    it('mails the invitation with the same link the organizer is given, and keeps no link once sent', async () => {
      setNow('2026-12-01T00:00:00Z');
      const invited = await t
        .http()
        .post('/api/invitations')
        .send({ email: 'new.host@example.ru', role: 'host', fullName: 'Новый Хост' })
        .expect(201);
      await tick();
      const [message] = mail.received.filter(
        (m) => !Array.isArray(m.to) && m.to?.value[0].address === 'new.host@example.ru',
      );
      expect(message.subject).toBe('Ваша учётная запись в программе');
      expect(message.text).toContain(invited.body.invitationUrl);
      const [row] = await outbox(`"email" = 'new.host@example.ru'`);
      expect(row).toMatchObject({ rule: 'invitation', status: 'sent', secret: null });
      expect(row.body).toContain('{link}');
      expect(row.body).not.toContain(invited.body.token);
    });

    it('answers a password reset the same for any address, mails a working link, and ends older tokens', async () => {
      setNow('2026-12-01T00:00:00Z');
      const participant = await createParticipant(t, { locale: 'en' });
      const { email, token } = await createAccount(t, 'participant', {
        participantId: participant.id,
      });
      const known = await t
        .anonymous()
        .post('/api/auth/password-reset')
        .send({ email })
        .expect(202);
      const unknown = await t
        .anonymous()
        .post('/api/auth/password-reset')
        .send({ email: 'nobody@example.ru' })
        .expect(202);
      expect(unknown.body).toEqual(known.body);
      expect(await outbox(`"email" = 'nobody@example.ru'`)).toEqual([]);
      await t
        .http()
        .post('/api/invitations')
        .send({ email: 'invited.only@example.ru', role: 'host', fullName: 'Приглашённый' })
        .expect(201);
      await t
        .anonymous()
        .post('/api/auth/password-reset')
        .send({ email: 'invited.only@example.ru' })
        .expect(202);
      expect(
        await outbox(`"email" = 'invited.only@example.ru' AND "rule" = 'password_reset'`),
      ).toEqual([]);
      await t.anonymous().post('/api/auth/password-reset').send({}).expect(400);

      await tick();
      const [message] = mailsTo(email, 'password_reset');
      expect(message.subject).toBe('Password reset');
      const link = /https?:\/\/\S+token=(\S+)/.exec(message.text!)!;
      await t
        .anonymous()
        .post('/api/invitations/accept')
        .send({ token: decodeURIComponent(link[1]), password: 'a brand new password' })
        .expect(200);
      await t.as(token).get('/api/me').expect(401);
      await t.signIn(email, 'a brand new password');
      await expect(t.signIn(email, TEST_PASSWORD)).rejects.toThrow();
    });
    it('mails only links that still work: one replaced, already used or of a deactivated account is skipped, with the reason', async () => {
      setNow('2026-12-01T00:00:00Z');
      const first = await t
        .http()
        .post('/api/invitations')
        .send({ email: 'relinked@example.ru', role: 'host', fullName: 'Переприглашённый' })
        .expect(201);
      const second = await t
        .http()
        .post(`/api/accounts/${first.body.account.id}/invitations`)
        .expect(201);
      const used = await t
        .http()
        .post('/api/invitations')
        .send({ email: 'quick@example.ru', role: 'host', fullName: 'Быстрый' })
        .expect(201);
      await t
        .anonymous()
        .post('/api/invitations/accept')
        .send({ token: used.body.token, password: 'a long enough password' })
        .expect(200);
      const ended = await t
        .http()
        .post('/api/invitations')
        .send({ email: 'ended@example.ru', role: 'host', fullName: 'Ушедший' })
        .expect(201);
      await t
        .http()
        .patch(`/api/accounts/${ended.body.account.id}`)
        .send({ status: 'deactivated' })
        .expect(200);
      await tick();

      const relinked = mailsTo('relinked@example.ru', 'invitation');
      expect(relinked).toHaveLength(1);
      expect(relinked[0].text).toContain(second.body.invitationUrl);
      expect(relinked[0].text).not.toContain(first.body.invitationUrl);
      expect(mailsTo('quick@example.ru', 'invitation')).toEqual([]);
      expect(mailsTo('ended@example.ru', 'invitation')).toEqual([]);
      const rows = await outbox(
        `"email" IN ('relinked@example.ru', 'quick@example.ru', 'ended@example.ru')`,
      );
      expect(
        rows.map((row: Record<string, unknown>) => [row.email, row.status, row.reason, row.secret]),
      ).toEqual([
        [
          'relinked@example.ru',
          'skipped',
          'the link no longer works: a newer one replaced it, or it expired',
          null,
        ],
        ['relinked@example.ru', 'sent', null, null],
        ['quick@example.ru', 'skipped', 'the link was already used', null],
        ['ended@example.ru', 'skipped', 'the account was deactivated', null],
      ]);
    });
  });

  describe('bad input and concurrent requests', () => {
    it('refuses bad reminder rules of a program, naming each, and takes null to switch one off', async () => {
      const before = await t.dataSource.query(`SELECT COUNT(*) AS "count" FROM "programs"`);
      const refused = await t
        .http()
        .post('/api/programs')
        .send({
          title: 'Школа мэров',
          organizer: 'ВШГУ',
          announcementDaysBefore: -1,
          sessionReminderMinutes: 0,
          meetingReminderMinutes: 'soon',
          eveningDigestAt: '25:00',
        })
        .expect(400);
      expect(refused.body.message).toEqual(
        expect.arrayContaining([
          'announcementDaysBefore must not be less than 0',
          'sessionReminderMinutes must not be less than 1',
          'meetingReminderMinutes must be an integer number',
          'eveningDigestAt must be a time HH:MM',
        ]),
      );
      expect(await t.dataSource.query(`SELECT COUNT(*) AS "count" FROM "programs"`)).toEqual(
        before,
      );
      const program = await createProgram(t);
      expect(program).toMatchObject({
        announcementDaysBefore: 3,
        sessionReminderMinutes: 30,
        meetingReminderMinutes: 60,
        eveningDigestAt: '19:00',
      });
      const changed = await t
        .http()
        .patch(`/api/programs/${program.id}`)
        .send({ sessionReminderMinutes: null, eveningDigestAt: '20:30' })
        .expect(200);
      expect(changed.body).toMatchObject({
        sessionReminderMinutes: null,
        eveningDigestAt: '20:30',
      });
    });

    it('refuses a malformed password-reset request', async () => {
      const refused = await t
        .anonymous()
        .post('/api/auth/password-reset')
        .send({ email: 5, extra: true })
        .expect(400);
      expect(refused.body.message).toEqual(
        expect.arrayContaining(['property extra should not exist', 'email must be a string']),
      );
    });

    it('leaves one working reset link when many are asked for at once', async () => {
      setNow('2026-12-01T00:00:00Z');
      const participant = await createParticipant(t);
      const { account, email } = await createAccount(t, 'participant', {
        participantId: participant.id,
      });
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          t.anonymous().post('/api/auth/password-reset').send({ email }),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(202));
      const links = await t.dataSource.query(
        `SELECT "expiresAt" FROM "invitations" WHERE "accountId" = ${account.id} AND "purpose" = 'password_reset'`,
      );
      expect(links).toHaveLength(10);
      const open = links.filter(
        (link: { expiresAt: string | Date }) =>
          new Date(
            link.expiresAt instanceof Date
              ? link.expiresAt
              : `${link.expiresAt.replace(' ', 'T')}Z`,
          ) > new Date('2026-12-01T00:00:00Z'),
      );
      expect(open).toHaveLength(1);
      expect(await outbox(`"rule" = 'password_reset' AND "email" = '${email}'`)).toHaveLength(10);
    });
  });

  describe('attendance warnings', () => {
    it('tells the participant’s mentor and the organizers once', async () => {
      setNow('2026-12-01T00:00:00Z');
      const world = await programInTwoCities({
        announcementDaysBefore: null,
        eveningDigestAt: null,
        sessionReminderMinutes: null,
        attendanceWarningAfterSessions: 1,
      });
      const invitedOnly = await t
        .http()
        .post('/api/invitations')
        .send({ email: 'not.yet@example.ru', role: 'organizer', fullName: 'Ещё не вошёл' })
        .expect(201);
      setNow('2026-12-08T09:00:00Z');
      await t
        .http()
        .put(`/api/sessions/${world.moscowLecture.id}/attendance`)
        .send({ marks: [{ participantId: world.anna.id, status: 'absent' }] })
        .expect(200);
      await tick();
      await tick();
      const [toMentor] = mailsTo(world.mentor.email, 'attendance_warning');
      expect(toMentor.subject).toBe('Посещаемость: Анна Смирнова, Управленческая мастерская');
      expect(toMentor.text).toContain('0 из 1 обязательных занятий (0%)');
      expect(mailsTo(world.mentor.email, 'attendance_warning')).toHaveLength(1);
      const toOrganizers = await outbox(
        `"rule" = 'attendance_warning' AND "recipientKey" LIKE 'account:%' AND "body" LIKE '%Анна Смирнова%'`,
      );
      expect(toOrganizers.length).toBeGreaterThanOrEqual(1);
      expect(
        await outbox(
          `"rule" = 'attendance_warning' AND "recipientKey" = 'account:${invitedOnly.body.account.id}'`,
        ),
      ).toEqual([]);
      const [warning] = await t.dataSource.query(
        `SELECT "notifiedAt" FROM "attendance_warnings" WHERE "participantId" = ${world.anna.id}`,
      );
      expect(warning.notifiedAt).not.toBeNull();
    });
  });

  describe('reading the outbox and preferences', () => {
    it('shows organizers every message with filters, and everyone else only its own', async () => {
      const everything = await t.http().get('/api/notifications?limit=200').expect(200);
      expect(everything.body.total).toBeGreaterThan(10);
      const failed = await t.http().get('/api/notifications?status=failed').expect(200);
      expect(failed.body.items.length).toBeGreaterThan(0);
      expect(failed.body.items.every((row: { status: string }) => row.status === 'failed')).toBe(
        true,
      );

      const participant = await createParticipant(t);
      const { account, token } = await createAccount(t, 'participant', {
        participantId: participant.id,
      });
      const own = await t.as(token).get('/api/notifications').expect(200);
      expect(own.body.items.map((row: { recipientKey: string }) => row.recipientKey)).toEqual([
        `account:${account.id}`,
      ]);
      expect(own.body.items[0]).toMatchObject({ rule: 'invitation', status: 'pending' });
      const byOrganizer = await t
        .http()
        .get(`/api/notifications?accountId=${account.id}`)
        .expect(200);
      expect(byOrganizer.body.total).toBe(1);
      // A participant's messages include those to its account (the invitation).
      const byParticipant = await t
        .http()
        .get(`/api/notifications?participantId=${participant.id}`)
        .expect(200);
      expect(byParticipant.body.items.map((row: { id: number }) => row.id)).toEqual(
        own.body.items.map((row: { id: number }) => row.id),
      );
      const refused = await t.as(token).get(`/api/notifications?participantId=1`).expect(400);
      expect(refused.body.message).toEqual([
        'participantId, mentorId and accountId are filters for organizers; you see your own messages',
      ]);
      await t.anonymous().get('/api/notifications').expect(401);
      const bad = await t
        .http()
        .get('/api/notifications?status=lost&rule=gossip&limit=0')
        .expect(400);
      expect(bad.body.message).toHaveLength(3);
    });

    it('keeps each account’s preferences, refuses bad ones whole, and takes concurrent changes', async () => {
      const participant = await createParticipant(t);
      const { token } = await createAccount(t, 'participant', { participantId: participant.id });
      expect((await t.as(token).get('/api/me/notification-preferences').expect(200)).body).toEqual({
        sessionReminders: true,
        eveningDigest: true,
        meetingReminders: true,
        locale: null,
      });
      const bad = await t
        .as(token)
        .put('/api/me/notification-preferences')
        .send({ sessionReminders: 'no', locale: 'de', eveningDigest: null, extra: 1 })
        .expect(400);
      expect(bad.body.message).toHaveLength(4);
      const empty = await t.as(token).put('/api/me/notification-preferences').send({}).expect(400);
      expect(empty.body.message).toEqual([
        'give at least one of sessionReminders, eveningDigest, meetingReminders, locale',
      ]);
      expect(
        await t.dataSource.query(
          `SELECT * FROM "notification_preferences" WHERE "accountId" IN (SELECT "id" FROM "accounts" WHERE "participantId" = ${participant.id})`,
        ),
      ).toEqual([]);

      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          t
            .as(token)
            .put('/api/me/notification-preferences')
            .send(i % 2 === 0 ? { eveningDigest: false } : { locale: 'en' }),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(200));
      const after = await t.as(token).get('/api/me/notification-preferences').expect(200);
      expect(after.body).toEqual({
        sessionReminders: true,
        eveningDigest: false,
        meetingReminders: true,
        locale: 'en',
      });
      await t.anonymous().get('/api/me/notification-preferences').expect(401);
    });
  });
});
