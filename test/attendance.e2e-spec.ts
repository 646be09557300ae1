import { Clock } from '../src/common/time/clock';
import {
  assignMentor,
  createAccount,
  createCohort,
  createMentor,
  createMoscowStage,
  createParticipant,
  createProgram,
  createSession,
  createStage,
  enroll,
  publishAgenda,
} from './support/factories';
import { TestApp, countRows, createTestApp } from './support/test-app';

/**
 * Attendance: staff marks, self check-in with codes inside the program's window, what is kept,
 * and who may do what. Time is set through the injected clock, never waited for.
 */
describe('attendance', () => {
  let t: TestApp;
  let clock: jest.SpyInstance<Date, []>;
  const at = (instant: string) => clock.mockReturnValue(new Date(instant));

  beforeAll(async () => {
    t = await createTestApp();
    clock = jest.spyOn(t.app.get(Clock), 'now');
  });
  afterAll(async () => {
    await t.close();
  });

  /**
   * A cohort with a Tyumen stage (UTC+5) whose session runs 10:00-11:30 local on 18 November
   * 2025 (05:00-06:30 UTC), three participants with accounts, the stage's host, a host of
   * another stage, a mentor who leads the session and one who only guides a participant.
   */
  async function world(programOverrides: Record<string, unknown> = {}) {
    at('2025-11-01T00:00:00Z');
    const program = await createProgram(t, programOverrides);
    const cohort = await createCohort(t, {}, program.id);
    const stage = await createStage(t, {}, cohort.id);
    const otherStage = await createMoscowStage(t, {}, cohort.id);
    const leader = await createMentor(t);
    const guide = await createMentor(t);
    const session = await createSession(t, { mentorIds: [leader.id] }, stage.id);
    await publishAgenda(t, stage.id);
    const participants = [];
    for (let i = 0; i < 3; i++) {
      const participant = await createParticipant(t, { fullName: `Участник ${i} ${stage.id}` });
      await enroll(t, cohort.id, participant.id);
      const { token } = await createAccount(t, 'participant', { participantId: participant.id });
      participants.push({ id: participant.id as number, token });
    }
    await assignMentor(t, guide.id, cohort.id, participants[0].id);
    return {
      program,
      cohort,
      stage,
      session,
      participants,
      host: (await createAccount(t, 'host', { stageIds: [stage.id] })).token,
      otherHost: (await createAccount(t, 'host', { stageIds: [otherStage.id] })).token,
      leader: (await createAccount(t, 'mentor', { mentorId: leader.id })).token,
      guide: (await createAccount(t, 'mentor', { mentorId: guide.id })).token,
    };
  }

  const codeOf = async (sessionId: number) => {
    const response = await t.http().get(`/api/sessions/${sessionId}/check-in-code`);
    expect(response.status).toBe(200);
    return response.body.code as string;
  };

  describe('staff marking', () => {
    it('is open to organizers, hosts of the stage and mentors who lead the session', async () => {
      const w = await world();
      const [p0, p1, p2] = w.participants;
      const mark = (participantId: number, status: string) => ({
        marks: [{ participantId, status }],
      });
      const organizer = await t
        .http()
        .put(`/api/sessions/${w.session.id}/attendance`)
        .send(mark(p0.id, 'present'));
      expect(organizer.status).toBe(200);
      expect(organizer.body).toMatchObject({
        changed: 1,
        items: [{ participantId: p0.id, status: 'present', method: 'staff', note: null }],
      });
      const host = await t
        .as(w.host)
        .put(`/api/sessions/${w.session.id}/attendance`)
        .send(mark(p1.id, 'late'));
      expect(host.status).toBe(200);
      const leader = await t
        .as(w.leader)
        .put(`/api/sessions/${w.session.id}/attendance`)
        .send(mark(p2.id, 'excused'));
      expect(leader.status).toBe(200);

      const roster = await t.http().get(`/api/sessions/${w.session.id}/attendance`);
      expect(roster.status).toBe(200);
      expect(roster.body.total).toBe(3);
      expect(
        Object.fromEntries(
          roster.body.items.map(
            (entry: { participant: { id: number }; attendance: { status: string } }) => [
              entry.participant.id,
              entry.attendance.status,
            ],
          ),
        ),
      ).toEqual({ [p0.id]: 'present', [p1.id]: 'late', [p2.id]: 'excused' });
    });

    it('is refused to a host of another stage, a mentor not leading, participants and anonymous callers', async () => {
      const w = await world();
      const body = { marks: [{ participantId: w.participants[1].id, status: 'absent' }] };
      const path = `/api/sessions/${w.session.id}/attendance`;
      expect((await t.as(w.otherHost).put(path).send(body)).status).toBe(404);
      expect((await t.as(w.guide).put(path).send(body)).status).toBe(403);
      expect((await t.as(w.participants[0].token).put(path).send(body)).status).toBe(403);
      expect((await t.anonymous().put(path).send(body)).status).toBe(401);
      expect((await t.as(w.guide).get(`/api/sessions/${w.session.id}/check-in-code`)).status).toBe(
        403,
      );
      expect(
        (await t.as(w.participants[0].token).get(`/api/sessions/${w.session.id}/check-in-code`))
          .status,
      ).toBe(403);
      const records = await t.dataSource.query(
        `SELECT COUNT(*) AS count FROM "attendance" WHERE "sessionId" = ${w.session.id}`,
      );
      expect(Number(records[0].count)).toBe(0);
    });

    it('shows a mentor who does not lead the session its mentees, a participant itself', async () => {
      const w = await world();
      const [p0, p1] = w.participants;
      await t
        .http()
        .put(`/api/sessions/${w.session.id}/attendance`)
        .send({
          marks: [
            { participantId: p0.id, status: 'present' },
            { participantId: p1.id, status: 'absent' },
          ],
        })
        .expect(200);
      const guide = await t.as(w.guide).get(`/api/sessions/${w.session.id}/attendance`);
      expect(
        guide.body.items.map((entry: { participant: { id: number } }) => entry.participant.id),
      ).toEqual([p0.id]);
      const own = await t.as(p1.token).get(`/api/sessions/${w.session.id}/attendance`);
      expect(own.body).toMatchObject({
        total: 1,
        items: [{ participant: { id: p1.id }, attendance: { status: 'absent' } }],
      });
      expect((await t.as(w.otherHost).get(`/api/sessions/${w.session.id}/attendance`)).status).toBe(
        404,
      );
    });

    it('is an idempotent upsert whose every change stays in the audit log', async () => {
      const w = await world();
      const p0 = w.participants[0];
      const path = `/api/sessions/${w.session.id}/attendance`;
      const first = await t
        .http()
        .put(path)
        .send({ marks: [{ participantId: p0.id, status: 'absent' }] });
      const again = await t
        .http()
        .put(path)
        .send({ marks: [{ participantId: p0.id, status: 'absent' }] });
      expect(again.status).toBe(200);
      expect(again.body.changed).toBe(0);
      expect(again.body.items[0]).toEqual(first.body.items[0]);
      at('2025-11-18T06:00:00Z');
      const changed = await t
        .as(w.host)
        .put(path)
        .send({
          marks: [{ participantId: p0.id, status: 'excused', note: 'Справка из больницы' }],
        });
      expect(changed.body).toMatchObject({
        changed: 1,
        items: [{ id: first.body.items[0].id, status: 'excused', note: 'Справка из больницы' }],
      });
      expect(changed.body.items[0].markedAt).toBe('2025-11-18T06:00:00.000Z');

      const audit = await t
        .http()
        .get(`/api/audit?entity=attendance&entityId=${first.body.items[0].id}`);
      expect(audit.status).toBe(200);
      const entries = audit.body.items as {
        action: string;
        changes: Record<string, { from?: unknown; to?: unknown }>;
      }[];
      expect(entries).toHaveLength(2);
      const update = entries.find((entry) => entry.action === 'update')!;
      expect(update.changes.status).toEqual({ from: 'absent', to: 'excused' });
      expect(update.changes.note).toEqual({ from: null, to: 'Справка из больницы' });
      const create = entries.find((entry) => entry.action === 'create')!;
      expect(create.changes.status).toEqual({ to: 'absent' });
      expect(await countRows(t.dataSource, 'attendance')).toBeGreaterThan(0);
    });

    it('warns of a participant never marked, once its rate falls below the rule', async () => {
      const w = await world({ attendanceWarningAfterSessions: 1 });
      const [p0, p1] = w.participants;
      at('2025-11-18T07:00:00Z');
      await t
        .http()
        .put(`/api/sessions/${w.session.id}/attendance`)
        .send({ marks: [{ participantId: p0.id, status: 'present', note: '' }] })
        .expect(200)
        .expect((response) => expect(response.body.items[0].note).toBeNull());
      const report = (await t.http().get(`/api/cohorts/${w.cohort.id}/attendance-report`)).body;
      const cellOf = (participantId: number) =>
        report.participants.items
          .find((item: { participant: { id: number } }) => item.participant.id === participantId)
          .stages.find((stage: { stageId: number }) => stage.stageId === w.stage.id);
      expect(cellOf(p0.id)).toMatchObject({ present: 1, warning: null });
      expect(cellOf(p1.id)).toMatchObject({
        unmarked: 1,
        ratePercent: 0,
        warning: { attended: 0, counted: 1, raisedAt: '2025-11-18T07:00:00.000Z' },
      });
    });

    it('refuses bad marks, naming each, and writes nothing', async () => {
      const w = await world();
      const stranger = await createParticipant(t);
      const before = await countRows(t.dataSource, 'attendance');
      const path = `/api/sessions/${w.session.id}/attendance`;
      const shape = await t
        .http()
        .put(path)
        .send({
          marks: [
            { participantId: w.participants[0].id, status: 'here' },
            { participantId: 'x', status: 'present', mood: 'good' },
            { participantId: w.participants[1].id, status: 'present', note: 'x'.repeat(1001) },
          ],
        });
      expect(shape.status).toBe(400);
      expect(shape.body.message).toEqual(
        expect.arrayContaining([
          expect.stringContaining('marks.0.status'),
          expect.stringContaining('marks.1.participantId'),
          expect.stringContaining('marks.1.property mood'),
          expect.stringContaining('marks.2.note'),
        ]),
      );
      const people = await t
        .http()
        .put(path)
        .send({
          marks: [
            { participantId: w.participants[0].id, status: 'present' },
            { participantId: stranger.id, status: 'present' },
            { participantId: w.participants[0].id, status: 'late' },
          ],
        });
      expect(people.status).toBe(400);
      expect(people.body.message).toEqual([
        `marks.2.participantId: participant ${w.participants[0].id} is marked twice`,
      ]);
      const strangers = await t
        .http()
        .put(path)
        .send({
          marks: [
            { participantId: w.participants[0].id, status: 'present' },
            { participantId: stranger.id, status: 'present' },
            { participantId: 999999, status: 'absent' },
          ],
        });
      expect(strangers.status).toBe(400);
      expect(strangers.body.message).toEqual([
        `marks.1.participantId: participant ${stranger.id} is not enrolled in cohort ${w.cohort.id}`,
        `marks.2.participantId: participant 999999 is not enrolled in cohort ${w.cohort.id}`,
      ]);
      for (const body of [
        {},
        { marks: [] },
        { marks: 'all present' },
        { marks: [null] },
        { marks: [[]] },
      ]) {
        const response = await t.http().put(path).send(body);
        expect(response.status).toBe(400);
      }
      expect(await countRows(t.dataSource, 'attendance')).toBe(before);
    });

    it('refuses a participant who withdrew before the session, and keeps the records of one who withdrew after', async () => {
      const w = await world();
      const [p0, p1] = w.participants;
      const path = `/api/sessions/${w.session.id}/attendance`;
      at('2025-11-18T06:00:00Z');
      await t
        .http()
        .put(path)
        .send({ marks: [{ participantId: p0.id, status: 'present' }] })
        .expect(200);
      await t.http().delete(`/api/cohorts/${w.cohort.id}/enrollments/${p0.id}`).expect(200);
      at('2025-11-10T00:00:00Z');
      await t.http().delete(`/api/cohorts/${w.cohort.id}/enrollments/${p1.id}`).expect(200);

      const refused = await t
        .http()
        .put(path)
        .send({ marks: [{ participantId: p1.id, status: 'absent' }] });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toEqual([
        `marks.0.participantId: participant ${p1.id} withdrew from cohort ${w.cohort.id} before the session`,
      ]);
      const kept = await t.http().get(`/api/participants/${p0.id}/attendance`);
      expect(kept.body).toMatchObject({
        total: 1,
        items: [
          {
            sessionId: w.session.id,
            status: 'present',
            sessionStartsAtLocal: '2025-11-18T10:00:00',
            city: 'Тюмень',
          },
        ],
      });
      const roster = await t.http().get(path);
      expect(
        roster.body.items.map((entry: { participant: { id: number } }) => entry.participant.id),
      ).not.toContain(p1.id);
      expect(roster.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            participant: expect.objectContaining({ id: p0.id }),
            enrollmentStatus: 'withdrawn',
          }),
        ]),
      );
    });
  });

  describe('self check-in', () => {
    it('opens 30 minutes before the start, is present up to 10 minutes after it, late after, and closes at the end', async () => {
      const w = await world();
      const [p0, p1, p2] = w.participants;
      const code = await codeOf(w.session.id);
      const checkIn = (token: string) =>
        t.as(token).post(`/api/sessions/${w.session.id}/check-in`).send({ code });

      at('2025-11-18T04:29:59Z'); // 09:29:59 in Tyumen
      const early = await checkIn(p0.token);
      expect(early.status).toBe(409);
      expect(early.body.message).toBe(
        'Check-in has not opened yet: it opens at 2025-11-18 09:30 Тюмень time (Asia/Yekaterinburg)',
      );
      at('2025-11-18T05:10:00Z'); // 10:10, the last present minute
      const present = await checkIn(p0.token);
      expect(present.status).toBe(201);
      expect(present.body).toMatchObject({
        status: 'present',
        method: 'self',
        participantId: p0.id,
      });
      const again = await checkIn(p0.token);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(present.body);

      at('2025-11-18T05:10:01Z');
      const late = await checkIn(p1.token);
      expect(late.status).toBe(201);
      expect(late.body.status).toBe('late');

      at('2025-11-18T06:30:01Z'); // 11:30:01, after the end
      const closed = await checkIn(p2.token);
      expect(closed.status).toBe(409);
      expect(closed.body.message).toBe(
        'Check-in has closed: it closed at 2025-11-18 11:30 Тюмень time (Asia/Yekaterinburg)',
      );
    });

    it('follows the program’s window and lateness settings', async () => {
      const w = await world({
        checkInOpensMinutesBefore: 60,
        lateAfterMinutes: 0,
        checkInClosesMinutesAfterEnd: 15,
      });
      const code = await codeOf(w.session.id);
      const checkIn = (token: string) =>
        t.as(token).post(`/api/sessions/${w.session.id}/check-in`).send({ code });
      at('2025-11-18T04:00:00Z'); // 09:00, an hour early
      expect((await checkIn(w.participants[0].token)).body.status).toBe('present');
      at('2025-11-18T05:00:01Z');
      expect((await checkIn(w.participants[1].token)).body.status).toBe('late');
      at('2025-11-18T06:45:00Z');
      expect((await checkIn(w.participants[2].token)).status).toBe(201);
    });

    it('answers 400 to a wrong code and 429 after repeated wrong codes, even to the right one', async () => {
      const w = await world();
      const code = await codeOf(w.session.id);
      const [p0, p1] = w.participants;
      at('2025-11-18T05:00:00Z');
      const path = `/api/sessions/${w.session.id}/check-in`;
      for (let i = 0; i < 5; i++) {
        const wrong = await t.as(p0.token).post(path).send({ code: 'WRONG1' });
        expect(wrong.status).toBe(400);
        expect(wrong.body.message).toEqual(['code is not the code of this session']);
      }
      const throttled = await t.as(p0.token).post(path).send({ code: 'WRONG1' });
      expect(throttled.status).toBe(429);
      expect(throttled.headers['retry-after']).toBe('600');
      const waiting = await t.as(p0.token).post(path).send({ code });
      expect(waiting.status).toBe(429);
      expect(waiting.body.message).toBe('Too many wrong check-in codes; try again in 10 minute(s)');
      // Others are not held back, and the code is typed as people type it.
      const typed = `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`;
      expect((await t.as(p1.token).post(path).send({ code: typed })).status).toBe(201);
      at('2025-11-18T05:11:00Z');
      const later = await t.as(p0.token).post(path).send({ code });
      expect(later.status).toBe(201);
      expect(later.body.status).toBe('late');
      for (const body of [{}, { code: '' }, { code: 42 }, { code, extra: true }]) {
        expect((await t.as(w.participants[2].token).post(path).send(body)).status).toBe(400);
      }
    });

    it('gives way to a staff mark made before it, and a staff mark overrides it after', async () => {
      const w = await world();
      const [p0, p1] = w.participants;
      const code = await codeOf(w.session.id);
      const path = `/api/sessions/${w.session.id}/attendance`;
      await t
        .http()
        .put(path)
        .send({ marks: [{ participantId: p0.id, status: 'absent', note: 'Не пришёл' }] })
        .expect(200);
      at('2025-11-18T05:00:00Z');
      const checkIn = await t
        .as(p0.token)
        .post(`/api/sessions/${w.session.id}/check-in`)
        .send({ code });
      expect(checkIn.status).toBe(200);
      expect(checkIn.body).toMatchObject({ status: 'absent', method: 'staff', note: 'Не пришёл' });

      await t
        .as(p1.token)
        .post(`/api/sessions/${w.session.id}/check-in`)
        .send({ code })
        .expect(201);
      const overridden = await t
        .as(w.leader)
        .put(path)
        .send({ marks: [{ participantId: p1.id, status: 'late' }] });
      expect(overridden.body.items[0]).toMatchObject({ status: 'late', method: 'staff' });
    });

    it('takes a rotating code, the previous one during its grace period, and not after a rotation', async () => {
      const w = await world();
      const [p0, p1, p2] = w.participants;
      const codePath = `/api/sessions/${w.session.id}/check-in-code`;
      const path = `/api/sessions/${w.session.id}/check-in`;
      at('2025-11-18T05:00:05Z');
      const rotating = await t.as(w.host).patch(codePath).send({ rotateEverySeconds: 60 });
      expect(rotating.status).toBe(200);
      expect(rotating.body).toMatchObject({
        rotateEverySeconds: 60,
        graceSeconds: 30,
        validUntil: '2025-11-18T05:01:00.000Z',
        timeZone: 'Asia/Yekaterinburg',
        opensAt: { at: '2025-11-18T04:30:00.000Z', local: '2025-11-18T09:30:00' },
        lateAfter: { local: '2025-11-18T10:10:00' },
        closesAt: { local: '2025-11-18T11:30:00' },
      });
      expect(rotating.body.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
      expect(rotating.body.link).toBe(
        `http://localhost:3000/check-in/${w.session.id}?code=${rotating.body.code}`,
      );
      const first = rotating.body.code as string;
      const unchanged = await t.http().patch(codePath).send({});
      expect(unchanged.body).toMatchObject({ rotateEverySeconds: 60, code: first });

      at('2025-11-18T05:01:20Z'); // the next code shows; the first is in its grace period
      const next = (await t.as(w.leader).get(codePath)).body.code as string;
      expect(next).not.toBe(first);
      expect((await t.as(p0.token).post(path).send({ code: first })).status).toBe(201);
      at('2025-11-18T05:01:40Z'); // grace over
      expect((await t.as(p1.token).post(path).send({ code: first })).status).toBe(400);
      expect((await t.as(p1.token).post(path).send({ code: next })).status).toBe(201);

      expect((await t.http().post(`${codePath}/rotate`).send({ x: 1 })).status).toBe(400);
      expect((await t.http().post(`${codePath}/rotate`).send([])).status).toBe(400);
      const rotated = await t.http().post(`${codePath}/rotate`);
      expect(rotated.status).toBe(200);
      expect(rotated.body.code).not.toBe(next);
      expect((await t.as(p2.token).post(path).send({ code: next })).status).toBe(400);
      const fixed = await t.http().patch(codePath).send({ rotateEverySeconds: null });
      expect(fixed.body).toMatchObject({ rotateEverySeconds: null, validUntil: null });
      expect((await t.as(p2.token).post(path).send({ code: fixed.body.code })).status).toBe(201);

      for (const body of [
        { rotateEverySeconds: 5 },
        { rotateEverySeconds: 'often' },
        { other: 1 },
      ]) {
        expect((await t.http().patch(codePath).send(body)).status).toBe(400);
      }
    });

    it('is refused for a cancelled session, to a withdrawn participant, and to everyone but participants', async () => {
      const w = await world();
      const [p0, p1] = w.participants;
      const code = await codeOf(w.session.id);
      const path = `/api/sessions/${w.session.id}/check-in`;
      at('2025-11-18T05:00:00Z');
      await t.http().delete(`/api/cohorts/${w.cohort.id}/enrollments/${p1.id}`).expect(200);
      expect((await t.as(p1.token).post(path).send({ code })).status).toBe(409);
      expect((await t.as(w.leader).post(path).send({ code })).status).toBe(403);
      expect((await t.http().post(path).send({ code })).status).toBe(403);
      expect((await t.anonymous().post(path).send({ code })).status).toBe(401);

      await t
        .http()
        .patch(`/api/sessions/${w.session.id}`)
        .send({ status: 'cancelled' })
        .expect(200);
      await publishAgenda(t, w.stage.id);
      const cancelled = await t.as(p0.token).post(path).send({ code });
      expect(cancelled.status).toBe(409);
      expect(cancelled.body.message).toBe(`Session ${w.session.id} is cancelled`);
      const code409 = await t.http().get(`/api/sessions/${w.session.id}/check-in-code`);
      expect(code409.status).toBe(409);
      expect(
        (
          await t
            .http()
            .put(`/api/sessions/${w.session.id}/attendance`)
            .send({ marks: [{ participantId: p0.id, status: 'absent' }] })
        ).status,
      ).toBe(409);
    });

    it('takes a code typed on a Russian keyboard layout, with look-alike Cyrillic letters', async () => {
      const w = await world();
      const code = await codeOf(w.session.id);
      const latinToCyrillic: Record<string, string> = {
        A: 'А',
        B: 'В',
        E: 'Е',
        K: 'К',
        M: 'М',
        H: 'Н',
        P: 'Р',
        C: 'С',
        T: 'Т',
        Y: 'У',
        X: 'Х',
      };
      const typed = code
        .replace(/[ABEKMHPCTYX]/g, (letter) => latinToCyrillic[letter])
        .toLowerCase();
      at('2025-11-18T05:00:00Z');
      const response = await t
        .as(w.participants[0].token)
        .post(`/api/sessions/${w.session.id}/check-in`)
        .send({ code: `${typed.slice(0, 3)}–${typed.slice(3)}` });
      expect(response.status).toBe(201);
    });

    it('is 404 for a session of an agenda not yet published, to participants and mentors', async () => {
      const w = await world();
      const draft = await createSession(
        t,
        { startsAt: '2025-11-19T10:00', endsAt: '2025-11-19T11:00', mentorIds: [] },
        w.stage.id,
      );
      const code = await codeOf(draft.id);
      at('2025-11-19T05:00:00Z');
      const path = `/api/sessions/${draft.id}`;
      expect(
        (await t.as(w.participants[0].token).post(`${path}/check-in`).send({ code })).status,
      ).toBe(404);
      expect((await t.as(w.participants[0].token).get(`${path}/attendance`)).status).toBe(404);
      expect((await t.as(w.guide).get(`${path}/attendance`)).status).toBe(404);
      expect((await t.as(w.host).get(`${path}/attendance`)).status).toBe(200);
      await publishAgenda(t, w.stage.id);
      expect(
        (await t.as(w.participants[0].token).post(`${path}/check-in`).send({ code })).status,
      ).toBe(201);
    });

    it('is 404 for a session the participant does not see', async () => {
      const w = await world();
      const other = await world();
      at('2025-11-18T05:00:00Z');
      const response = await t
        .as(w.participants[0].token)
        .post(`/api/sessions/${other.session.id}/check-in`)
        .send({ code: await codeOf(other.session.id) });
      expect(response.status).toBe(404);
    });
  });

  describe('what participants were told', () => {
    it('checks in by the published times and status, not the draft’s', async () => {
      const w = await world();
      const [p0, p1] = w.participants;
      const code = await codeOf(w.session.id);
      // Moved to the next day and cancelled in the draft, not published.
      await t
        .http()
        .patch(`/api/sessions/${w.session.id}`)
        .send({ startsAt: '2025-11-19T10:00', endsAt: '2025-11-19T11:30', status: 'cancelled' })
        .expect(200);
      at('2025-11-18T05:00:00Z');
      const path = `/api/sessions/${w.session.id}/check-in`;
      expect((await t.as(p0.token).post(path).send({ code })).status).toBe(201);
      await publishAgenda(t, w.stage.id);
      const cancelled = await t.as(p1.token).post(path).send({ code });
      expect(cancelled.status).toBe(409);
    });

    it('lists a participant’s records of published sessions only, as published', async () => {
      const w = await world();
      const p0 = w.participants[0];
      const draft = await createSession(
        t,
        { startsAt: '2025-11-19T10:00', endsAt: '2025-11-19T11:00', mentorIds: [] },
        w.stage.id,
      );
      for (const sessionId of [w.session.id, draft.id]) {
        await t
          .http()
          .put(`/api/sessions/${sessionId}/attendance`)
          .send({ marks: [{ participantId: p0.id, status: 'present' }] })
          .expect(200);
      }
      await t
        .http()
        .patch(`/api/sessions/${w.session.id}`)
        .send({ startsAt: '2025-11-18T12:00', endsAt: '2025-11-18T13:00' })
        .expect(200);
      const own = await t.as(p0.token).get(`/api/participants/${p0.id}/attendance`);
      expect(own.body).toMatchObject({
        total: 1,
        items: [
          {
            sessionId: w.session.id,
            sessionStartsAtLocal: '2025-11-18T10:00:00',
            sessionStatus: 'scheduled',
          },
        ],
      });
      const staff = await t.http().get(`/api/participants/${p0.id}/attendance`);
      expect(staff.body.total).toBe(2);
      expect(staff.body.items[1]).toMatchObject({
        sessionId: w.session.id,
        sessionStartsAtLocal: '2025-11-18T12:00:00',
      });
    });

    it('counts no session before a participant enrolled, and warns nobody for sessions nobody marked', async () => {
      const w = await world({ attendanceWarningAfterSessions: 1 });
      const [p0] = w.participants;
      const later = await createSession(
        t,
        { startsAt: '2025-11-19T10:00', endsAt: '2025-11-19T11:00', mentorIds: [] },
        w.stage.id,
      );
      await publishAgenda(t, w.stage.id);
      // A newcomer joins after the first session.
      at('2025-11-18T12:00:00Z');
      const newcomer = await createParticipant(t);
      await enroll(t, w.cohort.id, newcomer.id);
      // p0 checks in to the second session; nobody marked the first: no warning for it.
      at('2025-11-19T05:00:00Z');
      await t
        .as(p0.token)
        .post(`/api/sessions/${later.id}/check-in`)
        .send({ code: await codeOf(later.id) })
        .expect(201);
      at('2025-11-20T00:00:00Z');
      const report = (await t.http().get(`/api/cohorts/${w.cohort.id}/attendance-report`)).body;
      const cellOf = (participantId: number) =>
        report.participants.items
          .find((item: { participant: { id: number } }) => item.participant.id === participantId)
          .stages.find((stage: { stageId: number }) => stage.stageId === w.stage.id);
      expect(cellOf(newcomer.id)).toMatchObject({ held: 1, unmarked: 1 });
      expect(cellOf(p0.id)).toMatchObject({ held: 2, present: 1, unmarked: 1, warning: null });
    });
  });

  describe('keeping the evidence', () => {
    it('refuses to delete a session or stage with attendance, and lets it be cancelled', async () => {
      const w = await world();
      await t
        .http()
        .put(`/api/sessions/${w.session.id}/attendance`)
        .send({ marks: [{ participantId: w.participants[0].id, status: 'present' }] })
        .expect(200);
      const session = await t.http().delete(`/api/sessions/${w.session.id}`);
      expect(session.status).toBe(409);
      expect(session.body.message).toBe(
        `Session ${w.session.id} has attendance records and cannot be deleted; cancel it instead`,
      );
      const stage = await t.http().delete(`/api/stages/${w.stage.id}`);
      expect(stage.status).toBe(409);
      expect(stage.body.message).toBe(
        `Stage ${w.stage.id} has attendance records and cannot be deleted; cancel its sessions instead`,
      );
      const participant = await t.http().delete(`/api/participants/${w.participants[0].id}`);
      expect(participant.status).toBe(409);
      await t
        .http()
        .patch(`/api/sessions/${w.session.id}`)
        .send({ status: 'cancelled' })
        .expect(200);
      expect(await countRows(t.dataSource, 'attendance')).toBeGreaterThan(0);
      const roster = await t.http().get(`/api/sessions/${w.session.id}/attendance`);
      expect(roster.body.items[0].attendance).toMatchObject({ status: 'present' });

      // Without attendance a session is still deleted, its check-in code with it.
      const bare = await createSession(
        t,
        { startsAt: '2025-11-19T10:00', endsAt: '2025-11-19T11:00' },
        w.stage.id,
      );
      await codeOf(bare.id);
      await t.http().delete(`/api/sessions/${bare.id}`).expect(204);
    });
  });
});
