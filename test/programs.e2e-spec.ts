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
});
