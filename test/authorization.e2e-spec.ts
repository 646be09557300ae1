import {
  assignMentor,
  createAccount,
  createCohort,
  createMentor,
  createMoscowStage,
  createParticipant,
  createProgram,
  createSession,
  publishAgenda,
  createStage,
  enroll,
} from './support/factories';
import { Http, TestApp, countRows, createTestApp } from './support/test-app';

/**
 * Who may do what, across features: one request per row, one expected status per actor, each
 * cell a test of its own. Then, per actor, that lists hold exactly the rows it may see and that
 * contacts reach only the organizer and the person itself (scope.md, DESIGN.md roles).
 */

const ACTORS = [
  'anonymous',
  'organizer',
  'hostA',
  'hostB',
  'mentorA',
  'mentorB',
  'participantA',
  'participantB',
] as const;
type ActorName = (typeof ACTORS)[number];
type SignedIn = Exclude<ActorName, 'anonymous' | 'organizer'>;

/** Expected statuses in the order of ACTORS. */
type Statuses = [number, number, number, number, number, number, number, number];

/** Ids by name: `{A1}` in a path is the id of stage A1, `{hostA}` the id of hostA's account. */
type Ids = Record<string, number>;

interface World {
  ids: Ids;
  tokens: Record<SignedIn, string>;
  /** Contacts as created, to check that they reach only who may see them. */
  contacts: { pA: Contacts; mA: Contacts };
}

interface Contacts {
  email: string;
  phone: string;
}

let unique = 0;
const fresh = () => ++unique;
/** Sequences of new stages in A: apart from the factories' (small) ones, within the limit 1000. */
let stageSequence = 900;

/**
 * Program PA with cohorts A (stages A1 in Tyumen, A2 near Moscow) and Anext (nobody's yet);
 * program PB with cohort B (stage B1). One session per stage. pA and its classmate pA2 are
 * enrolled in A, pB in B; mentor mA is assigned to pA, mB to pB; pA2 has no mentor. The
 * classmate and Anext give the narrowing of lists something to leave out.
 */
async function buildWorld(t: TestApp): Promise<World> {
  const PA = await createProgram(t);
  const PB = await createProgram(t);
  const A = await createCohort(t, {}, PA.id);
  const Anext = await createCohort(t, {}, PA.id);
  const B = await createCohort(t, {}, PB.id);
  const A1 = await createStage(t, {}, A.id);
  const A2 = await createMoscowStage(t, {}, A.id);
  const B1 = await createStage(t, {}, B.id);
  const sA1 = await createSession(t, {}, A1.id);
  const sA2 = await createSession(
    t,
    { startsAt: '2025-10-07T10:00', endsAt: '2025-10-07T11:30' },
    A2.id,
  );
  const sB1 = await createSession(t, {}, B1.id);
  // Participants and mentors read the published agendas.
  for (const stage of [A1, A2, B1]) {
    await publishAgenda(t, stage.id);
  }
  const n = fresh();
  const pAContacts = { email: `pa${n}@yalutorovsk.example.ru`, phone: '+7 3452 11-11-11' };
  const mAContacts = { email: `ma${n}@tyumen-city.example.ru`, phone: '+7 3452 22-22-22' };
  const pA = await createParticipant(t, pAContacts);
  const pA2 = await createParticipant(t, { phone: '+7 3452 33-33-33' });
  const pB = await createParticipant(t, { phone: '+7 3452 44-44-44' });
  const mA = await createMentor(t, mAContacts);
  const mB = await createMentor(t, { phone: '+7 3452 55-55-55' });
  const enrollmentA = await enroll(t, A.id, pA.id);
  const enrollmentA2 = await enroll(t, A.id, pA2.id);
  const enrollmentB = await enroll(t, B.id, pB.id);
  const assignmentA = await assignMentor(t, mA.id, A.id, pA.id);
  const assignmentB = await assignMentor(t, mB.id, B.id, pB.id);
  const mtA = await post(t, '/api/mentors/{mA}/meetings', { mA: mA.id }, meetingOf(pA.id));
  const accounts = {
    hostA: await createAccount(t, 'host', { stageIds: [A1.id] }),
    hostB: await createAccount(t, 'host', { stageIds: [B1.id] }),
    mentorA: await createAccount(t, 'mentor', { mentorId: mA.id }),
    mentorB: await createAccount(t, 'mentor', { mentorId: mB.id }),
    participantA: await createAccount(t, 'participant', { participantId: pA.id }),
    participantB: await createAccount(t, 'participant', { participantId: pB.id }),
  };
  const records = { PA, PB, A, Anext, B, A1, A2, B1, sA1, sA2, sB1, pA, pA2, pB, mA, mB };
  const links = { enrollmentA, enrollmentA2, enrollmentB, assignmentA, assignmentB, mtA };
  const ids: Ids = {};
  for (const [name, record] of Object.entries({ ...records, ...links })) {
    ids[name] = record.id;
  }
  for (const [name, { account }] of Object.entries(accounts)) {
    ids[name] = account.id;
  }
  const tokens = Object.fromEntries(
    Object.entries(accounts).map(([name, { token }]) => [name, token]),
  ) as Record<SignedIn, string>;
  return { ids, tokens, contacts: { pA: pAContacts, mA: mAContacts } };
}

