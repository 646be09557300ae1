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

describe('programs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const valid = {
    title: 'Школа мэров',
    organizer: 'ВШГУ РАНХиГС и ВАРМСУ',
    description: 'Программа для глав муниципальных образований',
  };

  it('creates a program with defaults and reads it back', async () => {
    const created = await t.http().post('/api/programs').send(valid).expect(201);
    expect(created.body).toMatchObject({
      ...valid,
      status: 'draft',
      requiredAttendancePercent: 80,
    });
    expect(typeof created.body.id).toBe('number');

    const read = await t.http().get(`/api/programs/${created.body.id}`).expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('updates only the fields sent and can clear the description', async () => {
    const { body } = await t.http().post('/api/programs').send(valid).expect(201);
    const updated = await t
      .http()
      .patch(`/api/programs/${body.id}`)
      .send({ status: 'active', description: null, requiredAttendancePercent: 75 })
      .expect(200);
    expect(updated.body).toMatchObject({
      title: valid.title,
      status: 'active',
      description: null,
      requiredAttendancePercent: 75,
    });
    const read = await t.http().get(`/api/programs/${body.id}`).expect(200);
    expect(read.body.status).toBe('active');
  });

  it('lists programs by page and filters by status', async () => {
    for (const title of ['Муниципальный диалог', 'Рабочий визит', 'Онлайн-встреча']) {
      await t
        .http()
        .post('/api/programs')
        .send({ ...valid, title, status: 'archived' })
        .expect(201);
    }
    const archived = await t.http().get('/api/programs?status=archived&limit=2').expect(200);
    expect(archived.body.total).toBe(3);
    expect(archived.body.limit).toBe(2);
    expect(archived.body.offset).toBe(0);
    expect(archived.body.items.map((p: { title: string }) => p.title)).toEqual([
      'Муниципальный диалог',
      'Рабочий визит',
    ]);
    const next = await t.http().get('/api/programs?status=archived&limit=2&offset=2').expect(200);
    expect(next.body.items.map((p: { title: string }) => p.title)).toEqual(['Онлайн-встреча']);
  });

  it('deletes a program without cohorts', async () => {
    const { body } = await t.http().post('/api/programs').send(valid).expect(201);
    await t.http().delete(`/api/programs/${body.id}`).expect(204);
    await t.http().get(`/api/programs/${body.id}`).expect(404);
  });

  describe('bad input', () => {
    it('names every bad field and writes nothing', async () => {
      const before = await countRows(t.dataSource, 'programs');
      const response = await t
        .http()
        .post('/api/programs')
        .send({ title: '', organizer: 42, status: 'paused', requiredAttendancePercent: 120 })
        .expect(400);
      expect(response.body.error).toBe('Bad Request');
      const messages: string[] = response.body.message;
      for (const field of ['title', 'organizer', 'status', 'requiredAttendancePercent']) {
        expect(messages.some((message) => message.startsWith(field))).toBe(true);
      }
      expect(await countRows(t.dataSource, 'programs')).toBe(before);
    });

    it('rejects unknown fields and missing fields', async () => {
      const response = await t
        .http()
        .post('/api/programs')
        .send({ ...valid, budget: 1000 })
        .expect(400);
      expect(response.body.message).toContain('property budget should not exist');
      const missing = await t.http().post('/api/programs').send({}).expect(400);
      expect(missing.body.message).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^title/),
          expect.stringMatching(/^organizer/),
        ]),
      );
    });

    it('refuses null for fields that always hold a value', async () => {
      const { body } = await t.http().post('/api/programs').send(valid).expect(201);
      const response = await t
        .http()
        .patch(`/api/programs/${body.id}`)
        .send({ title: null, status: null, requiredAttendancePercent: null })
        .expect(400);
      for (const field of ['title', 'status', 'requiredAttendancePercent']) {
        expect(response.body.message).toEqual(
          expect.arrayContaining([expect.stringMatching(new RegExp(`^${field}`))]),
        );
      }
      const read = await t.http().get(`/api/programs/${body.id}`).expect(200);
      expect(read.body.title).toBe(valid.title);
    });

    it('answers 404 for a program that does not exist and 400 for a bad id', async () => {
      await t.http().get('/api/programs/999999').expect(404);
      await t.http().patch('/api/programs/999999').send({ title: 'x' }).expect(404);
      await t.http().delete('/api/programs/999999').expect(404);
      const bad = await t.http().get('/api/programs/abc').expect(400);
      expect(bad.body.message).toEqual(['id must be a positive integer']);
    });

    it('rejects bad paging parameters', async () => {
      const response = await t.http().get('/api/programs?limit=0&offset=-1').expect(400);
      expect(response.body.message).toEqual(
        expect.arrayContaining([expect.stringMatching(/^limit/), expect.stringMatching(/^offset/)]),
      );
      await t.http().get('/api/programs?limit=201').expect(400);
      await t.http().get('/api/programs?status=paused').expect(400);
    });
  });

  /**
   * Program PA (cohort A: stages A1, A2) and program PB (cohort B: stage B1). The host hosts A1
   * only; the participant is enrolled in A; the mentor leads it there; the outsider is enrolled
   * in B only.
   */
  describe('roles and scope', () => {
    let PA: { id: number };
    let PB: { id: number };
    const tokens = {} as Record<'host' | 'mentor' | 'participant' | 'outsider', string>;

    beforeAll(async () => {
      PA = await createProgram(t, { status: 'active' });
      PB = await createProgram(t, { status: 'active' });
      const A = await createCohort(t, {}, PA.id);
      const B = await createCohort(t, {}, PB.id);
      const A1 = await createStage(t, {}, A.id);
      await createStage(t, {}, A.id);
      await createStage(t, {}, B.id);
      const pA = await createParticipant(t);
      const pB = await createParticipant(t);
      await enroll(t, A.id, pA.id);
      await enroll(t, B.id, pB.id);
      const mA = await createMentor(t);
      await assignMentor(t, mA.id, A.id, pA.id);
      tokens.host = (await createAccount(t, 'host', { stageIds: [A1.id] })).token;
      tokens.participant = (await createAccount(t, 'participant', { participantId: pA.id })).token;
      tokens.mentor = (await createAccount(t, 'mentor', { mentorId: mA.id })).token;
      tokens.outsider = (await createAccount(t, 'participant', { participantId: pB.id })).token;
    });

    it('answers 401 to every route without a token', async () => {
      await t.anonymous().get('/api/programs').expect(401);
      await t.anonymous().get(`/api/programs/${PA.id}`).expect(401);
      await t.anonymous().post('/api/programs').send(valid).expect(401);
      await t.anonymous().patch(`/api/programs/${PA.id}`).send({ title: 'x' }).expect(401);
      await t.anonymous().delete(`/api/programs/${PA.id}`).expect(401);
      await t.as('not-a-token').get('/api/programs').expect(401);
    });

    it.each(['host', 'mentor', 'participant'] as const)(
      'lets only organizers write: a %s gets 403 and writes nothing',
      async (role) => {
        const before = await countRows(t.dataSource, 'programs');
        const created = await t.as(tokens[role]).post('/api/programs').send(valid).expect(403);
        expect(created.body.message).toBe('Only organizer may do this');
        await t
          .as(tokens[role])
          .patch(`/api/programs/${PA.id}`)
          .send({ title: 'Захваченная программа' })
          .expect(403);
        await t.as(tokens[role]).delete(`/api/programs/${PB.id}`).expect(403);
        expect(await countRows(t.dataSource, 'programs')).toBe(before);
        const read = await t.http().get(`/api/programs/${PA.id}`).expect(200);
        expect(read.body.title).not.toBe('Захваченная программа');
      },
    );

    it.each(['host', 'mentor', 'participant'] as const)(
      'lists and reads only the program of its cohort as a %s',
      async (role) => {
        const list = await t.as(tokens[role]).get('/api/programs').expect(200);
        expect(list.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
        expect(list.body.items.map((p: { id: number }) => p.id)).toEqual([PA.id]);
        await t.as(tokens[role]).get(`/api/programs/${PA.id}`).expect(200);
        const hidden = await t.as(tokens[role]).get(`/api/programs/${PB.id}`).expect(404);
        // The same answer as for a program that does not exist: existence does not leak.
        expect(hidden.body.message).toBe(`Program ${PB.id} not found`);
      },
    );

    it('shows a participant of another cohort only its own program', async () => {
      const list = await t.as(tokens.outsider).get('/api/programs').expect(200);
      expect(list.body.total).toBe(1);
      expect(list.body.items.map((p: { id: number }) => p.id)).toEqual([PB.id]);
      await t.as(tokens.outsider).get(`/api/programs/${PA.id}`).expect(404);
    });

    it('applies the status filter and paging within what the actor sees', async () => {
      const active = await t.as(tokens.host).get('/api/programs?status=active').expect(200);
      expect(active.body.items.map((p: { id: number }) => p.id)).toEqual([PA.id]);
      const archived = await t.as(tokens.host).get('/api/programs?status=archived').expect(200);
      expect(archived.body).toMatchObject({ items: [], total: 0 });
      const beyond = await t.as(tokens.host).get('/api/programs?offset=1').expect(200);
      expect(beyond.body).toMatchObject({ items: [], total: 1, offset: 1 });
      const organizer = await t.http().get('/api/programs?status=active').expect(200);
      expect(organizer.body.items.map((p: { id: number }) => p.id)).toEqual(
        expect.arrayContaining([PA.id, PB.id]),
      );
    });

    it('answers 404 to a missing program for every role, as for a hidden one', async () => {
      for (const token of Object.values(tokens)) {
        const response = await t.as(token).get('/api/programs/999999').expect(404);
        expect(response.body.message).toBe('Program 999999 not found');
      }
    });
  });
});
