import { parse } from 'csv-parse/sync';
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
import { TestApp, createTestApp } from './support/test-app';

/**
 * The attendance report of a cohort with known numbers, checked cell by cell: a Moscow stage
 * (UTC+3) with two mandatory sessions, a Tyumen stage (UTC+5) with five mandatory sessions, an
 * optional one and a cancelled one; three participants, one of whom withdrew during the Tyumen
 * stage. The program requires 80% and leaves excused absences out of the share.
 */
describe('attendance report', () => {
  let t: TestApp;
  let clock: jest.SpyInstance<Date, []>;
  const at = (instant: string) => clock.mockReturnValue(new Date(instant));
  let w: Awaited<ReturnType<typeof world>>;

  beforeAll(async () => {
    t = await createTestApp();
    clock = jest.spyOn(t.app.get(Clock), 'now');
    w = await world();
  });
  afterAll(async () => {
    await t.close();
  });

  async function world() {
    at('2025-10-01T00:00:00Z');
    const program = await createProgram(t, { attendanceWarningAfterSessions: 2 });
    const cohort = await createCohort(t, {}, program.id);
    const moscow = await createMoscowStage(t, {}, cohort.id);
    const tyumen = await createStage(t, {}, cohort.id);
    const session = (stageId: number, startsAt: string, endsAt: string, extra = {}) =>
      createSession(t, { startsAt, endsAt, ...extra }, stageId);
    const m1 = await session(moscow.id, '2025-10-07T10:00', '2025-10-07T11:00');
    const m2 = await session(moscow.id, '2025-10-07T12:00', '2025-10-07T13:00');
    const t1 = await session(tyumen.id, '2025-11-17T10:00', '2025-11-17T11:00');
    const t2 = await session(tyumen.id, '2025-11-17T12:00', '2025-11-17T13:00');
    const t3 = await session(tyumen.id, '2025-11-17T14:00', '2025-11-17T15:00');
    const t4 = await session(tyumen.id, '2025-11-18T10:00', '2025-11-18T11:00');
    const t5 = await session(tyumen.id, '2025-11-18T12:00', '2025-11-18T13:00');
    const t6 = await session(tyumen.id, '2025-11-18T14:00', '2025-11-18T15:00', {
      isMandatory: false,
    });
    const t7 = await session(tyumen.id, '2025-11-19T10:00', '2025-11-19T11:00', {
      status: 'cancelled',
    });
    await publishAgenda(t, moscow.id);
    await publishAgenda(t, tyumen.id);
    const a = await createParticipant(t, { fullName: 'Алексеева Анна Петровна' });
    const b = await createParticipant(t, { fullName: 'Борисов Борис Олегович' });
    const c = await createParticipant(t, { fullName: 'Васильев Василий Ильич' });
    for (const participant of [a, b, c]) {
      await enroll(t, cohort.id, participant.id);
    }
    const mentor = await createMentor(t);
    await assignMentor(t, mentor.id, cohort.id, a.id);

    // C withdraws at 11:30 in Tyumen on the first day: after t1 began, before t2.
    at('2025-11-17T06:30:00Z');
    await t.http().delete(`/api/cohorts/${cohort.id}/enrollments/${c.id}`).expect(200);

    at('2025-11-21T00:00:00Z');
    const marks: [{ id: number }, [{ id: number }, string][]][] = [
      [
        m1,
        [
          [a, 'present'],
          [b, 'present'],
          [c, 'present'],
        ],
      ],
      [
        m2,
        [
          [a, 'excused'],
          [b, 'present'],
          [c, 'absent'],
        ],
      ],
      [
        t1,
        [
          [a, 'present'],
          [b, 'present'],
          [c, 'present'],
        ],
      ],
      [
        t2,
        [
          [a, 'present'],
          [b, 'present'],
        ],
      ],
      [
        t3,
        [
          [a, 'present'],
          [b, 'present'],
        ],
      ],
      [
        t4,
        [
          [a, 'present'],
          [b, 'absent'],
        ],
      ],
      [t5, [[a, 'late']]],
      [t6, [[a, 'present']]],
    ];
    for (const [session, people] of marks) {
      await t
        .http()
        .put(`/api/sessions/${session.id}/attendance`)
        .send({
          marks: people.map(([participant, status]) => ({ participantId: participant.id, status })),
        })
        .expect(200);
    }
    return {
      program,
      cohort,
      moscow,
      tyumen,
      sessions: { m1, m2, t1, t2, t3, t4, t5, t6, t7 },
      a,
      b,
      c,
      tokens: {
        b: (await createAccount(t, 'participant', { participantId: b.id })).token,
        mentor: (await createAccount(t, 'mentor', { mentorId: mentor.id })).token,
        tyumenHost: (await createAccount(t, 'host', { stageIds: [tyumen.id] })).token,
      },
    };
  }

  const totals = (
    held: number,
    [present, late, excused, absent, unmarked]: number[],
    attended: number,
    counted: number,
    ratePercent: number | null,
    completed: boolean,
  ) => ({
    held,
    present,
    late,
    excused,
    absent,
    unmarked,
    attended,
    counted,
    ratePercent,
    completed,
  });

  it('counts every participant and stage, and judges completion by the program’s rule', async () => {
    at('2025-11-21T00:00:00Z');
    const response = await t.http().get(`/api/cohorts/${w.cohort.id}/attendance-report`);
    expect(response.status).toBe(200);
    const report = response.body;
    expect(report).toMatchObject({
      cohortId: w.cohort.id,
      programId: w.program.id,
      rule: {
        requiredAttendancePercent: 80,
        excusedAbsences: 'excluded',
        attendanceWarningAfterSessions: 2,
      },
      asOf: '2025-11-21T00:00:00.000Z',
    });
    expect(report.stages).toEqual([
      expect.objectContaining({
        id: w.moscow.id,
        city: 'Сколково',
        mandatorySessions: 2,
        endedSessions: 2,
      }),
      expect.objectContaining({
        id: w.tyumen.id,
        city: 'Тюмень',
        mandatorySessions: 5,
        endedSessions: 5,
      }),
    ]);
    expect(report.participants).toMatchObject({ total: 3, limit: 50, offset: 0 });
    const [a, b, c] = report.participants.items;

    expect(a.participant).toMatchObject({ id: w.a.id, fullName: 'Алексеева Анна Петровна' });
    expect(a.enrollmentStatus).toBe('active');
    expect(a.stages[0]).toEqual({
      stageId: w.moscow.id,
      ...totals(2, [1, 0, 1, 0, 0], 1, 1, 100, true),
      warning: null,
    });
    expect(a.stages[1]).toEqual({
      stageId: w.tyumen.id,
      ...totals(5, [4, 1, 0, 0, 0], 5, 5, 100, true),
      warning: null,
    });
    expect(a.program).toEqual(totals(7, [5, 1, 1, 0, 0], 6, 6, 100, true));

    expect(b.participant.id).toBe(w.b.id);
    expect(b.stages[0]).toEqual({
      stageId: w.moscow.id,
      ...totals(2, [2, 0, 0, 0, 0], 2, 2, 100, true),
      warning: null,
    });
    // Marked session by session: after t4 B had 3 of 4, below 80%, and was warned once.
    expect(b.stages[1]).toEqual({
      stageId: w.tyumen.id,
      ...totals(5, [3, 0, 0, 1, 1], 3, 5, 60, false),
      warning: { attended: 3, counted: 4, raisedAt: '2025-11-21T00:00:00.000Z', notifiedAt: null },
    });
    expect(b.program).toEqual(totals(7, [5, 0, 0, 1, 1], 5, 7, 71.4, false));

    // C withdrew after t1 began: t1 counts, the rest of Tyumen does not; it completes nothing.
    expect(c.participant.id).toBe(w.c.id);
    expect(c.enrollmentStatus).toBe('withdrawn');
    expect(c.stages[0]).toEqual({
      stageId: w.moscow.id,
      ...totals(2, [1, 0, 0, 1, 0], 1, 2, 50, false),
      warning: null,
    });
    expect(c.stages[1]).toEqual({
      stageId: w.tyumen.id,
      ...totals(1, [1, 0, 0, 0, 0], 1, 1, 100, false),
      warning: null,
    });
    expect(c.program).toEqual(totals(3, [2, 0, 0, 1, 0], 2, 3, 66.7, false));
  });

  it('completes a stage only once its mandatory sessions have ended', async () => {
    at('2025-11-18T07:30:00Z'); // 12:30 in Tyumen on the second day: t5 under way
    const report = (await t.http().get(`/api/cohorts/${w.cohort.id}/attendance-report`)).body;
    expect(report.stages[1]).toMatchObject({ mandatorySessions: 5, endedSessions: 4 });
    const a = report.participants.items[0];
    expect(a.stages[1]).toMatchObject(totals(5, [4, 1, 0, 0, 0], 5, 5, 100, false));
    expect(a.program.completed).toBe(false);
  });

  it('counts excused absences as the program says', async () => {
    at('2025-11-21T00:00:00Z');
    const moscowOfA = async () =>
      (await t.http().get(`/api/cohorts/${w.cohort.id}/attendance-report`)).body.participants
        .items[0];
    try {
      await t
        .http()
        .patch(`/api/programs/${w.program.id}`)
        .send({ excusedAbsences: 'attended' })
        .expect(200);
      let a = await moscowOfA();
      expect(a.stages[0]).toMatchObject({
        attended: 2,
        counted: 2,
        ratePercent: 100,
        completed: true,
      });
      await t
        .http()
        .patch(`/api/programs/${w.program.id}`)
        .send({ excusedAbsences: 'missed' })
        .expect(200);
      a = await moscowOfA();
      expect(a.stages[0]).toMatchObject({
        attended: 1,
        counted: 2,
        ratePercent: 50,
        completed: false,
      });
      expect(a.program).toMatchObject({
        attended: 6,
        counted: 7,
        ratePercent: 85.7,
        completed: false,
      });
    } finally {
      await t
        .http()
        .patch(`/api/programs/${w.program.id}`)
        .send({ excusedAbsences: 'excluded' })
        .expect(200);
    }
    const refused = await t
      .http()
      .patch(`/api/programs/${w.program.id}`)
      .send({ excusedAbsences: 'sometimes' });
    expect(refused.status).toBe(400);
  });

  it('sums up each session', async () => {
    at('2025-11-21T00:00:00Z');
    const response = await t.http().get(`/api/cohorts/${w.cohort.id}/attendance-report/sessions`);
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(9);
    const rows = response.body.items.map((row: Record<string, unknown>) => [
      row.sessionId,
      row.expected,
      row.present,
      row.late,
      row.excused,
      row.absent,
      row.unmarked,
    ]);
    const s = w.sessions;
    expect(rows).toEqual([
      [s.m1.id, 3, 3, 0, 0, 0, 0],
      [s.m2.id, 3, 1, 0, 1, 1, 0],
      [s.t1.id, 3, 3, 0, 0, 0, 0],
      [s.t2.id, 2, 2, 0, 0, 0, 0],
      [s.t3.id, 2, 2, 0, 0, 0, 0],
      [s.t4.id, 2, 1, 0, 0, 1, 0],
      [s.t5.id, 2, 0, 1, 0, 0, 1],
      [s.t6.id, 2, 1, 0, 0, 0, 1],
      [s.t7.id, 2, 0, 0, 0, 0, 2],
    ]);
    expect(response.body.items[0]).toMatchObject({
      startsAt: '2025-10-07T07:00:00.000Z',
      startsAtLocal: '2025-10-07T10:00:00',
      timeZone: 'Europe/Moscow',
      isMandatory: true,
      status: 'scheduled',
    });
    expect(response.body.items[2]).toMatchObject({
      startsAt: '2025-11-17T05:00:00.000Z',
      startsAtLocal: '2025-11-17T10:00:00',
      timeZone: 'Asia/Yekaterinburg',
    });
    expect(response.body.items[7]).toMatchObject({ isMandatory: false });
    expect(response.body.items[8]).toMatchObject({ status: 'cancelled' });
    const page = await t
      .http()
      .get(`/api/cohorts/${w.cohort.id}/attendance-report/sessions?limit=2&offset=7`);
    expect(page.body.items.map((row: { sessionId: number }) => row.sessionId)).toEqual([
      s.t6.id,
      s.t7.id,
    ]);
    for (const token of [w.tokens.b, w.tokens.mentor]) {
      expect(
        (await t.as(token).get(`/api/cohorts/${w.cohort.id}/attendance-report/sessions`)).status,
      ).toBe(403);
    }
  });

  it('shows a participant itself, a mentor its mentees, a host its stages', async () => {
    at('2025-11-21T00:00:00Z');
    const path = `/api/cohorts/${w.cohort.id}/attendance-report`;
    const own = (await t.as(w.tokens.b).get(path)).body;
    expect(own.participants.total).toBe(1);
    expect(own.participants.items[0]).toMatchObject({
      participant: { id: w.b.id },
      program: { ratePercent: 71.4 },
    });
    const mentor = (await t.as(w.tokens.mentor).get(path)).body;
    expect(
      mentor.participants.items.map((item: { participant: { id: number } }) => item.participant.id),
    ).toEqual([w.a.id]);
    const host = (await t.as(w.tokens.tyumenHost).get(path)).body;
    expect(host.stages.map((stage: { id: number }) => stage.id)).toEqual([w.tyumen.id]);
    expect(host.participants.total).toBe(3);
    expect(host.participants.items[1]).toMatchObject({
      stages: [{ stageId: w.tyumen.id, ratePercent: 60 }],
      program: null,
    });
    const hostSessions = (await t.as(w.tokens.tyumenHost).get(`${path}/sessions`)).body;
    expect(hostSessions.total).toBe(7);
    const stranger = await createAccount(t, 'participant', {
      participantId: (await createParticipant(t)).id,
    });
    expect((await t.as(stranger.token).get(path)).status).toBe(404);
    expect((await t.anonymous().get(path)).status).toBe(401);
    expect((await t.http().get(`/api/cohorts/999999/attendance-report`)).status).toBe(404);
    for (const query of ['limit=0', 'limit=abc', 'offset=-1', 'delimiter=tab', 'unknown=1']) {
      expect((await t.http().get(`${path}?${query}`)).status).toBe(400);
    }
    const second = (await t.http().get(`${path}?limit=1&offset=1`)).body;
    expect(second.participants).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(
      second.participants.items.map((item: { participant: { id: number } }) => item.participant.id),
    ).toEqual([w.b.id]);
  });

  it('comes as CSV that keeps the Cyrillic and parses back to the same numbers', async () => {
    at('2025-11-21T00:00:00Z');
    const response = await t
      .http()
      .get(`/api/cohorts/${w.cohort.id}/attendance-report`)
      .set('Accept', 'text/csv')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain(
      `attendance-cohort-${w.cohort.id}.csv`,
    );
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Record<string, string>[] = parse(bytes, { bom: true, columns: true });
    expect(rows).toHaveLength(6);
    const bInTyumen = rows.find(
      (row) => row.participant_id === String(w.b.id) && row.city === 'Тюмень',
    );
    expect(bInTyumen).toEqual({
      participant_id: String(w.b.id),
      full_name: 'Борисов Борис Олегович',
      position: 'Глава муниципального округа',
      municipality: 'Ишимский район',
      region: 'Тюменская область',
      enrollment: 'active',
      stage_sequence: String(w.tyumen.sequence),
      stage: 'Стажировка в Тюмени',
      city: 'Тюмень',
      mandatory_sessions: '5',
      held: '5',
      present: '3',
      late: '0',
      excused: '0',
      absent: '1',
      unmarked: '1',
      rate_percent: '60',
      stage_completed: 'no',
      warned: 'yes',
      program_rate_percent: '71.4',
      program_completed: 'no',
    });
    const aInMoscow = rows.find(
      (row) => row.participant_id === String(w.a.id) && row.city === 'Сколково',
    );
    expect(aInMoscow).toMatchObject({
      excused: '1',
      rate_percent: '100',
      stage_completed: 'yes',
      program_completed: 'yes',
    });

    const semicolons = await t
      .http()
      .get(`/api/cohorts/${w.cohort.id}/attendance-report?delimiter=semicolon`)
      .set('Accept', 'text/csv;charset=utf-8');
    expect(semicolons.headers['content-type']).toBe('text/csv; charset=utf-8');
    const parsed: Record<string, string>[] = parse(semicolons.text, {
      bom: true,
      columns: true,
      delimiter: ';',
    });
    expect(parsed.map((row) => row.full_name)).toEqual(rows.map((row) => row.full_name));
    // Decimal commas for the Russian Excel that expects semicolons.
    const bInTyumenAgain = parsed.find(
      (row) => row.participant_id === String(w.b.id) && row.city === 'Тюмень',
    );
    expect(bInTyumenAgain).toMatchObject({ rate_percent: '60', program_rate_percent: '71,4' });
  });

  it('keeps line breaks inside a field and writes would-be formulas as text', async () => {
    const cohort = await createCohort(t);
    const tricky = await createParticipant(t, {
      fullName: '=HYPERLINK("http://example.com";"x")\nВторая строка',
      municipality: '+7 район',
    });
    await enroll(t, cohort.id, tricky.id);
    const response = await t
      .http()
      .get(`/api/cohorts/${cohort.id}/attendance-report`)
      .set('Accept', 'text/csv');
    expect(response.status).toBe(200);
    const rows: Record<string, string>[] = parse(response.text, { bom: true, columns: true });
    // A cohort without stages still lists its participants, with the stage columns empty.
    expect(rows).toEqual([
      expect.objectContaining({
        participant_id: String(tricky.id),
        full_name: `'=HYPERLINK("http://example.com";"x")\nВторая строка`,
        municipality: "'+7 район",
        stage: '',
        held: '',
        program_completed: 'no',
      }),
    ]);
  });
});