/** A mentoring meeting of the participant with its mentor, in Tyumen. */
const meetingOf = (participantId: number) => ({
  participantId,
  startsAt: '2025-11-18T18:00',
  endsAt: '2025-11-18T19:00',
  timeZone: 'Asia/Yekaterinburg',
  topic: `Встреча с наставником ${fresh()}`,
});

/** Creates a record as the organizer: its body. */
async function post(t: TestApp, path: string, ids: Ids, body: object) {
  const response = await t.http().post(resolve(path, ids)).send(body);
  if (response.status !== 201) {
    throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

function resolve(path: string, ids: Ids): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (ids[name] === undefined) {
      throw new Error(`No id named ${name} for ${path}`);
    }
    return String(ids[name]);
  });
}

function client(t: TestApp, world: World, actor: ActorName): Http {
  switch (actor) {
    case 'anonymous':
      return t.anonymous();
    case 'organizer':
      return t.http();
    default:
      return t.as(world.tokens[actor]);
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function send(http: Http, method: Method, path: string, body?: object) {
  const request = {
    GET: () => http.get(path),
    POST: () => http.post(path),
    PATCH: () => http.patch(path),
    PUT: () => http.put(path),
    DELETE: () => http.delete(path),
  }[method]();
  return body === undefined ? request : request.send(body);
}

interface Row {
  method: Method;
  /** With `{name}` placeholders, from the world or from `setup`. */
  path: string;
  statuses: Statuses;
  /** Throw-away records this cell's request needs (made by the organizer), by name. */
  setup?: (t: TestApp, ids: Ids) => Promise<Ids>;
  /** A body that succeeds for the organizer, with fresh unique values on every call. */
  body?: (ids: Ids) => object;
}

// What each kind of actor may read, in the order of ACTORS.
const SEES_A: Statuses = [401, 200, 200, 404, 200, 404, 200, 404];
const SEES_A_NOT_HOSTED: Statuses = [401, 200, 404, 404, 200, 404, 200, 404];
const SEES_B: Statuses = [401, 200, 404, 200, 404, 200, 404, 200];
const SIGNED_IN: Statuses = [401, 200, 200, 200, 200, 200, 200, 200];
const organizerOnly = (status: number): Statuses => [401, status, 403, 403, 403, 403, 403, 403];
/** Session writes: organizers, and hosts of the stage (other hosts cannot see it: 404). */
const sessionWrite = (status: number, hostA: number, hostB: number): Statuses => [
  401,
  status,
  hostA,
  hostB,
  403,
  403,
  403,
  403,
];

/** Marking attendance of sA1: organizers and A1's host; mA sees it but does not lead it. */
const MARKS_A1 = (status: number): Statuses => [401, status, status, 404, 403, 404, 403, 403];

const read = (path: string, statuses: Statuses): Row => ({ method: 'GET', path, statuses });

const programBody = () => ({ title: `Программа ${fresh()}`, organizer: 'ВШГУ РАНХиГС' });
const participantBody = () => {
  const n = fresh();
  return {
    fullName: `Глава района ${n}`,
    position: 'Глава муниципального района',
    municipality: 'Ялуторовский район',
    region: 'Тюменская область',
    email: `matrix-participant${n}@example.ru`,
  };
};
const mentorBody = () => {
  const n = fresh();
  return {
    fullName: `Наставник ${n}`,
    position: 'Заместитель главы города',
    organization: 'Администрация города Тюмени',
    email: `matrix-mentor${n}@example.ru`,
  };
};
/** Sessions of a cell never overlap those of another: each has its own track. */
const sessionIn = (day: string) => () => ({
  title: 'Экскурсия по общественным пространствам',
  type: 'excursion',
  startsAt: `${day}T14:00`,
  endsAt: `${day}T15:30`,
  track: `Трек ${fresh()}`,
});
const sessionInA1 = sessionIn('2025-11-18'); // A1: Tyumen, 17-20 November 2025
const sessionInA2 = sessionIn('2025-10-08'); // A2: near Moscow, 6-10 October 2025

/** A participant newly enrolled in cohort A. */
async function enrolledInA(t: TestApp, ids: Ids): Promise<number> {
  const participant = await createParticipant(t);
  await enroll(t, ids.A, participant.id);
  return participant.id;
}

const ROWS: Row[] = [
  // Reads of A's tree and people.
  read('/api/programs/{PA}', SEES_A),
  read('/api/programs/{PA}/cohorts', SEES_A),
  read('/api/cohorts/{A}', SEES_A),
  read('/api/cohorts/{A}/stages', SEES_A),
  read('/api/stages/{A1}', SEES_A),
  read('/api/stages/{A1}/sessions', SEES_A),
  read('/api/sessions/{sA1}', SEES_A),
  read('/api/stages/{A2}', SEES_A_NOT_HOSTED),
  read('/api/stages/{A2}/sessions', SEES_A_NOT_HOSTED),
  read('/api/sessions/{sA2}', SEES_A_NOT_HOSTED),
  read('/api/participants/{pA}', SEES_A),
  // pA's classmate: seen by the host of the cohort, not by pA's mentor nor by pA.
  read('/api/participants/{pA2}', [401, 200, 200, 404, 404, 404, 404, 404]),
  read('/api/cohorts/{A}/enrollments', SEES_A),
  // Hosts of a stage: organizers, and the hosts of that stage.
  read('/api/stages/{A1}/hosts', [401, 200, 200, 404, 403, 403, 403, 403]),
  read('/api/stages/{A2}/hosts', [401, 200, 404, 404, 403, 403, 403, 403]),
  read('/api/mentors/{mA}', [401, 200, 404, 404, 200, 404, 200, 404]),
  read('/api/mentors/{mA}/assignments', [401, 200, 403, 403, 200, 404, 403, 403]),
  // The same for B, so that a rule cannot pass by favouring A.
  read('/api/programs/{PB}', SEES_B),
  read('/api/cohorts/{B}', SEES_B),
  read('/api/stages/{B1}', SEES_B),
  read('/api/sessions/{sB1}', SEES_B),
  read('/api/participants/{pB}', SEES_B),
  read('/api/mentors/{mB}', [401, 200, 404, 404, 404, 200, 404, 200]),
  read('/api/mentors/{mB}/assignments', [401, 200, 403, 403, 404, 200, 403, 403]),
  // Lists without a parent: every signed-in actor, narrowed (see the list tests below).
  read('/api/programs', SIGNED_IN),
  read('/api/participants', SIGNED_IN),
  read('/api/mentors', SIGNED_IN),
  read('/api/me', SIGNED_IN),
  read('/api/health', [200, 200, 200, 200, 200, 200, 200, 200]),
  read('/api/accounts', organizerOnly(200)),
  read('/api/accounts/{hostA}', organizerOnly(200)),
  read('/api/audit', organizerOnly(200)),

  // Organizer-only writes.
  { method: 'POST', path: '/api/programs', statuses: organizerOnly(201), body: programBody },
  {
    method: 'PATCH',
    path: '/api/programs/{PA}',
    statuses: organizerOnly(200),
    body: () => ({ description: `Описание ${fresh()}` }),
  },
  {
    method: 'DELETE',
    path: '/api/programs/{program}',
    statuses: organizerOnly(204),
    setup: async (t) => ({ program: (await createProgram(t)).id }),
  },
  {
    method: 'POST',
    path: '/api/programs/{PA}/cohorts',
    statuses: organizerOnly(201),
    body: () => ({ title: `2027, поток ${fresh()}` }),
  },
  {
    method: 'PATCH',
    path: '/api/cohorts/{A}',
    statuses: organizerOnly(200),
    body: () => ({ title: `2025, поток 1 (${fresh()})` }),
  },
  {
    method: 'DELETE',
    path: '/api/cohorts/{cohort}',
    statuses: organizerOnly(204),
    setup: async (t, ids) => ({ cohort: (await createCohort(t, {}, ids.PA)).id }),
  },
  {
    method: 'POST',
    path: '/api/cohorts/{A}/stages',
    statuses: organizerOnly(201),
    body: () => ({
      sequence: ++stageSequence,
      title: 'Стажировка в Когалыме',
      city: 'Когалым',
      region: 'Ханты-Мансийский автономный округ — Югра',
      timeZone: 'Asia/Yekaterinburg',
      startDate: '2026-03-02',
      endDate: '2026-03-05',
    }),
  },
  {
    method: 'PATCH',
    path: '/api/stages/{A1}',
    statuses: organizerOnly(200),
    body: () => ({ venue: `Технопарк, зал ${fresh()}` }),
  },
  {
    method: 'DELETE',
    path: '/api/stages/{stage}',
    statuses: organizerOnly(204),
    setup: async (t, ids) => ({ stage: (await createStage(t, {}, ids.A)).id }),
  },
  {
    method: 'PUT',
    path: '/api/stages/{A1}/hosts/{hostA}',
    // hostA hosts A1 already: naming a host again is accepted and changes nothing.
    statuses: organizerOnly(204),
  },
  {
    method: 'DELETE',
    path: '/api/stages/{A1}/hosts/{host}',
    statuses: organizerOnly(204),
    setup: async (t, ids) => {
      const invited = await t
        .http()
        .post('/api/invitations')
        .send({
          email: `matrix-cohost${fresh()}@tyumen-city.example.ru`,
          role: 'host',
          fullName: 'Соведущий этапа',
          stageIds: [ids.A1],
        })
        .expect(201);
      return { host: invited.body.account.id };
    },
  },
  {
    method: 'POST',
    path: '/api/participants',
    statuses: organizerOnly(201),
    body: participantBody,
  },
  {
    method: 'PATCH',
    path: '/api/participants/{pA}',
    statuses: organizerOnly(200),
    body: () => ({ position: `Глава Ялуторовского района (${fresh()})` }),
  },
  {
    method: 'DELETE',
    path: '/api/participants/{participant}',
    statuses: organizerOnly(204),
    setup: async (t) => ({ participant: (await createParticipant(t)).id }),
  },
  { method: 'POST', path: '/api/mentors', statuses: organizerOnly(201), body: mentorBody },
  {
    method: 'PATCH',
    path: '/api/mentors/{mA}',
    statuses: organizerOnly(200),
    body: () => ({ expertise: `Проектное управление ${fresh()}` }),
  },
  {
    method: 'DELETE',
    path: '/api/mentors/{mentor}',
    statuses: organizerOnly(204),
    setup: async (t) => ({ mentor: (await createMentor(t)).id }),
  },
  {
    method: 'POST',
    path: '/api/cohorts/{A}/enrollments',
    statuses: organizerOnly(201),
    setup: async (t) => ({ participant: (await createParticipant(t)).id }),
    body: (ids) => ({ participantId: ids.participant }),
  },
  {
    method: 'PATCH',
    path: '/api/cohorts/{A}/enrollments/{participant}',
    statuses: organizerOnly(200),
    setup: async (t, ids) => ({ participant: await enrolledInA(t, ids) }),
    body: () => ({ status: 'completed' }),
  },
  {
    // Withdrawal keeps the enrollment and answers it.
    method: 'DELETE',
    path: '/api/cohorts/{A}/enrollments/{participant}',
    statuses: organizerOnly(200),
    setup: async (t, ids) => ({ participant: await enrolledInA(t, ids) }),
  },
  {
    method: 'POST',
    path: '/api/mentors/{mA}/assignments',
    statuses: organizerOnly(201),
    setup: async (t, ids) => ({ participant: await enrolledInA(t, ids) }),
    body: (ids) => ({ cohortId: ids.A, participantId: ids.participant }),
  },
  {
    method: 'DELETE',
    path: '/api/mentors/{mA}/assignments/{assignment}',
    statuses: organizerOnly(204),
    setup: async (t, ids) => {
      const participant = await enrolledInA(t, ids);
      return { assignment: (await assignMentor(t, ids.mA, ids.A, participant)).id };
    },
  },
  {
    method: 'POST',
    path: '/api/invitations',
    statuses: organizerOnly(201),
    body: () => ({
      email: `matrix-host${fresh()}@tyumen-city.example.ru`,
      role: 'host',
      fullName: 'Кузнецова Марина Олеговна',
    }),
  },
  {
    method: 'POST',
    path: '/api/accounts/{account}/invitations',
    statuses: organizerOnly(201),
    setup: async (t) => {
      const invited = await t
        .http()
        .post('/api/invitations')
        .send({ email: `matrix-invited${fresh()}@example.ru`, role: 'host', fullName: 'Гость' })
        .expect(201);
      return { account: invited.body.account.id };
    },
  },

  // Session writes: organizers and the hosts of that stage.
  {
    method: 'POST',
    path: '/api/stages/{A1}/sessions',
    statuses: sessionWrite(201, 201, 404),
    body: sessionInA1,
  },
  {
    method: 'POST',
    path: '/api/stages/{A2}/sessions',
    statuses: sessionWrite(201, 404, 404),
    body: sessionInA2,
  },
  {
    method: 'POST',
    path: '/api/stages/{B1}/sessions',
    statuses: sessionWrite(201, 404, 201),
    body: sessionInA1, // B1 has A1's dates
  },
  {
    method: 'PATCH',
    path: '/api/sessions/{sA1}',
    statuses: sessionWrite(200, 200, 404),
    body: () => ({ title: `Лекция о бренд-буке города (${fresh()})` }),
  },
  {
    method: 'PATCH',
    path: '/api/sessions/{sA2}',
    statuses: sessionWrite(200, 404, 404),
    body: () => ({ title: `Управленческий поединок (${fresh()})` }),
  },
  {
    method: 'DELETE',
    path: '/api/sessions/{sessionInA1}',
    statuses: sessionWrite(204, 204, 404),
    setup: async (t, ids) => ({ sessionInA1: (await createSession(t, sessionInA1(), ids.A1)).id }),
  },
  {
    method: 'DELETE',
    path: '/api/sessions/{sessionInA2}',
    statuses: sessionWrite(204, 404, 404),
    setup: async (t, ids) => ({ sessionInA2: (await createSession(t, sessionInA2(), ids.A2)).id }),
  },

  // Attendance: marked by organizers, the stage's hosts and the session's leading mentors (mA
  // leads no session: it sees sA1 through its mentee and may not mark it).
  read('/api/sessions/{sA1}/attendance', SEES_A),
  {
    method: 'PUT',
    path: '/api/sessions/{sA1}/attendance',
    statuses: MARKS_A1(200),
    body: (ids) => ({ marks: [{ participantId: ids.pA2, status: 'present' }] }),
  },
  read('/api/sessions/{sA1}/check-in-code', MARKS_A1(200)),
  {
    method: 'PATCH',
    path: '/api/sessions/{sA1}/check-in-code',
    statuses: MARKS_A1(200),
    body: () => ({ rotateEverySeconds: null }),
  },
  { method: 'POST', path: '/api/sessions/{sA1}/check-in-code/rotate', statuses: MARKS_A1(200) },
  // Only participants check in; sA1 (November 2025) is long over for participantA.
  {
    method: 'POST',
    path: '/api/sessions/{sA1}/check-in',
    statuses: [401, 403, 403, 403, 403, 403, 409, 404],
    body: () => ({ code: 'ABCDEF' }),
  },
  read('/api/cohorts/{A}/attendance-report', SEES_A),
  read('/api/cohorts/{A}/attendance-report/sessions', [401, 200, 200, 404, 403, 403, 403, 403]),
  read('/api/participants/{pA}/attendance', SEES_A),
  read('/api/participants/{pA2}/attendance', [401, 200, 200, 404, 404, 404, 404, 404]),

  // Mentoring meetings: organizers and the meeting's mentor write; its participant reads.
  read('/api/mentors/{mA}/meetings', [401, 200, 403, 403, 200, 404, 403, 403]),
  read('/api/mentors/{mB}/meetings', [401, 200, 403, 403, 404, 200, 403, 403]),
  read('/api/participants/{pA}/meetings', [401, 200, 403, 403, 200, 404, 200, 404]),
  read('/api/meetings/{mtA}', [401, 200, 404, 404, 200, 404, 200, 404]),
  {
    method: 'POST',
    path: '/api/mentors/{mA}/meetings',
    statuses: [401, 201, 403, 403, 201, 404, 403, 403],
    body: (ids) => meetingOf(ids.pA),
  },
  {
    method: 'PATCH',
    path: '/api/meetings/{mtA}',
    statuses: [401, 200, 404, 404, 200, 404, 403, 404],
    body: () => ({ notes: `Обсудили бюджет (${fresh()})` }),
  },
  {
    method: 'DELETE',
    path: '/api/meetings/{meeting}',
    statuses: [401, 204, 404, 404, 204, 404, 403, 404],
    setup: async (t, ids) => ({
      meeting: (await post(t, '/api/mentors/{mA}/meetings', ids, meetingOf(ids.pA))).id,
    }),
  },

  // Notifications: organizers read every message and filter by recipient; others their own.
  read('/api/notifications', SIGNED_IN),
  read('/api/notifications?participantId={pA}', [401, 200, 400, 400, 400, 400, 400, 400]),
  read('/api/me/notification-preferences', SIGNED_IN),
  {
    method: 'PUT',
    path: '/api/me/notification-preferences',
    statuses: SIGNED_IN,
    body: () => ({ eveningDigest: false }),
  },
  {
    method: 'POST',
    path: '/api/auth/password-reset',
    statuses: [202, 202, 202, 202, 202, 202, 202, 202],
    body: () => ({ email: `nobody-${fresh()}@example.ru` }),
  },
];

/** Every table: a refused write must leave all of them (audit log included) as they were. */
const TABLES = [
  'programs',
  'cohorts',
  'stages',
  'stage_hosts',
  'sessions',
  'session_mentors',
  'participants',
  'mentors',
  'enrollments',
  'mentor_assignments',
  'accounts',
  'invitations',
  'audit_entries',
  'attendance',
  'check_in_codes',
  'attendance_warnings',
  'mentoring_meetings',
  'notifications',
  'notification_preferences',
];

const isSuccess = (status: number) => status >= 200 && status < 300;

describe('authorization', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** Table sizes and what the organizer reads at `path`: unchanged when a write is refused. */
  async function snapshot(path: string) {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      counts[table] = await countRows(t.dataSource, table);
    }
    const readBack = await t.http().get(path);
    return { counts, readBack: { status: readBack.status, body: readBack.body as unknown } };
  }

  describe('matrix', () => {
    let world: World;

    beforeAll(async () => {
      world = await buildWorld(t);
    });

    const cells = ROWS.flatMap((row) =>
      ACTORS.map((actor, index) => ({
        row,
        actor,
        expected: row.statuses[index],
        name: `${row.method} ${row.path} as ${actor} → ${row.statuses[index]}`,
      })),
    );

    it.each(cells)('$name', async ({ row, actor, expected }) => {
      const ids = { ...world.ids, ...(row.setup ? await row.setup(t, world.ids) : {}) };
      const path = resolve(row.path, ids);
      const body = row.body?.(ids);
      const refusedWrite = row.method !== 'GET' && !isSuccess(expected);
      const before = refusedWrite ? await snapshot(path) : undefined;

      const response = await send(client(t, world, actor), row.method, path, body);

      // On a mismatch the body shows which rule or check answered.
      const answered = response.status;
      expect(answered === expected ? answered : { answered, body: response.body }).toEqual(
        expected,
      );
      if (before) {
        expect(await snapshot(path)).toEqual(before);
      }
    });
  });

  describe('lists and contacts', () => {
    // A world of its own: the matrix's writes add stages, enrollments and assignments to its
    // cohort A, and what these lists must hold may not depend on which tests ran before.
    let world: World;

    beforeAll(async () => {
      world = await buildWorld(t);
    });

    type Expected = string[] | 'every row' | 404 | 403;
    interface ListCase {
      path: string;
      /** For `every row`: the table the organizer sees all of. */
      table?: string;
      expected: Record<Exclude<ActorName, 'anonymous'>, Expected>;
    }
    const LISTS: ListCase[] = [
      {
        path: '/api/programs',
        table: 'programs',
        expected: {
          organizer: 'every row',
          hostA: ['PA'],
          hostB: ['PB'],
          mentorA: ['PA'],
          mentorB: ['PB'],
          participantA: ['PA'],
          participantB: ['PB'],
        },
      },
      {
        path: '/api/participants',
        table: 'participants',
        expected: {
          organizer: 'every row',
          hostA: ['pA', 'pA2'],
          hostB: ['pB'],
          mentorA: ['pA'],
          mentorB: ['pB'],
          participantA: ['pA'],
          participantB: ['pB'],
        },
      },
      {
        path: '/api/mentors',
        table: 'mentors',
        expected: {
          organizer: 'every row',
          hostA: [],
          hostB: [],
          mentorA: ['mA'],
          mentorB: ['mB'],
          participantA: ['mA'],
          participantB: ['mB'],
        },
      },
      {
        path: '/api/programs/{PA}/cohorts',
        expected: {
          organizer: ['A', 'Anext'],
          hostA: ['A'],
          hostB: 404,
          mentorA: ['A'],
          mentorB: 404,
          participantA: ['A'],
          participantB: 404,
        },
      },
      {
        path: '/api/cohorts/{A}/stages',
        expected: {
          organizer: ['A1', 'A2'],
          hostA: ['A1'],
          hostB: 404,
          mentorA: ['A1', 'A2'],
          mentorB: 404,
          participantA: ['A1', 'A2'],
          participantB: 404,
        },
      },
      {
        path: '/api/stages/{A1}/sessions',
        expected: {
          organizer: ['sA1'],
          hostA: ['sA1'],
          hostB: 404,
          mentorA: ['sA1'],
          mentorB: 404,
          participantA: ['sA1'],
          participantB: 404,
        },
      },
      {
        path: '/api/cohorts/{A}/enrollments',
        expected: {
          organizer: ['enrollmentA', 'enrollmentA2'],
          hostA: ['enrollmentA', 'enrollmentA2'],
          hostB: 404,
          mentorA: ['enrollmentA'],
          mentorB: 404,
          participantA: ['enrollmentA'],
          participantB: 404,
        },
      },
      {
        path: '/api/mentors/{mA}/assignments',
        expected: {
          organizer: ['assignmentA'],
          hostA: 403,
          hostB: 403,
          mentorA: ['assignmentA'],
          mentorB: 404,
          participantA: 403,
          participantB: 403,
        },
      },
      {
        path: '/api/participants/{pA}/meetings',
        expected: {
          organizer: ['mtA'],
          hostA: 403,
          hostB: 403,
          mentorA: ['mtA'],
          mentorB: 404,
          participantA: ['mtA'],
          participantB: 404,
        },
      },
    ];

    const shown = (expected: Expected) =>
      typeof expected === 'number'
        ? `answers ${expected}`
        : expected === 'every row'
          ? 'lists every row'
          : `lists exactly {${expected.join(', ')}}`;
    const listCells = LISTS.flatMap((list) =>
      Object.entries(list.expected).map(([actor, expected]) => ({
        list,
        actor: actor as ActorName,
        expected,
        name: `GET ${list.path} as ${actor} ${shown(expected)}`,
      })),
    );

    it.each(listCells)('$name', async ({ list, actor, expected }) => {
      const response = await client(t, world, actor).get(
        `${resolve(list.path, world.ids)}?limit=200`,
      );
      if (typeof expected === 'number') {
        expect(response.status).toBe(expected);
        return;
      }
      expect(response.status).toBe(200);
      let ids: number[];
      if (expected === 'every row') {
        const rows: { id: number | string }[] = await t.dataSource.query(
          `SELECT id FROM "${list.table}"`,
        );
        ids = rows.map((row) => Number(row.id));
      } else {
        ids = expected.map((name) => world.ids[name]);
      }
      const listed = (response.body.items as { id: number }[]).map((item) => item.id);
      expect([...listed].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
      expect(response.body.total).toBe(ids.length);
    });

    const get = (actor: ActorName, path: string) =>
      client(t, world, actor).get(resolve(path, world.ids)).expect(200);

    /** The listed item with this id. */
    const itemOf = (page: { items: { id: number }[] }, id: number) =>
      page.items.find((item) => item.id === id);

    it.each(['hostA', 'mentorA'] as const)(
      '%s sees pA without email or phone, alone and in every list that names pA',
      async (actor) => {
        const { pA } = world.contacts;
        const single = await get(actor, '/api/participants/{pA}');
        expect(single.body.fullName).toEqual(expect.any(String));
        expect(single.body).not.toHaveProperty('email');
        expect(single.body).not.toHaveProperty('phone');

        const list = await get(actor, '/api/participants');
        const listed = itemOf(list.body, world.ids.pA);
        expect(listed).toBeDefined();
        for (const item of list.body.items) {
          expect(item).not.toHaveProperty('email');
          expect(item).not.toHaveProperty('phone');
        }

        const enrollments = await get(actor, '/api/cohorts/{A}/enrollments');
        expect(enrollments.body.items.length).toBeGreaterThan(0);
        const extra =
          actor === 'mentorA'
            ? [
                await get(actor, '/api/mentors/{mA}/assignments'),
                await get(actor, '/api/participants/{pA}/meetings'),
                await get(actor, '/api/meetings/{mtA}'),
              ]
            : [];
        for (const response of [single, list, enrollments, ...extra]) {
          const json = JSON.stringify(response.body);
          expect(json).not.toContain(pA.email);
          expect(json).not.toContain(pA.phone);
        }
      },
    );

    it.each(['organizer', 'participantA'] as const)(
      "%s sees pA's email and phone, alone and in the list",
      async (actor) => {
        const { pA } = world.contacts;
        const single = await get(actor, '/api/participants/{pA}');
        expect(single.body).toMatchObject(pA);
        const list = await get(actor, '/api/participants?limit=200');
        expect(itemOf(list.body, world.ids.pA)).toMatchObject(pA);
      },
    );

    it('participantA sees its mentor mA without email or phone, alone and in the list', async () => {
      const { mA } = world.contacts;
      const single = await get('participantA', '/api/mentors/{mA}');
      expect(single.body.fullName).toEqual(expect.any(String));
      expect(single.body).not.toHaveProperty('email');
      expect(single.body).not.toHaveProperty('phone');
      const list = await get('participantA', '/api/mentors');
      expect(itemOf(list.body, world.ids.mA)).toBeDefined();
      for (const item of list.body.items) {
        expect(item).not.toHaveProperty('email');
        expect(item).not.toHaveProperty('phone');
      }
      for (const response of [single, list]) {
        expect(JSON.stringify(response.body)).not.toContain(mA.email);
        expect(JSON.stringify(response.body)).not.toContain(mA.phone);
      }
    });

    it.each(['organizer', 'mentorA'] as const)(
      "%s sees mA's email and phone, alone and in the list",
      async (actor) => {
        const { mA } = world.contacts;
        const single = await get(actor, '/api/mentors/{mA}');
        expect(single.body).toMatchObject(mA);
        const list = await get(actor, '/api/mentors?limit=200');
        expect(itemOf(list.body, world.ids.mA)).toMatchObject(mA);
      },
    );
  });
});
