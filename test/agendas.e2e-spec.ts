import ICAL from 'ical.js';
import {
  createAccount,
  createCohort,
  createMentor,
  createMoscowStage,
  createParticipant,
  createSession,
  createStage,
  enroll,
} from './support/factories';
import { Clock } from '../src/common/time/clock';
import { TestApp, countRows, createTestApp } from './support/test-app';

type Body = Record<string, unknown>;

/** A parsed calendar file, read with ical.js (independent of the library that wrote it). */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  return { calendar, events };
}

describe('published agendas', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  // The stages of the factories are in November 2025: calendar feeds reach back 90 days from now.
  beforeEach(() => {
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2025-11-01T00:00:00Z'));
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  const publish = (stageId: number, token?: string) =>
    (token ? t.as(token) : t.http()).post(`/api/stages/${stageId}/agenda/publish`);

  /** A cohort with a Tyumen and a Moscow stage, a participant enrolled and signed in. */
  async function programWithTwoCities(overrides: { tyumen?: Body; moscow?: Body } = {}) {
    const cohort = await createCohort(t);
    const tyumen = await createStage(t, { ...overrides.tyumen }, cohort.id);
    const moscow = await createMoscowStage(t, { ...overrides.moscow }, cohort.id);
    const participant = await createParticipant(t);
    await enroll(t, cohort.id, participant.id);
    const account = await createAccount(t, 'participant', { participantId: participant.id });
    return { cohort, tyumen, moscow, participant, token: account.token };
  }

  describe('time rule', () => {
    it('shows a Tyumen 10:00 at 05:00Z and a Moscow 10:00 at 07:00Z, in true order, and in calendars with TZID', async () => {
      const { tyumen, moscow, participant, token } = await programWithTwoCities();
      const inTyumen = await createSession(
        t,
        {
          title: 'Экскурсия по общественным пространствам',
          startsAt: '2025-11-18T10:00',
          endsAt: '2025-11-18T12:00',
        },
        tyumen.id,
      );
      const inMoscow = await createSession(
        t,
        { title: 'Пленарное заседание', startsAt: '2025-10-08T10:00', endsAt: '2025-10-08T11:00' },
        moscow.id,
      );
      // A Tyumen session on a Moscow date that is earlier in UTC than a later Moscow one.
      expect((await publish(tyumen.id)).status).toBe(201);
      expect((await publish(moscow.id)).status).toBe(201);

      const schedule = await t.as(token).get('/api/me/schedule');
      expect(schedule.status).toBe(200);
      expect(schedule.body.total).toBe(2);
      expect(
        schedule.body.items.map((entry: Body) => [
          entry.id,
          entry.startsAt,
          entry.startsAtLocal,
          entry.timeZone,
          (entry.stage as Body).city,
        ]),
      ).toEqual([
        [
          inMoscow.id,
          '2025-10-08T07:00:00.000Z',
          '2025-10-08T10:00:00',
          'Europe/Moscow',
          'Сколково',
        ],
        [
          inTyumen.id,
          '2025-11-18T05:00:00.000Z',
          '2025-11-18T10:00:00',
          'Asia/Yekaterinburg',
          'Тюмень',
        ],
      ]);
      const byOrganizer = await t.http().get(`/api/participants/${participant.id}/schedule`);
      expect(byOrganizer.body.items.map((entry: Body) => entry.id)).toEqual([
        inMoscow.id,
        inTyumen.id,
      ]);

      const file = await t.as(token).get(`/api/participants/${participant.id}/schedule.ics`);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toMatch(/^text\/calendar/);
      expect(file.text).toContain('DTSTART;TZID=Asia/Yekaterinburg:20251118T100000');
      expect(file.text).toContain('DTSTART;TZID=Europe/Moscow:20251008T100000');
      const { calendar, events } = parseCalendar(file.text);
      const zones = calendar.getAllSubcomponents('vtimezone');
      expect(zones.map((zone) => zone.getFirstPropertyValue('tzid')).sort()).toEqual([
        'Asia/Yekaterinburg',
        'Europe/Moscow',
      ]);
      for (const zone of zones) {
        expect(zone.getAllSubcomponents('standard').length).toBeGreaterThan(0);
        ICAL.TimezoneService.register(zone);
      }
      const starts = events.map((event) =>
        new ICAL.Event(event).startDate.toJSDate().toISOString(),
      );
      expect(starts).toEqual(['2025-10-08T07:00:00.000Z', '2025-11-18T05:00:00.000Z']);
    });

    it('filters a schedule by local dates and by instants', async () => {
      const { tyumen, token } = await programWithTwoCities();
      const early = await createSession(
        t,
        { startsAt: '2025-11-18T01:00', endsAt: '2025-11-18T02:00' },
        tyumen.id,
      );
      const late = await createSession(
        t,
        { startsAt: '2025-11-19T10:00', endsAt: '2025-11-19T11:00' },
        tyumen.id,
      );
      await publish(tyumen.id);
      // 01:00 in Tyumen on the 18th is 20:00Z on the 17th: the local date decides.
      const onThe18th = await t.as(token).get('/api/me/schedule?from=2025-11-18&to=2025-11-18');
      expect(onThe18th.body.items.map((entry: Body) => entry.id)).toEqual([early.id]);
      const afterNoonUtc = await t.as(token).get('/api/me/schedule?from=2025-11-18T12:00Z');
      expect(afterNoonUtc.body.items.map((entry: Body) => entry.id)).toEqual([late.id]);
      const paged = await t.as(token).get('/api/me/schedule?limit=1&offset=1');
      expect(paged.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
      expect(paged.body.items.map((entry: Body) => entry.id)).toEqual([late.id]);
    });

    it('leaves out the stages of a cohort the participant withdrew from', async () => {
      const { cohort, tyumen, participant, token } = await programWithTwoCities();
      await createSession(t, {}, tyumen.id);
      await publish(tyumen.id);
      expect((await t.as(token).get('/api/me/schedule')).body.total).toBe(1);
      const withdrawn = await t
        .http()
        .patch(`/api/cohorts/${cohort.id}/enrollments/${participant.id}`)
        .send({ status: 'withdrawn' });
      expect(withdrawn.status).toBe(200);
      expect((await t.as(token).get('/api/me/schedule')).body.total).toBe(0);
    });
  });

  describe('publishing', () => {
    it('hides edits from participants until the next publish, and lists exactly what changed', async () => {
      const { tyumen, token } = await programWithTwoCities();
      const kept = await createSession(t, { title: 'Лекция', venue: 'Технопарк' }, tyumen.id);
      const moved = await createSession(
        t,
        { title: 'Экскурсия', startsAt: '2025-11-18T14:00', endsAt: '2025-11-18T16:00' },
        tyumen.id,
      );
      const removed = await createSession(
        t,
        { title: 'Круглый стол', startsAt: '2025-11-19T10:00', endsAt: '2025-11-19T11:00' },
        tyumen.id,
      );
      const first = await publish(tyumen.id);
      expect(first.status).toBe(201);
      expect(first.body.number).toBe(1);
      expect(first.body.changes.map((change: Body) => change.kind)).toEqual([
        'session_added',
        'session_added',
        'session_added',
      ]);

      // Edits after version 1.
      await t.http().patch(`/api/sessions/${kept.id}`).send({ venue: 'Дом правительства' });
      await t
        .http()
        .patch(`/api/sessions/${moved.id}`)
        .send({ startsAt: '2025-11-18T15:00', endsAt: '2025-11-18T17:00' });
      await t.http().delete(`/api/sessions/${removed.id}`).expect(204);
      const added = await createSession(
        t,
        { title: 'Стажировка', startsAt: '2025-11-20T09:00', endsAt: '2025-11-20T12:00' },
        tyumen.id,
      );
      await t
        .http()
        .patch(`/api/stages/${tyumen.id}`)
        .send({ venue: 'Технопарк «Западно-Сибирский»' });

      // Participants still see version 1.
      const seen = await t.as(token).get(`/api/stages/${tyumen.id}/sessions`);
      expect(
        seen.body.items.map((session: Body) => [session.id, session.venue, session.startsAtLocal]),
      ).toEqual([
        [kept.id, 'Технопарк', '2025-11-18T10:00:00'],
        [moved.id, null, '2025-11-18T14:00:00'],
        [removed.id, null, '2025-11-19T10:00:00'],
      ]);
      expect((await t.as(token).get(`/api/sessions/${added.id}`)).status).toBe(404);
      expect((await t.as(token).get(`/api/sessions/${removed.id}`)).status).toBe(200);
      // Staff see the agenda being edited.
      expect((await t.http().get(`/api/stages/${tyumen.id}/sessions`)).body.total).toBe(3);

      const second = await publish(tyumen.id);
      expect(second.status).toBe(201);
      expect(second.body.number).toBe(2);
      expect(second.body.changes).toEqual([
        {
          kind: 'stage_place_changed',
          title: tyumen.title,
          fields: [{ field: 'venue', from: null, to: 'Технопарк «Западно-Сибирский»' }],
        },
        {
          kind: 'session_place_changed',
          sessionId: kept.id,
          title: 'Лекция',
          fields: [{ field: 'venue', from: 'Технопарк', to: 'Дом правительства' }],
        },
        {
          kind: 'session_moved',
          sessionId: moved.id,
          title: 'Экскурсия',
          fields: [
            {
              field: 'startsAt',
              from: '2025-11-18T09:00:00.000Z',
              to: '2025-11-18T10:00:00.000Z',
              fromLocal: '2025-11-18T14:00:00',
              toLocal: '2025-11-18T15:00:00',
            },
            {
              field: 'endsAt',
              from: '2025-11-18T11:00:00.000Z',
              to: '2025-11-18T12:00:00.000Z',
              fromLocal: '2025-11-18T16:00:00',
              toLocal: '2025-11-18T17:00:00',
            },
          ],
        },
        {
          kind: 'session_removed',
          sessionId: removed.id,
          title: 'Круглый стол',
          fields: [
            {
              field: 'startsAt',
              from: '2025-11-19T05:00:00.000Z',
              to: null,
              fromLocal: '2025-11-19T10:00:00',
            },
            {
              field: 'endsAt',
              from: '2025-11-19T06:00:00.000Z',
              to: null,
              fromLocal: '2025-11-19T11:00:00',
            },
          ],
        },
        {
          kind: 'session_added',
          sessionId: added.id,
          title: 'Стажировка',
          fields: [
            {
              field: 'startsAt',
              from: null,
              to: '2025-11-20T04:00:00.000Z',
              toLocal: '2025-11-20T09:00:00',
            },
            {
              field: 'endsAt',
              from: null,
              to: '2025-11-20T07:00:00.000Z',
              toLocal: '2025-11-20T12:00:00',
            },
          ],
        },
      ]);

      const now = await t.as(token).get(`/api/stages/${tyumen.id}/sessions`);
      expect(now.body.items.map((session: Body) => session.id)).toEqual([
        kept.id,
        moved.id,
        added.id,
      ]);
      expect((await t.as(token).get(`/api/sessions/${removed.id}`)).status).toBe(404);

      const versions = await t.http().get(`/api/stages/${tyumen.id}/agenda/versions`);
      expect(versions.body.total).toBe(2);
      expect(versions.body.items.map((version: Body) => version.number)).toEqual([2, 1]);
      const one = await t.http().get(`/api/stages/${tyumen.id}/agenda/versions/1`);
      expect(one.body.sessions.map((session: Body) => session.id)).toEqual([
        kept.id,
        moved.id,
        removed.id,
      ]);
      expect((await t.http().get(`/api/stages/${tyumen.id}/agenda/versions/3`)).status).toBe(404);
    });

    it('refuses to publish when nothing changed, and makes one version of concurrent publishes', async () => {
      const stage = await createStage(t);
      await createSession(t, {}, stage.id);
      const unknown = await t
        .http()
        .post(`/api/stages/${stage.id}/agenda/publish`)
        .send({ draft: 1 });
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toEqual(['property draft should not exist']);
      const results = await Promise.all(Array.from({ length: 8 }, () => publish(stage.id)));
      expect(results.map((result) => result.status).sort()).toEqual([
        201, 409, 409, 409, 409, 409, 409, 409,
      ]);
      const refused = results.find((result) => result.status === 409)!;
      expect(refused.body.message).toMatch(/Nothing changed since version 1/);
      const versions = await t.http().get(`/api/stages/${stage.id}/agenda/versions`);
      expect(versions.body.total).toBe(1);

      // Concurrent edits and publishes: every acknowledged publish is a version with its changes.
      const sessions = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          t
            .http()
            .post(`/api/stages/${stage.id}/sessions`)
            .send({
              title: `Параллельная ${i}`,
              type: 'lecture',
              track: `t${i}`,
              startsAt: '2025-11-19T10:00',
              endsAt: '2025-11-19T11:00',
            }),
        ),
      );
      expect(sessions.every((response) => response.status === 201)).toBe(true);
      const burst = await Promise.all(Array.from({ length: 6 }, () => publish(stage.id)));
      const published = burst.filter((result) => result.status === 201);
      expect(published).toHaveLength(1);
      expect(burst.every((result) => [201, 409].includes(result.status))).toBe(true);
      const reopened = await t.reopen();
      t = reopened;
      const after = await t.http().get(`/api/stages/${stage.id}/agenda/versions`);
      expect(after.body.total).toBe(2);
      const latest = await t.http().get(`/api/stages/${stage.id}/agenda`);
      expect(latest.body.number).toBe(2);
      expect(latest.body.sessions).toHaveLength(7);
    });

    it('keeps a cancelled session in the agenda, marked, until it is removed', async () => {
      const { tyumen, token } = await programWithTwoCities();
      const session = await createSession(t, {}, tyumen.id);
      await publish(tyumen.id);
      const cancelled = await t
        .http()
        .patch(`/api/sessions/${session.id}`)
        .send({ status: 'cancelled' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');
      const second = await publish(tyumen.id);
      expect(second.body.changes).toEqual([
        {
          kind: 'session_cancelled',
          sessionId: session.id,
          title: session.title,
          fields: [{ field: 'status', from: 'scheduled', to: 'cancelled' }],
        },
      ]);
      const schedule = await t.as(token).get('/api/me/schedule');
      expect(schedule.body.items).toEqual([
        expect.objectContaining({
          id: session.id,
          status: 'cancelled',
          sequence: 1,
          agendaVersion: 2,
        }),
      ]);
      const feed = await t.as(token).get('/api/me/calendar-feed');
      const file = await t.anonymous().get(new URL(feed.body.url).pathname);
      const [event] = parseCalendar(file.text).events;
      expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(event.getFirstPropertyValue('sequence')).toBe(1);
      expect(event.getFirstPropertyValue('uid')).toBe(`session-${session.id}@localhost`);
    });

    it('leaves out a session cancelled before it was ever published, and releases it once restored', async () => {
      const { tyumen, token } = await programWithTwoCities();
      const kept = await createSession(t, { title: 'Пленарное заседание' }, tyumen.id);
      const never = await createSession(
        t,
        {
          title: 'Лекция, которой не будет',
          status: 'cancelled',
          startsAt: '2025-11-18T14:00',
          endsAt: '2025-11-18T15:00',
        },
        tyumen.id,
      );
      const first = await publish(tyumen.id).expect(201);
      expect(first.body.sessions.map((session: { id: number }) => session.id)).toEqual([kept.id]);
      // Those who edit the stage still see it among its sessions.
      const { body: edited } = await t.http().get(`/api/stages/${tyumen.id}/sessions`).expect(200);
      expect(edited.items.map((session: { id: number }) => session.id)).toContain(never.id);
      // Nothing new to release: only the unpublished session changed.
      await t
        .http()
        .patch(`/api/sessions/${never.id}`)
        .send({ title: 'Всё ещё отменена' })
        .expect(200);
      await publish(tyumen.id).expect(409);
      const schedule = await t.as(token).get('/api/me/schedule').expect(200);
      expect(schedule.body.items.map((item: { id: number }) => item.id)).toEqual([kept.id]);
      const agendaFile = await t.anonymous().get(`/api/stages/${tyumen.id}/agenda.ics`);
      expect(agendaFile.text).not.toContain(`session-${never.id}@`);
      expect(agendaFile.text).not.toContain('Лекция, которой не будет');

      await t.http().patch(`/api/sessions/${never.id}`).send({ status: 'scheduled' }).expect(200);
      const second = await publish(tyumen.id).expect(201);
      expect(second.body.changes).toEqual([
        expect.objectContaining({ kind: 'session_added', sessionId: never.id }),
      ]);
    });

    it('refuses to publish two overlapping mandatory sessions of one track, with the list', async () => {
      const stage = await createStage(t);
      const first = await createSession(t, { title: 'Лекция А' }, stage.id);
      const second = await t.http().post(`/api/stages/${stage.id}/sessions`).send({
        title: 'Лекция Б',
        type: 'lecture',
        startsAt: '2025-11-18T11:00',
        endsAt: '2025-11-18T12:00',
      });
      expect(second.status).toBe(201);
      expect(second.body.warnings).toEqual([
        expect.objectContaining({
          kind: 'track',
          track: null,
          sessions: [
            expect.objectContaining({ id: first.id, startsAtLocal: '2025-11-18T10:00:00' }),
            expect.objectContaining({ id: second.body.id }),
          ],
        }),
      ]);
      const refused = await publish(stage.id);
      expect(refused.status).toBe(409);
      expect(refused.body.conflicts).toEqual([expect.objectContaining({ kind: 'track' })]);
      expect(await countRows(t.dataSource, 'agenda_versions')).toBeGreaterThan(0);
      expect((await t.http().get(`/api/stages/${stage.id}/agenda/versions`)).body.total).toBe(0);

      // An optional session may run alongside; then the agenda publishes.
      await t
        .http()
        .patch(`/api/sessions/${second.body.id}`)
        .send({ isMandatory: false })
        .expect(200);
      expect((await publish(stage.id)).status).toBe(201);
    });
  });

  describe('conflicts', () => {
    it('lists a mentor, a speaker and a room in two sessions at once', async () => {
      const stage = await createStage(t);
      const mentor = await createMentor(t, { fullName: 'Сидоров Андрей Викторович' });
      const common = {
        venue: 'Технопарк',
        address: 'ул. Республики, 142',
        mentorIds: [mentor.id],
        speakers: ['Иванова Е. П.'],
      };
      const a = await createSession(t, { ...common, title: 'А', track: 'A' }, stage.id);
      const b = await t
        .http()
        .post(`/api/stages/${stage.id}/sessions`)
        .send({
          ...common,
          speakers: ['иванова  е. п.'],
          title: 'Б',
          type: 'master_class',
          track: 'B',
          startsAt: '2025-11-18T11:00',
          endsAt: '2025-11-18T12:30',
        });
      expect(b.status).toBe(201);
      expect(b.body.warnings.map((warning: Body) => warning.kind)).toEqual([
        'mentor',
        'speaker',
        'room',
      ]);
      // Back to back is no conflict.
      await createSession(
        t,
        {
          ...common,
          title: 'В',
          track: 'C',
          startsAt: '2025-11-18T12:30',
          endsAt: '2025-11-18T13:00',
        },
        stage.id,
      );

      const conflicts = await t.http().get(`/api/stages/${stage.id}/conflicts`);
      expect(conflicts.status).toBe(200);
      expect(conflicts.body.total).toBe(3);
      expect(conflicts.body.items).toEqual([
        expect.objectContaining({
          kind: 'mentor',
          mentorId: mentor.id,
          person: 'Сидоров Андрей Викторович',
        }),
        expect.objectContaining({ kind: 'speaker', person: 'Иванова Е. П.' }),
        expect.objectContaining({ kind: 'room', room: 'Технопарк, ул. Республики, 142' }),
      ]);
      for (const conflict of conflicts.body.items) {
        expect(conflict.sessions.map((session: Body) => session.id)).toEqual([a.id, b.body.id]);
      }
      // A cancelled session conflicts with nothing.
      await t.http().patch(`/api/sessions/${b.body.id}`).send({ status: 'cancelled' }).expect(200);
      expect((await t.http().get(`/api/stages/${stage.id}/conflicts`)).body.total).toBe(0);
    });
  });

  describe('public agendas', () => {
    it('are readable without an account when public, as JSON and as a calendar file', async () => {
      const stage = await createStage(t, { isPublic: true });
      const hidden = await createStage(t, { isPublic: false });
      await createSession(t, { title: 'Открытая лекция «Бренд-бук города»' }, stage.id);
      await createSession(t, {}, hidden.id);

      expect((await t.anonymous().get(`/api/stages/${stage.id}/agenda`)).status).toBe(404);
      await publish(stage.id).expect(201);
      await publish(hidden.id).expect(201);

      const agenda = await t.anonymous().get(`/api/stages/${stage.id}/agenda`);
      expect(agenda.status).toBe(200);
      expect(agenda.body).toMatchObject({
        number: 1,
        stageId: stage.id,
        stage: { city: 'Тюмень' },
      });
      expect(agenda.body.sessions[0]).toMatchObject({
        startsAt: '2025-11-18T05:00:00.000Z',
        startsAtLocal: '2025-11-18T10:00:00',
      });

      const file = await t.anonymous().get(`/api/stages/${stage.id}/agenda.ics`);
      expect(file.status).toBe(200);
      const [event] = parseCalendar(file.text).events;
      expect(event.getFirstPropertyValue('summary')).toBe('Открытая лекция «Бренд-бук города»');
      expect(file.text).toContain('DTSTART;TZID=Asia/Yekaterinburg:20251118T100000');

      for (const path of [
        `/api/stages/${hidden.id}/agenda`,
        `/api/stages/${hidden.id}/agenda.ics`,
        '/api/stages/999999/agenda',
      ]) {
        const response = await t.anonymous().get(path);
        expect([path, response.status]).toEqual([path, 404]);
      }
      expect(agenda.body.publishedBy).toBeNull();
      const published = await t.http().get(`/api/stages/${stage.id}/agenda`);
      expect(published.body.publishedBy).toEqual(expect.any(Number));

      // Two publishes within one second are two changes to a calendar app (on the real clock).
      jest.restoreAllMocks();
      const first = await t.anonymous().get(`/api/stages/${stage.id}/agenda.ics`);
      await createSession(
        t,
        { startsAt: '2025-11-19T10:00', endsAt: '2025-11-19T11:00' },
        stage.id,
      );
      await publish(stage.id).expect(201);
      const since = await t
        .anonymous()
        .get(`/api/stages/${stage.id}/agenda.ics`)
        .set('If-Modified-Since', first.headers['last-modified']);
      expect(since.status).toBe(200);
      expect(since.text).not.toBe(first.text);
      const unchanged = await t
        .anonymous()
        .get(`/api/stages/${stage.id}/agenda.ics`)
        .set('If-Modified-Since', since.headers['last-modified']);
      expect(unchanged.status).toBe(304);

      // A stage with a published agenda keeps it: the stage cannot be deleted.
      const sessions = await t.http().get(`/api/stages/${stage.id}/sessions`);
      for (const session of sessions.body.items) {
        await t.http().delete(`/api/sessions/${session.id}`).expect(204);
      }
      expect((await t.http().delete(`/api/stages/${stage.id}`)).status).toBe(409);
      expect((await t.anonymous().get(`/api/stages/${stage.id}/agenda`)).status).toBe(200);

      // A bad token is refused, not taken as anonymous.
      expect((await t.as('not-a-token').get(`/api/stages/${stage.id}/agenda`)).status).toBe(401);
    });
  });

  describe('calendar feeds', () => {
    it('serve the owner’s schedule at a secret link, with caching, an alarm, and rotation', async () => {
      const { tyumen, participant, token } = await programWithTwoCities();
      await createSession(
        t,
        {
          title:
            'Проектный офис: единая инвестиционная команда региона и работа с частными инвестициями',
        },
        tyumen.id,
      );
      await publish(tyumen.id);

      const feed = await t.as(token).get('/api/me/calendar-feed');
      expect(feed.status).toBe(200);
      expect(feed.body.url).toMatch(
        /^http:\/\/localhost:3000\/api\/calendar\/[A-Za-z0-9_-]{32}\.ics$/,
      );
      expect(feed.body.webcalUrl).toBe(feed.body.url.replace('http:', 'webcal:'));
      expect((await t.as(token).get('/api/me/calendar-feed')).body.url).toBe(feed.body.url);
      const path = new URL(feed.body.url).pathname;

      const file = await t.anonymous().get(path);
      expect(file.status).toBe(200);
      expect(file.text).toContain(`X-WR-CALNAME:Расписание: ${participant.fullName}`);
      expect(file.text).not.toContain('BEGIN:VALARM');
      expect(file.text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
      const [event] = parseCalendar(file.text).events;
      expect(event.getFirstPropertyValue('summary')).toBe(
        'Проектный офис: единая инвестиционная команда региона и работа с частными инвестициями',
      );

      const etag = file.headers.etag;
      const lastModified = file.headers['last-modified'];
      expect(etag).toBeTruthy();
      expect(lastModified).toBeTruthy();
      expect((await t.anonymous().get(path).set('If-None-Match', etag)).status).toBe(304);
      expect((await t.anonymous().get(path).set('If-Modified-Since', lastModified)).status).toBe(
        304,
      );

      const alarm = await t
        .as(token)
        .patch('/api/me/calendar-feed')
        .send({ alarmMinutesBefore: 45 });
      expect(alarm.status).toBe(200);
      const withAlarm = await t.anonymous().get(path).set('If-None-Match', etag);
      expect(withAlarm.status).toBe(200);
      expect(withAlarm.text).toContain('TRIGGER:-PT45M');
      // Any change of the content is a modification, even without a publish.
      const sinceBefore = await t.anonymous().get(path).set('If-Modified-Since', lastModified);
      expect(sinceBefore.status).toBe(200);
      expect(Date.parse(sinceBefore.headers['last-modified'])).toBeGreaterThanOrEqual(
        Date.parse(lastModified),
      );

      const withBody = await t.as(token).post('/api/me/calendar-feed/rotate').send({ now: true });
      expect(withBody.status).toBe(400);
      const rotated = await t.as(token).post('/api/me/calendar-feed/rotate');
      expect(rotated.status).toBe(201);
      expect(rotated.body.url).not.toBe(feed.body.url);
      expect((await t.anonymous().get(path)).status).toBe(404);
      expect((await t.anonymous().get(new URL(rotated.body.url).pathname)).status).toBe(200);

      // A deactivated account's feed ends with it.
      const me = await t.as(token).get('/api/me');
      await t
        .http()
        .patch(`/api/accounts/${me.body.id}`)
        .send({ status: 'deactivated' })
        .expect(200);
      expect((await t.anonymous().get(new URL(rotated.body.url).pathname)).status).toBe(404);
    });

    it('makes one feed of concurrent first requests, and keeps every acknowledged rotation', async () => {
      const { token } = await programWithTwoCities();
      const first = await Promise.all(
        Array.from({ length: 10 }, () => t.as(token).get('/api/me/calendar-feed')),
      );
      expect(first.map((response) => response.status)).toEqual(Array(10).fill(200));
      expect(new Set(first.map((response) => response.body.url)).size).toBe(1);

      const rotations = await Promise.all(
        Array.from({ length: 10 }, () => t.as(token).post('/api/me/calendar-feed/rotate')),
      );
      expect(rotations.map((response) => response.status)).toEqual(Array(10).fill(201));
      const current = (await t.as(token).get('/api/me/calendar-feed')).body.url;
      const answered = rotations.map((response) => response.body.url);
      expect(answered).toContain(current);
      const working = await Promise.all(
        answered.map((url) => t.anonymous().get(new URL(url).pathname)),
      );
      expect(working.filter((response) => response.status === 200)).toHaveLength(1);
    });

    it('give a mentor the sessions it leads and its mentees’ cohorts', async () => {
      const { cohort, tyumen, participant } = await programWithTwoCities();
      const mentor = await createMentor(t);
      const mentorAccount = await createAccount(t, 'mentor', { mentorId: mentor.id });
      const otherStage = await createStage(t);
      const led = await createSession(
        t,
        { mentorIds: [mentor.id], title: 'Наставническая сессия', type: 'mentoring' },
        otherStage.id,
      );
      const cohortSession = await createSession(
        t,
        { startsAt: '2025-11-19T10:00', endsAt: '2025-11-19T11:00' },
        tyumen.id,
      );
      await publish(otherStage.id);
      await publish(tyumen.id);

      const before = await t.as(mentorAccount.token).get('/api/me/schedule');
      expect(before.body.items.map((entry: Body) => [entry.id, entry.leads])).toEqual([
        [led.id, true],
      ]);
      await t
        .http()
        .post(`/api/mentors/${mentor.id}/assignments`)
        .send({ cohortId: cohort.id, participantId: participant.id })
        .expect(201);
      const after = await t.as(mentorAccount.token).get(`/api/mentors/${mentor.id}/schedule`);
      expect(after.body.items.map((entry: Body) => [entry.id, entry.leads])).toEqual([
        [led.id, true],
        [cohortSession.id, false],
      ]);
      const mentee = await t
        .as(mentorAccount.token)
        .get(`/api/participants/${participant.id}/schedule`);
      expect(mentee.body.items.map((entry: Body) => entry.id)).toEqual([cohortSession.id]);
    });
  });

  describe('access', () => {
    it('refuses what a role may not do', async () => {
      const { tyumen, participant, token } = await programWithTwoCities();
      await createSession(t, {}, tyumen.id);
      const other = await createParticipant(t);
      const host = await createAccount(t, 'host', { stageIds: [tyumen.id] });
      const otherStage = await createStage(t);
      const otherHost = await createAccount(t, 'host', { stageIds: [otherStage.id] });
      const mentor = await createMentor(t);
      const mentorAccount = await createAccount(t, 'mentor', { mentorId: mentor.id });

      expect((await publish(tyumen.id, token)).status).toBe(403);
      expect((await publish(tyumen.id, mentorAccount.token)).status).toBe(403);
      expect((await publish(tyumen.id, otherHost.token)).status).toBe(404);
      expect((await t.anonymous().post(`/api/stages/${tyumen.id}/agenda/publish`)).status).toBe(
        401,
      );
      expect((await publish(tyumen.id, host.token)).status).toBe(201);

      expect((await t.as(token).get(`/api/stages/${tyumen.id}/agenda/versions`)).status).toBe(403);
      expect(
        (await t.as(otherHost.token).get(`/api/stages/${tyumen.id}/agenda/versions`)).status,
      ).toBe(404);
      expect(
        (await t.as(host.token).get(`/api/stages/${tyumen.id}/agenda/versions/1`)).status,
      ).toBe(200);
      expect((await t.as(token).get(`/api/stages/${tyumen.id}/conflicts`)).status).toBe(403);
      expect((await t.as(otherHost.token).get(`/api/stages/${tyumen.id}/conflicts`)).status).toBe(
        404,
      );

      // A non-public agenda: those who see the stage, not others.
      expect((await t.as(token).get(`/api/stages/${tyumen.id}/agenda`)).status).toBe(200);
      expect((await t.as(otherHost.token).get(`/api/stages/${tyumen.id}/agenda`)).status).toBe(404);

      expect((await t.as(token).get(`/api/participants/${other.id}/schedule`)).status).toBe(404);
      expect((await t.as(token).get(`/api/participants/${other.id}/schedule.ics`)).status).toBe(
        404,
      );
      expect(
        (await t.as(host.token).get(`/api/participants/${participant.id}/schedule`)).status,
      ).toBe(403);
      expect(
        (await t.as(mentorAccount.token).get(`/api/participants/${participant.id}/schedule`))
          .status,
      ).toBe(404);
      expect((await t.as(token).get(`/api/mentors/${mentor.id}/schedule`)).status).toBe(403);
      expect((await t.as(host.token).get('/api/me/schedule')).status).toBe(403);
      expect((await t.http().get('/api/me/calendar-feed')).status).toBe(403);
      expect((await t.anonymous().get(`/api/participants/${participant.id}/schedule`)).status).toBe(
        401,
      );
      expect((await t.anonymous().get('/api/calendar/not-a-real-token.ics')).status).toBe(404);
      expect(await countRows(t.dataSource, 'calendar_feeds')).toBeGreaterThanOrEqual(0);
    });
  });

  describe('bad input', () => {
    it('answers 400 naming each problem and writes nothing', async () => {
      const { tyumen, token } = await programWithTwoCities();
      const badRange = await t
        .as(token)
        .get('/api/me/schedule?from=yesterday&to=2025-11-18T10:00&limit=0');
      expect(badRange.status).toBe(400);
      expect(badRange.body.message).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^from /),
          expect.stringMatching(/^to /),
          expect.stringMatching(/^limit /),
        ]),
      );
      for (const query of [
        'to=9999-12-31T23:59:59-14:00',
        'from=0000-12-31T23:00Z',
        'from=2025-11-18&to=2025-11-17',
      ]) {
        const response = await t.as(token).get(`/api/me/schedule?${query}`);
        expect([query, response.status]).toEqual([query, 400]);
      }
      const outside = await t.http().post(`/api/stages/${tyumen.id}/sessions`).send({
        title: 'После этапа',
        type: 'lecture',
        startsAt: '2025-11-25T10:00',
        endsAt: '2025-11-25T11:00',
      });
      expect(outside.status).toBe(400);
      expect(outside.body.message).toEqual([
        expect.stringMatching(/^startsAt must lie inside the stage's dates/),
        expect.stringMatching(/^endsAt must lie inside the stage's dates/),
      ]);
      expect((await t.http().get(`/api/stages/${tyumen.id}/agenda/versions/abc`)).status).toBe(400);
      expect((await t.http().get(`/api/stages/${tyumen.id}/agenda/versions/0`)).status).toBe(400);

      const feeds = await countRows(t.dataSource, 'calendar_feeds');
      for (const body of [
        { alarmMinutesBefore: -5 },
        { alarmMinutesBefore: 'soon' },
        {},
        { alarmMinutesBefore: 30, token: 'mine' },
      ]) {
        const response = await t.as(token).patch('/api/me/calendar-feed').send(body);
        expect([body, response.status]).toEqual([body, 400]);
      }
      expect(await countRows(t.dataSource, 'calendar_feeds')).toBe(feeds);

      const session = await createSession(t, {}, tyumen.id);
      const badStatus = await t
        .http()
        .patch(`/api/sessions/${session.id}`)
        .send({ status: 'postponed' });
      expect(badStatus.status).toBe(400);
      expect(badStatus.body.message).toEqual([expect.stringMatching(/^status must be one of/)]);
    });
  });
});
