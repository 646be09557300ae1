import { Response } from 'supertest';
import { Clock } from '../src/common/time/clock';
import {
  createAccount,
  createCohort,
  createParticipant,
  createSession,
  createStage,
  enroll,
  publishAgenda,
} from './support/factories';
import { TestApp, createTestApp } from './support/test-app';

/**
 * A cohort checking in at the door all at once, staff marking while people check in, wrong
 * codes in a burst: one record per participant, the staff mark last, exact throttling, nothing
 * lost through a restart, and no database error reaching anyone.
 */
describe('attendance under concurrency', () => {
  let t: TestApp;
  const COHORT_SIZE = 50;
  let cohortId: number;
  let stageId: number;
  let people: { id: number; token: string }[];

  const setClock = (app: TestApp, instant: string) =>
    jest.spyOn(app.app.get(Clock), 'now').mockReturnValue(new Date(instant));

  beforeAll(async () => {
    t = await createTestApp();
    setClock(t, '2025-11-01T00:00:00Z');
    const cohort = await createCohort(t);
    cohortId = cohort.id;
    stageId = (await createStage(t, {}, cohortId)).id;
    // Accounts in parallel batches: each one hashes a password.
    people = [];
    for (let batch = 0; batch < COHORT_SIZE / 10; batch++) {
      people.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, async () => {
            const participant = await createParticipant(t);
            await enroll(t, cohortId, participant.id);
            const { token } = await createAccount(t, 'participant', {
              participantId: participant.id,
            });
            return { id: participant.id as number, token };
          }),
        )),
      );
    }
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  function expectNoServerError(responses: Response[]): void {
    const failed = responses.filter((response) => response.status >= 500);
    expect(failed.map((response) => [response.status, response.body])).toEqual([]);
  }

  function statuses(responses: Response[]): Record<number, number> {
    const counts: Record<number, number> = {};
    for (const response of responses) {
      counts[response.status] = (counts[response.status] ?? 0) + 1;
    }
    return counts;
  }

  async function newSession(startsAt: string, endsAt: string) {
    setClock(t, '2025-11-01T00:00:00Z');
    const session = await createSession(t, { startsAt, endsAt, track: startsAt }, stageId);
    await publishAgenda(t, stageId);
    const code = (await t.http().get(`/api/sessions/${session.id}/check-in-code`).expect(200)).body
      .code as string;
    return { id: session.id as number, code };
  }

  async function recordsOf(sessionId: number) {
    const roster = await t
      .http()
      .get(`/api/sessions/${sessionId}/attendance?limit=200`)
      .expect(200);
    return (
      roster.body.items as {
        participant: { id: number };
        attendance: { id: number; status: string; method: string } | null;
      }[]
    ).filter((entry) => entry.attendance !== null);
  }

  it('keeps one record per participant when the whole cohort checks in at once, through a restart', async () => {
    const session = await newSession('2025-11-18T10:00', '2025-11-18T11:30');
    setClock(t, '2025-11-18T05:05:00Z');
    const checkIn = (token: string) =>
      t.as(token).post(`/api/sessions/${session.id}/check-in`).send({ code: session.code });
    const repeats = Array.from({ length: 10 }, () => checkIn(people[0].token));
    const responses = await Promise.all([
      ...people.map((person) => checkIn(person.token)),
      ...repeats,
    ]);

    expectNoServerError(responses);
    expect(statuses(responses)).toEqual({ 201: COHORT_SIZE, 200: 10 });
    const ofFirst = responses.filter((response) => response.body.participantId === people[0].id);
    expect(new Set(ofFirst.map((response) => response.body.id)).size).toBe(1);
    const acknowledged = new Map(
      responses.map((response) => [
        response.body.participantId as number,
        response.body.id as number,
      ]),
    );

    t = await t.reopen();
    setClock(t, '2025-11-18T05:05:00Z');
    const records = await recordsOf(session.id);
    expect(records).toHaveLength(COHORT_SIZE);
    for (const entry of records) {
      expect(entry.attendance).toMatchObject({
        id: acknowledged.get(entry.participant.id),
        status: 'present',
        method: 'self',
      });
    }
    const audit = await t
      .http()
      .get(`/api/audit?entity=attendance&action=create&limit=1`)
      .expect(200);
    expect(audit.body.total).toBe(COHORT_SIZE);
  });

  it('ends with the staff mark when staff mark everyone while they check in', async () => {
    const session = await newSession('2025-11-19T10:00', '2025-11-19T11:30');
    setClock(t, '2025-11-19T05:00:00Z');
    const group = people.slice(0, 20);
    const checkIns = group.map((person) =>
      t.as(person.token).post(`/api/sessions/${session.id}/check-in`).send({ code: session.code }),
    );
    const marks = {
      marks: group.map((person) => ({ participantId: person.id, status: 'excused' })),
    };
    const staff = [
      t.http().put(`/api/sessions/${session.id}/attendance`).send(marks),
      t.http().put(`/api/sessions/${session.id}/attendance`).send(marks),
    ];
    const responses = await Promise.all([
      ...checkIns.slice(0, 10),
      ...staff,
      ...checkIns.slice(10),
    ]);

    expectNoServerError(responses);
    const [first, second] = responses.slice(10, 12);
    expect([first.status, second.status]).toEqual([200, 200]);
    // Whichever staff request ran second found everything already so.
    expect([first.body.changed, second.body.changed]).toContain(0);
    for (const response of [...responses.slice(0, 10), ...responses.slice(12)]) {
      expect([200, 201]).toContain(response.status);
      if (response.status === 200) {
        expect(response.body).toMatchObject({ status: 'excused', method: 'staff' });
      }
    }
    const records = await recordsOf(session.id);
    expect(records).toHaveLength(20);
    for (const entry of records) {
      expect(entry.attendance).toMatchObject({ status: 'excused', method: 'staff' });
    }
  });

  it('issues one code to staff asking at once, and keeps the last acknowledged rotation through a restart', async () => {
    setClock(t, '2025-11-01T00:00:00Z');
    const session = await createSession(
      t,
      { startsAt: '2025-11-20T14:00', endsAt: '2025-11-20T15:00', track: 'codes' },
      stageId,
    );
    const path = `/api/sessions/${session.id}/check-in-code`;
    const first = await Promise.all(Array.from({ length: 10 }, () => t.http().get(path)));
    expectNoServerError(first);
    expect(new Set(first.map((response) => response.body.code)).size).toBe(1);

    const changes = await Promise.all([
      ...Array.from({ length: 8 }, () => t.http().post(`${path}/rotate`)),
      t.http().patch(path).send({ rotateEverySeconds: 60 }),
    ]);
    expectNoServerError(changes);
    expect(changes.every((response) => response.status === 200)).toBe(true);
    const shown = (await t.http().get(path).expect(200)).body;
    expect(shown.rotateEverySeconds).toBe(60);
    const rotatedCodes = changes.slice(0, 8).map((response) => response.body.code);
    expect(new Set(rotatedCodes).size).toBe(8);
    const audit = await t
      .http()
      .get(`/api/audit?entity=check_in_codes&entityId=${session.id}&limit=1`)
      .expect(200);
    expect(audit.body.total).toBe(9);

    t = await t.reopen();
    setClock(t, '2025-11-01T00:00:00Z');
    expect((await t.http().get(path).expect(200)).body).toMatchObject({
      code: shown.code,
      rotateEverySeconds: 60,
    });
  });

  it('counts every wrong code of a burst exactly once', async () => {
    const session = await newSession('2025-11-20T10:00', '2025-11-20T11:30');
    setClock(t, '2025-11-20T05:00:00Z');
    const guesser = people[COHORT_SIZE - 1];
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t
          .as(guesser.token)
          .post(`/api/sessions/${session.id}/check-in`)
          .send({ code: `WRONG${i}` }),
      ),
    );
    expectNoServerError(responses);
    expect(statuses(responses)).toEqual({ 400: 5, 429: 7 });
    expect(await recordsOf(session.id)).toHaveLength(0);
  });
});
