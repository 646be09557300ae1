import { Response } from 'supertest';
import { Program } from '../src/programs/program.entity';
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
} from './support/factories';
import { TestApp, countRows, createTestApp } from './support/test-app';

/**
 * Many requests at once, as a server gets them: on SQLite they share one connection, on
 * PostgreSQL each transaction has its own. Nothing acknowledged may be lost, nothing refused
 * may be written, and no bookkeeping error may reach a caller.
 */
/** The distinct messages of the refused (409) answers. */
function refusalsOf(responses: { status: number; body: { message?: unknown } }[]): unknown[] {
  return [...new Set(responses.filter((r) => r.status === 409).map((r) => r.body.message))];
}

describe('concurrency', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  let unique = 0;
  const fresh = () => `${Date.now()}-${++unique}`;

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

  async function auditCount(query: string): Promise<number> {
    const response = await t.http().get(`/api/audit?${query}&limit=1`).expect(200);
    return response.body.total as number;
  }

  /** Deterministic shuffle, so that good and refused requests interleave. */
  function interleave<T>(items: T[], seed: number): T[] {
    const shuffled = [...items];
    let state = seed;
    for (let i = shuffled.length - 1; i > 0; i--) {
      state = (state * 1103515245 + 12345) % 2147483648;
      const j = state % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    return shuffled;
  }

  it('keeps every acknowledged write of mixed bursts, through a restart, with an exact audit log', async () => {
    const stage = await createStage(t, { startDate: '2025-11-17', endDate: '2025-11-20' });
    const standing = await Promise.all([1, 2, 3, 4, 5].map(() => createProgram(t)));
    const auditBefore = await countRows(t.dataSource, 'audit_entries');

    const created = {
      programs: [] as number[],
      participants: [] as number[],
      sessions: [] as number[],
    };
    const renamed = new Map<number, string>();
    const deleted: number[] = [];
    let refusedWrites = 0;
    let publishedVersions = 0;

    for (let round = 0; round < 4; round++) {
      const clashingEmail = `clash-${fresh()}@example.ru`;
      const track = `track-${fresh()}`;
      const toDelete = await Promise.all([1, 2, 3].map(() => createProgram(t)));
      const baselineAudit = await countRows(t.dataSource, 'audit_entries');
      const kinds: Array<[string, () => Promise<Response>]> = [
        ...Array.from({ length: 10 }, (): [string, () => Promise<Response>] => [
          'program',
          () =>
            t
              .http()
              .post('/api/programs')
              .send({ title: `Программа ${fresh()}`, organizer: 'ВШГУ' }),
        ]),
        ...Array.from({ length: 4 }, (): [string, () => Promise<Response>] => [
          'bad program',
          () => t.http().post('/api/programs').send({ title: '', organizer: 'ВШГУ', extra: 1 }),
        ]),
        ...Array.from({ length: 5 }, (): [string, () => Promise<Response>] => [
          'participant',
          () =>
            t
              .http()
              .post('/api/participants')
              .send({
                fullName: `Участник ${fresh()}`,
                position: 'Глава района',
                municipality: 'Ишимский район',
                region: 'Тюменская область',
                email: clashingEmail,
              }),
        ]),
        ...Array.from({ length: 5 }, (_, i): [string, () => Promise<Response>] => [
          'session',
          () =>
            t
              .http()
              .post(`/api/stages/${stage.id}/sessions`)
              .send({
                title: `Лекция ${fresh()}`,
                type: 'lecture',
                track: `${track}-${i}`,
                startsAt: '2025-11-18T10:00',
                endsAt: '2025-11-18T11:00',
              }),
        ]),
        ...standing.map((program): [string, () => Promise<Response>] => [
          'rename',
          () => {
            const title = `Переименована ${fresh()}`;
            renamed.set(program.id, title);
            return t.http().patch(`/api/programs/${program.id}`).send({ title });
          },
        ]),
        ...toDelete.map((program): [string, () => Promise<Response>] => [
          'delete',
          () => t.http().delete(`/api/programs/${program.id}`),
        ]),
        ...Array.from({ length: 6 }, (): [string, () => Promise<Response>] => [
          'bad token',
          () =>
            t
              .anonymous()
              .post('/api/invitations/accept')
              .send({ token: `forged-${fresh()}`, password: 'a long enough password' }),
        ]),
        ...Array.from({ length: 3 }, (): [string, () => Promise<Response>] => [
          'publish',
          () => t.http().post(`/api/stages/${stage.id}/agenda/publish`),
        ]),
        ...Array.from({ length: 4 }, (): [string, () => Promise<Response>] => [
          'read',
          () => t.http().get('/api/programs?limit=200'),
        ]),
      ];
      const burst = interleave(kinds, round + 1);
      const responses = await Promise.all(burst.map(([, send]) => send()));
      expectNoServerError(responses);

      let acknowledgedChanges = 0;
      responses.forEach((response, index) => {
        const [kind] = burst[index];
        if (kind === 'program' && response.status === 201) {
          created.programs.push(response.body.id);
        } else if (kind === 'participant' && response.status === 201) {
          created.participants.push(response.body.id);
        } else if (kind === 'session' && response.status === 201) {
          created.sessions.push(response.body.id);
        } else if (kind === 'delete' && response.status === 204) {
          deleted.push(Number(response.request.url.split('/').pop()));
        } else if (kind === 'rename') {
          expect(response.status).toBe(200);
        } else if (kind === 'publish') {
          // Refused only when nothing changed since the version before it.
          expect([201, 409]).toContain(response.status);
          publishedVersions += response.status === 201 ? 1 : 0;
        } else if (kind !== 'read' && response.status >= 400) {
          refusedWrites++;
        }
        if (['program', 'participant', 'session', 'rename', 'delete', 'publish'].includes(kind)) {
          acknowledgedChanges += response.status < 300 ? 1 : 0;
        }
      });
      const kindsOf = (kind: string) =>
        statuses(responses.filter((_, index) => burst[index][0] === kind));
      expect(kindsOf('program')).toEqual({ 201: 10 });
      expect(kindsOf('bad program')).toEqual({ 400: 4 });
      expect(kindsOf('participant')).toEqual({ 201: 1, 409: 4 });
      expect(kindsOf('session')).toEqual({ 201: 5 });
      expect(kindsOf('delete')).toEqual({ 204: 3 });
      expect(kindsOf('bad token')).toEqual({ 400: 6 });
      // One entry per acknowledged change, none for a refused one.
      expect((await countRows(t.dataSource, 'audit_entries')) - baselineAudit).toBe(
        acknowledgedChanges,
      );
    }
    expect(refusedWrites).toBe(4 * (4 + 4 + 6));

    const readBack = async (app: TestApp) => {
      for (const id of created.programs) {
        await app.http().get(`/api/programs/${id}`).expect(200);
      }
      for (const id of created.participants) {
        await app.http().get(`/api/participants/${id}`).expect(200);
      }
      for (const id of created.sessions) {
        await app.http().get(`/api/sessions/${id}`).expect(200);
      }
      for (const [id, title] of renamed) {
        expect((await app.http().get(`/api/programs/${id}`).expect(200)).body.title).toBe(title);
      }
      for (const id of deleted) {
        await app.http().get(`/api/programs/${id}`).expect(404);
      }
      const versions = await app.http().get(`/api/stages/${stage.id}/agenda/versions`).expect(200);
      expect(versions.body.total).toBe(publishedVersions);
      expect(versions.body.items.map((version: { number: number }) => version.number)).toEqual(
        Array.from({ length: publishedVersions }, (_, i) => publishedVersions - i),
      );
    };
    await readBack(t);
    t = await t.reopen();
    await readBack(t);

    for (const id of created.programs) {
      expect(await auditCount(`entity=programs&entityId=${id}&action=create`)).toBe(1);
    }
    for (const id of deleted) {
      expect(await auditCount(`entity=programs&entityId=${id}&action=delete`)).toBe(1);
    }
    for (const id of created.sessions) {
      expect(await auditCount(`entity=sessions&entityId=${id}`)).toBe(1);
    }
    // Every entry names a row id: none is "undefined" or empty.
    const entries = await t.dataSource.query(
      `SELECT "entityId" FROM "audit_entries" WHERE "entityId" IN ('undefined', 'null', '')`,
    );
    expect(entries).toEqual([]);
    expect(await countRows(t.dataSource, 'audit_entries')).toBeGreaterThan(auditBefore);
  });

  it('never lets a reader see a write that is not committed', async () => {
    const title = `Не подтверждена ${fresh()}`;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const wasWritten = new Promise<void>((resolve) => (written = resolve));
    const unit = t
      .write(async (manager) => {
        await manager.save(
          manager.create(Program, {
            title,
            organizer: 'ВШГУ',
            status: 'draft',
            requiredAttendancePercent: 80,
          }),
        );
        written();
        await gate;
        throw new Error('rolled back on purpose');
      })
      .catch((error: Error) => error.message);
    await Promise.race([wasWritten, unit]);
    const read = t
      .http()
      .get('/api/programs?limit=200')
      .then((response) => response);
    setTimeout(release, 100);
    const [outcome, response] = await Promise.all([unit, read]);
    expect(outcome).toBe('rolled back on purpose');
    expect(response.status).toBe(200);
    expect(response.body.items.map((program: { title: string }) => program.title)).not.toContain(
      title,
    );
    const [{ count }] = await t.dataSource.query(
      `SELECT COUNT(*) AS count FROM "programs" WHERE "title" = '${title}'`,
    );
    expect(Number(count)).toBe(0);
  });

  it('stores all of 20 overlapping sessions of one track, each warned of those before it', async () => {
    const stage = await createStage(t);
    const before = await countRows(t.dataSource, 'sessions');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t
          .http()
          .post(`/api/stages/${stage.id}/sessions`)
          .send({
            title: `Круглый стол ${i}`,
            type: 'round_table',
            track: 'A',
            startsAt: `2025-11-18T10:${String(i).padStart(2, '0')}`,
            endsAt: '2025-11-18T12:00',
          }),
      ),
    );
    expectNoServerError(responses);
    expect(statuses(responses)).toEqual({ 201: 20 });
    expect((await countRows(t.dataSource, 'sessions')) - before).toBe(20);
    // Each write is checked with every write committed before it: 0, 1, …, 19 warnings.
    const warned = responses.map((response) => response.body.warnings.length).sort((a, b) => a - b);
    expect(warned).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const list = await t.http().get(`/api/stages/${stage.id}/sessions`).expect(200);
    expect(list.body.total).toBe(20);
    const conflicts = await t.http().get(`/api/stages/${stage.id}/conflicts?limit=200`).expect(200);
    expect(conflicts.body.total).toBe((20 * 19) / 2);
  });

  it('never strands a session while the stage shrinks', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const stage = await createStage(t, { startDate: '2025-11-17', endDate: '2025-11-20' });
      const requests = [
        ...['17', '18', '19', '20', '20', '19'].map(
          (day, i) => () =>
            t
              .http()
              .post(`/api/stages/${stage.id}/sessions`)
              .send({
                title: `Стажировка ${i}`,
                type: 'internship',
                track: `t${i}`,
                startsAt: `2025-11-${day}T10:00`,
                endsAt: `2025-11-${day}T12:00`,
              }),
        ),
        () =>
          t
            .http()
            .patch(`/api/stages/${stage.id}`)
            .send({ startDate: '2025-11-18', endDate: '2025-11-18' }),
      ];
      const responses = await Promise.all(interleave(requests, attempt + 7).map((send) => send()));
      expectNoServerError(responses);
      const read = (await t.http().get(`/api/stages/${stage.id}`).expect(200)).body;
      const sessions = (await t.http().get(`/api/stages/${stage.id}/sessions`).expect(200)).body;
      for (const session of sessions.items) {
        expect(session.startsAtLocal.slice(0, 10) >= read.startDate).toBe(true);
        expect(session.endsAtLocal.slice(0, 10) <= read.endDate).toBe(true);
      }
    }
  });

  it('ends 20 identical enrollments, assignments and host namings with one row each', async () => {
    const cohort = await createCohort(t);
    const participant = await createParticipant(t);
    const enrollments = await Promise.all(
      Array.from({ length: 20 }, () =>
        t
          .http()
          .post(`/api/cohorts/${cohort.id}/enrollments`)
          .send({ participantId: participant.id }),
      ),
    );
    expectNoServerError(enrollments);
    expect(statuses(enrollments)).toEqual({ 201: 1, 409: 19 });
    // Refused by the check or, in a race, by the unique index: the same words either way.
    expect(refusalsOf(enrollments)).toEqual([
      `Participant ${participant.id} is already enrolled in cohort ${cohort.id} (active)`,
    ]);

    const mentor = await createMentor(t);
    const assignmentsBefore = await countRows(t.dataSource, 'mentor_assignments');
    const assignments = await Promise.all(
      Array.from({ length: 20 }, () =>
        t
          .http()
          .post(`/api/mentors/${mentor.id}/assignments`)
          .send({ cohortId: cohort.id, participantId: participant.id }),
      ),
    );
    expectNoServerError(assignments);
    expect(statuses(assignments)).toEqual({ 201: 1, 409: 19 });
    expect(refusalsOf(assignments)).toEqual([
      `Mentor ${mentor.id} is already assigned to participant ${participant.id} in cohort ${cohort.id}`,
    ]);
    expect((await countRows(t.dataSource, 'mentor_assignments')) - assignmentsBefore).toBe(1);
    expect(await auditCount(`entity=mentor_assignments&action=create`)).toBe(1);

    const stage = await createStage(t, {}, cohort.id);
    const host = await createAccount(t, 'host');
    const namings = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.http().put(`/api/stages/${stage.id}/hosts/${host.account.id}`),
      ),
    );
    expectNoServerError(namings);
    expect(statuses(namings)).toEqual({ 201: 1, 204: 19 });
    const hosts = await t.http().get(`/api/stages/${stage.id}/hosts`).expect(200);
    expect(hosts.body.items).toHaveLength(1);
    expect(await auditCount(`entity=stage_hosts&entityId=${stage.id}:${host.account.id}`)).toBe(1);
  });

  it('accepts one of 20 concurrent uses of one invitation', async () => {
    const invitation = await t
      .http()
      .post('/api/invitations')
      .send({ email: `once-${fresh()}@example.ru`, role: 'organizer', fullName: 'Однажды' })
      .expect(201);
    const accepts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t
          .anonymous()
          .post('/api/invitations/accept')
          .send({ token: invitation.body.token, password: `a long password number ${i}` }),
      ),
    );
    expectNoServerError(accepts);
    expect(statuses(accepts)).toEqual({ 200: 1, 400: 19 });
    const winner = accepts.findIndex((response) => response.status === 200);
    await t.signIn(invitation.body.account.email, `a long password number ${winner}`);
    expect(
      await auditCount(`entity=accounts&entityId=${invitation.body.account.id}&action=update`),
    ).toBe(1);
  });

  it('answers every session write of a burst on one stage, no 5xx', async () => {
    const stage = await createStage(t);
    const existing = await Promise.all(
      [10, 12, 14].map((hour, i) =>
        createSession(
          t,
          {
            track: `r${i}`,
            startsAt: `2025-11-19T${hour}:00`,
            endsAt: `2025-11-19T${hour + 1}:00`,
          },
          stage.id,
        ),
      ),
    );
    const responses = await Promise.all([
      ...existing.map((session) =>
        t
          .http()
          .patch(`/api/sessions/${session.id}`)
          .send({ title: `Новое ${fresh()}` }),
      ),
      ...existing.map((session) => t.http().delete(`/api/sessions/${session.id}`)),
      ...existing.map((session) => t.http().get(`/api/sessions/${session.id}`)),
    ]);
    expectNoServerError(responses);
    for (const session of existing) {
      await t.http().get(`/api/sessions/${session.id}`).expect(404);
    }
  });

  it('answers hosts writing and publishing at once, more of them than the database pool holds', async () => {
    const stage = await createStage(t);
    const { token } = await createAccount(t, 'host', { stageIds: [stage.id] });
    const writes = Array.from({ length: 30 }, (_, i) =>
      t
        .as(token)
        .post(`/api/stages/${stage.id}/sessions`)
        .send({
          title: `Секция ${i}`,
          type: 'round_table',
          track: `host-burst-${fresh()}`,
          startsAt: '2025-11-18T14:00',
          endsAt: '2025-11-18T15:00',
        }),
    );
    const publishes = Array.from({ length: 5 }, () =>
      t.as(token).post(`/api/stages/${stage.id}/agenda/publish`),
    );
    const responses = await Promise.all([...writes, ...publishes]);
    expectNoServerError(responses);
    expect(responses.slice(0, 30).every((response) => response.status === 201)).toBe(true);
    const sessions = await t.http().get(`/api/stages/${stage.id}/sessions?limit=100`).expect(200);
    expect(sessions.body.total).toBe(30);
  });

  it('keeps enrollments of participants enrolled at once in many cohorts', async () => {
    const cohorts = await Promise.all([1, 2, 3].map(() => createCohort(t)));
    const participants = await Promise.all([1, 2, 3, 4, 5].map(() => createParticipant(t)));
    const responses = await Promise.all(
      cohorts.flatMap((cohort) =>
        participants.map((participant) =>
          t
            .http()
            .post(`/api/cohorts/${cohort.id}/enrollments`)
            .send({ participantId: participant.id }),
        ),
      ),
    );
    expectNoServerError(responses);
    expect(statuses(responses)).toEqual({ 201: 15 });
    for (const cohort of cohorts) {
      const list = await t.http().get(`/api/cohorts/${cohort.id}/enrollments`).expect(200);
      expect(list.body.total).toBe(5);
    }
    await enroll(t, cohorts[0].id, (await createParticipant(t)).id);
  });

  it('keeps what every other write path acknowledged in one burst, through a restart', async () => {
    const program = await createProgram(t);
    const cohort = await createCohort(t, {}, program.id);
    const emptyCohort = await createCohort(t, {}, program.id);
    const stage = await createStage(
      t,
      { startDate: '2025-11-17', endDate: '2025-11-20' },
      cohort.id,
    );
    const session = await createSession(t, { track: 'zone' }, stage.id);
    const [staying, leaving, unenrolled] = await Promise.all([
      createParticipant(t),
      createParticipant(t),
      createParticipant(t),
    ]);
    await enroll(t, cohort.id, staying.id);
    await enroll(t, cohort.id, leaving.id);
    const mentor = await createMentor(t);
    const assignment = await assignMentor(t, mentor.id, cohort.id, staying.id);
    const host = await createAccount(t, 'host', { stageIds: [stage.id] });
    const renamed = await createAccount(t, 'host');
    const title = `Поток ${fresh()}`;
    const sequence = 1000; // the highest allowed: no factory-made stage of this file has it

    const burst: Array<[string, () => Promise<Response>]> = [
      ...[1, 2, 3].map((): [string, () => Promise<Response>] => [
        'cohort',
        () => t.http().post(`/api/programs/${program.id}/cohorts`).send({ title }),
      ]),
      ...[1, 2, 3].map((): [string, () => Promise<Response>] => [
        'stage',
        () =>
          t.http().post(`/api/cohorts/${cohort.id}/stages`).send({
            sequence,
            title: 'Этап',
            city: 'Тюмень',
            region: 'Тюменская область',
            timeZone: 'Asia/Yekaterinburg',
            startDate: '2025-12-01',
            endDate: '2025-12-03',
          }),
      ]),
      ...[1, 2].map((i): [string, () => Promise<Response>] => [
        'mentor',
        () =>
          t
            .http()
            .post('/api/mentors')
            .send({
              fullName: `Наставник ${fresh()}`,
              position: 'Заместитель главы',
              organization: 'Администрация',
              email: `burst-mentor-${i}-${fresh()}@example.ru`,
            }),
      ]),
      [
        'rename mentor',
        () => t.http().patch(`/api/mentors/${mentor.id}`).send({ position: 'Первый заместитель' }),
      ],
      [
        'rename participant',
        () => t.http().patch(`/api/participants/${staying.id}`).send({ position: 'Глава округа' }),
      ],
      ['delete participant', () => t.http().delete(`/api/participants/${unenrolled.id}`)],
      ['withdraw', () => t.http().delete(`/api/cohorts/${cohort.id}/enrollments/${leaving.id}`)],
      ['unassign', () => t.http().delete(`/api/mentors/${mentor.id}/assignments/${assignment.id}`)],
      ['unhost', () => t.http().delete(`/api/stages/${stage.id}/hosts/${host.account.id}`)],
      [
        'rename account',
        () => t.http().patch(`/api/accounts/${renamed.account.id}`).send({ fullName: 'Новое имя' }),
      ],
      ['reinvite', () => t.http().post(`/api/accounts/${renamed.account.id}/invitations`)],
      ['zone', () => t.http().patch(`/api/stages/${stage.id}`).send({ timeZone: 'Europe/Moscow' })],
      [
        'rename cohort',
        () =>
          t
            .http()
            .patch(`/api/cohorts/${cohort.id}`)
            .send({ title: `${title} (основной)` }),
      ],
      ['delete cohort', () => t.http().delete(`/api/cohorts/${emptyCohort.id}`)],
    ];
    const order = interleave(burst, 11);
    const responses = await Promise.all(order.map(([, send]) => send()));
    expectNoServerError(responses);
    const of = (kind: string) => responses.filter((_, index) => order[index][0] === kind);
    expect(statuses(of('cohort'))).toEqual({ 201: 1, 409: 2 });
    expect(statuses(of('stage'))).toEqual({ 201: 1, 409: 2 });
    expect(refusalsOf(of('cohort'))).toEqual([
      expect.stringMatching(/already has a cohort titled/),
    ]);
    expect(refusalsOf(of('stage'))).toEqual([
      expect.stringMatching(/already has a stage with sequence/),
    ]);
    for (const kind of burst
      .map(([name]) => name)
      .filter((k) => !['cohort', 'stage'].includes(k))) {
      expect([kind, of(kind).every((response) => response.status < 300)]).toEqual([kind, true]);
    }
    const newCohort = of('cohort').find((response) => response.status === 201)!.body;
    const newStage = of('stage').find((response) => response.status === 201)!.body;
    const newMentors = of('mentor').map((response) => response.body.id as number);

    const readBack = async (app: TestApp) => {
      await app.http().get(`/api/cohorts/${newCohort.id}`).expect(200);
      await app.http().get(`/api/stages/${newStage.id}`).expect(200);
      for (const id of newMentors) {
        await app.http().get(`/api/mentors/${id}`).expect(200);
      }
      expect((await app.http().get(`/api/mentors/${mentor.id}`)).body.position).toBe(
        'Первый заместитель',
      );
      expect((await app.http().get(`/api/participants/${staying.id}`)).body.position).toBe(
        'Глава округа',
      );
      await app.http().get(`/api/participants/${unenrolled.id}`).expect(404);
      const enrollments = await app
        .http()
        .get(`/api/cohorts/${cohort.id}/enrollments?status=withdrawn`);
      expect(enrollments.body.items.map((e: { participantId: number }) => e.participantId)).toEqual(
        [leaving.id],
      );
      expect((await app.http().get(`/api/mentors/${mentor.id}/assignments`)).body.total).toBe(0);
      expect((await app.http().get(`/api/stages/${stage.id}/hosts`)).body.items).toEqual([]);
      expect((await app.http().get(`/api/accounts/${renamed.account.id}`)).body.fullName).toBe(
        'Новое имя',
      );
      expect((await app.http().get(`/api/cohorts/${cohort.id}`)).body.title).toBe(
        `${title} (основной)`,
      );
      await app.http().get(`/api/cohorts/${emptyCohort.id}`).expect(404);
      const moved = (await app.http().get(`/api/sessions/${session.id}`)).body;
      expect(moved).toMatchObject({
        timeZone: 'Europe/Moscow',
        startsAtLocal: session.startsAtLocal,
      });
    };
    await readBack(t);
    t = await t.reopen();
    await readBack(t);
    // The reinvitation's new link works after the restart; the old one does not.
    const link = of('reinvite')[0].body.token as string;
    await t
      .anonymous()
      .post('/api/invitations/accept')
      .send({ token: link, password: 'a long password again' })
      .expect(200);
  });
});
