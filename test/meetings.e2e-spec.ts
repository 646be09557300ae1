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

type Body = Record<string, unknown>;

describe('mentoring meetings', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** A participant actively enrolled in a new cohort and assigned to the mentor there. */
  async function menteeOf(mentorId: number, overrides: Body = {}) {
    const cohort = await createCohort(t);
    const participant = await createParticipant(t, overrides);
    await enroll(t, cohort.id, participant.id);
    const assignment = await assignMentor(t, mentorId, cohort.id, participant.id);
    return { cohortId: cohort.id as number, participant, assignmentId: assignment.id as number };
  }

  const tyumen = (participantId: number, overrides: Body = {}) => ({
    participantId,
    startsAt: '2025-11-18T18:00',
    endsAt: '2025-11-18T19:00',
    timeZone: 'Asia/Yekaterinburg',
    topic: 'Бюджетные приоритеты района на 2026 год',
    ...overrides,
  });

  async function createMeeting(mentorId: number, body: Body, token?: string) {
    const http = token ? t.as(token) : t.http();
    const response = await http.post(`/api/mentors/${mentorId}/meetings`).send(body);
    if (response.status !== 201) {
      throw new Error(
        `Creating a meeting answered ${response.status}: ${JSON.stringify(response.body)}`,
      );
    }
    return response.body;
  }

  const ids = (body: { items: { id: number }[] }) => body.items.map((item) => item.id);

  describe('writing and reading', () => {
    it('logs a Tyumen meeting by its wall clock and reads it back', async () => {
      const mentor = await createMentor(t, { fullName: 'Смирнова Ольга Викторовна' });
      const { participant, assignmentId } = await menteeOf(mentor.id, {
        fullName: 'Иванов Пётр Сергеевич',
      });
      const created = await t
        .http()
        .post(`/api/mentors/${mentor.id}/meetings`)
        .send(
          tyumen(participant.id, {
            place: 'Тюмень, ул. Первомайская, 20, каб. 305',
            onlineUrl: 'https://meet.example.ru/room/mentoring-12',
            notes: 'Подготовить вопросы о бюджете',
          }),
        )
        .expect(201);
      expect(created.body).toEqual({
        id: expect.any(Number),
        mentorId: mentor.id,
        participantId: participant.id,
        assignmentId,
        mentor: { id: mentor.id, fullName: 'Смирнова Ольга Викторовна' },
        participant: { id: participant.id, fullName: 'Иванов Пётр Сергеевич' },
        startsAt: '2025-11-18T13:00:00.000Z',
        endsAt: '2025-11-18T14:00:00.000Z',
        startsAtLocal: '2025-11-18T18:00:00',
        endsAtLocal: '2025-11-18T19:00:00',
        timeZone: 'Asia/Yekaterinburg',
        place: 'Тюмень, ул. Первомайская, 20, каб. 305',
        onlineUrl: 'https://meet.example.ru/room/mentoring-12',
        topic: 'Бюджетные приоритеты района на 2026 год',
        notes: 'Подготовить вопросы о бюджете',
        status: 'planned',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const read = await t.http().get(`/api/meetings/${created.body.id}`).expect(200);
      expect(read.body).toEqual(created.body);

      const audit = await t
        .http()
        .get(`/api/audit?entity=mentoring_meetings&entityId=${created.body.id}`)
        .expect(200);
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0]).toMatchObject({
        action: 'create',
        changes: { topic: { to: 'Бюджетные приоритеты района на 2026 год' } },
      });
      expect(audit.body.items[0].changes).not.toHaveProperty('localDate');
    });

    it('reads a Moscow meeting by Moscow’s clock, and an offset as that instant', async () => {
      const mentor = await createMentor(t);
      const { participant } = await menteeOf(mentor.id);
      const moscow = await createMeeting(mentor.id, {
        participantId: participant.id,
        startsAt: '2025-10-07T10:00',
        endsAt: '2025-10-07T11:30',
        timeZone: 'Europe/Moscow',
        topic: 'Стратегия развития муниципального округа',
      });
      expect(moscow).toMatchObject({
        startsAt: '2025-10-07T07:00:00.000Z',
        endsAt: '2025-10-07T08:30:00.000Z',
        startsAtLocal: '2025-10-07T10:00:00',
        endsAtLocal: '2025-10-07T11:30:00',
        timeZone: 'Europe/Moscow',
        place: null,
        onlineUrl: null,
        notes: null,
      });
      // Given in Tyumen's offset, shown on Moscow's clock.
      const withOffset = await createMeeting(mentor.id, {
        participantId: participant.id,
        startsAt: '2025-10-08T10:00+05:00',
        endsAt: '2025-10-08T05:30Z',
        timeZone: 'Europe/Moscow',
        topic: 'Разбор проекта',
      });
      expect(withOffset).toMatchObject({
        startsAt: '2025-10-08T05:00:00.000Z',
        endsAt: '2025-10-08T05:30:00.000Z',
        startsAtLocal: '2025-10-08T08:00:00',
        endsAtLocal: '2025-10-08T08:30:00',
      });
    });

    it('lists a mentor’s and a participant’s meetings in time order, paged and by local dates', async () => {
      const mentor = await createMentor(t);
      const { participant } = await menteeOf(mentor.id);
      const { participant: other } = await menteeOf(mentor.id);
      // 01:30 on the 19th in Tyumen is 20:30 UTC on the 18th.
      const lateNight = await createMeeting(
        mentor.id,
        tyumen(participant.id, { startsAt: '2025-11-19T01:30', endsAt: '2025-11-19T02:00' }),
      );
      const moscow = await createMeeting(mentor.id, {
        participantId: other.id,
        startsAt: '2025-11-18T22:00',
        endsAt: '2025-11-18T23:00',
        timeZone: 'Europe/Moscow',
        topic: 'Поздний созвон',
      });
      const early = await createMeeting(
        mentor.id,
        tyumen(participant.id, { startsAt: '2025-11-17T09:00', endsAt: '2025-11-17T10:00' }),
      );

      const all = await t.http().get(`/api/mentors/${mentor.id}/meetings`).expect(200);
      expect(all.body).toMatchObject({ total: 3, limit: 50, offset: 0 });
      // 17th 04:00Z, 18th 19:00Z, 18th 20:30Z.
      expect(ids(all.body)).toEqual([early.id, moscow.id, lateNight.id]);

      const second = await t
        .http()
        .get(`/api/mentors/${mentor.id}/meetings?limit=1&offset=1`)
        .expect(200);
      expect(second.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
      expect(ids(second.body)).toEqual([moscow.id]);

      // Local dates, each meeting by its own zone's calendar.
      const on19th = await t
        .http()
        .get(`/api/mentors/${mentor.id}/meetings?from=2025-11-19&to=2025-11-19`)
        .expect(200);
      expect(ids(on19th.body)).toEqual([lateNight.id]);
      const on18th = await t
        .http()
        .get(`/api/mentors/${mentor.id}/meetings?from=2025-11-18&to=2025-11-18`)
        .expect(200);
      expect(ids(on18th.body)).toEqual([moscow.id]);
      // Instants: ending after `from`, starting before `to`.
      const instants = await t
        .http()
        .get(
          `/api/mentors/${mentor.id}/meetings?from=${encodeURIComponent('2025-11-18T19:30:00Z')}&to=${encodeURIComponent('2025-11-18T23:31:00+03:00')}`,
        )
        .expect(200);
      expect(ids(instants.body)).toEqual([moscow.id, lateNight.id]);

      const ofParticipant = await t
        .http()
        .get(`/api/participants/${participant.id}/meetings`)
        .expect(200);
      expect(ofParticipant.body).toMatchObject({ total: 2 });
      expect(ids(ofParticipant.body)).toEqual([early.id, lateNight.id]);
    });

    it('changes what is sent, clears the optional fields and logs the status', async () => {
      const mentor = await createMentor(t);
      const { participant } = await menteeOf(mentor.id);
      const meeting = await createMeeting(
        mentor.id,
        tyumen(participant.id, { place: 'Кабинет 305', onlineUrl: 'https://meet.example.ru/a' }),
      );
      const updated = await t
        .http()
        .patch(`/api/meetings/${meeting.id}`)
        .send({
          status: 'held',
          notes: 'Обсудили проект набережной; следующая встреча через месяц',
          place: null,
          onlineUrl: null,
        })
        .expect(200);
      expect(updated.body).toEqual({
        ...meeting,
        status: 'held',
        notes: 'Обсудили проект набережной; следующая встреча через месяц',
        place: null,
        onlineUrl: null,
        updatedAt: expect.any(String),
      });
      const read = await t.http().get(`/api/meetings/${meeting.id}`).expect(200);
      expect(read.body).toEqual(updated.body);

      const moved = await t
        .http()
        .patch(`/api/meetings/${meeting.id}`)
        .send({ startsAt: '2025-11-18T17:00', topic: 'Новая тема' })
        .expect(200);
      expect(moved.body).toMatchObject({
        startsAt: '2025-11-18T12:00:00.000Z',
        startsAtLocal: '2025-11-18T17:00:00',
        endsAt: '2025-11-18T14:00:00.000Z',
        topic: 'Новая тема',
      });

      const audit = await t
        .http()
        .get(`/api/audit?entity=mentoring_meetings&entityId=${meeting.id}&action=update`)
        .expect(200);
      expect(audit.body.items.map((entry: { changes: Body }) => entry.changes)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ status: { from: 'planned', to: 'held' } }),
        ]),
      );
    });

    it('keeps the wall clock when only the zone is corrected', async () => {
      const mentor = await createMentor(t);
      const { participant } = await menteeOf(mentor.id);
      const meeting = await createMeeting(mentor.id, {
        participantId: participant.id,
        startsAt: '2025-11-18T10:00',
        endsAt: '2025-11-18T11:00',
        timeZone: 'Europe/Moscow',
        topic: 'Встреча в Тюмени',
      });
      const corrected = await t
        .http()
        .patch(`/api/meetings/${meeting.id}`)
        .send({ timeZone: 'Asia/Yekaterinburg' })
        .expect(200);
      expect(corrected.body).toMatchObject({
        timeZone: 'Asia/Yekaterinburg',
        startsAt: '2025-11-18T05:00:00.000Z',
        endsAt: '2025-11-18T06:00:00.000Z',
        startsAtLocal: '2025-11-18T10:00:00',
        endsAtLocal: '2025-11-18T11:00:00',
      });
      // New times and a new zone together: the times are read in the new zone.
      const both = await t
        .http()
        .patch(`/api/meetings/${meeting.id}`)
        .send({
          timeZone: 'Europe/Moscow',
          startsAt: '2025-11-18T12:00',
          endsAt: '2025-11-18T13:00',
        })
        .expect(200);
      expect(both.body).toMatchObject({
        startsAt: '2025-11-18T09:00:00.000Z',
        endsAt: '2025-11-18T10:00:00.000Z',
      });
      const onDate = await t
        .http()
        .get(`/api/mentors/${mentor.id}/meetings?from=2025-11-18&to=2025-11-18`)
        .expect(200);
      expect(ids(onDate.body)).toEqual([meeting.id]);
    });

    it('deletes a meeting, and keeps an assignment with meetings from being removed', async () => {
      const mentor = await createMentor(t);
      const { participant, assignmentId } = await menteeOf(mentor.id);
      const meeting = await createMeeting(mentor.id, tyumen(participant.id));
      const refused = await t
        .http()
        .delete(`/api/mentors/${mentor.id}/assignments/${assignmentId}`)
        .expect(409);
      expect(refused.body.message).toBe('The record is still referenced by other records');

      await t.http().delete(`/api/meetings/${meeting.id}`).expect(204);
      await t.http().get(`/api/meetings/${meeting.id}`).expect(404);
      await t.http().delete(`/api/meetings/${meeting.id}`).expect(404);
      const audit = await t
        .http()
        .get(`/api/audit?entity=mentoring_meetings&entityId=${meeting.id}&action=delete`)
        .expect(200);
      expect(audit.body.total).toBe(1);
      await t.http().delete(`/api/mentors/${mentor.id}/assignments/${assignmentId}`).expect(204);
    });

    it('uses the active one of a mentor’s two assignments to the same participant', async () => {
      const mentor = await createMentor(t);
      const { participant, cohortId: former } = await menteeOf(mentor.id);
      const current = await createCohort(t);
      await enroll(t, current.id, participant.id);
      const active = await assignMentor(t, mentor.id, current.id, participant.id);
      await t.http().delete(`/api/cohorts/${former}/enrollments/${participant.id}`).expect(200);
      const meeting = await createMeeting(mentor.id, tyumen(participant.id));
      expect(meeting.assignmentId).toBe(active.id);
    });

    it('prefers the assignment of a program under way to a later one in a completed program', async () => {
      const mentor = await createMentor(t);
      const running = await createProgram(t, { status: 'active' });
      const finished = await createProgram(t, { status: 'active' });
      const participant = await createParticipant(t);
      const inRunning = await createCohort(t, {}, running.id);
      await enroll(t, inRunning.id, participant.id);
      const wanted = await assignMentor(t, mentor.id, inRunning.id, participant.id);
      const inFinished = await createCohort(t, {}, finished.id);
      await enroll(t, inFinished.id, participant.id);
      const later = await assignMentor(t, mentor.id, inFinished.id, participant.id);
      expect(later.id).toBeGreaterThan(wanted.id);
      await t
        .http()
        .patch(`/api/programs/${finished.id}`)
        .send({ status: 'completed' })
        .expect(200);
      const meeting = await createMeeting(mentor.id, tyumen(participant.id));
      expect(meeting.assignmentId).toBe(wanted.id);
      // With both programs under way, the later assignment is used, as before.
      await t.http().patch(`/api/programs/${finished.id}`).send({ status: 'active' }).expect(200);
      const next = await createMeeting(mentor.id, tyumen(participant.id));
      expect(next.assignmentId).toBe(later.id);
    });
  });

  describe('bad input', () => {
    let mentorId: number;
    let participantId: number;
    let meeting: Body & { id: number };

    beforeAll(async () => {
      mentorId = (await createMentor(t)).id;
      participantId = (await menteeOf(mentorId)).participant.id;
      meeting = await createMeeting(mentorId, tyumen(participantId));
    });

    it('lists every bad field of a new meeting and writes nothing', async () => {
      const before = await countRows(t.dataSource, 'mentoring_meetings');
      const response = await t
        .http()
        .post(`/api/mentors/${mentorId}/meetings`)
        .send({
          participantId: 0,
          startsAt: 'tomorrow at ten',
          endsAt: '2025-11-18T25:00',
          timeZone: 'europe/moscow',
          topic: 42,
          place: 'x'.repeat(501),
          onlineUrl: 'ftp://files.example.ru/agenda',
          notes: 7,
          status: 'held',
        })
        .expect(400);
      expect(response.body.error).toBe('Bad Request');
      const messages: string[] = response.body.message;
      for (const field of [
        'participantId',
        'startsAt',
        'endsAt',
        'timeZone',
        'topic',
        'place',
        'onlineUrl',
        'notes',
      ]) {
        expect([field, messages.some((message) => message.startsWith(field))]).toEqual([
          field,
          true,
        ]);
      }
      expect(messages).toContain('property status should not exist');
      expect(messages).toContain(
        'startsAt must be a date and time such as 2025-11-18T10:00 (wall clock in timeZone) or 2025-11-18T07:00Z',
      );

      const missing = await t.http().post(`/api/mentors/${mentorId}/meetings`).send({}).expect(400);
      for (const field of ['participantId', 'startsAt', 'endsAt', 'timeZone', 'topic']) {
        expect(missing.body.message).toEqual(
          expect.arrayContaining([expect.stringMatching(new RegExp(`^${field}`))]),
        );
      }
      expect(await countRows(t.dataSource, 'mentoring_meetings')).toBe(before);
    });

    it('refuses a meeting that ends before it starts, or outside the years 1 to 9999', async () => {
      const before = await countRows(t.dataSource, 'mentoring_meetings');
      const backwards = await t
        .http()
        .post(`/api/mentors/${mentorId}/meetings`)
        .send(tyumen(participantId, { startsAt: '2025-11-18T19:00', endsAt: '2025-11-18T19:00' }))
        .expect(400);
      expect(backwards.body.message).toEqual(['endsAt must be after startsAt']);
      const early = await t
        .http()
        .post(`/api/mentors/${mentorId}/meetings`)
        .send(tyumen(participantId, { startsAt: '0001-01-01T01:00', endsAt: '0001-01-01T02:00' }))
        .expect(400);
      expect(early.body.message).toEqual([
        'startsAt must lie in the years 1 to 9999 in UTC',
        'endsAt must lie in the years 1 to 9999 in UTC',
      ]);
      expect(await countRows(t.dataSource, 'mentoring_meetings')).toBe(before);
    });

    it('refuses bad changes, participantId among them, and changes nothing', async () => {
      const response = await t
        .http()
        .patch(`/api/meetings/${meeting.id}`)
        .send({
          participantId,
          topic: null,
          timeZone: null,
          status: 'done',
          onlineUrl: 'meet.example.ru',
          startsAt: '2025-02-30T10:00',
        })
        .expect(400);
      const messages: string[] = response.body.message;
      expect(messages).toContain('property participantId should not exist');
      for (const field of ['topic', 'timeZone', 'status', 'onlineUrl', 'startsAt']) {
        expect([field, messages.some((message) => message.startsWith(field))]).toEqual([
          field,
          true,
        ]);
      }
      const backwards = await t
        .http()
        .patch(`/api/meetings/${meeting.id}`)
        .send({ startsAt: '2025-11-18T20:00', notes: 'не сохранится' })
        .expect(400);
      expect(backwards.body.message).toEqual(['endsAt must be after startsAt']);
      const read = await t.http().get(`/api/meetings/${meeting.id}`).expect(200);
      expect(read.body).toEqual(meeting);
    });

    it('names what does not exist, and refuses participants who are not active mentees, writing nothing', async () => {
      const before = await countRows(t.dataSource, 'mentoring_meetings');
      const noMentor = await t
        .http()
        .post('/api/mentors/999999/meetings')
        .send(tyumen(participantId))
        .expect(404);
      expect(noMentor.body.message).toBe('Mentor 999999 not found');
      const noParticipant = await t
        .http()
        .post(`/api/mentors/${mentorId}/meetings`)
        .send(tyumen(999999))
        .expect(404);
      expect(noParticipant.body.message).toBe('Participant 999999 not found');

      const stranger = await createParticipant(t);
      const notAssigned = await t
        .http()
        .post(`/api/mentors/${mentorId}/meetings`)
        .send(tyumen(stranger.id))
        .expect(409);
      expect(notAssigned.body.message).toBe(
        `Participant ${stranger.id} is not assigned to mentor ${mentorId}`,
      );

      const { participant: leaving, cohortId } = await menteeOf(mentorId);
      await t.http().delete(`/api/cohorts/${cohortId}/enrollments/${leaving.id}`).expect(200);
      const withdrawn = await t
        .http()
        .post(`/api/mentors/${mentorId}/meetings`)
        .send(tyumen(leaving.id))
        .expect(409);
      expect(withdrawn.body.message).toBe(
        `Participant ${leaving.id} is assigned to mentor ${mentorId} only in cohorts it is no longer actively enrolled in`,
      );
      expect(await countRows(t.dataSource, 'mentoring_meetings')).toBe(before);

      await t.http().get('/api/meetings/999999').expect(404);
      await t.http().patch('/api/meetings/999999').send({ topic: 'x' }).expect(404);
      await t.http().delete('/api/meetings/999999').expect(404);
      await t.http().get('/api/mentors/999999/meetings').expect(404);
      await t.http().get('/api/participants/999999/meetings').expect(404);
      const badId = await t.http().get('/api/meetings/abc').expect(400);
      expect(badId.body.message).toEqual(['id must be a positive integer']);
    });

    it('refuses bad list parameters', async () => {
      const response = await t
        .http()
        .get(`/api/mentors/${mentorId}/meetings?from=18.11.2025&to=2025-11-18T10:00&limit=0`)
        .expect(400);
      expect(response.body.message).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^from/),
          expect.stringMatching(/^to/),
          expect.stringMatching(/^limit/),
        ]),
      );
      const reversed = await t
        .http()
        .get(`/api/participants/${participantId}/meetings?from=2025-11-19&to=2025-11-18`)
        .expect(400);
      expect(reversed.body.message).toEqual(['to must not be before from']);
      await t.http().get(`/api/mentors/${mentorId}/meetings?status=planned`).expect(400);
    });
  });

  describe('who may do what', () => {
    /** mentor guides mentee; otherMentor guides stranger; coMentor guides mentee too. */
    let mentorId: number;
    let otherMentorId: number;
    let coMentorId: number;
    let menteeId: number;
    let strangerId: number;
    let meeting: Body & { id: number };
    let coMeeting: Body & { id: number };
    const tokens = {
      mentor: '',
      otherMentor: '',
      coMentor: '',
      mentee: '',
      stranger: '',
      host: '',
    };

    beforeAll(async () => {
      mentorId = (await createMentor(t)).id;
      otherMentorId = (await createMentor(t)).id;
      coMentorId = (await createMentor(t)).id;
      const cohort = await createCohort(t);
      const stage = await createStage(t, {}, cohort.id);
      const mentee = await createParticipant(t);
      const stranger = await createParticipant(t);
      menteeId = mentee.id;
      strangerId = stranger.id;
      for (const participant of [mentee, stranger]) {
        await enroll(t, cohort.id, participant.id);
      }
      await assignMentor(t, mentorId, cohort.id, menteeId);
      await assignMentor(t, coMentorId, cohort.id, menteeId);
      await assignMentor(t, otherMentorId, cohort.id, strangerId);
      tokens.mentor = (await createAccount(t, 'mentor', { mentorId })).token;
      tokens.otherMentor = (await createAccount(t, 'mentor', { mentorId: otherMentorId })).token;
      tokens.coMentor = (await createAccount(t, 'mentor', { mentorId: coMentorId })).token;
      tokens.mentee = (await createAccount(t, 'participant', { participantId: menteeId })).token;
      tokens.stranger = (
        await createAccount(t, 'participant', { participantId: strangerId })
      ).token;
      tokens.host = (await createAccount(t, 'host', { stageIds: [stage.id] })).token;
      meeting = await createMeeting(mentorId, tyumen(menteeId), tokens.mentor);
      coMeeting = await createMeeting(
        coMentorId,
        tyumen(menteeId, { topic: 'Встреча второго наставника' }),
        tokens.coMentor,
      );
    });

    it('lets a mentor log, read, change and delete its own meetings', async () => {
      const as = () => t.as(tokens.mentor);
      const own = await createMeeting(mentorId, tyumen(menteeId, { topic: 'Своя' }), tokens.mentor);
      expect(own).toMatchObject({ mentorId, participantId: menteeId, topic: 'Своя' });
      await as().get(`/api/meetings/${own.id}`).expect(200);
      await as().patch(`/api/meetings/${own.id}`).send({ status: 'cancelled' }).expect(200);
      const list = await as().get(`/api/mentors/${mentorId}/meetings`).expect(200);
      expect(ids(list.body)).toEqual([meeting.id, own.id]);
      // Of its mentee's meetings, a mentor sees its own, not the other mentor's.
      const ofMentee = await as().get(`/api/participants/${menteeId}/meetings`).expect(200);
      expect(ids(ofMentee.body)).toEqual([meeting.id, own.id]);
      expect(ofMentee.body.total).toBe(2);
      await as().delete(`/api/meetings/${own.id}`).expect(204);
    });

    it('shows a participant the meetings with it, and lets it change none', async () => {
      const as = () => t.as(tokens.mentee);
      const read = await as().get(`/api/meetings/${meeting.id}`).expect(200);
      expect(read.body).toEqual(meeting);
      const list = await as().get(`/api/participants/${menteeId}/meetings`).expect(200);
      expect(ids(list.body)).toEqual([meeting.id, coMeeting.id]);

      const before = await countRows(t.dataSource, 'mentoring_meetings');
      const patch = await as()
        .patch(`/api/meetings/${meeting.id}`)
        .send({ notes: 'Запись участника' })
        .expect(403);
      expect(patch.body.message).toBe('Only organizer or mentor may do this');
      await as().delete(`/api/meetings/${meeting.id}`).expect(403);
      await as().post(`/api/mentors/${mentorId}/meetings`).send(tyumen(menteeId)).expect(403);
      await as().get(`/api/mentors/${mentorId}/meetings`).expect(403);
      expect(await countRows(t.dataSource, 'mentoring_meetings')).toBe(before);
      expect((await t.http().get(`/api/meetings/${meeting.id}`).expect(200)).body).toEqual(meeting);
    });

    it('answers 404 to another participant and another mentor, who cannot see the meeting', async () => {
      const before = await countRows(t.dataSource, 'mentoring_meetings');
      for (const who of ['stranger', 'otherMentor'] as const) {
        const as = () => t.as(tokens[who]);
        const read = await as().get(`/api/meetings/${meeting.id}`).expect(404);
        expect(read.body.message).toBe(`Meeting ${meeting.id} not found`);
        await as().patch(`/api/meetings/${meeting.id}`).send({ topic: 'Захват' }).expect(404);
        await as().delete(`/api/meetings/${meeting.id}`).expect(404);
        await as().get(`/api/participants/${menteeId}/meetings`).expect(404);
      }
      const other = () => t.as(tokens.otherMentor);
      await other().get(`/api/mentors/${mentorId}/meetings`).expect(404);
      // Another mentor's path, and someone else's mentee on its own path: as if missing.
      const path = await other().post(`/api/mentors/${mentorId}/meetings`).send(tyumen(menteeId));
      expect([path.status, path.body.message]).toEqual([404, `Mentor ${mentorId} not found`]);
      const notMine = await other()
        .post(`/api/mentors/${otherMentorId}/meetings`)
        .send(tyumen(menteeId));
      expect([notMine.status, notMine.body.message]).toEqual([
        404,
        `Participant ${menteeId} not found`,
      ]);
      // A co-mentor of the same participant does not see the other mentor's meeting.
      await t.as(tokens.coMentor).get(`/api/meetings/${meeting.id}`).expect(404);
      await t
        .as(tokens.coMentor)
        .patch(`/api/meetings/${meeting.id}`)
        .send({ notes: 'x' })
        .expect(404);
      expect(await countRows(t.dataSource, 'mentoring_meetings')).toBe(before);
      expect((await t.http().get(`/api/meetings/${meeting.id}`).expect(200)).body).toEqual(meeting);
    });

    it('shows a host no meeting and lets it write none', async () => {
      const as = () => t.as(tokens.host);
      const before = await countRows(t.dataSource, 'mentoring_meetings');
      await as().get(`/api/meetings/${meeting.id}`).expect(404);
      await as().patch(`/api/meetings/${meeting.id}`).send({ topic: 'Захват' }).expect(404);
      await as().delete(`/api/meetings/${meeting.id}`).expect(404);
      await as().get(`/api/participants/${menteeId}/meetings`).expect(403);
      await as().get(`/api/mentors/${mentorId}/meetings`).expect(403);
      await as().post(`/api/mentors/${mentorId}/meetings`).send(tyumen(menteeId)).expect(403);
      expect(await countRows(t.dataSource, 'mentoring_meetings')).toBe(before);
    });

    it('answers 401 to every route without a token', async () => {
      const before = await countRows(t.dataSource, 'mentoring_meetings');
      const anonymous = () => t.anonymous();
      await anonymous().get(`/api/meetings/${meeting.id}`).expect(401);
      await anonymous().patch(`/api/meetings/${meeting.id}`).send({ topic: 'x' }).expect(401);
      await anonymous().delete(`/api/meetings/${meeting.id}`).expect(401);
      await anonymous().get(`/api/mentors/${mentorId}/meetings`).expect(401);
      await anonymous()
        .post(`/api/mentors/${mentorId}/meetings`)
        .send(tyumen(menteeId))
        .expect(401);
      await anonymous().get(`/api/participants/${menteeId}/meetings`).expect(401);
      expect(await countRows(t.dataSource, 'mentoring_meetings')).toBe(before);
    });
  });

  describe('under concurrency', () => {
    it('acknowledges 20 meetings logged at once and reads every one back, after a restart too', async () => {
      const mentor = await createMentor(t);
      const { participant } = await menteeOf(mentor.id);
      const { token } = await createAccount(t, 'mentor', { mentorId: mentor.id });
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t
            .as(token)
            .post(`/api/mentors/${mentor.id}/meetings`)
            .send(
              tyumen(participant.id, {
                startsAt: `2025-12-${String(i + 1).padStart(2, '0')}T10:00`,
                endsAt: `2025-12-${String(i + 1).padStart(2, '0')}T11:00`,
                topic: `Встреча ${i + 1}`,
              }),
            ),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
      const created = responses.map((response) => response.body.id as number);
      expect(new Set(created).size).toBe(20);

      t = await t.reopen();
      const list = await t.http().get(`/api/mentors/${mentor.id}/meetings?limit=200`).expect(200);
      expect(list.body.total).toBe(20);
      expect(list.body.items.map((item: { topic: string }) => item.topic)).toEqual(
        Array.from({ length: 20 }, (_, i) => `Встреча ${i + 1}`),
      );
      expect([...ids(list.body)].sort((a, b) => a - b)).toEqual([...created].sort((a, b) => a - b));
    });

    it('lets no meeting in after a withdrawal that races the creates', async () => {
      const mentor = await createMentor(t);
      const { participant, cohortId } = await menteeOf(mentor.id);
      const creates = Array.from({ length: 10 }, (_, i) =>
        t
          .http()
          .post(`/api/mentors/${mentor.id}/meetings`)
          .send(tyumen(participant.id, { topic: `Гонка ${i}` })),
      );
      const withdrawal = t.http().delete(`/api/cohorts/${cohortId}/enrollments/${participant.id}`);
      const [left, ...responses] = await Promise.all([withdrawal, ...creates]);
      expect(left.status).toBe(200);
      const statuses = responses.map((response) => response.status);
      expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
      const acknowledged = statuses.filter((status) => status === 201).length;
      const list = await t.http().get(`/api/mentors/${mentor.id}/meetings`).expect(200);
      expect(list.body.total).toBe(acknowledged);
      // Once the withdrawal is in, every further meeting is refused.
      await t
        .http()
        .post(`/api/mentors/${mentor.id}/meetings`)
        .send(tyumen(participant.id))
        .expect(409);
    });
  });
});
