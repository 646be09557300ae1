import { Clock } from '../src/common/time/clock';
import { UnitOfWork } from '../src/database/unit-of-work';
import { EnrollmentsService } from '../src/enrollments/enrollments.service';
import {
  assignMentor,
  createAccount,
  createCohort,
  createMentor,
  createParticipant,
  createStage,
  enroll,
} from './support/factories';
import { TestApp, countRows, createTestApp } from './support/test-app';

describe('enrollments', () => {
  let t: TestApp;
  let clock: Clock;

  beforeAll(async () => {
    t = await createTestApp();
    clock = t.app.get(Clock);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  afterAll(async () => {
    await t.close();
  });

  /** Moves the injected clock so that times in responses can be asserted exactly. */
  const setNow = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));

  it('enrolls a participant and shows its summary without contacts', async () => {
    setNow('2025-09-01T09:00:00.000Z');
    const cohort = await createCohort(t);
    const participant = await createParticipant(t, {
      fullName: 'Иванов Пётр Сергеевич',
      position: 'Глава Ялуторовского района',
      municipality: 'Ялуторовский район',
      region: 'Тюменская область',
      phone: '+7 3452 00-00-00',
    });
    const response = await t
      .http()
      .post(`/api/cohorts/${cohort.id}/enrollments`)
      .send({ participantId: participant.id })
      .expect(201);
    expect(response.body).toEqual({
      id: expect.any(Number),
      cohortId: cohort.id,
      participantId: participant.id,
      status: 'active',
      enrolledAt: '2025-09-01T09:00:00.000Z',
      withdrawnAt: null,
      participant: {
        id: participant.id,
        fullName: 'Иванов Пётр Сергеевич',
        position: 'Глава Ялуторовского района',
        municipality: 'Ялуторовский район',
        region: 'Тюменская область',
      },
    });

    const list = await t.http().get(`/api/cohorts/${cohort.id}/enrollments`).expect(200);
    expect(list.body).toEqual({ items: [response.body], total: 1, limit: 50, offset: 0 });
  });

  it('refuses to enroll twice, also a completed participant, and writes nothing', async () => {
    const cohort = await createCohort(t);
    const participant = await createParticipant(t);
    await enroll(t, cohort.id, participant.id);
    const before = await countRows(t.dataSource, 'enrollments');
    const twice = await t
      .http()
      .post(`/api/cohorts/${cohort.id}/enrollments`)
      .send({ participantId: participant.id })
      .expect(409);
    expect(twice.body.message).toBe(
      `Participant ${participant.id} is already enrolled in cohort ${cohort.id} (active)`,
    );

    await t
      .http()
      .patch(`/api/cohorts/${cohort.id}/enrollments/${participant.id}`)
      .send({ status: 'completed' })
      .expect(200);
    const completed = await t
      .http()
      .post(`/api/cohorts/${cohort.id}/enrollments`)
      .send({ participantId: participant.id })
      .expect(409);
    expect(completed.body.message).toBe(
      `Participant ${participant.id} is already enrolled in cohort ${cohort.id} (completed)`,
    );
    expect(await countRows(t.dataSource, 'enrollments')).toBe(before);
  });

  it('enrolls the same participant in two cohorts', async () => {
    const participant = await createParticipant(t);
    const first = await enroll(t, (await createCohort(t)).id, participant.id);
    const second = await enroll(t, (await createCohort(t)).id, participant.id);
    expect(second.id).not.toBe(first.id);
  });

  it('withdraws without deleting the row, then re-activates it on re-enrollment', async () => {
    const cohort = await createCohort(t);
    const participant = await createParticipant(t);
    setNow('2025-09-01T09:00:00.000Z');
    const enrolled = await enroll(t, cohort.id, participant.id);
    const rows = await countRows(t.dataSource, 'enrollments');

    setNow('2025-10-15T12:30:00.000Z');
    const withdrawn = await t
      .http()
      .delete(`/api/cohorts/${cohort.id}/enrollments/${participant.id}`)
      .expect(200);
    expect(withdrawn.body).toMatchObject({
      id: enrolled.id,
      status: 'withdrawn',
      enrolledAt: '2025-09-01T09:00:00.000Z',
      withdrawnAt: '2025-10-15T12:30:00.000Z',
      participant: { id: participant.id },
    });
    expect(await countRows(t.dataSource, 'enrollments')).toBe(rows);

    setNow('2025-10-20T08:00:00.000Z');
    const again = await t
      .http()
      .delete(`/api/cohorts/${cohort.id}/enrollments/${participant.id}`)
      .expect(200);
    expect(again.body.withdrawnAt).toBe('2025-10-15T12:30:00.000Z');

    setNow('2025-11-01T07:00:00.000Z');
    const reenrolled = await t
      .http()
      .post(`/api/cohorts/${cohort.id}/enrollments`)
      .send({ participantId: participant.id })
      .expect(201);
    expect(reenrolled.body).toMatchObject({
      id: enrolled.id,
      status: 'active',
      enrolledAt: '2025-11-01T07:00:00.000Z',
      withdrawnAt: null,
      participant: { id: participant.id },
    });
    expect(await countRows(t.dataSource, 'enrollments')).toBe(rows);
  });

  it('changes the status: withdrawn sets withdrawnAt from the clock, active clears it', async () => {
    const cohort = await createCohort(t);
    const participant = await createParticipant(t);
    await enroll(t, cohort.id, participant.id);
    const path = `/api/cohorts/${cohort.id}/enrollments/${participant.id}`;

    setNow('2025-10-01T10:00:00.000Z');
    const withdrawn = await t.http().patch(path).send({ status: 'withdrawn' }).expect(200);
    expect(withdrawn.body).toMatchObject({
      status: 'withdrawn',
      withdrawnAt: '2025-10-01T10:00:00.000Z',
      participant: { id: participant.id, fullName: participant.fullName },
    });

    const active = await t.http().patch(path).send({ status: 'active' }).expect(200);
    expect(active.body).toMatchObject({ status: 'active', withdrawnAt: null });

    await t.http().patch(path).send({ status: 'withdrawn' }).expect(200);
    const completed = await t.http().patch(path).send({ status: 'completed' }).expect(200);
    expect(completed.body).toMatchObject({ status: 'completed', withdrawnAt: null });

    const list = await t.http().get(`/api/cohorts/${cohort.id}/enrollments`).expect(200);
    expect(list.body.items).toEqual([completed.body]);
  });

  it('lists enrollments by participant name, by page and by status', async () => {
    const cohort = await createCohort(t);
    const other = await createCohort(t);
    const byName: Record<string, { id: number }> = {};
    for (const fullName of ['Григорьев', 'Борисов', 'Алексеев', 'Дмитриев']) {
      byName[fullName] = await createParticipant(t, { fullName });
      await enroll(t, cohort.id, byName[fullName].id);
    }
    await enroll(t, other.id, byName['Алексеев'].id);
    await t
      .http()
      .delete(`/api/cohorts/${cohort.id}/enrollments/${byName['Борисов'].id}`)
      .expect(200);
    await t
      .http()
      .patch(`/api/cohorts/${cohort.id}/enrollments/${byName['Дмитриев'].id}`)
      .send({ status: 'completed' })
      .expect(200);

    const names = (body: { items: { participant: { fullName: string } }[] }) =>
      body.items.map((item) => item.participant.fullName);

    const first = await t.http().get(`/api/cohorts/${cohort.id}/enrollments?limit=2`).expect(200);
    expect(first.body).toMatchObject({ total: 4, limit: 2, offset: 0 });
    expect(names(first.body)).toEqual(['Алексеев', 'Борисов']);
    const second = await t
      .http()
      .get(`/api/cohorts/${cohort.id}/enrollments?limit=2&offset=2`)
      .expect(200);
    expect(names(second.body)).toEqual(['Григорьев', 'Дмитриев']);
    expect(second.body.items[0]).not.toHaveProperty('participant.email');

    const active = await t
      .http()
      .get(`/api/cohorts/${cohort.id}/enrollments?status=active`)
      .expect(200);
    expect(active.body.total).toBe(2);
    expect(names(active.body)).toEqual(['Алексеев', 'Григорьев']);
    const withdrawn = await t
      .http()
      .get(`/api/cohorts/${cohort.id}/enrollments?status=withdrawn`)
      .expect(200);
    expect(names(withdrawn.body)).toEqual(['Борисов']);
    expect(withdrawn.body.items[0].withdrawnAt).toEqual(expect.any(String));
    const completed = await t
      .http()
      .get(`/api/cohorts/${cohort.id}/enrollments?status=completed`)
      .expect(200);
    expect(names(completed.body)).toEqual(['Дмитриев']);

    const empty = await t.http().get(`/api/cohorts/${(await createCohort(t)).id}/enrollments`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
  });

  it('loads the participants of a page by join, not with a query per row', async () => {
    const queriesToList = async (size: number) => {
      const cohort = await createCohort(t);
      for (let i = 0; i < size; i++) {
        await enroll(t, cohort.id, (await createParticipant(t)).id);
      }
      const logQuery = jest.spyOn(t.dataSource.logger, 'logQuery');
      const response = await t.http().get(`/api/cohorts/${cohort.id}/enrollments`).expect(200);
      expect(response.body.items).toHaveLength(size);
      const count = logQuery.mock.calls.length;
      logQuery.mockRestore();
      return count;
    };
    const forOne = await queriesToList(1);
    expect(forOne).toBeGreaterThan(0);
    expect(await queriesToList(5)).toBe(forOne);
  });

  it('finds only an active enrollment for other modules', async () => {
    const service = t.app.get(EnrollmentsService);
    const unit = t.app.get(UnitOfWork);
    const findActive = (cohortId: number, participantId: number) =>
      unit.run((manager) => service.lockActive(manager, cohortId, participantId));
    const cohort = await createCohort(t);
    const participant = await createParticipant(t);
    expect(await findActive(cohort.id, participant.id)).toBeNull();
    const enrolled = await enroll(t, cohort.id, participant.id);
    expect(await findActive(cohort.id, participant.id)).toMatchObject({
      id: enrolled.id,
      status: 'active',
    });
    await t.http().delete(`/api/cohorts/${cohort.id}/enrollments/${participant.id}`).expect(200);
    expect(await findActive(cohort.id, participant.id)).toBeNull();
  });

  describe('bad input', () => {
    it('answers 404 naming the missing cohort or participant and writes nothing', async () => {
      const cohort = await createCohort(t);
      const participant = await createParticipant(t);
      const before = await countRows(t.dataSource, 'enrollments');

      const noCohort = await t
        .http()
        .post('/api/cohorts/999999/enrollments')
        .send({ participantId: participant.id })
        .expect(404);
      expect(noCohort.body.message).toBe('Cohort 999999 not found');
      const noParticipant = await t
        .http()
        .post(`/api/cohorts/${cohort.id}/enrollments`)
        .send({ participantId: 999999 })
        .expect(404);
      expect(noParticipant.body.message).toBe('Participant 999999 not found');
      expect(await countRows(t.dataSource, 'enrollments')).toBe(before);

      const list = await t.http().get('/api/cohorts/999999/enrollments').expect(404);
      expect(list.body.message).toBe('Cohort 999999 not found');
      await t
        .http()
        .patch(`/api/cohorts/999999/enrollments/${participant.id}`)
        .send({ status: 'completed' })
        .expect(404);
      await t.http().delete(`/api/cohorts/999999/enrollments/${participant.id}`).expect(404);
    });

    it('answers 404 for a participant that is not enrolled', async () => {
      const cohort = await createCohort(t);
      const participant = await createParticipant(t);
      const before = await countRows(t.dataSource, 'enrollments');
      const patch = await t
        .http()
        .patch(`/api/cohorts/${cohort.id}/enrollments/${participant.id}`)
        .send({ status: 'completed' })
        .expect(404);
      expect(patch.body.message).toBe(
        `Participant ${participant.id} is not enrolled in cohort ${cohort.id}`,
      );
      const del = await t
        .http()
        .delete(`/api/cohorts/${cohort.id}/enrollments/${participant.id}`)
        .expect(404);
      expect(del.body.message).toBe(
        `Participant ${participant.id} is not enrolled in cohort ${cohort.id}`,
      );
      expect(await countRows(t.dataSource, 'enrollments')).toBe(before);
    });

    it('names a bad or missing participantId and rejects unknown fields', async () => {
      const cohort = await createCohort(t);
      const participant = await createParticipant(t);
      const before = await countRows(t.dataSource, 'enrollments');
      for (const body of [
        {},
        { participantId: String(participant.id) },
        { participantId: 0 },
        { participantId: 1.5 },
        { participantId: null },
      ]) {
        const response = await t
          .http()
          .post(`/api/cohorts/${cohort.id}/enrollments`)
          .send(body)
          .expect(400);
        const messages: string[] = response.body.message;
        expect(messages.length).toBeGreaterThan(0);
        expect(messages.every((message) => message.startsWith('participantId'))).toBe(true);
      }
      const unknown = await t
        .http()
        .post(`/api/cohorts/${cohort.id}/enrollments`)
        .send({ participantId: participant.id, status: 'completed' })
        .expect(400);
      expect(unknown.body.message).toEqual(['property status should not exist']);
      expect(await countRows(t.dataSource, 'enrollments')).toBe(before);
    });

    it('names a bad status and rejects other fields on update, changing nothing', async () => {
      const cohort = await createCohort(t);
      const participant = await createParticipant(t);
      const enrolled = await enroll(t, cohort.id, participant.id);
      const path = `/api/cohorts/${cohort.id}/enrollments/${participant.id}`;
      for (const body of [{}, { status: 'paused' }, { status: null }]) {
        const response = await t.http().patch(path).send(body).expect(400);
        expect(response.body.message).toEqual([expect.stringMatching(/^status/)]);
      }
      const other = await t
        .http()
        .patch(path)
        .send({ status: 'completed', participantId: 5, cohortId: 5 })
        .expect(400);
      expect(other.body.message).toEqual(
        expect.arrayContaining([
          'property participantId should not exist',
          'property cohortId should not exist',
        ]),
      );
      const list = await t.http().get(`/api/cohorts/${cohort.id}/enrollments`).expect(200);
      expect(list.body.items).toEqual([enrolled]);
    });

    it('answers 400 for bad ids and bad list parameters', async () => {
      const badCohort = await t.http().get('/api/cohorts/abc/enrollments').expect(400);
      expect(badCohort.body.message).toEqual(['id must be a positive integer']);
      await t.http().post('/api/cohorts/0/enrollments').send({ participantId: 1 }).expect(400);
      const badParticipant = await t.http().delete('/api/cohorts/1/enrollments/abc').expect(400);
      expect(badParticipant.body.message).toEqual(['participantId must be a positive integer']);
      await t.http().patch('/api/cohorts/1/enrollments/-1').send({ status: 'active' }).expect(400);

      const cohort = await createCohort(t);
      const response = await t
        .http()
        .get(`/api/cohorts/${cohort.id}/enrollments?limit=0&offset=-1&status=paused`)
        .expect(400);
      for (const field of ['limit', 'offset', 'status']) {
        expect(response.body.message).toEqual(
          expect.arrayContaining([expect.stringMatching(new RegExp(`^${field}`))]),
        );
      }
    });
  });

  describe('roles and scope', () => {
    // Cohort A (stage A1): Алексеев (mentored) and Борисов (withdrawn); cohort B: Васильев.
    // The host hosts A1; the mentor mentors Алексеев; the participant is Алексеев.
    type Enrollment = { id: number; participantId: number; status: string };
    let cohortA: { id: number };
    let cohortB: { id: number };
    let alexeev: Enrollment;
    let borisov: Enrollment;
    let vasiliev: Enrollment;
    let host: string;
    let mentor: string;
    let participant: string;

    const page = (items: Enrollment[]) => ({ items, total: items.length, limit: 50, offset: 0 });

    beforeAll(async () => {
      cohortA = await createCohort(t);
      cohortB = await createCohort(t);
      const stageA1 = await createStage(t, {}, cohortA.id);
      await createStage(t, {}, cohortB.id);
      const a = await createParticipant(t, { fullName: 'Алексеев', phone: '+7 3452 11-11-11' });
      const b = await createParticipant(t, { fullName: 'Борисов' });
      const v = await createParticipant(t, { fullName: 'Васильев' });
      alexeev = await enroll(t, cohortA.id, a.id);
      await enroll(t, cohortA.id, b.id);
      borisov = (
        await t.http().delete(`/api/cohorts/${cohortA.id}/enrollments/${b.id}`).expect(200)
      ).body;
      vasiliev = await enroll(t, cohortB.id, v.id);
      const mentorRecord = await createMentor(t);
      await assignMentor(t, mentorRecord.id, cohortA.id, a.id);
      host = (await createAccount(t, 'host', { stageIds: [stageA1.id] })).token;
      mentor = (await createAccount(t, 'mentor', { mentorId: mentorRecord.id })).token;
      participant = (await createAccount(t, 'participant', { participantId: a.id })).token;
    });

    it('answers 401 without a token and writes nothing', async () => {
      const before = await countRows(t.dataSource, 'enrollments');
      const path = `/api/cohorts/${cohortA.id}/enrollments`;
      await t.anonymous().get(path).expect(401);
      await t.anonymous().post(path).send({ participantId: vasiliev.participantId }).expect(401);
      await t
        .anonymous()
        .patch(`${path}/${alexeev.participantId}`)
        .send({ status: 'completed' })
        .expect(401);
      await t.anonymous().delete(`${path}/${alexeev.participantId}`).expect(401);
      expect(await countRows(t.dataSource, 'enrollments')).toBe(before);
      const list = await t.http().get(path).expect(200);
      expect(list.body).toEqual(page([alexeev, borisov]));
    });

    it('lets only organizers enroll, change and withdraw: 403 for the other roles', async () => {
      const before = await countRows(t.dataSource, 'enrollments');
      const path = `/api/cohorts/${cohortA.id}/enrollments`;
      for (const token of [host, mentor, participant]) {
        await t.as(token).post(path).send({ participantId: vasiliev.participantId }).expect(403);
        await t
          .as(token)
          .patch(`${path}/${alexeev.participantId}`)
          .send({ status: 'completed' })
          .expect(403);
        await t.as(token).delete(`${path}/${alexeev.participantId}`).expect(403);
      }
      expect(await countRows(t.dataSource, 'enrollments')).toBe(before);
      const list = await t.http().get(path).expect(200);
      expect(list.body).toEqual(page([alexeev, borisov]));
    });

    it('shows a host all enrollments of a cohort whose stage it hosts, and 404 for others', async () => {
      const list = await t.as(host).get(`/api/cohorts/${cohortA.id}/enrollments`).expect(200);
      expect(list.body).toEqual(page([alexeev, borisov]));
      for (const item of list.body.items) {
        expect(item.participant).not.toHaveProperty('email');
        expect(item.participant).not.toHaveProperty('phone');
      }
      const withdrawn = await t
        .as(host)
        .get(`/api/cohorts/${cohortA.id}/enrollments?status=withdrawn`)
        .expect(200);
      expect(withdrawn.body).toEqual(page([borisov]));

      const other = await t.as(host).get(`/api/cohorts/${cohortB.id}/enrollments`).expect(404);
      // The same answer as for a cohort that does not exist: existence does not leak.
      expect(other.body.message).toBe(`Cohort ${cohortB.id} not found`);
    });

    it('shows a mentor only its mentees’ enrollments', async () => {
      const list = await t.as(mentor).get(`/api/cohorts/${cohortA.id}/enrollments`).expect(200);
      expect(list.body).toEqual(page([alexeev]));
      expect(list.body.items[0].participant).not.toHaveProperty('email');
      const other = await t.as(mentor).get(`/api/cohorts/${cohortB.id}/enrollments`).expect(404);
      expect(other.body.message).toBe(`Cohort ${cohortB.id} not found`);
    });

    it('shows a participant only its own enrollment', async () => {
      const list = await t
        .as(participant)
        .get(`/api/cohorts/${cohortA.id}/enrollments`)
        .expect(200);
      expect(list.body).toEqual(page([alexeev]));
      const withdrawn = await t
        .as(participant)
        .get(`/api/cohorts/${cohortA.id}/enrollments?status=withdrawn`)
        .expect(200);
      expect(withdrawn.body).toEqual(page([]));
      const other = await t
        .as(participant)
        .get(`/api/cohorts/${cohortB.id}/enrollments`)
        .expect(404);
      expect(other.body.message).toBe(`Cohort ${cohortB.id} not found`);
    });
  });
});
