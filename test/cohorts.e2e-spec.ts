import { Enrollment } from '../src/enrollments/enrollment.entity';
import { Participant } from '../src/participants/participant.entity';
import {
  assignMentor,
  createAccount,
  createCohort,
  createMentor,
  createParticipant,
  createProgram,
  createStage,
  enroll,
} from './support/factories';
import { TestApp, countRows, createTestApp } from './support/test-app';

describe('cohorts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const messagesOf = (body: { message: string | string[] }): string[] =>
    Array.isArray(body.message) ? body.message : [body.message];
  const titles = (body: { items: { title: string }[] }) => body.items.map((c) => c.title);

  it('creates a cohort in a program and reads it back', async () => {
    const program = await createProgram(t);
    const created = await t
      .http()
      .post(`/api/programs/${program.id}/cohorts`)
      .send({ title: '2025, поток 1' })
      .expect(201);
    expect(Object.keys(created.body).sort()).toEqual(
      ['createdAt', 'id', 'programId', 'title', 'updatedAt'].sort(),
    );
    expect(created.body).toMatchObject({ programId: program.id, title: '2025, поток 1' });
    expect(typeof created.body.id).toBe('number');

    const read = await t.http().get(`/api/cohorts/${created.body.id}`).expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('renames a cohort', async () => {
    const cohort = await createCohort(t);
    const updated = await t
      .http()
      .patch(`/api/cohorts/${cohort.id}`)
      .send({ title: '2025, поток 2 (весна)' })
      .expect(200);
    expect(updated.body).toMatchObject({
      id: cohort.id,
      programId: cohort.programId,
      title: '2025, поток 2 (весна)',
    });
    const read = await t.http().get(`/api/cohorts/${cohort.id}`).expect(200);
    expect(read.body.title).toBe('2025, поток 2 (весна)');

    const unchanged = await t.http().patch(`/api/cohorts/${cohort.id}`).send({}).expect(200);
    expect(unchanged.body.title).toBe('2025, поток 2 (весна)');
  });

  it('lists the cohorts of one program by page, ordered by id', async () => {
    const program = await createProgram(t);
    const other = await createProgram(t);
    await createCohort(t, { title: 'Чужой поток' }, other.id);
    for (const title of ['2024, поток 1', '2024, поток 2', '2025, поток 1']) {
      await createCohort(t, { title }, program.id);
    }

    const first = await t.http().get(`/api/programs/${program.id}/cohorts?limit=2`).expect(200);
    expect(first.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(titles(first.body)).toEqual(['2024, поток 1', '2024, поток 2']);

    const second = await t
      .http()
      .get(`/api/programs/${program.id}/cohorts?limit=2&offset=2`)
      .expect(200);
    expect(second.body).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(titles(second.body)).toEqual(['2025, поток 1']);

    const all = await t.http().get(`/api/programs/${program.id}/cohorts`).expect(200);
    expect(all.body).toMatchObject({ total: 3, limit: 50, offset: 0 });
    const ids = all.body.items.map((c: { id: number }) => c.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(all.body.items.every((c: { programId: number }) => c.programId === program.id)).toBe(
      true,
    );
  });

  it('deletes a cohort without stages or enrollments', async () => {
    const cohort = await createCohort(t);
    await t.http().delete(`/api/cohorts/${cohort.id}`).expect(204);
    await t.http().get(`/api/cohorts/${cohort.id}`).expect(404);
  });

  describe('conflicts', () => {
    it('refuses a duplicate title within a program but allows it in another program', async () => {
      const program = await createProgram(t);
      await createCohort(t, { title: '2025, поток 1' }, program.id);
      const before = await countRows(t.dataSource, 'cohorts');

      const duplicate = await t
        .http()
        .post(`/api/programs/${program.id}/cohorts`)
        .send({ title: '2025, поток 1' })
        .expect(409);
      expect(duplicate.body.message).toBe(
        `Program ${program.id} already has a cohort titled "2025, поток 1"`,
      );
      expect(await countRows(t.dataSource, 'cohorts')).toBe(before);

      const other = await createProgram(t);
      await t
        .http()
        .post(`/api/programs/${other.id}/cohorts`)
        .send({ title: '2025, поток 1' })
        .expect(201);
      expect(await countRows(t.dataSource, 'cohorts')).toBe(before + 1);
    });

    it('refuses to rename a cohort to a title its program already has', async () => {
      const program = await createProgram(t);
      await createCohort(t, { title: '2025, поток 1' }, program.id);
      const second = await createCohort(t, { title: '2025, поток 2' }, program.id);

      const response = await t
        .http()
        .patch(`/api/cohorts/${second.id}`)
        .send({ title: '2025, поток 1' })
        .expect(409);
      expect(response.body.message).toBe(
        `Program ${program.id} already has a cohort titled "2025, поток 1"`,
      );
      const read = await t.http().get(`/api/cohorts/${second.id}`).expect(200);
      expect(read.body.title).toBe('2025, поток 2');

      // Sending its own title again is not a conflict.
      await t
        .http()
        .patch(`/api/cohorts/${second.id}`)
        .send({ title: '2025, поток 2' })
        .expect(200);
    });

    it('refuses to delete a cohort that has a stage, and keeps it', async () => {
      const cohort = await createCohort(t);
      await createStage(t, {}, cohort.id);
      const response = await t.http().delete(`/api/cohorts/${cohort.id}`).expect(409);
      expect(response.body.statusCode).toBe(409);
      const read = await t.http().get(`/api/cohorts/${cohort.id}`).expect(200);
      expect(read.body).toEqual(cohort);
    });

    it('refuses to delete a cohort that has an enrollment, and keeps it', async () => {
      const cohort = await createCohort(t);
      // Written straight to the database so this test does not depend on the enrollments API.
      const participant = await t.write((manager) =>
        manager.save(Participant, {
          fullName: 'Иванов Иван Иванович',
          position: 'Глава Ишимского района',
          municipality: 'Ишимский район',
          region: 'Тюменская область',
          email: 'ivanov@example.ru',
          phone: null,
          locale: 'ru',
          searchText: 'иванов иван иванович ишимский район ivanov@example.ru',
        }),
      );
      await t.write((manager) =>
        manager.save(Enrollment, {
          cohortId: cohort.id,
          participantId: participant.id,
          status: 'active',
          enrolledAt: new Date('2025-09-01T09:00:00Z'),
          withdrawnAt: null,
        }),
      );
      await t.http().delete(`/api/cohorts/${cohort.id}`).expect(409);
      await t.http().get(`/api/cohorts/${cohort.id}`).expect(200);
    });
  });

  describe('bad input', () => {
    it('names the bad title and writes nothing', async () => {
      const program = await createProgram(t);
      const before = await countRows(t.dataSource, 'cohorts');
      for (const title of ['', 42, 'п'.repeat(201), null]) {
        const response = await t
          .http()
          .post(`/api/programs/${program.id}/cohorts`)
          .send({ title })
          .expect(400);
        expect(response.body.error).toBe('Bad Request');
        expect(messagesOf(response.body).some((m) => m.startsWith('title'))).toBe(true);
      }
      expect(await countRows(t.dataSource, 'cohorts')).toBe(before);
    });

    it('rejects missing and unknown fields', async () => {
      const program = await createProgram(t);
      const before = await countRows(t.dataSource, 'cohorts');
      const missing = await t
        .http()
        .post(`/api/programs/${program.id}/cohorts`)
        .send({})
        .expect(400);
      expect(missing.body.message).toEqual(
        expect.arrayContaining([expect.stringMatching(/^title/)]),
      );
      const unknown = await t
        .http()
        .post(`/api/programs/${program.id}/cohorts`)
        .send({ title: '2025, поток 9', programId: program.id, capacity: 30 })
        .expect(400);
      expect(unknown.body.message).toEqual(
        expect.arrayContaining([
          'property programId should not exist',
          'property capacity should not exist',
        ]),
      );
      expect(await countRows(t.dataSource, 'cohorts')).toBe(before);
    });

    it('refuses to null or blank the title on update and to move the cohort', async () => {
      const cohort = await createCohort(t);
      for (const body of [{ title: null }, { title: '' }, { title: 7 }]) {
        const response = await t.http().patch(`/api/cohorts/${cohort.id}`).send(body).expect(400);
        expect(messagesOf(response.body).some((m) => m.startsWith('title'))).toBe(true);
      }
      const move = await t
        .http()
        .patch(`/api/cohorts/${cohort.id}`)
        .send({ programId: 1 })
        .expect(400);
      expect(move.body.message).toContain('property programId should not exist');
      const read = await t.http().get(`/api/cohorts/${cohort.id}`).expect(200);
      expect(read.body).toEqual(cohort);
    });

    it('answers 404 for a program or cohort that does not exist and writes nothing', async () => {
      const before = await countRows(t.dataSource, 'cohorts');
      const create = await t
        .http()
        .post('/api/programs/999999/cohorts')
        .send({ title: '2025, поток 1' })
        .expect(404);
      expect(create.body.message).toBe('Program 999999 not found');
      const list = await t.http().get('/api/programs/999999/cohorts').expect(404);
      expect(list.body.message).toBe('Program 999999 not found');
      expect(await countRows(t.dataSource, 'cohorts')).toBe(before);

      const get = await t.http().get('/api/cohorts/999999').expect(404);
      expect(get.body.message).toBe('Cohort 999999 not found');
      await t.http().patch('/api/cohorts/999999').send({ title: 'x' }).expect(404);
      await t.http().delete('/api/cohorts/999999').expect(404);
    });

    it('answers 400 for ids that are not positive integers', async () => {
      for (const request of [
        t.http().get('/api/cohorts/abc'),
        t.http().patch('/api/cohorts/1.5').send({ title: 'x' }),
        t.http().delete('/api/cohorts/0'),
        t.http().get('/api/programs/abc/cohorts'),
        t.http().post('/api/programs/-1/cohorts').send({ title: 'x' }),
      ]) {
        const response = await request.expect(400);
        expect(response.body.message).toEqual(['id must be a positive integer']);
      }
    });

    it('rejects bad paging parameters', async () => {
      const program = await createProgram(t);
      const response = await t
        .http()
        .get(`/api/programs/${program.id}/cohorts?limit=0&offset=-1`)
        .expect(400);
      expect(response.body.message).toEqual(
        expect.arrayContaining([expect.stringMatching(/^limit/), expect.stringMatching(/^offset/)]),
      );
      await t.http().get(`/api/programs/${program.id}/cohorts?limit=201`).expect(400);
      await t.http().get(`/api/programs/${program.id}/cohorts?limit=abc`).expect(400);
      const unknown = await t
        .http()
        .get(`/api/programs/${program.id}/cohorts?status=active`)
        .expect(400);
      expect(unknown.body.message).toContain('property status should not exist');
    });
  });

  /**
   * Program PA with cohorts A (stages A1, A2) and Anext (nobody's yet); program PB with cohort B.
   * The host hosts A1 only; the participant is enrolled in A; the mentor leads it there; the
   * outsider is enrolled in B only.
   */
  describe('roles and scope', () => {
    const ids = {} as Record<'PA' | 'PB' | 'A' | 'Anext' | 'B', number>;
    const tokens = {} as Record<'host' | 'mentor' | 'participant' | 'outsider', string>;

    beforeAll(async () => {
      ids.PA = (await createProgram(t)).id;
      ids.PB = (await createProgram(t)).id;
      ids.A = (await createCohort(t, {}, ids.PA)).id;
      ids.Anext = (await createCohort(t, {}, ids.PA)).id;
      ids.B = (await createCohort(t, {}, ids.PB)).id;
      const A1 = await createStage(t, {}, ids.A);
      await createStage(t, {}, ids.A);
      const pA = await createParticipant(t);
      const pB = await createParticipant(t);
      await enroll(t, ids.A, pA.id);
      await enroll(t, ids.B, pB.id);
      const mA = await createMentor(t);
      await assignMentor(t, mA.id, ids.A, pA.id);
      tokens.host = (await createAccount(t, 'host', { stageIds: [A1.id] })).token;
      tokens.participant = (await createAccount(t, 'participant', { participantId: pA.id })).token;
      tokens.mentor = (await createAccount(t, 'mentor', { mentorId: mA.id })).token;
      tokens.outsider = (await createAccount(t, 'participant', { participantId: pB.id })).token;
    });

    it('answers 401 to every route without a token', async () => {
      await t.anonymous().get(`/api/programs/${ids.PA}/cohorts`).expect(401);
      await t.anonymous().get(`/api/cohorts/${ids.A}`).expect(401);
      await t.anonymous().post(`/api/programs/${ids.PA}/cohorts`).send({ title: 'x' }).expect(401);
      await t.anonymous().patch(`/api/cohorts/${ids.A}`).send({ title: 'x' }).expect(401);
      await t.anonymous().delete(`/api/cohorts/${ids.Anext}`).expect(401);
    });

    it.each(['host', 'mentor', 'participant'] as const)(
      'lets only organizers write: a %s gets 403 and writes nothing',
      async (role) => {
        const before = await countRows(t.dataSource, 'cohorts');
        const created = await t
          .as(tokens[role])
          .post(`/api/programs/${ids.PA}/cohorts`)
          .send({ title: '2026, поток 1' })
          .expect(403);
        expect(created.body.message).toBe('Only organizer may do this');
        await t
          .as(tokens[role])
          .patch(`/api/cohorts/${ids.A}`)
          .send({ title: 'Захваченный поток' })
          .expect(403);
        await t.as(tokens[role]).delete(`/api/cohorts/${ids.Anext}`).expect(403);
        expect(await countRows(t.dataSource, 'cohorts')).toBe(before);
        const read = await t.http().get(`/api/cohorts/${ids.A}`).expect(200);
        expect(read.body.title).not.toBe('Захваченный поток');
      },
    );

    it.each(['host', 'mentor', 'participant'] as const)(
      'shows a %s only its own cohort of the program, and 404 for the others',
      async (role) => {
        const list = await t.as(tokens[role]).get(`/api/programs/${ids.PA}/cohorts`).expect(200);
        expect(list.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
        expect(list.body.items.map((c: { id: number }) => c.id)).toEqual([ids.A]);

        await t.as(tokens[role]).get(`/api/cohorts/${ids.A}`).expect(200);
        for (const hidden of [ids.Anext, ids.B]) {
          const response = await t.as(tokens[role]).get(`/api/cohorts/${hidden}`).expect(404);
          expect(response.body.message).toBe(`Cohort ${hidden} not found`);
        }
        const otherProgram = await t
          .as(tokens[role])
          .get(`/api/programs/${ids.PB}/cohorts`)
          .expect(404);
        expect(otherProgram.body.message).toBe(`Program ${ids.PB} not found`);
      },
    );

    it('shows a participant of another program nothing of program PA', async () => {
      const list = await t.as(tokens.outsider).get(`/api/programs/${ids.PA}/cohorts`).expect(404);
      expect(list.body.message).toBe(`Program ${ids.PA} not found`);
      await t.as(tokens.outsider).get(`/api/cohorts/${ids.A}`).expect(404);
      const own = await t.as(tokens.outsider).get(`/api/programs/${ids.PB}/cohorts`).expect(200);
      expect(own.body.items.map((c: { id: number }) => c.id)).toEqual([ids.B]);
    });

    it('pages within what the actor sees; the organizer sees every cohort', async () => {
      const beyond = await t
        .as(tokens.host)
        .get(`/api/programs/${ids.PA}/cohorts?offset=1`)
        .expect(200);
      expect(beyond.body).toMatchObject({ items: [], total: 1, offset: 1 });
      const organizer = await t.http().get(`/api/programs/${ids.PA}/cohorts`).expect(200);
      expect(organizer.body.items.map((c: { id: number }) => c.id)).toEqual([ids.A, ids.Anext]);
    });

    it('answers 404 to a missing program or cohort for every role, as for a hidden one', async () => {
      for (const token of Object.values(tokens)) {
        const list = await t.as(token).get('/api/programs/999999/cohorts').expect(404);
        expect(list.body.message).toBe('Program 999999 not found');
        const get = await t.as(token).get('/api/cohorts/999999').expect(404);
        expect(get.body.message).toBe('Cohort 999999 not found');
      }
    });
  });
});
