import {
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
import { TestApp, countRows, createTestApp } from './support/test-app';

describe('sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('the time rule', () => {
    it('reads a time without offset as wall clock of the stage: Moscow UTC+3, Tyumen UTC+5', async () => {
      const moscow = await createMoscowStage(t);
      const tyumen = await createStage(t);

      const inMoscow = await t
        .http()
        .post(`/api/stages/${moscow.id}/sessions`)
        .send({
          title: 'Пленарное заседание',
          type: 'plenary',
          startsAt: '2025-10-07T10:00',
          endsAt: '2025-10-07T12:00',
        })
        .expect(201);
      expect(inMoscow.body).toMatchObject({
        startsAt: '2025-10-07T07:00:00.000Z',
        endsAt: '2025-10-07T09:00:00.000Z',
        startsAtLocal: '2025-10-07T10:00:00',
        endsAtLocal: '2025-10-07T12:00:00',
        timeZone: 'Europe/Moscow',
      });

      const inTyumen = await t
        .http()
        .post(`/api/stages/${tyumen.id}/sessions`)
        .send({
          title: 'Экскурсия по общественным пространствам',
          type: 'excursion',
          startsAt: '2025-11-18T10:00',
          endsAt: '2025-11-18T12:00',
        })
        .expect(201);
      expect(inTyumen.body).toMatchObject({
        startsAt: '2025-11-18T05:00:00.000Z',
        endsAt: '2025-11-18T07:00:00.000Z',
        startsAtLocal: '2025-11-18T10:00:00',
        timeZone: 'Asia/Yekaterinburg',
      });

      const read = await t.http().get(`/api/sessions/${inTyumen.body.id}`).expect(200);
      expect({ ...read.body, warnings: [] }).toEqual(inTyumen.body);
    });

    it('takes a time with an offset or Z as that instant and shows it in the stage zone', async () => {
      const tyumen = await createStage(t);
      const withOffset = await createSession(
        t,
        { startsAt: '2025-11-18T10:00:00+03:00', endsAt: '2025-11-18T08:30:00Z' },
        tyumen.id,
      );
      expect(withOffset).toMatchObject({
        startsAt: '2025-11-18T07:00:00.000Z',
        endsAt: '2025-11-18T08:30:00.000Z',
        startsAtLocal: '2025-11-18T12:00:00',
        endsAtLocal: '2025-11-18T13:30:00',
      });
    });

    it('checks the stage dates in the stage zone (Vladivostok, UTC+10)', async () => {
      const vladivostok = await createStage(t, {
        city: 'Владивосток',
        region: 'Приморский край',
        timeZone: 'Asia/Vladivostok',
        startDate: '2025-11-17',
        endDate: '2025-11-20',
      });
      // 22:00 local on the last day is inside, although it is 12:00 UTC the same day.
      const lateEvening = await createSession(
        t,
        { startsAt: '2025-11-20T22:00', endsAt: '2025-11-20T23:00' },
        vladivostok.id,
      );
      expect(lateEvening.startsAt).toBe('2025-11-20T12:00:00.000Z');
      // 15:00 UTC on the last day is already 01:00 of the next local day: outside.
      const before = await countRows(t.dataSource, 'sessions');
      const outside = await t
        .http()
        .post(`/api/stages/${vladivostok.id}/sessions`)
        .send({
          title: 'Ночная',
          type: 'other',
          startsAt: '2025-11-20T14:30Z',
          endsAt: '2025-11-20T15:00Z',
        })
        .expect(400);
      expect(outside.body.message).toEqual([
        "startsAt must lie inside the stage's dates 2025-11-17 – 2025-11-20 (Asia/Vladivostok)",
        "endsAt must lie inside the stage's dates 2025-11-17 – 2025-11-20 (Asia/Vladivostok)",
      ]);
      expect(await countRows(t.dataSource, 'sessions')).toBe(before);
    });
  });

  describe('create, read, update, delete', () => {
    it('stores every field and the mentors who lead the session', async () => {
      const stage = await createStage(t);
      const mentor = await createMentor(t, { fullName: 'Сидоров Андрей Викторович' });
      const body = {
        title: 'Наставническая встреча',
        description: 'Разбор проектов участников',
        type: 'mentoring',
        startsAt: '2025-11-19T15:00',
        endsAt: '2025-11-19T16:30',
        venue: 'Администрация города Тюмени',
        address: 'Тюмень, ул. Первомайская, 20',
        onlineUrl: 'https://meet.example.ru/room/1',
        track: 'Группа 1',
        isMandatory: false,
        capacity: 12,
        speakers: ['Заместитель главы города'],
        mentorIds: [mentor.id],
      };
      const created = await t
        .http()
        .post(`/api/stages/${stage.id}/sessions`)
        .send(body)
        .expect(201);
      const { mentorIds, startsAt, endsAt, ...fields } = body;
      expect(created.body).toMatchObject({ ...fields, stageId: stage.id });
      expect(created.body.mentors).toEqual([
        { id: mentor.id, fullName: 'Сидоров Андрей Викторович', position: mentor.position },
      ]);
      const read = await t.http().get(`/api/sessions/${created.body.id}`).expect(200);
      expect({ ...read.body, warnings: [] }).toEqual(created.body);
    });

    it('fills defaults: mandatory, no speakers, no mentors, main track', async () => {
      const session = await createSession(t);
      expect(session).toMatchObject({
        isMandatory: true,
        speakers: [],
        mentors: [],
        track: null,
        capacity: null,
        venue: null,
        onlineUrl: null,
      });
    });

    it('updates fields, re-reads times in the stage zone and keeps the rest', async () => {
      const session = await createSession(t, { title: 'Лекция', speakers: ['Спикер'] });
      const updated = await t
        .http()
        .patch(`/api/sessions/${session.id}`)
        .send({ startsAt: '2025-11-18T09:00', capacity: 30, speakers: [] })
        .expect(200);
      expect(updated.body).toMatchObject({
        title: 'Лекция',
        startsAt: '2025-11-18T04:00:00.000Z',
        endsAt: session.endsAt,
        capacity: 30,
        speakers: [],
      });
      const mentor = await createMentor(t);
      const withMentor = await t
        .http()
        .patch(`/api/sessions/${session.id}`)
        .send({ mentorIds: [mentor.id] })
        .expect(200);
      expect(withMentor.body.mentors.map((m: { id: number }) => m.id)).toEqual([mentor.id]);
      const withoutMentor = await t
        .http()
        .patch(`/api/sessions/${session.id}`)
        .send({ mentorIds: [] })
        .expect(200);
      expect(withoutMentor.body.mentors).toEqual([]);
    });

    it('deletes a session', async () => {
      const session = await createSession(t);
      await t.http().delete(`/api/sessions/${session.id}`).expect(204);
      await t.http().get(`/api/sessions/${session.id}`).expect(404);
      await t.http().delete(`/api/sessions/${session.id}`).expect(404);
    });

    it('refuses to delete a stage that still has sessions', async () => {
      const session = await createSession(t);
      await t.http().delete(`/api/stages/${session.stageId}`).expect(409);
      await t.http().get(`/api/stages/${session.stageId}`).expect(200);
      await t.http().get(`/api/sessions/${session.id}`).expect(200);
    });
  });

  describe('stage changes that would strand sessions', () => {
    it('refuses new dates that leave a session outside the stage; a new zone keeps local times', async () => {
      const stage = await createStage(t, { startDate: '2025-11-17', endDate: '2025-11-20' });
      const session = await createSession(
        t,
        { startsAt: '2025-11-17T09:00', endsAt: '2025-11-17T10:00' },
        stage.id,
      );
      const later = await t
        .http()
        .patch(`/api/stages/${stage.id}`)
        .send({ startDate: '2025-11-18' })
        .expect(409);
      expect(later.body.message).toContain('1 session(s)');
      expect((await t.http().get(`/api/sessions/${session.id}`).expect(200)).body).toEqual(session);

      // The host typed 09:00 local: a corrected zone keeps 09:00 and moves the instant.
      await t
        .http()
        .patch(`/api/stages/${stage.id}`)
        .send({ timeZone: 'America/Los_Angeles' })
        .expect(200);
      const inLosAngeles = await t.http().get(`/api/sessions/${session.id}`).expect(200);
      expect(inLosAngeles.body).toMatchObject({
        startsAt: '2025-11-17T17:00:00.000Z',
        endsAt: '2025-11-17T18:00:00.000Z',
        startsAtLocal: '2025-11-17T09:00:00',
        timeZone: 'America/Los_Angeles',
      });
      await t
        .http()
        .patch(`/api/stages/${stage.id}`)
        .send({ timeZone: 'Europe/Moscow' })
        .expect(200);
      const read = await t.http().get(`/api/stages/${stage.id}`).expect(200);
      expect(read.body).toMatchObject({ startDate: '2025-11-17', timeZone: 'Europe/Moscow' });
      const moved = await t.http().get(`/api/sessions/${session.id}`).expect(200);
      expect(moved.body).toMatchObject({
        startsAt: '2025-11-17T06:00:00.000Z',
        startsAtLocal: '2025-11-17T09:00:00',
        endsAtLocal: '2025-11-17T10:00:00',
        timeZone: 'Europe/Moscow',
      });
      const log = await t
        .http()
        .get(`/api/audit?entity=sessions&entityId=${session.id}&action=update`)
        .expect(200);
      expect(log.body.items[0].changes.startsAt).toEqual({
        from: '2025-11-17T17:00:00.000Z',
        to: '2025-11-17T06:00:00.000Z',
      });
      await t.http().patch(`/api/stages/${stage.id}`).send({ endDate: '2025-11-17' }).expect(200);
    });
  });

  describe('agenda lists', () => {
    let stageId: number;

    beforeAll(async () => {
      const stage = await createStage(t, { timeZone: 'Asia/Vladivostok' });
      stageId = stage.id;
      const agenda = [
        {
          title: 'Пленарное заседание',
          type: 'plenary',
          startsAt: '2025-11-18T10:00',
          endsAt: '2025-11-18T12:00',
        },
        {
          title: 'Круглый стол: благоустройство',
          type: 'round_table',
          track: 'Зал 1',
          startsAt: '2025-11-18T13:00',
          endsAt: '2025-11-18T15:00',
        },
        {
          title: 'Круглый стол: бюджет',
          type: 'round_table',
          track: 'Зал 2',
          startsAt: '2025-11-18T13:00',
          endsAt: '2025-11-18T15:00',
        },
        {
          title: 'Мастер-класс',
          type: 'master_class',
          startsAt: '2025-11-19T01:00',
          endsAt: '2025-11-19T02:00',
        },
        {
          title: 'Трансфер',
          type: 'travel',
          startsAt: '2025-11-17T08:00',
          endsAt: '2025-11-17T09:00',
        },
      ];
      for (const session of agenda) {
        await createSession(t, session, stageId);
      }
    });

    it('orders by start and pages', async () => {
      const first = await t.http().get(`/api/stages/${stageId}/sessions?limit=2`).expect(200);
      expect(first.body.total).toBe(5);
      expect(first.body.items.map((s: { title: string }) => s.title)).toEqual([
        'Трансфер',
        'Пленарное заседание',
      ]);
      const rest = await t
        .http()
        .get(`/api/stages/${stageId}/sessions?limit=2&offset=4`)
        .expect(200);
      expect(rest.body.items.map((s: { title: string }) => s.title)).toEqual(['Мастер-класс']);
    });

    it('filters by type, track and local day', async () => {
      const tables = await t
        .http()
        .get(`/api/stages/${stageId}/sessions?type=round_table`)
        .expect(200);
      expect(tables.body.total).toBe(2);
      const hall2 = await t
        .http()
        .get(`/api/stages/${stageId}/sessions?track=${encodeURIComponent('Зал 2')}`)
        .expect(200);
      expect(hall2.body.items.map((s: { title: string }) => s.title)).toEqual([
        'Круглый стол: бюджет',
      ]);
      // 01:00 on the 19th in Vladivostok is the 18th in UTC: it belongs to the local 19th.
      const day19 = await t
        .http()
        .get(`/api/stages/${stageId}/sessions?date=2025-11-19`)
        .expect(200);
      expect(day19.body.items.map((s: { title: string }) => s.title)).toEqual(['Мастер-класс']);
      const day18 = await t
        .http()
        .get(`/api/stages/${stageId}/sessions?date=2025-11-18`)
        .expect(200);
      expect(day18.body.total).toBe(3);
    });

    it('answers 404 for a stage that does not exist and 400 for bad filters', async () => {
      await t.http().get('/api/stages/999999/sessions').expect(404);
      const bad = await t
        .http()
        .get(`/api/stages/${stageId}/sessions?type=party&date=19.11.2025`)
        .expect(400);
      expect(bad.body.message).toEqual(
        expect.arrayContaining([expect.stringMatching(/^type/), expect.stringMatching(/^date/)]),
      );
    });
  });

  const newLecture = () => ({
    title: 'Другая лекция',
    type: 'lecture',
    startsAt: '2025-11-18T11:00',
    endsAt: '2025-11-18T12:00',
  });

  describe('parallel sessions', () => {
    it('stores an overlap in the same track with a warning, and none in another track', async () => {
      const stage = await createStage(t);
      const first = await createSession(t, { track: 'Зал 1' }, stage.id);
      const parallel = await t
        .http()
        .post(`/api/stages/${stage.id}/sessions`)
        .send({ ...newLecture(), track: 'Зал 2' })
        .expect(201);
      expect(parallel.body.warnings).toEqual([]);
      const clash = await t
        .http()
        .post(`/api/stages/${stage.id}/sessions`)
        .send({ ...newLecture(), track: 'Зал 1' })
        .expect(201);
      expect(clash.body.warnings).toEqual([
        expect.objectContaining({
          kind: 'track',
          track: 'Зал 1',
          sessions: [
            expect.objectContaining({ id: first.id }),
            expect.objectContaining({ id: clash.body.id }),
          ],
        }),
      ]);
      // Back to back is not an overlap.
      const next = await t
        .http()
        .post(`/api/stages/${stage.id}/sessions`)
        .send({
          ...newLecture(),
          track: 'Зал 1',
          startsAt: '2025-11-18T12:00',
          endsAt: '2025-11-18T12:30',
        })
        .expect(201);
      expect(next.body.warnings).toEqual([]);
    });

    it('warns of an update that makes sessions of one track overlap', async () => {
      const stage = await createStage(t);
      const first = await createSession(t, {}, stage.id);
      const later = await createSession(
        t,
        { startsAt: '2025-11-18T12:00', endsAt: '2025-11-18T13:00' },
        stage.id,
      );
      const moved = await t
        .http()
        .patch(`/api/sessions/${later.id}`)
        .send({ startsAt: '2025-11-18T11:00' })
        .expect(200);
      expect(moved.body.warnings.map((warning: { kind: string }) => warning.kind)).toEqual([
        'track',
      ]);
      expect(moved.body.warnings[0].sessions[0].id).toBe(first.id);
      const conflicts = await t.http().get(`/api/stages/${stage.id}/conflicts`).expect(200);
      expect(conflicts.body.total).toBe(1);
    });
  });

  describe('bad input', () => {
    let stageId: number;

    beforeAll(async () => {
      stageId = (await createStage(t)).id;
    });

    async function expectRefused(body: Record<string, unknown>, fields: string[]) {
      const before = await countRows(t.dataSource, 'sessions');
      const response = await t
        .http()
        .post(`/api/stages/${stageId}/sessions`)
        .send(body)
        .expect(400);
      for (const field of fields) {
        expect(response.body.message).toEqual(
          expect.arrayContaining([expect.stringMatching(new RegExp(`\\b${field}\\b`))]),
        );
      }
      expect(await countRows(t.dataSource, 'sessions')).toBe(before);
      return response.body;
    }

    const valid = {
      title: 'Лекция',
      type: 'lecture',
      startsAt: '2025-11-18T10:00',
      endsAt: '2025-11-18T11:00',
    };

    it('names every missing field', async () => {
      await expectRefused({}, ['title', 'type', 'startsAt', 'endsAt']);
    });

    it('names every malformed field', async () => {
      await expectRefused(
        {
          title: 7,
          type: 'party',
          startsAt: '18.11.2025 10:00',
          endsAt: '2025-11-18T25:00',
          onlineUrl: 'not a link',
          capacity: 0,
          isMandatory: 'yes',
          speakers: 'Иванов',
          mentorIds: [0],
          track: '',
        },
        [
          'title',
          'type',
          'startsAt',
          'endsAt',
          'onlineUrl',
          'capacity',
          'isMandatory',
          'speakers',
          'mentorIds',
          'track',
        ],
      );
    });

    it('rejects unknown fields', async () => {
      const body = await expectRefused({ ...valid, room: 101 }, []);
      expect(body.message).toContain('property room should not exist');
    });

    it('refuses a session that ends before it starts or lies outside the stage', async () => {
      await expectRefused({ ...valid, endsAt: '2025-11-18T09:00' }, [
        'endsAt must be after startsAt',
      ]);
      await expectRefused({ ...valid, endsAt: '2025-11-18T10:00' }, [
        'endsAt must be after startsAt',
      ]);
      await expectRefused({ ...valid, startsAt: '2025-11-16T23:00', endsAt: '2025-11-17T01:00' }, [
        'startsAt must lie inside',
      ]);
      await expectRefused({ ...valid, startsAt: '2025-11-20T23:00', endsAt: '2025-11-21T00:30' }, [
        'endsAt must lie inside',
      ]);
      await expectRefused({ ...valid, startsAt: '2026-01-01T10:00', endsAt: '2025-12-31T10:00' }, [
        'endsAt must be after startsAt',
        'endsAt must lie inside',
      ]);
    });

    it('refuses an update outside the stage and leaves the session unchanged', async () => {
      const session = await createSession(t, {}, stageId);
      const response = await t
        .http()
        .patch(`/api/sessions/${session.id}`)
        .send({ endsAt: '2025-11-25T10:00', title: 'Новая' })
        .expect(400);
      expect(response.body.message).toEqual([expect.stringMatching(/^endsAt must lie inside/)]);
      const nulls = await t
        .http()
        .patch(`/api/sessions/${session.id}`)
        .send({ title: null, type: null, isMandatory: null, speakers: null, mentorIds: null })
        .expect(400);
      for (const field of ['title', 'type', 'isMandatory', 'speakers', 'mentorIds']) {
        expect(nulls.body.message).toEqual(
          expect.arrayContaining([expect.stringMatching(new RegExp(`\\b${field}\\b`))]),
        );
      }
      const read = await t.http().get(`/api/sessions/${session.id}`).expect(200);
      expect(read.body).toEqual(session);
    });

    it('answers 404 for a missing stage, session or mentor, writing nothing', async () => {
      const before = await countRows(t.dataSource, 'sessions');
      await t.http().post('/api/stages/999999/sessions').send(valid).expect(404);
      const missingMentor = await t
        .http()
        .post(`/api/stages/${stageId}/sessions`)
        .send({ ...valid, mentorIds: [999999] })
        .expect(404);
      expect(missingMentor.body.message).toBe('Mentor 999999 not found');
      expect(await countRows(t.dataSource, 'sessions')).toBe(before);
      await t.http().get('/api/sessions/999999').expect(404);
      await t.http().patch('/api/sessions/999999').send({ title: 'x' }).expect(404);
      await t.http().get('/api/sessions/first').expect(400);
    });
  });

  describe('roles and scope', () => {
    // Cohort A has stages A1 (Tyumen) and A2 (near Moscow), cohort B has stage B1. The host
    // hosts A1 only; the mentor mentors, and the participant is, a participant of cohort A.
    type Stage = { id: number };
    type Session = { id: number; title: string };
    let stageA1: Stage;
    let stageA2: Stage;
    let stageB1: Stage;
    let sessionA1: Session;
    let sessionA2: Session;
    let sessionB1: Session;
    let host: string;
    let mentor: string;
    let participant: string;

    const newSession = {
      title: 'Экскурсия по жилым кварталам',
      type: 'excursion',
      startsAt: '2025-11-19T10:00',
      endsAt: '2025-11-19T12:00',
    };

    beforeAll(async () => {
      const program = await createProgram(t);
      const cohortA = await createCohort(t, {}, program.id);
      const cohortB = await createCohort(t, {}, program.id);
      stageA1 = await createStage(t, {}, cohortA.id);
      stageA2 = await createMoscowStage(t, {}, cohortA.id);
      stageB1 = await createStage(t, {}, cohortB.id);
      sessionA1 = await createSession(t, { title: 'Сессия А1' }, stageA1.id);
      sessionA2 = await createSession(
        t,
        { title: 'Сессия А2', startsAt: '2025-10-07T10:00', endsAt: '2025-10-07T11:00' },
        stageA2.id,
      );
      sessionB1 = await createSession(t, { title: 'Сессия Б1' }, stageB1.id);
      for (const stage of [stageA1, stageA2, stageB1]) {
        await publishAgenda(t, stage.id);
      }
      const enrolled = await createParticipant(t);
      await enroll(t, cohortA.id, enrolled.id);
      const mentorRecord = await createMentor(t);
      await assignMentor(t, mentorRecord.id, cohortA.id, enrolled.id);
      host = (await createAccount(t, 'host', { stageIds: [stageA1.id] })).token;
      mentor = (await createAccount(t, 'mentor', { mentorId: mentorRecord.id })).token;
      participant = (await createAccount(t, 'participant', { participantId: enrolled.id })).token;
    });

    it('answers 401 without a token and writes nothing', async () => {
      const before = await countRows(t.dataSource, 'sessions');
      await t.anonymous().get(`/api/stages/${stageA1.id}/sessions`).expect(401);
      await t.anonymous().get(`/api/sessions/${sessionA1.id}`).expect(401);
      await t.anonymous().post(`/api/stages/${stageA1.id}/sessions`).send(newSession).expect(401);
      await t.anonymous().patch(`/api/sessions/${sessionA1.id}`).send({ title: 'X' }).expect(401);
      await t.anonymous().delete(`/api/sessions/${sessionA1.id}`).expect(401);
      expect(await countRows(t.dataSource, 'sessions')).toBe(before);
      const read = await t.http().get(`/api/sessions/${sessionA1.id}`).expect(200);
      expect(read.body).toEqual(sessionA1);
    });

    it('lets a host create, update and delete sessions of the stage it hosts', async () => {
      const created = await t
        .as(host)
        .post(`/api/stages/${stageA1.id}/sessions`)
        .send(newSession)
        .expect(201);
      expect(created.body).toMatchObject({ stageId: stageA1.id, title: newSession.title });

      const updated = await t
        .as(host)
        .patch(`/api/sessions/${created.body.id}`)
        .send({ title: 'Экскурсия по промышленным площадкам' })
        .expect(200);
      expect(updated.body).toEqual({
        ...created.body,
        title: 'Экскурсия по промышленным площадкам',
      });

      const list = await t.as(host).get(`/api/stages/${stageA1.id}/sessions`).expect(200);
      expect(list.body.items.map((s: Session) => s.id)).toEqual([sessionA1.id, created.body.id]);
      expect(list.body.total).toBe(2);
      const single = await t.as(host).get(`/api/sessions/${created.body.id}`).expect(200);
      expect({ ...single.body, warnings: [] }).toEqual(updated.body);

      await t.as(host).delete(`/api/sessions/${created.body.id}`).expect(204);
      await t.http().get(`/api/sessions/${created.body.id}`).expect(404);
    });

    it('answers 404 to a host in stages it does not host, even of its cohort, writing nothing', async () => {
      const before = await countRows(t.dataSource, 'sessions');
      for (const stage of [stageA2, stageB1]) {
        const create = await t
          .as(host)
          .post(`/api/stages/${stage.id}/sessions`)
          .send({ ...newSession, startsAt: '2025-10-08T10:00', endsAt: '2025-10-08T11:00' })
          .expect(404);
        // The same answer as for a stage that does not exist: existence does not leak.
        expect(create.body.message).toBe(`Stage ${stage.id} not found`);
        const list = await t.as(host).get(`/api/stages/${stage.id}/sessions`).expect(404);
        expect(list.body.message).toBe(`Stage ${stage.id} not found`);
      }
      for (const session of [sessionA2, sessionB1]) {
        const update = await t
          .as(host)
          .patch(`/api/sessions/${session.id}`)
          .send({ title: 'Чужая сессия' })
          .expect(404);
        expect(update.body.message).toBe(`Session ${session.id} not found`);
        const remove = await t.as(host).delete(`/api/sessions/${session.id}`).expect(404);
        expect(remove.body.message).toBe(`Session ${session.id} not found`);
        const read = await t.as(host).get(`/api/sessions/${session.id}`).expect(404);
        expect(read.body.message).toBe(`Session ${session.id} not found`);
        const unchanged = await t.http().get(`/api/sessions/${session.id}`).expect(200);
        expect(unchanged.body).toEqual(session);
      }
      expect(await countRows(t.dataSource, 'sessions')).toBe(before);
    });

    it('refuses session writes to mentors and participants with 403, writing nothing', async () => {
      const before = await countRows(t.dataSource, 'sessions');
      for (const token of [mentor, participant]) {
        await t.as(token).post(`/api/stages/${stageA1.id}/sessions`).send(newSession).expect(403);
        await t.as(token).patch(`/api/sessions/${sessionA1.id}`).send({ title: 'X' }).expect(403);
        await t.as(token).delete(`/api/sessions/${sessionA1.id}`).expect(403);
      }
      expect(await countRows(t.dataSource, 'sessions')).toBe(before);
      const read = await t.http().get(`/api/sessions/${sessionA1.id}`).expect(200);
      expect(read.body).toEqual(sessionA1);
    });

    it('shows mentors and participants the sessions of their cohort’s stages, and no others', async () => {
      for (const token of [mentor, participant]) {
        for (const [stage, session] of [
          [stageA1, sessionA1],
          [stageA2, sessionA2],
        ] as const) {
          const list = await t.as(token).get(`/api/stages/${stage.id}/sessions`).expect(200);
          expect(list.body).toEqual({ items: [session], total: 1, limit: 50, offset: 0 });
          const single = await t.as(token).get(`/api/sessions/${session.id}`).expect(200);
          expect(single.body).toEqual(session);
        }
        const otherStage = await t.as(token).get(`/api/stages/${stageB1.id}/sessions`).expect(404);
        expect(otherStage.body.message).toBe(`Stage ${stageB1.id} not found`);
        const otherSession = await t.as(token).get(`/api/sessions/${sessionB1.id}`).expect(404);
        expect(otherSession.body.message).toBe(`Session ${sessionB1.id} not found`);
      }
    });
  });
});
