import {
  assignMentor,
  createAccount,
  createCohort,
  createMentor,
  createParticipant,
  createProgram,
  createSession,
  createStage,
  enroll,
  publishAgenda,
} from './support/factories';
import { TestApp, createTestApp } from './support/test-app';

/**
 * The main reads (and session creation) make the same number of queries whatever the amount of
 * data behind them: no query per row, per visible record, or per session.
 */
describe('query counts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** A cohort with `size` participants (one of them signed in) and a hosted stage of `size` sessions. */
  async function world(size: number) {
    // Marking the first session absent warns in both sizes: the same statements run.
    const program = await createProgram(t, { attendanceWarningAfterSessions: 1 });
    const cohort = await createCohort(t, {}, program.id);
    const stage = await createStage(t, {}, cohort.id);
    const sessions = [];
    for (let i = 0; i < size; i++) {
      sessions.push(
        await createSession(t, { track: `t${i}`, title: `Лекция ${i}`, mentorIds: [] }, stage.id),
      );
    }
    await publishAgenda(t, stage.id);
    const participants = [];
    for (let i = 0; i < size; i++) {
      const participant = await createParticipant(t, { fullName: `Смирнов ${size}-${i}` });
      await enroll(t, cohort.id, participant.id);
      participants.push(participant);
    }
    const mentors = [];
    for (let i = 0; i < size; i++) {
      const mentor = await createMentor(t, { fullName: `Смирнова ${size}-${i}` });
      await assignMentor(t, mentor.id, cohort.id, participants[i].id);
      mentors.push(mentor);
    }
    const tokens = {
      organizer: undefined as string | undefined,
      mentor: (await createAccount(t, 'mentor', { mentorId: mentors[0].id })).token,
      host: (await createAccount(t, 'host', { stageIds: [stage.id] })).token,
      participant: (await createAccount(t, 'participant', { participantId: participants[0].id }))
        .token,
    };
    return {
      cohort,
      stage,
      sessions,
      tokens,
      mentorEmail: mentors[0].email as string,
      participantId: participants[0].id as number,
      participantIds: participants.map((participant) => participant.id as number),
    };
  }

  async function queriesOf(send: () => Promise<{ status: number }>, status: number) {
    const logQuery = jest.spyOn(t.dataSource.logger, 'logQuery');
    try {
      const response = await send();
      expect(response.status).toBe(status);
      return logQuery.mock.calls.length;
    } finally {
      logQuery.mockRestore();
    }
  }

  it('does not grow with sessions, participants or what a caller sees', async () => {
    const small = await world(1);
    const large = await world(8);
    let slot = 0;
    const reads = (w: typeof small) => ({
      me: [() => as(w, 'participant').get('/api/me'), 200],
      programs: [() => as(w, 'host').get('/api/programs'), 200],
      sessions: [() => as(w, 'host').get(`/api/stages/${w.stage.id}/sessions`), 200],
      session: [() => as(w, 'participant').get(`/api/sessions/${w.sessions[0].id}`), 200],
      editedSession: [() => as(w, 'host').get(`/api/sessions/${w.sessions[0].id}`), 200],
      publishedSessions: [
        () => as(w, 'participant').get(`/api/stages/${w.stage.id}/sessions`),
        200,
      ],
      organizerPrograms: [() => t.http().get('/api/programs'), 200],
      organizerParticipants: [() => t.http().get('/api/participants'), 200],
      search: [
        () => as(w, 'host').get(`/api/participants?search=${encodeURIComponent('смирн')}`),
        200,
      ],
      organizerSearch: [
        () => t.http().get(`/api/participants?search=${encodeURIComponent('смирн')}`),
        200,
      ],
      mentors: [() => t.http().get('/api/mentors'), 200],
      mentorSearch: [() => t.http().get(`/api/mentors?search=${encodeURIComponent('смирн')}`), 200],
      participantsMentorSearch: [
        () => as(w, 'participant').get(`/api/mentors?search=${encodeURIComponent('смирн')}`),
        200,
      ],
      ownEmailSearch: [
        () => as(w, 'mentor').get(`/api/mentors?search=${encodeURIComponent(w.mentorEmail)}`),
        200,
      ],
      schedule: [() => as(w, 'participant').get('/api/me/schedule'), 200],
      calendar: [
        () =>
          as(w, 'participant').get(
            `/api/participants/${w.participantId}/schedule.ics?from=2025-01-01`,
          ),
        200,
      ],
      agenda: [() => as(w, 'participant').get(`/api/stages/${w.stage.id}/agenda`), 200],
      conflicts: [() => as(w, 'host').get(`/api/stages/${w.stage.id}/conflicts`), 200],
      mark: [
        () =>
          as(w, 'host')
            .put(`/api/sessions/${w.sessions[0].id}/attendance`)
            .send({
              marks: w.participantIds.map((participantId) => ({ participantId, status: 'absent' })),
            }),
        200,
      ],
      roster: [() => as(w, 'host').get(`/api/sessions/${w.sessions[0].id}/attendance`), 200],
      report: [() => t.http().get(`/api/cohorts/${w.cohort.id}/attendance-report`), 200],
      reportCsv: [
        () =>
          t.http().get(`/api/cohorts/${w.cohort.id}/attendance-report`).set('Accept', 'text/csv'),
        200,
      ],
      sessionSummaries: [
        () => as(w, 'host').get(`/api/cohorts/${w.cohort.id}/attendance-report/sessions`),
        200,
      ],
      ownAttendance: [
        () => as(w, 'participant').get(`/api/participants/${w.participantId}/attendance`),
        200,
      ],
      notifications: [() => t.http().get('/api/notifications?limit=20'), 200],
      ownNotifications: [() => as(w, 'participant').get('/api/notifications'), 200],
      preferences: [
        () =>
          as(w, 'participant')
            .put('/api/me/notification-preferences')
            .send({ eveningDigest: false }),
        200,
      ],
      create: [
        () =>
          as(w, 'host')
            .post(`/api/stages/${w.stage.id}/sessions`)
            .send({
              title: 'Новая',
              type: 'lecture',
              track: `new-${++slot}`,
              startsAt: '2025-11-19T15:00',
              endsAt: '2025-11-19T16:00',
            }),
        201,
      ],
    });
    const as = (w: typeof small, role: 'host' | 'participant' | 'mentor') => t.as(w.tokens[role]);
    const smallReads = reads(small);
    const largeReads = reads(large);
    for (const name of Object.keys(smallReads) as (keyof typeof smallReads)[]) {
      const [sendSmall, status] = smallReads[name] as [() => Promise<{ status: number }>, number];
      const [sendLarge] = largeReads[name] as [() => Promise<{ status: number }>, number];
      const forSmall = await queriesOf(sendSmall, status);
      const forLarge = await queriesOf(sendLarge, status);
      expect([name, forLarge]).toEqual([name, forSmall]);
      expect(forSmall).toBeGreaterThan(0);
    }
  });
});
