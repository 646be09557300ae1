import { Clock } from '../src/common/time/clock';
import {
  assignMentor,
  createAccount,
  createCohort,
  createMentor,
  createParticipant,
  createSession,
  createStage,
  enroll,
} from './support/factories';
import { TestApp, countRows, createTestApp } from './support/test-app';

describe('mentors', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const valid = {
    fullName: 'Смирнова Ольга Викторовна',
    position: 'Заместитель главы города Тюмени',
    organization: 'Администрация города Тюмени',
    expertise: 'Градостроительство и комплексное развитие территорий',
    email: 'o.smirnova@tyumen-city.ru',
    phone: '+7 (3452) 51-00-00',
  };

  const names = (body: { items: { fullName: string }[] }) =>
    body.items.map((item) => item.fullName);

  describe('CRUD', () => {
    it('creates a mentor with a normalized email and reads it back', async () => {
      const created = await t
        .http()
        .post('/api/mentors')
        .send({ ...valid, email: '  O.Smirnova@Tyumen-City.RU ' })
        .expect(201);
      expect(created.body).toEqual({
        ...valid,
        id: expect.any(Number),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(created.body).not.toHaveProperty('searchText');

      const read = await t.http().get(`/api/mentors/${created.body.id}`).expect(200);
      expect(read.body).toEqual(created.body);
    });

    it('creates a mentor without the optional fields', async () => {
      const { body } = await t
        .http()
        .post('/api/mentors')
        .send({
          fullName: 'Кузнецов Андрей Павлович',
          position: 'Директор департамента',
          organization: 'Администрация города Тюмени',
          email: 'a.kuznetsov@tyumen-city.ru',
        })
        .expect(201);
      expect(body).toMatchObject({ expertise: null, phone: null });
    });

    it('updates only the fields sent, clears optional fields and recomputes the search text', async () => {
      const mentor = await createMentor(t, {
        fullName: 'Орлов Илья Сергеевич',
        expertise: 'Инвестиционные проекты',
        phone: '8 800 100-00-00',
      });
      const updated = await t
        .http()
        .patch(`/api/mentors/${mentor.id}`)
        .send({
          fullName: 'Журавлёв Илья Сергеевич',
          email: ' I.Zhuravlev@Example.RU',
          expertise: null,
          phone: null,
        })
        .expect(200);
      expect(updated.body).toMatchObject({
        id: mentor.id,
        fullName: 'Журавлёв Илья Сергеевич',
        position: mentor.position,
        organization: mentor.organization,
        email: 'i.zhuravlev@example.ru',
        expertise: null,
        phone: null,
      });
      const read = await t.http().get(`/api/mentors/${mentor.id}`).expect(200);
      expect(read.body).toEqual(updated.body);

      const byNewName = await t
        .http()
        .get(`/api/mentors?search=${encodeURIComponent('ЖУРАВЛЕВ')}`)
        .expect(200);
      expect(byNewName.body.items.map((m: { id: number }) => m.id)).toEqual([mentor.id]);
      const byNewEmail = await t.http().get('/api/mentors?search=I.ZHURAVLEV@').expect(200);
      expect(byNewEmail.body.total).toBe(1);
      const byOldName = await t
        .http()
        .get(`/api/mentors?search=${encodeURIComponent('орлов')}`)
        .expect(200);
      expect(byOldName.body.total).toBe(0);
    });

    it('keeps its own email when it is sent again in another case', async () => {
      const mentor = await createMentor(t, { email: 'same.mentor@example.ru' });
      const updated = await t
        .http()
        .patch(`/api/mentors/${mentor.id}`)
        .send({ email: 'Same.Mentor@Example.ru' })
        .expect(200);
      expect(updated.body.email).toBe('same.mentor@example.ru');
    });

    it('deletes a mentor without assignments', async () => {
      const mentor = await createMentor(t);
      await t.http().delete(`/api/mentors/${mentor.id}`).expect(204);
      await t.http().get(`/api/mentors/${mentor.id}`).expect(404);
    });
  });

  describe('list', () => {
    // A distinct organization keeps these mentors apart from those made by other tests.
    const organization = 'Союз российских городов';

    beforeAll(async () => {
      for (const fullName of [
        'Васильев Пётр',
        'Алексеева Анна',
        'Борисов Олег',
        'Алексеева Анна',
      ]) {
        await createMentor(t, { fullName, organization });
      }
    });

    it('orders by full name then id and paginates', async () => {
      const first = await t
        .http()
        .get(`/api/mentors?search=${encodeURIComponent(organization)}&limit=3`)
        .expect(200);
      expect(first.body.total).toBe(4);
      expect(first.body.limit).toBe(3);
      expect(first.body.offset).toBe(0);
      expect(names(first.body)).toEqual(['Алексеева Анна', 'Алексеева Анна', 'Борисов Олег']);
      const [a, b] = first.body.items;
      expect(a.id).toBeLessThan(b.id);

      const next = await t
        .http()
        .get(`/api/mentors?search=${encodeURIComponent(organization)}&limit=3&offset=3`)
        .expect(200);
      expect(next.body.total).toBe(4);
      expect(names(next.body)).toEqual(['Васильев Пётр']);
    });

    it('lists everyone without a search', async () => {
      const all = await t.http().get('/api/mentors?limit=200').expect(200);
      expect(all.body.total).toBe(await countRows(t.dataSource, 'mentors'));
      expect(all.body.items).toHaveLength(all.body.total);
    });

    it('searches by a Cyrillic name in another case, ё as е', async () => {
      const upper = await t
        .http()
        .get(`/api/mentors?search=${encodeURIComponent('ВАСИЛЬЕВ ПЕТР')}`)
        .expect(200);
      expect(names(upper.body)).toEqual(['Васильев Пётр']);
      const lower = await t
        .http()
        .get(`/api/mentors?search=${encodeURIComponent('борисов')}`)
        .expect(200);
      expect(names(lower.body)).toEqual(['Борисов Олег']);
    });

    it('searches by organization and email, and takes wildcards literally', async () => {
      const byOrganization = await t
        .http()
        .get(`/api/mentors?search=${encodeURIComponent('СОЮЗ РОССИЙСКИХ')}`)
        .expect(200);
      expect(byOrganization.body.total).toBe(4);
      const mentor = await createMentor(t, { email: 'Unique_Box@Example.ru' });
      const byEmail = await t.http().get('/api/mentors?search=unique_box').expect(200);
      expect(byEmail.body.items.map((m: { id: number }) => m.id)).toEqual([mentor.id]);
      const wildcard = await t.http().get('/api/mentors?search=unique%25box').expect(200);
      expect(wildcard.body.total).toBe(0);
      const underscore = await t.http().get('/api/mentors?search=mentor_').expect(200);
      expect(underscore.body.total).toBe(0);
    });
  });

  describe('bad input', () => {
    it('names every bad field and writes nothing', async () => {
      const before = await countRows(t.dataSource, 'mentors');
      const response = await t
        .http()
        .post('/api/mentors')
        .send({
          fullName: '',
          position: 42,
          organization: 'x'.repeat(301),
          expertise: 5,
          email: 'not-an-email',
          phone: 'call me',
        })
        .expect(400);
      expect(response.body.error).toBe('Bad Request');
      const messages: string[] = response.body.message;
      for (const field of ['fullName', 'position', 'organization', 'expertise', 'email', 'phone']) {
        expect(messages.some((message) => message.startsWith(field))).toBe(true);
      }
      expect(await countRows(t.dataSource, 'mentors')).toBe(before);
    });

    it('checks the phone format and length', async () => {
      const before = await countRows(t.dataSource, 'mentors');
      for (const phone of ['1234', '1'.repeat(33), '+7 900 abc', 12345678]) {
        const response = await t
          .http()
          .post('/api/mentors')
          .send({ ...valid, email: 'phone.check@example.ru', phone })
          .expect(400);
        const messages: string[] = response.body.message;
        expect(messages.length).toBeGreaterThan(0);
        expect(messages.every((message) => message.startsWith('phone'))).toBe(true);
      }
      expect(await countRows(t.dataSource, 'mentors')).toBe(before);
      await t
        .http()
        .post('/api/mentors')
        .send({ ...valid, email: 'phone.ok@example.ru', phone: '12345' })
        .expect(201);
    });

    it('rejects unknown fields and missing fields', async () => {
      const before = await countRows(t.dataSource, 'mentors');
      const response = await t
        .http()
        .post('/api/mentors')
        .send({ ...valid, email: 'unknown.field@example.ru', searchText: 'x', rating: 5 })
        .expect(400);
      expect(response.body.message).toEqual(
        expect.arrayContaining([
          'property searchText should not exist',
          'property rating should not exist',
        ]),
      );
      const missing = await t.http().post('/api/mentors').send({}).expect(400);
      expect(missing.body.message).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^fullName/),
          expect.stringMatching(/^position/),
          expect.stringMatching(/^organization/),
          expect.stringMatching(/^email/),
        ]),
      );
      expect(await countRows(t.dataSource, 'mentors')).toBe(before);
    });

    it('refuses a duplicate email differing in case and writes nothing', async () => {
      await createMentor(t, { email: 'taken@example.ru' });
      const before = await countRows(t.dataSource, 'mentors');
      const response = await t
        .http()
        .post('/api/mentors')
        .send({ ...valid, email: ' TAKEN@Example.RU' })
        .expect(409);
      expect(response.body.message).toBe('A mentor with email taken@example.ru already exists');
      expect(await countRows(t.dataSource, 'mentors')).toBe(before);
    });

    it('refuses to take another mentor’s email on update', async () => {
      await createMentor(t, { email: 'owner@example.ru' });
      const other = await createMentor(t);
      const response = await t
        .http()
        .patch(`/api/mentors/${other.id}`)
        .send({ email: 'Owner@Example.ru', fullName: 'Новое Имя' })
        .expect(409);
      expect(response.body.message).toBe('A mentor with email owner@example.ru already exists');
      const read = await t.http().get(`/api/mentors/${other.id}`).expect(200);
      expect(read.body).toEqual(other);
    });

    it('refuses to null a required field or to send bad values on update', async () => {
      const mentor = await createMentor(t);
      const response = await t
        .http()
        .patch(`/api/mentors/${mentor.id}`)
        .send({ fullName: null, email: null, organization: '', phone: '12' })
        .expect(400);
      const messages: string[] = response.body.message;
      for (const field of ['fullName', 'email', 'organization', 'phone']) {
        expect(messages.some((message) => message.startsWith(field))).toBe(true);
      }
      await t.http().patch(`/api/mentors/${mentor.id}`).send({ searchText: 'x' }).expect(400);
      const read = await t.http().get(`/api/mentors/${mentor.id}`).expect(200);
      expect(read.body).toEqual(mentor);
    });

    it('answers 404 for a mentor that does not exist and 400 for a bad id', async () => {
      const missing = await t.http().get('/api/mentors/999999').expect(404);
      expect(missing.body.message).toBe('Mentor 999999 not found');
      await t.http().patch('/api/mentors/999999').send({ fullName: 'Иван' }).expect(404);
      await t.http().delete('/api/mentors/999999').expect(404);
      const bad = await t.http().get('/api/mentors/abc').expect(400);
      expect(bad.body.message).toEqual(['id must be a positive integer']);
      await t.http().patch('/api/mentors/0').send({ fullName: 'Иван' }).expect(400);
      await t.http().delete('/api/mentors/1.5').expect(400);
    });

    it('rejects bad paging and search parameters', async () => {
      const response = await t.http().get('/api/mentors?limit=0&offset=-1').expect(400);
      expect(response.body.message).toEqual(
        expect.arrayContaining([expect.stringMatching(/^limit/), expect.stringMatching(/^offset/)]),
      );
      await t.http().get('/api/mentors?limit=201').expect(400);
      await t.http().get('/api/mentors?limit=abc').expect(400);
      const search = await t
        .http()
        .get(`/api/mentors?search=${'x'.repeat(201)}`)
        .expect(400);
      expect(search.body.message).toEqual([expect.stringMatching(/^search/)]);
      await t.http().get('/api/mentors?sort=name').expect(400);
    });
  });

  describe('assignments', () => {
    /** A cohort with a participant actively enrolled in it. */
    async function enrolledParticipant(overrides: Record<string, unknown> = {}) {
      const cohort = await createCohort(t);
      const participant = await createParticipant(t, overrides);
      await enroll(t, cohort.id, participant.id);
      return { cohort, participant };
    }

    it('assigns a mentor to an enrolled participant at the clock’s time', async () => {
      const mentor = await createMentor(t);
      const { cohort, participant } = await enrolledParticipant({
        fullName: 'Иванов Пётр Сергеевич',
        position: 'Глава Ялуторовского района',
        municipality: 'Ялуторовский район',
        region: 'Тюменская область',
      });
      const clock = t.app.get(Clock);
      const now = jest.spyOn(clock, 'now').mockReturnValue(new Date('2025-11-17T05:30:00Z'));
      try {
        const created = await t
          .http()
          .post(`/api/mentors/${mentor.id}/assignments`)
          .send({ cohortId: cohort.id, participantId: participant.id })
          .expect(201);
        expect(created.body).toEqual({
          id: expect.any(Number),
          mentorId: mentor.id,
          cohortId: cohort.id,
          participantId: participant.id,
          participant: {
            id: participant.id,
            fullName: 'Иванов Пётр Сергеевич',
            position: 'Глава Ялуторовского района',
            municipality: 'Ялуторовский район',
            region: 'Тюменская область',
          },
          assignedAt: '2025-11-17T05:30:00.000Z',
        });
      } finally {
        now.mockRestore();
      }

      const list = await t.http().get(`/api/mentors/${mentor.id}/assignments`).expect(200);
      expect(list.body.total).toBe(1);
      expect(list.body.items[0]).toMatchObject({
        participantId: participant.id,
        assignedAt: '2025-11-17T05:30:00.000Z',
      });
      expect(list.body.items[0].participant).not.toHaveProperty('email');
    });

    it('lets two mentors guide the same participant', async () => {
      const { cohort, participant } = await enrolledParticipant();
      const first = await createMentor(t);
      const second = await createMentor(t);
      await assignMentor(t, first.id, cohort.id, participant.id);
      await assignMentor(t, second.id, cohort.id, participant.id);
      const list = await t.http().get(`/api/mentors/${second.id}/assignments`).expect(200);
      expect(list.body.items.map((a: { participantId: number }) => a.participantId)).toEqual([
        participant.id,
      ]);
    });

    it('refuses a participant enrolled in another cohort and writes nothing', async () => {
      const mentor = await createMentor(t);
      const { participant } = await enrolledParticipant();
      const otherCohort = await createCohort(t);
      const before = await countRows(t.dataSource, 'mentor_assignments');
      const response = await t
        .http()
        .post(`/api/mentors/${mentor.id}/assignments`)
        .send({ cohortId: otherCohort.id, participantId: participant.id })
        .expect(409);
      expect(response.body.message).toBe(
        `Participant ${participant.id} is not actively enrolled in cohort ${otherCohort.id}`,
      );
      expect(await countRows(t.dataSource, 'mentor_assignments')).toBe(before);
    });

    it('refuses a participant who withdrew from the cohort', async () => {
      const mentor = await createMentor(t);
      const { cohort, participant } = await enrolledParticipant();
      await withdraw(cohort.id, participant.id);
      const before = await countRows(t.dataSource, 'mentor_assignments');
      const response = await t
        .http()
        .post(`/api/mentors/${mentor.id}/assignments`)
        .send({ cohortId: cohort.id, participantId: participant.id })
        .expect(409);
      expect(response.body.message).toBe(
        `Participant ${participant.id} is not actively enrolled in cohort ${cohort.id}`,
      );
      expect(await countRows(t.dataSource, 'mentor_assignments')).toBe(before);
    });

    it('refuses to assign the same participant twice', async () => {
      const mentor = await createMentor(t);
      const { cohort, participant } = await enrolledParticipant();
      await assignMentor(t, mentor.id, cohort.id, participant.id);
      const before = await countRows(t.dataSource, 'mentor_assignments');
      const response = await t
        .http()
        .post(`/api/mentors/${mentor.id}/assignments`)
        .send({ cohortId: cohort.id, participantId: participant.id })
        .expect(409);
      expect(response.body.message).toBe(
        `Mentor ${mentor.id} is already assigned to participant ${participant.id} in cohort ${cohort.id}`,
      );
      expect(await countRows(t.dataSource, 'mentor_assignments')).toBe(before);
    });

    it('names what does not exist and writes nothing', async () => {
      const mentor = await createMentor(t);
      const { cohort, participant } = await enrolledParticipant();
      const before = await countRows(t.dataSource, 'mentor_assignments');
      const cases: [string, Record<string, number>, string][] = [
        [
          '/api/mentors/999999/assignments',
          { cohortId: cohort.id, participantId: participant.id },
          'Mentor 999999 not found',
        ],
        [
          `/api/mentors/${mentor.id}/assignments`,
          { cohortId: 999999, participantId: participant.id },
          'Cohort 999999 not found',
        ],
        [
          `/api/mentors/${mentor.id}/assignments`,
          { cohortId: cohort.id, participantId: 999999 },
          'Participant 999999 not found',
        ],
      ];
      for (const [path, body, message] of cases) {
        const response = await t.http().post(path).send(body).expect(404);
        expect(response.body.message).toBe(message);
      }
      expect(await countRows(t.dataSource, 'mentor_assignments')).toBe(before);
    });

    it('names every bad field of an assignment and writes nothing', async () => {
      const mentor = await createMentor(t);
      const before = await countRows(t.dataSource, 'mentor_assignments');
      const response = await t
        .http()
        .post(`/api/mentors/${mentor.id}/assignments`)
        .send({ cohortId: 'one', participantId: 0, note: 'x' })
        .expect(400);
      expect(response.body.message).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^cohortId/),
          expect.stringMatching(/^participantId/),
          'property note should not exist',
        ]),
      );
      const missing = await t
        .http()
        .post(`/api/mentors/${mentor.id}/assignments`)
        .send({})
        .expect(400);
      expect(missing.body.message).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^cohortId/),
          expect.stringMatching(/^participantId/),
        ]),
      );
      await t
        .http()
        .post(`/api/mentors/${mentor.id}/assignments`)
        .send({ cohortId: 1.5, participantId: 2 ** 31 })
        .expect(400);
      const badId = await t
        .http()
        .post('/api/mentors/abc/assignments')
        .send({ cohortId: 1, participantId: 1 })
        .expect(400);
      expect(badId.body.message).toEqual(['id must be a positive integer']);
      expect(await countRows(t.dataSource, 'mentor_assignments')).toBe(before);
    });

    it('lists a mentor’s assignments by participant name, filtered by cohort and paginated', async () => {
      const mentor = await createMentor(t);
      const spring = await createCohort(t);
      const autumn = await createCohort(t);
      for (const fullName of ['Яковлев Денис', 'Абрамова Инна', 'Макаров Юрий']) {
        const participant = await createParticipant(t, { fullName });
        await enroll(t, spring.id, participant.id);
        await assignMentor(t, mentor.id, spring.id, participant.id);
      }
      const elsewhere = await createParticipant(t, { fullName: 'Белов Глеб' });
      await enroll(t, autumn.id, elsewhere.id);
      await assignMentor(t, mentor.id, autumn.id, elsewhere.id);
      // Another mentor's assignment in the same cohort stays out of this mentor's list.
      const other = await createMentor(t);
      const stranger = await createParticipant(t, { fullName: 'Антонов Лев' });
      await enroll(t, spring.id, stranger.id);
      await assignMentor(t, other.id, spring.id, stranger.id);

      const participantNames = (body: { items: { participant: { fullName: string } }[] }) =>
        body.items.map((item) => item.participant.fullName);

      const all = await t.http().get(`/api/mentors/${mentor.id}/assignments`).expect(200);
      expect(all.body.total).toBe(4);
      expect(participantNames(all.body)).toEqual([
        'Абрамова Инна',
        'Белов Глеб',
        'Макаров Юрий',
        'Яковлев Денис',
      ]);

      const first = await t
        .http()
        .get(`/api/mentors/${mentor.id}/assignments?cohortId=${spring.id}&limit=2`)
        .expect(200);
      expect(first.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
      expect(participantNames(first.body)).toEqual(['Абрамова Инна', 'Макаров Юрий']);
      expect(first.body.items.every((a: { cohortId: number }) => a.cohortId === spring.id)).toBe(
        true,
      );
      const next = await t
        .http()
        .get(`/api/mentors/${mentor.id}/assignments?cohortId=${spring.id}&limit=2&offset=2`)
        .expect(200);
      expect(next.body).toMatchObject({ total: 3, limit: 2, offset: 2 });
      expect(participantNames(next.body)).toEqual(['Яковлев Денис']);

      const inAutumn = await t
        .http()
        .get(`/api/mentors/${mentor.id}/assignments?cohortId=${autumn.id}`)
        .expect(200);
      expect(participantNames(inAutumn.body)).toEqual(['Белов Глеб']);
    });

    it('answers 404 and 400 when listing for a bad mentor or with bad parameters', async () => {
      const missing = await t.http().get('/api/mentors/999999/assignments').expect(404);
      expect(missing.body.message).toBe('Mentor 999999 not found');
      await t.http().get('/api/mentors/abc/assignments').expect(400);
      const mentor = await createMentor(t);
      const response = await t
        .http()
        .get(`/api/mentors/${mentor.id}/assignments?cohortId=abc&limit=0`)
        .expect(400);
      expect(response.body.message).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^cohortId/),
          expect.stringMatching(/^limit/),
        ]),
      );
    });

    it('refuses to delete a mentor with assignments until they are removed', async () => {
      const mentor = await createMentor(t);
      const { cohort, participant } = await enrolledParticipant();
      const assignment = await assignMentor(t, mentor.id, cohort.id, participant.id);

      const before = await countRows(t.dataSource, 'mentors');
      const refused = await t.http().delete(`/api/mentors/${mentor.id}`).expect(409);
      expect(refused.body.message).toBe('The record is still referenced by other records');
      expect(await countRows(t.dataSource, 'mentors')).toBe(before);

      await t.http().delete(`/api/mentors/${mentor.id}/assignments/${assignment.id}`).expect(204);
      const list = await t.http().get(`/api/mentors/${mentor.id}/assignments`).expect(200);
      expect(list.body.total).toBe(0);
      await t.http().delete(`/api/mentors/${mentor.id}`).expect(204);
      await t.http().get(`/api/mentors/${mentor.id}`).expect(404);
    });

    it('does not remove another mentor’s assignment through the wrong mentor', async () => {
      const owner = await createMentor(t);
      const intruder = await createMentor(t);
      const { cohort, participant } = await enrolledParticipant();
      const assignment = await assignMentor(t, owner.id, cohort.id, participant.id);

      const before = await countRows(t.dataSource, 'mentor_assignments');
      const response = await t
        .http()
        .delete(`/api/mentors/${intruder.id}/assignments/${assignment.id}`)
        .expect(404);
      expect(response.body.message).toBe(
        `Assignment ${assignment.id} of mentor ${intruder.id} not found`,
      );
      await t.http().delete(`/api/mentors/999999/assignments/${assignment.id}`).expect(404);
      await t.http().delete(`/api/mentors/${owner.id}/assignments/999999`).expect(404);
      const badId = await t.http().delete(`/api/mentors/${owner.id}/assignments/abc`).expect(400);
      expect(badId.body.message).toEqual(['assignmentId must be a positive integer']);
      expect(await countRows(t.dataSource, 'mentor_assignments')).toBe(before);

      const list = await t.http().get(`/api/mentors/${owner.id}/assignments`).expect(200);
      expect(list.body.items.map((a: { id: number }) => a.id)).toEqual([assignment.id]);
    });
  });

  describe('roles and scope', () => {
    type Mentor = { id: number; fullName: string; email: string; phone: string | null };
    /** Mentors `first` and `second` guide the participant; `third` guides someone else. */
    let first: Mentor;
    let second: Mentor;
    let third: Mentor;
    let cohortId: number;
    let menteeId: number;
    let assignmentId: number;
    const tokens = { host: '', mentor: '', participant: '' };

    beforeAll(async () => {
      first = await createMentor(t, { fullName: 'Гончарова Вера', phone: '+7 3452 10-10-10' });
      second = await createMentor(t, { fullName: 'Денисов Марк', phone: '+7 3452 20-20-20' });
      third = await createMentor(t, { fullName: 'Ершов Тимур', phone: '+7 3452 30-30-30' });
      const cohort = await createCohort(t);
      cohortId = cohort.id;
      const stage = await createStage(t, {}, cohort.id);
      const mentee = await createParticipant(t);
      const other = await createParticipant(t);
      menteeId = mentee.id;
      for (const participant of [mentee, other]) {
        await enroll(t, cohort.id, participant.id);
      }
      assignmentId = (await assignMentor(t, first.id, cohort.id, mentee.id)).id;
      await assignMentor(t, second.id, cohort.id, mentee.id);
      await assignMentor(t, third.id, cohort.id, other.id);
      tokens.host = (await createAccount(t, 'host', { stageIds: [stage.id] })).token;
      tokens.mentor = (await createAccount(t, 'mentor', { mentorId: first.id })).token;
      tokens.participant = (
        await createAccount(t, 'participant', { participantId: mentee.id })
      ).token;
    });

    const ids = (body: { items: { id: number }[] }) => body.items.map((item) => item.id);

    it('answers 401 to every route without a token', async () => {
      await t.anonymous().get('/api/mentors').expect(401);
      await t.anonymous().get(`/api/mentors/${first.id}`).expect(401);
      await t.anonymous().post('/api/mentors').send(valid).expect(401);
      await t.anonymous().patch(`/api/mentors/${first.id}`).send({ fullName: 'X' }).expect(401);
      await t.anonymous().delete(`/api/mentors/${third.id}`).expect(401);
      await t.anonymous().get(`/api/mentors/${first.id}/assignments`).expect(401);
      await t
        .anonymous()
        .post(`/api/mentors/${third.id}/assignments`)
        .send({ cohortId, participantId: menteeId })
        .expect(401);
      await t
        .anonymous()
        .delete(`/api/mentors/${first.id}/assignments/${assignmentId}`)
        .expect(401);
    });

    it.each(['host', 'mentor', 'participant'] as const)(
      'refuses every write to a %s with 403 and writes nothing',
      async (role) => {
        const as = () => t.as(tokens[role]);
        const mentorsBefore = await countRows(t.dataSource, 'mentors');
        const assignmentsBefore = await countRows(t.dataSource, 'mentor_assignments');
        await as()
          .post('/api/mentors')
          .send({ ...valid, email: `${role}.write@example.ru` })
          .expect(403);
        await as().patch(`/api/mentors/${first.id}`).send({ fullName: 'Захват' }).expect(403);
        await as().delete(`/api/mentors/${third.id}`).expect(403);
        await as()
          .post(`/api/mentors/${third.id}/assignments`)
          .send({ cohortId, participantId: menteeId })
          .expect(403);
        await as().delete(`/api/mentors/${first.id}/assignments/${assignmentId}`).expect(403);
        expect(await countRows(t.dataSource, 'mentors')).toBe(mentorsBefore);
        expect(await countRows(t.dataSource, 'mentor_assignments')).toBe(assignmentsBefore);
        const read = await t.http().get(`/api/mentors/${first.id}`).expect(200);
        expect(read.body).toEqual(first);
      },
    );

    it('shows a mentor only itself, with its contacts', async () => {
      const list = await t.as(tokens.mentor).get('/api/mentors?limit=200').expect(200);
      expect(list.body).toMatchObject({ total: 1, limit: 200, offset: 0 });
      expect(list.body.items).toEqual([first]);
      const single = await t.as(tokens.mentor).get(`/api/mentors/${first.id}`).expect(200);
      expect(single.body).toEqual(first);
      expect(single.body).toMatchObject({ email: first.email, phone: '+7 3452 10-10-10' });
      const other = await t.as(tokens.mentor).get(`/api/mentors/${second.id}`).expect(404);
      expect(other.body.message).toBe(`Mentor ${second.id} not found`);
      const byOwnEmail = await t
        .as(tokens.mentor)
        .get(`/api/mentors?search=${encodeURIComponent(first.email)}`)
        .expect(200);
      expect(ids(byOwnEmail.body)).toEqual([first.id]);
      const byOtherName = await t
        .as(tokens.mentor)
        .get(`/api/mentors?search=${encodeURIComponent('Денисов')}`)
        .expect(200);
      expect(byOtherName.body.total).toBe(0);
    });

    it('shows a participant its own mentors without contacts, and no other', async () => {
      const list = await t.as(tokens.participant).get('/api/mentors?limit=200').expect(200);
      expect(list.body.total).toBe(2);
      expect(ids(list.body)).toEqual([first.id, second.id]);
      for (const item of list.body.items) {
        expect(item).not.toHaveProperty('email');
        expect(item).not.toHaveProperty('phone');
      }
      const { email: _email, phone: _phone, ...withoutContacts } = second;
      const single = await t.as(tokens.participant).get(`/api/mentors/${second.id}`).expect(200);
      expect(single.body).toEqual(withoutContacts);

      const page = await t.as(tokens.participant).get('/api/mentors?limit=1&offset=1').expect(200);
      expect(page.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
      expect(ids(page.body)).toEqual([second.id]);

      const stranger = await t.as(tokens.participant).get(`/api/mentors/${third.id}`).expect(404);
      expect(stranger.body.message).toBe(`Mentor ${third.id} not found`);
    });

    it('does not let a participant find a mentor by an email it may not see', async () => {
      const byName = await t
        .as(tokens.participant)
        .get(`/api/mentors?search=${encodeURIComponent('гончарова')}`)
        .expect(200);
      expect(ids(byName.body)).toEqual([first.id]);
      const byEmail = await t
        .as(tokens.participant)
        .get(`/api/mentors?search=${encodeURIComponent(first.email)}`)
        .expect(200);
      expect(byEmail.body.total).toBe(0);
      const organizer = await t
        .http()
        .get(`/api/mentors?search=${encodeURIComponent(first.email)}`)
        .expect(200);
      expect(ids(organizer.body)).toEqual([first.id]);
    });

    it('shows a host no mentor', async () => {
      const list = await t.as(tokens.host).get('/api/mentors').expect(200);
      expect(list.body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
      const single = await t.as(tokens.host).get(`/api/mentors/${first.id}`).expect(404);
      expect(single.body.message).toBe(`Mentor ${first.id} not found`);
    });

    it('lets a mentor list only its own assignments', async () => {
      const own = await t.as(tokens.mentor).get(`/api/mentors/${first.id}/assignments`).expect(200);
      expect(own.body.total).toBe(1);
      expect(own.body.items[0]).toMatchObject({
        id: assignmentId,
        mentorId: first.id,
        participantId: menteeId,
      });
      expect(own.body.items[0].participant).not.toHaveProperty('email');
      expect(own.body.items[0].participant).not.toHaveProperty('phone');

      const other = await t
        .as(tokens.mentor)
        .get(`/api/mentors/${second.id}/assignments`)
        .expect(404);
      expect(other.body.message).toBe(`Mentor ${second.id} not found`);
      await t.as(tokens.mentor).get('/api/mentors/999999/assignments').expect(404);
    });

    it('refuses assignment lists to participants and hosts with 403', async () => {
      await t.as(tokens.participant).get(`/api/mentors/${first.id}/assignments`).expect(403);
      await t.as(tokens.host).get(`/api/mentors/${first.id}/assignments`).expect(403);
    });
  });

  /** Withdraws a participant through the enrollments API. */
  async function withdraw(cohortId: number, participantId: number): Promise<void> {
    const response = await t
      .http()
      .delete(`/api/cohorts/${cohortId}/enrollments/${participantId}`)
      .expect(200);
    expect(response.body.status).toBe('withdrawn');
  }

  it('refuses to delete a mentor who leads a session (409), keeping the link', async () => {
    const mentor = await createMentor(t);
    const stage = await createStage(t);
    const session = await createSession(t, { mentorIds: [mentor.id] }, stage.id);
    const refused = await t.http().delete(`/api/mentors/${mentor.id}`).expect(409);
    expect(refused.body.message).toBe(
      `Mentor ${mentor.id} leads 1 session(s); remove the mentor from them first`,
    );
    const read = await t.http().get(`/api/sessions/${session.id}`).expect(200);
    expect(read.body.mentors.map((m: { id: number }) => m.id)).toEqual([mentor.id]);
    await t.http().patch(`/api/sessions/${session.id}`).send({ mentorIds: [] }).expect(200);
    await t.http().delete(`/api/mentors/${mentor.id}`).expect(204);
  });
});
