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

type Named = { fullName: string };
const names = (body: { items: Named[] }) => body.items.map((p) => p.fullName);

describe('participants', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const valid = {
    fullName: 'Сидоров Алексей Викторович',
    position: 'Глава Ялуторовского района',
    municipality: 'Ялуторовский район',
    region: 'Тюменская область',
    email: 'a.sidorov@yalutorovsk.ru',
  };

  it('creates a participant with defaults, normalizes the email and reads it back', async () => {
    const created = await t
      .http()
      .post('/api/participants')
      .send({ ...valid, email: '  A.Sidorov@Yalutorovsk.RU ' })
      .expect(201);
    expect(created.body).toEqual({
      ...valid,
      id: expect.any(Number),
      phone: null,
      locale: 'ru',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(created.body).not.toHaveProperty('searchText');

    const read = await t.http().get(`/api/participants/${created.body.id}`).expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('stores a phone and a locale', async () => {
    const { body } = await t
      .http()
      .post('/api/participants')
      .send({
        ...valid,
        email: 'phone@example.ru',
        phone: '+7 (3452) 00-00-00',
        locale: 'en',
      })
      .expect(201);
    expect(body).toMatchObject({ phone: '+7 (3452) 00-00-00', locale: 'en' });
  });

  it('updates only the fields sent, clears the phone and re-folds the search text', async () => {
    const participant = await createParticipant(t, {
      fullName: 'Кузнецов Олег',
      region: 'Обновляемая область',
      phone: '+7 3452 11-22-33',
    });
    const updated = await t
      .http()
      .patch(`/api/participants/${participant.id}`)
      .send({ fullName: 'Ёлкин Олег', phone: null, email: ' New.Mail@Example.RU ' })
      .expect(200);
    expect(updated.body).toMatchObject({
      fullName: 'Ёлкин Олег',
      position: participant.position,
      phone: null,
      email: 'new.mail@example.ru',
      locale: 'ru',
    });
    const read = await t.http().get(`/api/participants/${participant.id}`).expect(200);
    expect(read.body).toEqual(updated.body);

    const region = encodeURIComponent('Обновляемая область');
    const byNewName = await t
      .http()
      .get(`/api/participants?region=${region}&search=${encodeURIComponent('елкин')}`)
      .expect(200);
    expect(names(byNewName.body)).toEqual(['Ёлкин Олег']);
    const byOldName = await t
      .http()
      .get(`/api/participants?region=${region}&search=${encodeURIComponent('кузнецов')}`)
      .expect(200);
    expect(byOldName.body.total).toBe(0);
    const byNewEmail = await t
      .http()
      .get(`/api/participants?region=${region}&search=NEW.MAIL`)
      .expect(200);
    expect(names(byNewEmail.body)).toEqual(['Ёлкин Олег']);
  });

  describe('search', () => {
    const region = 'Поисковая область';
    const search = async (text: string) => {
      const response = await t
        .http()
        .get('/api/participants')
        .query({ region, search: text })
        .expect(200);
      // Ordering is tested below; here only which participants are found matters.
      return names(response.body).sort();
    };

    beforeAll(async () => {
      for (const fullName of [
        'ИВАНОВ Пётр',
        'Иванова Анна',
        'Петров Сергей',
        'Ivanov John',
        'Фонд 100% участия',
        'Проект_один',
      ]) {
        await createParticipant(t, { fullName, region });
      }
      await createParticipant(t, {
        fullName: 'Смирнова Ольга',
        municipality: 'Городской округ Тобольск',
        region,
      });
    });

    it('is case-insensitive for Cyrillic', async () => {
      expect(await search('иванов')).toEqual(['ИВАНОВ Пётр', 'Иванова Анна'].sort());
      expect(await search('ИВАНОВА')).toEqual(['Иванова Анна']);
    });

    it('finds ё by е and е by ё', async () => {
      expect(await search('петр')).toEqual(['ИВАНОВ Пётр', 'Петров Сергей'].sort());
      expect(await search('пётр')).toEqual(['ИВАНОВ Пётр', 'Петров Сергей'].sort());
      // ё typed as е with a combining diaeresis.
      expect(await search('пе\u0308тр')).toEqual(['ИВАНОВ Пётр', 'Петров Сергей'].sort());
    });

    it('ignores blanks around the words searched', async () => {
      expect(await search('  иванова ')).toEqual(['Иванова Анна']);
    });

    it('is case-insensitive for Latin', async () => {
      expect(await search('IVANOV')).toEqual(['Ivanov John']);
    });

    it('searches the municipality too', async () => {
      expect(await search('тобольск')).toEqual(['Смирнова Ольга']);
    });

    it('takes % and _ literally', async () => {
      expect(await search('%')).toEqual(['Фонд 100% участия']);
      expect(await search('_')).toEqual(['Проект_один']);
      expect(await search('0%')).toEqual(['Фонд 100% участия']);
      // As wildcards, `_` would match the space in "Фонд 100" and `%` anything after "Проект".
      expect(await search('фонд_100')).toEqual([]);
      expect(await search('проект%один')).toEqual([]);
    });
  });

  it('lists participants by page ordered by name then id, and filters by region', async () => {
    const region = 'Страничная область';
    const created = [];
    for (const fullName of ['Борисов', 'Алексеев', 'Борисов', 'Васильев']) {
      created.push(await createParticipant(t, { fullName, region }));
    }
    const first = await t.http().get('/api/participants').query({ region, limit: 2 }).expect(200);
    expect(first.body).toMatchObject({ total: 4, limit: 2, offset: 0 });
    expect(first.body.items.map((p: { id: number }) => p.id)).toEqual([
      created[1].id,
      created[0].id,
    ]);
    const second = await t
      .http()
      .get('/api/participants')
      .query({ region, limit: 2, offset: 2 })
      .expect(200);
    expect(second.body.items.map((p: { id: number }) => p.id)).toEqual([
      created[2].id,
      created[3].id,
    ]);
    expect(second.body.items[0]).not.toHaveProperty('searchText');
  });

  it('filters by cohort, whatever the enrollment status', async () => {
    const cohort = await createCohort(t);
    const other = await createCohort(t);
    const withdrawn = await createParticipant(t, { fullName: 'Андреев Выбывший' });
    const active = await createParticipant(t, { fullName: 'Андреев Активный' });
    const elsewhere = await createParticipant(t, { fullName: 'Андреев Другой поток' });
    await createParticipant(t, { fullName: 'Андреев Без потока' });
    await enroll(t, cohort.id, withdrawn.id);
    await enroll(t, cohort.id, active.id);
    await enroll(t, other.id, elsewhere.id);
    await t.http().delete(`/api/cohorts/${cohort.id}/enrollments/${withdrawn.id}`).expect(200);

    const inCohort = await t
      .http()
      .get('/api/participants')
      .query({ cohortId: cohort.id })
      .expect(200);
    expect(inCohort.body.total).toBe(2);
    expect(names(inCohort.body)).toEqual(['Андреев Активный', 'Андреев Выбывший']);

    const searched = await t
      .http()
      .get('/api/participants')
      .query({ cohortId: cohort.id, search: 'выбыв', limit: 1 })
      .expect(200);
    expect(searched.body.total).toBe(1);
    expect(names(searched.body)).toEqual(['Андреев Выбывший']);

    const none = await t.http().get('/api/participants?cohortId=999999').expect(200);
    expect(none.body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
  });

  it('deletes a participant without enrollments', async () => {
    const participant = await createParticipant(t);
    const response = await t.http().delete(`/api/participants/${participant.id}`).expect(204);
    expect(response.text).toBe('');
    await t.http().get(`/api/participants/${participant.id}`).expect(404);
  });

  it('refuses to delete an enrolled participant, even a withdrawn one', async () => {
    const cohort = await createCohort(t);
    const participant = await createParticipant(t);
    await enroll(t, cohort.id, participant.id);
    await t.http().delete(`/api/cohorts/${cohort.id}/enrollments/${participant.id}`).expect(200);

    const before = await countRows(t.dataSource, 'participants');
    const response = await t.http().delete(`/api/participants/${participant.id}`).expect(409);
    expect(response.body.statusCode).toBe(409);
    expect(await countRows(t.dataSource, 'participants')).toBe(before);
    await t.http().get(`/api/participants/${participant.id}`).expect(200);
  });

  describe('email uniqueness', () => {
    it('refuses a duplicate email in another case and writes nothing', async () => {
      await createParticipant(t, { email: 'unique.mail@example.ru' });
      const before = await countRows(t.dataSource, 'participants');
      const response = await t
        .http()
        .post('/api/participants')
        .send({ ...valid, email: ' Unique.Mail@EXAMPLE.ru' })
        .expect(409);
      expect(response.body.message).toBe(
        'A participant with email unique.mail@example.ru already exists',
      );
      expect(await countRows(t.dataSource, 'participants')).toBe(before);
    });

    it('refuses to take another participant’s email on update', async () => {
      await createParticipant(t, { email: 'taken@example.ru' });
      const participant = await createParticipant(t);
      const response = await t
        .http()
        .patch(`/api/participants/${participant.id}`)
        .send({ email: 'TAKEN@example.ru', fullName: 'Не сохранится' })
        .expect(409);
      expect(response.body.message).toBe(
        'A participant with email taken@example.ru already exists',
      );
      const read = await t.http().get(`/api/participants/${participant.id}`).expect(200);
      expect(read.body).toEqual(participant);
    });

    it('lets a participant keep its own email in another case', async () => {
      const participant = await createParticipant(t, { email: 'own@example.ru' });
      const updated = await t
        .http()
        .patch(`/api/participants/${participant.id}`)
        .send({ email: 'OWN@Example.ru' })
        .expect(200);
      expect(updated.body.email).toBe('own@example.ru');
    });
  });

  describe('bad input', () => {
    it('names every bad field and writes nothing', async () => {
      const before = await countRows(t.dataSource, 'participants');
      const response = await t
        .http()
        .post('/api/participants')
        .send({
          fullName: '',
          position: 42,
          municipality: 'x'.repeat(301),
          region: 'x'.repeat(201),
          email: 'not-an-email',
          phone: 'call me',
          locale: 'de',
        })
        .expect(400);
      expect(response.body.error).toBe('Bad Request');
      const messages: string[] = response.body.message;
      for (const field of [
        'fullName',
        'position',
        'municipality',
        'region',
        'email',
        'phone',
        'locale',
      ]) {
        expect(messages.some((message) => message.startsWith(field))).toBe(true);
      }
      expect(await countRows(t.dataSource, 'participants')).toBe(before);
    });

    it('checks the phone’s characters and length', async () => {
      const before = await countRows(t.dataSource, 'participants');
      for (const phone of ['1234', '(12)', '1'.repeat(33), '+7 3452 00-00-00 доб. 5', 42]) {
        const response = await t
          .http()
          .post('/api/participants')
          .send({ ...valid, email: 'phone.check@example.ru', phone })
          .expect(400);
        const messages: string[] = response.body.message;
        expect(messages.length).toBeGreaterThan(0);
        expect(messages.every((message) => message.startsWith('phone'))).toBe(true);
      }
      expect(await countRows(t.dataSource, 'participants')).toBe(before);
      const five = await t
        .http()
        .post('/api/participants')
        .send({ ...valid, email: 'phone.five@example.ru', phone: '12345' })
        .expect(201);
      expect(five.body.phone).toBe('12345');
    });

    it('rejects unknown fields, missing fields and a too long email', async () => {
      const before = await countRows(t.dataSource, 'participants');
      const unknown = await t
        .http()
        .post('/api/participants')
        .send({ ...valid, searchText: 'x', passport: '7100 000000' })
        .expect(400);
      expect(unknown.body.message).toEqual(
        expect.arrayContaining([
          'property searchText should not exist',
          'property passport should not exist',
        ]),
      );
      const missing = await t.http().post('/api/participants').send({}).expect(400);
      for (const field of ['fullName', 'position', 'municipality', 'region', 'email']) {
        expect(missing.body.message).toEqual(
          expect.arrayContaining([expect.stringMatching(new RegExp(`^${field}`))]),
        );
      }
      const long = await t
        .http()
        .post('/api/participants')
        .send({
          ...valid,
          email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.ru`,
        })
        .expect(400);
      expect(long.body.message).toContain('email must be shorter than or equal to 254 characters');
      expect(await countRows(t.dataSource, 'participants')).toBe(before);
    });

    it('refuses to null a required field or the locale on update', async () => {
      const participant = await createParticipant(t);
      const response = await t
        .http()
        .patch(`/api/participants/${participant.id}`)
        .send({ fullName: null, email: null, locale: null, region: 7 })
        .expect(400);
      for (const field of ['fullName', 'email', 'locale', 'region']) {
        expect(response.body.message).toEqual(
          expect.arrayContaining([expect.stringMatching(new RegExp(`^${field}`))]),
        );
      }
      const read = await t.http().get(`/api/participants/${participant.id}`).expect(200);
      expect(read.body).toEqual(participant);
    });

    it('answers 404 for a participant that does not exist and 400 for a bad id', async () => {
      const missing = await t.http().get('/api/participants/999999').expect(404);
      expect(missing.body.message).toBe('Participant 999999 not found');
      await t.http().patch('/api/participants/999999').send({ fullName: 'x' }).expect(404);
      await t.http().delete('/api/participants/999999').expect(404);
      const bad = await t.http().get('/api/participants/abc').expect(400);
      expect(bad.body.message).toEqual(['id must be a positive integer']);
      await t.http().patch('/api/participants/0').send({ fullName: 'x' }).expect(400);
      await t.http().delete('/api/participants/1.5').expect(400);
    });

    it('rejects bad list parameters', async () => {
      const response = await t
        .http()
        .get('/api/participants?limit=0&offset=-1&cohortId=abc')
        .expect(400);
      for (const field of ['limit', 'offset', 'cohortId']) {
        expect(response.body.message).toEqual(
          expect.arrayContaining([expect.stringMatching(new RegExp(`^${field}`))]),
        );
      }
      await t.http().get('/api/participants?limit=201').expect(400);
      await t.http().get('/api/participants?cohortId=0').expect(400);
      await t
        .http()
        .get(`/api/participants?search=${'x'.repeat(201)}`)
        .expect(400);
      await t.http().get('/api/participants?unknown=1').expect(400);
    });
  });

  describe('roles and scope', () => {
    // Cohort A (stage A1): Видимов Алексей (mentored) and Видимов Борис; cohort B: Невидимов
    // Виктор and Алексей. The host hosts A1; the mentor mentors Алексей; the participant is Алексей.
    type Participant = { id: number; fullName: string; email: string; phone: string | null };
    let alexey: Participant;
    let boris: Participant;
    let viktor: Participant;
    let cohortA: { id: number };
    let cohortB: { id: number };
    let host: string;
    let mentor: string;
    let participant: string;

    const list = (token: string, query: Record<string, string | number> = {}) =>
      t.as(token).get('/api/participants').query(query).expect(200);
    const ids = (body: { items: { id: number }[] }) => body.items.map((p) => p.id);
    // What an actor that may not see contacts gets: the same record without the two keys.
    const withoutContacts = ({ email, phone, ...rest }: Participant) => rest;

    beforeAll(async () => {
      cohortA = await createCohort(t);
      cohortB = await createCohort(t);
      const stageA1 = await createStage(t, {}, cohortA.id);
      await createStage(t, {}, cohortB.id);
      alexey = await createParticipant(t, {
        fullName: 'Видимов Алексей',
        email: 'alexey.vidimov@example.ru',
        phone: '+7 3522 11-11-11',
        region: 'Курганская область',
      });
      boris = await createParticipant(t, {
        fullName: 'Видимов Борис',
        email: 'boris.vidimov@example.ru',
        phone: '+7 3452 22-22-22',
      });
      viktor = await createParticipant(t, {
        fullName: 'Невидимов Виктор',
        email: 'viktor.nevidimov@example.ru',
        region: 'Курганская область',
      });
      await enroll(t, cohortA.id, alexey.id);
      await enroll(t, cohortA.id, boris.id);
      await enroll(t, cohortB.id, viktor.id);
      // Алексей is in cohort B too, which neither the host nor the mentor sees.
      await enroll(t, cohortB.id, alexey.id);
      const mentorRecord = await createMentor(t);
      await assignMentor(t, mentorRecord.id, cohortA.id, alexey.id);
      host = (await createAccount(t, 'host', { stageIds: [stageA1.id] })).token;
      mentor = (await createAccount(t, 'mentor', { mentorId: mentorRecord.id })).token;
      participant = (await createAccount(t, 'participant', { participantId: alexey.id })).token;
    });

    it('answers 401 without a token and writes nothing', async () => {
      const before = await countRows(t.dataSource, 'participants');
      await t.anonymous().get('/api/participants').expect(401);
      await t.anonymous().get(`/api/participants/${alexey.id}`).expect(401);
      await t.anonymous().post('/api/participants').send(valid).expect(401);
      await t.anonymous().patch(`/api/participants/${alexey.id}`).send({ region: 'X' }).expect(401);
      await t.anonymous().delete(`/api/participants/${viktor.id}`).expect(401);
      expect(await countRows(t.dataSource, 'participants')).toBe(before);
    });

    it('lets only organizers write: 403 for a host, a mentor and the participant itself', async () => {
      const before = await countRows(t.dataSource, 'participants');
      for (const token of [host, mentor, participant]) {
        await t
          .as(token)
          .post('/api/participants')
          .send({ ...valid, email: 'new.one@example.ru' })
          .expect(403);
        await t
          .as(token)
          .patch(`/api/participants/${alexey.id}`)
          .send({ fullName: 'Переименованный' })
          .expect(403);
        await t.as(token).delete(`/api/participants/${viktor.id}`).expect(403);
      }
      expect(await countRows(t.dataSource, 'participants')).toBe(before);
      const read = await t.http().get(`/api/participants/${alexey.id}`).expect(200);
      expect(read.body).toEqual(alexey);
    });

    it('shows a host only the participants of its cohort, without email and phone keys', async () => {
      const all = await list(host);
      expect(all.body).toEqual({
        items: [withoutContacts(alexey), withoutContacts(boris)],
        total: 2,
        limit: 50,
        offset: 0,
      });
      for (const item of all.body.items) {
        expect(item).not.toHaveProperty('email');
        expect(item).not.toHaveProperty('phone');
      }
      const page = await list(host, { limit: 1, offset: 1 });
      expect(ids(page.body)).toEqual([boris.id]);
      expect(page.body.total).toBe(2);

      const single = await t.as(host).get(`/api/participants/${boris.id}`).expect(200);
      expect(single.body).toEqual(withoutContacts(boris));
      expect(single.body).not.toHaveProperty('email');
      expect(single.body).not.toHaveProperty('phone');

      const other = await t.as(host).get(`/api/participants/${viktor.id}`).expect(404);
      expect(other.body.message).toBe(`Participant ${viktor.id} not found`);
    });

    it('shows a mentor only its mentees, without email and phone keys', async () => {
      const all = await list(mentor);
      expect(all.body).toEqual({
        items: [withoutContacts(alexey)],
        total: 1,
        limit: 50,
        offset: 0,
      });
      const single = await t.as(mentor).get(`/api/participants/${alexey.id}`).expect(200);
      expect(single.body).not.toHaveProperty('email');
      expect(single.body).not.toHaveProperty('phone');
      const other = await t.as(mentor).get(`/api/participants/${boris.id}`).expect(404);
      expect(other.body.message).toBe(`Participant ${boris.id} not found`);
    });

    it('shows a participant only itself, with its contacts', async () => {
      const all = await list(participant);
      expect(all.body).toEqual({ items: [alexey], total: 1, limit: 50, offset: 0 });
      const itself = await t.as(participant).get(`/api/participants/${alexey.id}`).expect(200);
      expect(itself.body).toEqual(alexey);
      expect(itself.body).toMatchObject({ email: alexey.email, phone: '+7 3522 11-11-11' });
      const other = await t.as(participant).get(`/api/participants/${boris.id}`).expect(404);
      expect(other.body.message).toBe(`Participant ${boris.id} not found`);
    });

    it('searches and filters within the scope; total counts only visible rows', async () => {
      expect(ids((await list(host, { search: 'видимов' })).body)).toEqual([alexey.id, boris.id]);
      const everyone = await t.http().get('/api/participants?search=видимов').expect(200);
      expect(everyone.body.total).toBe(3);
      const searched = await list(host, { search: 'ВИДИМОВ', limit: 1 });
      expect(searched.body.total).toBe(2);

      const kurgan = await list(host, { region: 'Курганская область' });
      expect(ids(kurgan.body)).toEqual([alexey.id]);
      expect(kurgan.body.total).toBe(1);

      const inCohortA = await list(host, { cohortId: cohortA.id });
      expect(inCohortA.body.total).toBe(2);
      // Filtering by a cohort it does not see shows nobody, not who is enrolled there.
      const inCohortB = await list(host, { cohortId: cohortB.id });
      expect(inCohortB.body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
      const mentorInB = await list(mentor, { cohortId: cohortB.id });
      expect(mentorInB.body.total).toBe(0);
      const itselfInB = await list(participant, { cohortId: cohortB.id });
      expect(ids(itselfInB.body)).toEqual([alexey.id]);
    });

    it('does not let a search find participants by an email the actor may not see', async () => {
      const byOrganizer = await t.http().get('/api/participants?search=vidimov@').expect(200);
      expect(byOrganizer.body.total).toBe(3);
      for (const token of [host, mentor]) {
        const byEmail = await list(token, { search: 'vidimov@' });
        expect(byEmail.body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
        // The name and municipality are still searched.
        const byName = await list(token, { search: 'Алексей' });
        expect(ids(byName.body)).toEqual([alexey.id]);
      }
      const ownEmail = await list(participant, { search: 'ALEXEY.VIDIMOV@' });
      expect(ids(ownEmail.body)).toEqual([alexey.id]);
    });
  });
});
