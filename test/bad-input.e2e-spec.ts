import { JwtService } from '@nestjs/jwt';
import { createProgram, createStage } from './support/factories';
import { TestApp, countRows, createTestApp } from './support/test-app';

/** Input that once gave a 500: each is a 4xx in the usual shape, naming the field, writing nothing. */
describe('bad input', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const program = (overrides: Record<string, unknown>) => ({
    title: 'Школа мэров',
    organizer: 'ВШГУ РАНХиГС',
    ...overrides,
  });

  async function expectRefused(
    send: () => Promise<{ status: number; body: Record<string, unknown> }>,
    status: number,
    message: string | RegExp,
    table = 'programs',
  ) {
    const before = await countRows(t.dataSource, table);
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ statusCode: status, error: expect.any(String) });
    const messages = ([] as unknown[]).concat(response.body.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        typeof message === 'string' ? message : expect.stringMatching(message),
      ]),
    );
    expect(await countRows(t.dataSource, table)).toBe(before);
  }

  it('answers 413 for a body over the limit (1 MB by default)', async () => {
    await expectRefused(
      () =>
        t
          .http()
          .post('/api/programs')
          .send(program({ description: 'я'.repeat(600_000) })),
      413,
      'The request body is larger than the limit (BODY_LIMIT)',
    );
    // Under the limit the same kind of body is read (and judged by the field's own rule).
    const fits = await t
      .http()
      .post('/api/programs')
      .send(program({ description: 'я'.repeat(4000) }));
    expect(fits.status).toBe(201);
  });

  it('answers 415 for a charset other than UTF-8, and 400 for malformed JSON', async () => {
    await expectRefused(
      () =>
        t
          .http()
          .post('/api/programs')
          .set('Content-Type', 'application/json; charset=koi8-r')
          .send(JSON.stringify(program({}))),
      415,
      'The request body must be UTF-8 JSON',
    );
    await expectRefused(
      () =>
        t.http().post('/api/programs').set('Content-Type', 'application/json').send('{"title": '),
      400,
      /JSON/,
    );
  });

  it('answers 415 to a body that is not JSON, on writes of every kind, and writes nothing', async () => {
    const { body: existing } = await t.http().post('/api/programs').send(program({})).expect(201);
    const sends = [
      () => t.http().post('/api/programs').set('Content-Type', 'text/plain').send('title=Школа'),
      () =>
        t
          .http()
          .post('/api/programs')
          .type('form')
          .send({ title: 'Школа мэров', organizer: 'ВШГУ' }),
      () =>
        t
          .http()
          .patch(`/api/programs/${existing.id}`)
          .set('Content-Type', 'application/xml')
          .send('<title>Школа</title>'),
      () =>
        t
          .http()
          .put('/api/me/notification-preferences')
          .set('Content-Type', 'text/plain')
          .send('{"eveningDigest": false}'),
    ];
    for (const send of sends) {
      await expectRefused(
        send,
        415,
        'The request body must be JSON (Content-Type: application/json)',
      );
    }
    const { body: unchanged } = await t.http().get(`/api/programs/${existing.id}`).expect(200);
    expect(unchanged.title).toBe(existing.title);
    // A write without a body needs no type, and an empty one may declare any; JSON with a
    // vendor suffix is JSON.
    await t.http().post(`/api/programs/${existing.id}/cohorts`).expect(400);
    const stage = await createStage(t);
    await t
      .http()
      .post(`/api/stages/${stage.id}/agenda/publish`)
      .set('Content-Type', 'text/plain')
      .send('')
      .expect(201);
    const suffixed = await t
      .http()
      .patch(`/api/programs/${existing.id}`)
      .set('Content-Type', 'application/merge-patch+json')
      .send(JSON.stringify({ title: 'Школа мэров 2027' }))
      .expect(200);
    expect(suffixed.body.title).toBe('Школа мэров 2027');
  });

  it('refuses a NUL character in text on every engine', async () => {
    await expectRefused(
      () =>
        t
          .http()
          .post('/api/programs')
          .send(program({ title: 'Школа\u0000мэров' })),
      400,
      'title must not contain NUL characters',
    );
    await expectRefused(
      () => t.http().get('/api/participants?search=%00иван'),
      400,
      'search must not contain NUL characters',
    );
  });

  it('refuses integers beyond 32 bits in ids, numbers and pages', async () => {
    await expectRefused(
      () =>
        t
          .http()
          .post('/api/programs')
          .send(program({ requiredAttendancePercent: 2 ** 40 })),
      400,
      /requiredAttendancePercent must not be greater than/,
    );
    const stage = await createStage(t);
    await expectRefused(
      () =>
        t
          .http()
          .post(`/api/stages/${stage.id}/sessions`)
          .send({
            title: 'Лекция',
            type: 'lecture',
            startsAt: '2025-11-18T10:00',
            endsAt: '2025-11-18T11:00',
            capacity: 4_294_967_296,
            mentorIds: [2 ** 53],
          }),
      400,
      'capacity must not be greater than 2147483647',
      'sessions',
    );
    // Named beside another field's problem, not only once that one is mended.
    const both = await t
      .http()
      .post(`/api/stages/${stage.id}/sessions`)
      .send({
        title: 'Лекция',
        type: 'lecture',
        startsAt: '2025-11-18T10:00',
        endsAt: '2025-11-18T11:00',
        capacity: 1e20,
        onlineUrl: 'not a url',
      })
      .expect(400);
    expect(both.body.message).toEqual(
      expect.arrayContaining([
        'onlineUrl must be a URL address',
        'capacity must not be greater than 2147483647',
      ]),
    );
    await expectRefused(
      () =>
        t
          .http()
          .post('/api/invitations')
          .send({ email: 'big@example.ru', role: 'participant', participantId: 2 ** 33 }),
      400,
      'participantId must not be greater than 2147483647',
      'accounts',
    );
    await expectRefused(
      () => t.http().get('/api/programs?offset=99999999999999999999'),
      400,
      'offset must not be greater than 2147483647',
    );
    await expectRefused(
      () => t.http().get('/api/programs/4294967296'),
      400,
      'id must be a positive integer',
    );
  });

  it('refuses a lone UTF-16 surrogate in an email', async () => {
    await expectRefused(
      () =>
        t
          .http()
          .post('/api/participants')
          .set('Content-Type', 'application/json')
          .send(
            '{"fullName":"Иванов","position":"Глава","municipality":"Ишим","region":"Тюменская область","email":"iv\\ud800an@example.ru"}',
          ),
      400,
      'email must be well-formed Unicode text (it holds a lone surrogate)',
      'participants',
    );
  });

  it('refuses dates before year 1 or after 9999 and impossible UTC offsets', async () => {
    const cohortStages = async (overrides: Record<string, unknown>) => {
      const { createCohort } = await import('./support/factories');
      const cohort = await createCohort(t);
      return t
        .http()
        .post(`/api/cohorts/${cohort.id}/stages`)
        .send({
          sequence: 1,
          title: 'Этап',
          city: 'Тюмень',
          region: 'Тюменская область',
          timeZone: 'Asia/Yekaterinburg',
          startDate: '2025-11-17',
          endDate: '2025-11-20',
          ...overrides,
        });
    };
    await expectRefused(
      () => cohortStages({ startDate: '0000-01-01' }),
      400,
      /startDate must be a date/,
      'stages',
    );
    await expectRefused(
      () => cohortStages({ endDate: '+10000-01-01' }),
      400,
      /endDate must be a date/,
      'stages',
    );
    const stage = await createStage(t);
    const session = (startsAt: string) => () =>
      t
        .http()
        .post(`/api/stages/${stage.id}/sessions`)
        .send({ title: 'Лекция', type: 'lecture', startsAt, endsAt: '2025-11-18T11:00' });
    await expectRefused(
      session('0000-11-18T10:00'),
      400,
      /startsAt must be a date and time/,
      'sessions',
    );
    await expectRefused(
      session('2025-11-18T10:00+25:00'),
      400,
      /startsAt must be a date and time/,
      'sessions',
    );
    await expectRefused(
      session('2025-11-18T10:00-1500'),
      400,
      /startsAt must be a date and time/,
      'sessions',
    );
    await expectRefused(
      session('2025-11-18T10:00+05:60'),
      400,
      /startsAt must be a date and time/,
      'sessions',
    );
  });

  it('refuses __proto__ and constructor keys as unknown fields', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      await expectRefused(
        () =>
          t
            .http()
            .post('/api/programs')
            .set('Content-Type', 'application/json')
            .send(`{"title":"Школа","organizer":"ВШГУ","${key}":{"isAdmin":true}}`),
        400,
        `property ${key} should not exist`,
      );
    }
    const existing = await createProgram(t);
    const patched = await t
      .http()
      .patch(`/api/programs/${existing.id}`)
      .set('Content-Type', 'application/json')
      .send('{"__proto__":{"title":"Взлом"}}');
    expect(patched.status).toBe(400);
    expect((await t.http().get(`/api/programs/${existing.id}`)).body.title).toBe(existing.title);
  });

  it('refuses whitespace-only strings, naming each field', async () => {
    const before = await countRows(t.dataSource, 'programs');
    const response = await t
      .http()
      .post('/api/programs')
      .send(program({ title: '   ', organizer: '\t\n' }));
    expect(response.status).toBe(400);
    expect(response.body.message).toEqual(
      expect.arrayContaining(['title must not be blank', 'organizer must not be blank']),
    );
    expect(await countRows(t.dataSource, 'programs')).toBe(before);
  });

  it('answers 401 for a validly signed token whose subject is not an account id', async () => {
    const jwt = t.app.get(JwtService);
    for (const sub of ['abc', '1e3', '-1', '0', '99999999999999', '1.5', ' 1']) {
      const token = await jwt.signAsync({ sub, role: 'organizer', ver: 0 });
      const response = await t.as(token).get('/api/me');
      expect([sub, response.status]).toEqual([sub, 401]);
    }
    const numeric = await jwt.signAsync({ sub: 1, role: 'organizer', ver: 0 });
    expect((await t.as(numeric).get('/api/me')).status).toBe(401);
  });

  it('refuses null for fields that may only be left out, naming them', async () => {
    const host = await t
      .http()
      .post('/api/invitations')
      .send({ email: 'nulls@example.ru', role: 'host', fullName: 'Хост' })
      .expect(201);
    await expectRefused(
      () => t.http().patch(`/api/accounts/${host.body.account.id}`).send({ fullName: null }),
      400,
      /fullName/,
      'accounts',
    );
    await expectRefused(
      () =>
        t
          .http()
          .post('/api/invitations')
          .send({ email: 'ghost@example.ru', role: 'participant', participantId: null }),
      400,
      /participantId/,
      'accounts',
    );
    await expectRefused(
      () =>
        t
          .http()
          .post('/api/invitations')
          .send({ email: 'ghost@example.ru', role: 'mentor', mentorId: null, fullName: 'Призрак' }),
      400,
      /mentorId/,
      'accounts',
    );
  });

  it('answers 400 for a body that is not valid compressed data or not valid UTF-8', async () => {
    await expectRefused(
      () =>
        t
          .http()
          .post('/api/programs')
          .set('Content-Type', 'application/json')
          .set('Content-Encoding', 'gzip')
          .send(JSON.stringify(program({}))),
      400,
      'The request body could not be read',
    );
    await expectRefused(
      () =>
        t
          .http()
          .post('/api/programs')
          .set('Content-Type', 'application/json')
          .serialize((raw: Buffer) => raw as unknown as string)
          .send(
            Buffer.concat([
              Buffer.from('{"title":"'),
              Buffer.from([0xff, 0xfe]),
              Buffer.from('","organizer":"ВШГУ"}'),
            ]),
          ),
      400,
      'The request body is not valid UTF-8',
    );
  });

  it('refuses every key that an object already has, as an unknown field', async () => {
    for (const key of ['hasOwnProperty', 'valueOf', 'toString', '__defineGetter__']) {
      await expectRefused(
        () =>
          t
            .http()
            .post('/api/programs')
            .send({ ...program({}), [key]: 1 }),
        400,
        `property ${key} should not exist`,
      );
    }
    const query = await t.http().get('/api/programs?valueOf=1');
    expect(query.status).toBe(400);
  });

  it('counts invisible format characters as blank', async () => {
    await expectRefused(
      () =>
        t
          .http()
          .post('/api/programs')
          .send(program({ title: '\u200b\u00a0' })),
      400,
      'title must not be blank',
    );
  });

  it('refuses offsets past +14:00 and instants past the year 9999 in UTC', async () => {
    const stage = await createStage(t);
    await expectRefused(
      () =>
        t.http().post(`/api/stages/${stage.id}/sessions`).send({
          title: 'Лекция',
          type: 'lecture',
          startsAt: '2025-11-18T10:00+14:30',
          endsAt: '2025-11-18T11:00',
        }),
      400,
      /startsAt must be a date and time/,
      'sessions',
    );
    const last = await createStage(t, {
      timeZone: 'Pacific/Honolulu',
      startDate: '9999-12-31',
      endDate: '9999-12-31',
    });
    await expectRefused(
      () =>
        t.http().post(`/api/stages/${last.id}/sessions`).send({
          title: 'Последняя',
          type: 'other',
          startsAt: '9999-12-31T20:00',
          endsAt: '9999-12-31T23:00',
        }),
      400,
      'startsAt must lie in the years 1 to 9999 in UTC',
      'sessions',
    );
  });
});
