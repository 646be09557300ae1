import { Session } from '../src/sessions/session.entity';
import {
  assignMentor,
  createAccount,
  createCohort,
  createMentor,
  createMoscowStage,
  createParticipant,
  createStage,
  enroll,
} from './support/factories';
import { TestApp, countRows, createTestApp } from './support/test-app';

describe('stages', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const tyumen = {
    sequence: 2,
    title: 'Стажировка в Тюмени',
    city: 'Тюмень',
    region: 'Тюменская область',
    timeZone: 'Asia/Yekaterinburg',
    venue: 'Технопарк «Западно-Сибирский инновационный центр»',
    address: 'Тюмень, ул. Республики, 142',
    startDate: '2025-11-17',
    endDate: '2025-11-20',
    hostOrganization: 'Администрация города Тюмени',
    isPublic: true,
  };
  const cities = (body: { items: { city: string }[] }) => body.items.map((s) => s.city);
  const expectNamed = (body: { message: string[] }, ...fields: string[]) => {
    for (const field of fields) {
      expect(body.message).toEqual(expect.arrayContaining([expect.stringMatching(`^${field} `)]));
    }
  };

  it('creates a stage with every field and reads it back', async () => {
    const cohort = await createCohort(t);
    const created = await t
      .http()
      .post(`/api/cohorts/${cohort.id}/stages`)
      .send(tyumen)
      .expect(201);
    expect(Object.keys(created.body).sort()).toEqual(
      ['id', 'cohortId', ...Object.keys(tyumen), 'createdAt', 'updatedAt'].sort(),
    );
    expect(created.body).toMatchObject({ ...tyumen, cohortId: cohort.id });
    expect(typeof created.body.id).toBe('number');

    const read = await t.http().get(`/api/stages/${created.body.id}`).expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('fills optional fields with null and isPublic with false', async () => {
    const stage = await createStage(t, { startDate: '2025-11-17', endDate: '2025-11-17' });
    expect(stage).toMatchObject({
      venue: null,
      address: null,
      hostOrganization: null,
      isPublic: false,
      startDate: '2025-11-17',
      endDate: '2025-11-17',
    });
  });

  it('keeps the zones of a Moscow stage and a Tyumen stage of one cohort', async () => {
    const cohort = await createCohort(t);
    const moscow = await createMoscowStage(t, { sequence: 1 }, cohort.id);
    const tyumenStage = await createStage(t, { sequence: 2 }, cohort.id);
    expect(moscow.timeZone).toBe('Europe/Moscow');
    expect(tyumenStage.timeZone).toBe('Asia/Yekaterinburg');

    const list = await t.http().get(`/api/cohorts/${cohort.id}/stages`).expect(200);
    expect(
      list.body.items.map((s: { city: string; timeZone: string; startDate: string }) => [
        s.city,
        s.timeZone,
        s.startDate,
      ]),
    ).toEqual([
      ['Сколково', 'Europe/Moscow', '2025-10-06'],
      ['Тюмень', 'Asia/Yekaterinburg', '2025-11-17'],
    ]);
    const read = await t.http().get(`/api/stages/${moscow.id}`).expect(200);
    expect(read.body.timeZone).toBe('Europe/Moscow');
  });

  it('updates only the fields sent and can clear optional ones', async () => {
    const stage = await createStage(t, { venue: 'Тюменский технопарк', isPublic: false });
    const updated = await t
      .http()
      .patch(`/api/stages/${stage.id}`)
      .send({
        title: 'Стажировка в Когалыме',
        city: 'Когалым',
        region: 'Ханты-Мансийский автономный округ — Югра',
        venue: null,
        isPublic: true,
        endDate: '2025-11-21',
      })
      .expect(200);
    expect(updated.body).toMatchObject({
      ...stage,
      title: 'Стажировка в Когалыме',
      city: 'Когалым',
      region: 'Ханты-Мансийский автономный округ — Югра',
      venue: null,
      isPublic: true,
      endDate: '2025-11-21',
      createdAt: stage.createdAt,
      updatedAt: expect.any(String),
    });
    const read = await t.http().get(`/api/stages/${stage.id}`).expect(200);
    expect(read.body).toEqual(updated.body);

    const moved = await t
      .http()
      .patch(`/api/stages/${stage.id}`)
      .send({ timeZone: 'Europe/Moscow', sequence: 7 })
      .expect(200);
    expect(moved.body).toMatchObject({ timeZone: 'Europe/Moscow', sequence: 7 });
  });

  it('lists a cohort’s stages by page, ordered by sequence, filtered by city', async () => {
    const cohort = await createCohort(t);
    const other = await createCohort(t);
    await createStage(t, { sequence: 1 }, other.id);
    await createStage(t, { sequence: 3, city: 'Тюмень' }, cohort.id);
    await createMoscowStage(t, { sequence: 1 }, cohort.id);
    await createStage(t, { sequence: 2, city: 'Когалым' }, cohort.id);
    await createStage(t, { sequence: 4, city: 'Тюмень' }, cohort.id);

    const first = await t.http().get(`/api/cohorts/${cohort.id}/stages?limit=2`).expect(200);
    expect(first.body).toMatchObject({ total: 4, limit: 2, offset: 0 });
    expect(first.body.items.map((s: { sequence: number }) => s.sequence)).toEqual([1, 2]);
    expect(cities(first.body)).toEqual(['Сколково', 'Когалым']);
    const second = await t
      .http()
      .get(`/api/cohorts/${cohort.id}/stages?limit=2&offset=2`)
      .expect(200);
    expect(second.body.items.map((s: { sequence: number }) => s.sequence)).toEqual([3, 4]);

    const inTyumen = await t
      .http()
      .get(`/api/cohorts/${cohort.id}/stages`)
      .query({ city: 'Тюмень' })
      .expect(200);
    expect(inTyumen.body).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(inTyumen.body.items.map((s: { sequence: number }) => s.sequence)).toEqual([3, 4]);

    const pagedTyumen = await t
      .http()
      .get(`/api/cohorts/${cohort.id}/stages`)
      .query({ city: 'Тюмень', limit: 1, offset: 1 })
      .expect(200);
    expect(pagedTyumen.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(pagedTyumen.body.items.map((s: { sequence: number }) => s.sequence)).toEqual([4]);

    const inKogalym = await t
      .http()
      .get(`/api/cohorts/${cohort.id}/stages?city=${encodeURIComponent('Когалым')}`)
      .expect(200);
    expect(cities(inKogalym.body)).toEqual(['Когалым']);

    const nowhere = await t
      .http()
      .get(`/api/cohorts/${cohort.id}/stages`)
      .query({ city: 'Владивосток' })
      .expect(200);
    expect(nowhere.body).toMatchObject({ items: [], total: 0 });
  });

  it('deletes a stage without sessions', async () => {
    const stage = await createStage(t);
    await t.http().delete(`/api/stages/${stage.id}`).expect(204);
    await t.http().get(`/api/stages/${stage.id}`).expect(404);
  });

  it('refuses to delete a stage that has a session, and keeps it', async () => {
    const stage = await createStage(t);
    // Written straight to the database so this test does not depend on the sessions API.
    await t.write((manager) =>
      manager.save(Session, {
        stageId: stage.id,
        title: 'Экскурсия по набережной Туры',
        description: null,
        type: 'excursion',
        startsAt: new Date('2025-11-18T05:00:00Z'),
        endsAt: new Date('2025-11-18T07:00:00Z'),
        venue: null,
        address: null,
        onlineUrl: null,
        track: null,
        isMandatory: true,
        capacity: null,
        speakers: [],
      }),
    );
    await t.http().delete(`/api/stages/${stage.id}`).expect(409);
    const read = await t.http().get(`/api/stages/${stage.id}`).expect(200);
    expect(read.body).toEqual(stage);
  });

  describe('sequence numbers', () => {
    it('refuses a second stage with the same sequence in a cohort', async () => {
      const cohort = await createCohort(t);
      await createStage(t, { sequence: 1 }, cohort.id);
      const before = await countRows(t.dataSource, 'stages');
      const response = await t
        .http()
        .post(`/api/cohorts/${cohort.id}/stages`)
        .send({ ...tyumen, sequence: 1 })
        .expect(409);
      expect(response.body.message).toBe(`Cohort ${cohort.id} already has a stage with sequence 1`);
      expect(await countRows(t.dataSource, 'stages')).toBe(before);

      // The same number in another cohort is fine.
      const other = await createCohort(t);
      await t
        .http()
        .post(`/api/cohorts/${other.id}/stages`)
        .send({ ...tyumen, sequence: 1 })
        .expect(201);
    });

    it('refuses to renumber a stage to a sequence its cohort already has', async () => {
      const cohort = await createCohort(t);
      await createMoscowStage(t, { sequence: 1 }, cohort.id);
      const second = await createStage(t, { sequence: 2 }, cohort.id);
      const response = await t
        .http()
        .patch(`/api/stages/${second.id}`)
        .send({ sequence: 1, title: 'Другое название' })
        .expect(409);
      expect(response.body.message).toBe(`Cohort ${cohort.id} already has a stage with sequence 1`);
      const read = await t.http().get(`/api/stages/${second.id}`).expect(200);
      expect(read.body).toEqual(second);

      // Its own number is not a conflict.
      await t.http().patch(`/api/stages/${second.id}`).send({ sequence: 2 }).expect(200);
    });
  });

  describe('dates and zones', () => {
    it('rejects zones that are not IANA zones', async () => {
      const cohort = await createCohort(t);
      const before = await countRows(t.dataSource, 'stages');
      for (const timeZone of ['Mars/Olympus', 'UTC+5', '+05:00', '', 5, null]) {
        const response = await t
          .http()
          .post(`/api/cohorts/${cohort.id}/stages`)
          .send({ ...tyumen, timeZone })
          .expect(400);
        expect(response.body.message).toEqual([
          'timeZone must be an IANA time zone such as Europe/Moscow',
        ]);
      }
      expect(await countRows(t.dataSource, 'stages')).toBe(before);

      const stage = await createStage(t, {}, cohort.id);
      const patch = await t
        .http()
        .patch(`/api/stages/${stage.id}`)
        .send({ timeZone: 'Mars/Olympus' })
        .expect(400);
      expectNamed(patch.body, 'timeZone');
      const read = await t.http().get(`/api/stages/${stage.id}`).expect(200);
      expect(read.body.timeZone).toBe('Asia/Yekaterinburg');
    });

    it('rejects dates that do not exist or are not YYYY-MM-DD', async () => {
      const cohort = await createCohort(t);
      const before = await countRows(t.dataSource, 'stages');
      const missingDay = await t
        .http()
        .post(`/api/cohorts/${cohort.id}/stages`)
        .send({ ...tyumen, startDate: '2025-02-30', endDate: '2025-03-02' })
        .expect(400);
      expect(missingDay.body.message).toEqual(['startDate must be a date as YYYY-MM-DD']);

      const wrongShapes = await t
        .http()
        .post(`/api/cohorts/${cohort.id}/stages`)
        .send({ ...tyumen, startDate: '17.11.2025', endDate: '2025-11-20T10:00' })
        .expect(400);
      expectNamed(wrongShapes.body, 'startDate', 'endDate');
      expect(await countRows(t.dataSource, 'stages')).toBe(before);

      const stage = await createStage(t, {}, cohort.id);
      const patch = await t
        .http()
        .patch(`/api/stages/${stage.id}`)
        .send({ endDate: '2025-11-31' })
        .expect(400);
      expect(patch.body.message).toEqual(['endDate must be a date as YYYY-MM-DD']);
    });

    it('rejects an end date before the start date on create', async () => {
      const cohort = await createCohort(t);
      const before = await countRows(t.dataSource, 'stages');
      const response = await t
        .http()
        .post(`/api/cohorts/${cohort.id}/stages`)
        .send({ ...tyumen, startDate: '2025-11-20', endDate: '2025-11-17' })
        .expect(400);
      expect(response.body.message).toEqual(['endDate must not be before startDate']);

      // Reported alongside the other problems of the same body.
      const many = await t
        .http()
        .post(`/api/cohorts/${cohort.id}/stages`)
        .send({ ...tyumen, title: '', startDate: '2025-11-20', endDate: '2025-11-17' })
        .expect(400);
      expectNamed(many.body, 'title', 'endDate');
      expect(await countRows(t.dataSource, 'stages')).toBe(before);
    });

    it('rejects an end date before the start date on update, against the stored date', async () => {
      const stage = await createStage(t, { startDate: '2025-11-17', endDate: '2025-11-20' });

      for (const body of [
        { endDate: '2025-11-16' },
        { startDate: '2025-11-21' },
        { startDate: '2025-12-02', endDate: '2025-12-01' },
      ]) {
        const response = await t.http().patch(`/api/stages/${stage.id}`).send(body).expect(400);
        expectNamed(response.body, 'endDate');
      }
      const onlyEnd = await t
        .http()
        .patch(`/api/stages/${stage.id}`)
        .send({ endDate: '2025-11-16' })
        .expect(400);
      expect(onlyEnd.body.message).toEqual(['endDate must not be before startDate (2025-11-17)']);
      const read = await t.http().get(`/api/stages/${stage.id}`).expect(200);
      expect(read.body).toEqual(stage);

      const moved = await t
        .http()
        .patch(`/api/stages/${stage.id}`)
        .send({ startDate: '2025-12-01', endDate: '2025-12-03' })
        .expect(200);
      expect(moved.body).toMatchObject({ startDate: '2025-12-01', endDate: '2025-12-03' });
    });
  });

  describe('bad input', () => {
    it('names every missing field and writes nothing', async () => {
      const cohort = await createCohort(t);
      const before = await countRows(t.dataSource, 'stages');
      const response = await t.http().post(`/api/cohorts/${cohort.id}/stages`).send({}).expect(400);
      expect(response.body.error).toBe('Bad Request');
      expectNamed(
        response.body,
        'sequence',
        'title',
        'city',
        'region',
        'timeZone',
        'startDate',
        'endDate',
      );
      expect(await countRows(t.dataSource, 'stages')).toBe(before);
    });

    it('names every field with a bad value and writes nothing', async () => {
      const cohort = await createCohort(t);
      const before = await countRows(t.dataSource, 'stages');
      const response = await t
        .http()
        .post(`/api/cohorts/${cohort.id}/stages`)
        .send({
          sequence: 0,
          title: '',
          city: 42,
          region: 'р'.repeat(201),
          timeZone: 'Europe/Moskva',
          venue: '',
          address: 'а'.repeat(501),
          startDate: '2025-13-01',
          endDate: 20251120,
          hostOrganization: ['Администрация'],
          isPublic: 'yes',
        })
        .expect(400);
      expectNamed(
        response.body,
        'sequence',
        'title',
        'city',
        'region',
        'timeZone',
        'venue',
        'address',
        'startDate',
        'endDate',
        'hostOrganization',
        'isPublic',
      );
      for (const sequence of [1.5, '2', -1, 1001]) {
        const bad = await t
          .http()
          .post(`/api/cohorts/${cohort.id}/stages`)
          .send({ ...tyumen, sequence })
          .expect(400);
        expectNamed(bad.body, 'sequence');
      }
      const nullPublic = await t
        .http()
        .post(`/api/cohorts/${cohort.id}/stages`)
        .send({ ...tyumen, isPublic: null })
        .expect(400);
      expectNamed(nullPublic.body, 'isPublic');
      expect(await countRows(t.dataSource, 'stages')).toBe(before);
    });

    it('rejects unknown fields, including an attempt to move the stage', async () => {
      const cohort = await createCohort(t);
      const before = await countRows(t.dataSource, 'stages');
      const response = await t
        .http()
        .post(`/api/cohorts/${cohort.id}/stages`)
        .send({ ...tyumen, agendaState: 'published' })
        .expect(400);
      expect(response.body.message).toContain('property agendaState should not exist');
      expect(await countRows(t.dataSource, 'stages')).toBe(before);

      const stage = await createStage(t, {}, cohort.id);
      const move = await t
        .http()
        .patch(`/api/stages/${stage.id}`)
        .send({ cohortId: cohort.id + 1 })
        .expect(400);
      expect(move.body.message).toContain('property cohortId should not exist');
    });

    it('refuses to null required fields on update', async () => {
      const stage = await createStage(t);
      const response = await t
        .http()
        .patch(`/api/stages/${stage.id}`)
        .send({
          sequence: null,
          title: null,
          city: null,
          region: null,
          timeZone: null,
          startDate: null,
          endDate: null,
          isPublic: null,
        })
        .expect(400);
      expectNamed(
        response.body,
        'sequence',
        'title',
        'city',
        'region',
        'timeZone',
        'startDate',
        'endDate',
        'isPublic',
      );
      const read = await t.http().get(`/api/stages/${stage.id}`).expect(200);
      expect(read.body).toEqual(stage);
    });

    it('answers 404 for a cohort or stage that does not exist and writes nothing', async () => {
      const before = await countRows(t.dataSource, 'stages');
      const create = await t.http().post('/api/cohorts/999999/stages').send(tyumen).expect(404);
      expect(create.body.message).toBe('Cohort 999999 not found');
      const list = await t.http().get('/api/cohorts/999999/stages').expect(404);
      expect(list.body.message).toBe('Cohort 999999 not found');
      expect(await countRows(t.dataSource, 'stages')).toBe(before);

      const get = await t.http().get('/api/stages/999999').expect(404);
      expect(get.body.message).toBe('Stage 999999 not found');
      await t.http().patch('/api/stages/999999').send({ title: 'x' }).expect(404);
      await t.http().delete('/api/stages/999999').expect(404);
    });

    it('answers 400 for ids that are not positive integers', async () => {
      for (const request of [
        t.http().get('/api/stages/abc'),
        t.http().patch('/api/stages/2.5').send({ title: 'x' }),
        t.http().get('/api/stages/1e3'),
        t.http().get('/api/stages/%2012'),
        t.http().delete('/api/stages/0'),
        t.http().get('/api/cohorts/abc/stages'),
        t.http().post('/api/cohorts/99999999999/stages').send(tyumen),
      ]) {
        const response = await request.expect(400);
        expect(response.body.message).toEqual(['id must be a positive integer']);
      }
    });

    it('rejects bad paging and filter parameters', async () => {
      const cohort = await createCohort(t);
      const response = await t
        .http()
        .get(`/api/cohorts/${cohort.id}/stages?limit=0&offset=-1`)
        .expect(400);
      expectNamed(response.body, 'limit', 'offset');
      await t.http().get(`/api/cohorts/${cohort.id}/stages?limit=201`).expect(400);
      const emptyCity = await t.http().get(`/api/cohorts/${cohort.id}/stages?city=`).expect(400);
      expectNamed(emptyCity.body, 'city');
      const twoCities = await t
        .http()
        .get(`/api/cohorts/${cohort.id}/stages?city=a&city=b`)
        .expect(400);
      expectNamed(twoCities.body, 'city');
      const unknown = await t.http().get(`/api/cohorts/${cohort.id}/stages?region=x`).expect(400);
      expect(unknown.body.message).toContain('property region should not exist');
    });
  });

  /**
   * Cohort A with stages A1 (Tyumen) and A2 (near Moscow); cohort B with stage B1. The host
   * hosts A1 only; the participant is enrolled in A; the mentor leads it there; the outsider is
   * enrolled in B only.
   */
  describe('roles and scope', () => {
    const ids = {} as Record<'A' | 'B' | 'A1' | 'A2' | 'B1', number>;
    const tokens = {} as Record<'host' | 'mentor' | 'participant' | 'outsider', string>;
    const stageIds = (body: { items: { id: number }[] }) => body.items.map((s) => s.id);

    beforeAll(async () => {
      ids.A = (await createCohort(t)).id;
      ids.B = (await createCohort(t)).id;
      ids.A1 = (await createStage(t, { sequence: 2 }, ids.A)).id;
      ids.A2 = (await createMoscowStage(t, { sequence: 1 }, ids.A)).id;
      ids.B1 = (await createStage(t, {}, ids.B)).id;
      const pA = await createParticipant(t);
      const pB = await createParticipant(t);
      await enroll(t, ids.A, pA.id);
      await enroll(t, ids.B, pB.id);
      const mA = await createMentor(t);
      await assignMentor(t, mA.id, ids.A, pA.id);
      tokens.host = (await createAccount(t, 'host', { stageIds: [ids.A1] })).token;
      tokens.participant = (await createAccount(t, 'participant', { participantId: pA.id })).token;
      tokens.mentor = (await createAccount(t, 'mentor', { mentorId: mA.id })).token;
      tokens.outsider = (await createAccount(t, 'participant', { participantId: pB.id })).token;
    });

    it('answers 401 to every route without a token', async () => {
      await t.anonymous().get(`/api/cohorts/${ids.A}/stages`).expect(401);
      await t.anonymous().get(`/api/stages/${ids.A1}`).expect(401);
      await t.anonymous().post(`/api/cohorts/${ids.A}/stages`).send(tyumen).expect(401);
      await t.anonymous().patch(`/api/stages/${ids.A1}`).send({ venue: 'x' }).expect(401);
      await t.anonymous().delete(`/api/stages/${ids.A1}`).expect(401);
    });

    it.each(['host', 'mentor', 'participant'] as const)(
      'lets only organizers write: a %s gets 403 and writes nothing',
      async (role) => {
        const before = await countRows(t.dataSource, 'stages');
        const created = await t
          .as(tokens[role])
          .post(`/api/cohorts/${ids.A}/stages`)
          .send({ ...tyumen, sequence: 7 })
          .expect(403);
        expect(created.body.message).toBe('Only organizer may do this');
        // Even the host of A1 does not edit the stage itself, only its agenda.
        await t
          .as(tokens[role])
          .patch(`/api/stages/${ids.A1}`)
          .send({ venue: 'Захваченная площадка' })
          .expect(403);
        await t.as(tokens[role]).delete(`/api/stages/${ids.A1}`).expect(403);
        expect(await countRows(t.dataSource, 'stages')).toBe(before);
        const read = await t.http().get(`/api/stages/${ids.A1}`).expect(200);
        expect(read.body.venue).not.toBe('Захваченная площадка');
      },
    );

    it('shows a host only the stages it hosts', async () => {
      const list = await t.as(tokens.host).get(`/api/cohorts/${ids.A}/stages`).expect(200);
      expect(list.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
      expect(stageIds(list.body)).toEqual([ids.A1]);
      await t.as(tokens.host).get(`/api/stages/${ids.A1}`).expect(200);
      for (const hidden of [ids.A2, ids.B1]) {
        const response = await t.as(tokens.host).get(`/api/stages/${hidden}`).expect(404);
        expect(response.body.message).toBe(`Stage ${hidden} not found`);
      }
      const otherCohort = await t.as(tokens.host).get(`/api/cohorts/${ids.B}/stages`).expect(404);
      expect(otherCohort.body.message).toBe(`Cohort ${ids.B} not found`);
    });

    it.each(['mentor', 'participant'] as const)(
      'shows a %s every stage of its cohort and none of another',
      async (role) => {
        const list = await t.as(tokens[role]).get(`/api/cohorts/${ids.A}/stages`).expect(200);
        expect(list.body.total).toBe(2);
        expect(stageIds(list.body)).toEqual([ids.A2, ids.A1]);
        await t.as(tokens[role]).get(`/api/stages/${ids.A1}`).expect(200);
        await t.as(tokens[role]).get(`/api/stages/${ids.A2}`).expect(200);
        const hidden = await t.as(tokens[role]).get(`/api/stages/${ids.B1}`).expect(404);
        expect(hidden.body.message).toBe(`Stage ${ids.B1} not found`);
        await t.as(tokens[role]).get(`/api/cohorts/${ids.B}/stages`).expect(404);
      },
    );

    it('shows a participant of another cohort none of cohort A’s stages', async () => {
      const list = await t.as(tokens.outsider).get(`/api/cohorts/${ids.A}/stages`).expect(404);
      expect(list.body.message).toBe(`Cohort ${ids.A} not found`);
      for (const hidden of [ids.A1, ids.A2]) {
        await t.as(tokens.outsider).get(`/api/stages/${hidden}`).expect(404);
      }
      const own = await t.as(tokens.outsider).get(`/api/cohorts/${ids.B}/stages`).expect(200);
      expect(stageIds(own.body)).toEqual([ids.B1]);
    });

    it('filters by city and pages within what the actor sees', async () => {
      const moscow = await t
        .as(tokens.host)
        .get(`/api/cohorts/${ids.A}/stages?city=${encodeURIComponent('Сколково')}`)
        .expect(200);
      expect(moscow.body).toMatchObject({ items: [], total: 0 });
      const forParticipant = await t
        .as(tokens.participant)
        .get(`/api/cohorts/${ids.A}/stages?city=${encodeURIComponent('Сколково')}`)
        .expect(200);
      expect(stageIds(forParticipant.body)).toEqual([ids.A2]);
      const second = await t
        .as(tokens.participant)
        .get(`/api/cohorts/${ids.A}/stages?limit=1&offset=1`)
        .expect(200);
      expect(second.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
      expect(stageIds(second.body)).toEqual([ids.A1]);
    });

    it('answers 404 to a missing cohort or stage for every role, as for a hidden one', async () => {
      for (const token of Object.values(tokens)) {
        const list = await t.as(token).get('/api/cohorts/999999/stages').expect(404);
        expect(list.body.message).toBe('Cohort 999999 not found');
        const get = await t.as(token).get('/api/stages/999999').expect(404);
        expect(get.body.message).toBe('Stage 999999 not found');
      }
    });
  });
});
