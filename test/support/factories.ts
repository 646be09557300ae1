import { TestApp } from './test-app';

/**
 * Test data made through the HTTP API, so every factory exercises the real stack. Each call
 * makes unique values where uniqueness is required; pass overrides for what a test cares about.
 */
let counter = 0;
const next = () => ++counter;

type Body = Record<string, unknown>;

async function post(t: TestApp, path: string, body: Body) {
  const response = await t.http().post(path).send(body);
  if (response.status !== 201) {
    throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

export function createProgram(t: TestApp, overrides: Body = {}) {
  return post(t, '/api/programs', {
    title: `Школа мэров ${next()}`,
    organizer: 'ВШГУ РАНХиГС',
    ...overrides,
  });
}

export async function createCohort(t: TestApp, overrides: Body = {}, programId?: number) {
  const program = programId ?? (await createProgram(t)).id;
  return post(t, `/api/programs/${program}/cohorts`, {
    title: `2025, поток ${next()}`,
    ...overrides,
  });
}

/** A stage in Tyumen (UTC+5) from 2025-11-17 to 2025-11-20 unless overridden. */
export async function createStage(t: TestApp, overrides: Body = {}, cohortId?: number) {
  const cohort = cohortId ?? (await createCohort(t)).id;
  return post(t, `/api/cohorts/${cohort}/stages`, {
    sequence: next(),
    title: 'Стажировка в Тюмени',
    city: 'Тюмень',
    region: 'Тюменская область',
    timeZone: 'Asia/Yekaterinburg',
    startDate: '2025-11-17',
    endDate: '2025-11-20',
    ...overrides,
  });
}

/** A stage near Moscow (UTC+3) from 2025-10-06 to 2025-10-10 unless overridden. */
export function createMoscowStage(t: TestApp, overrides: Body = {}, cohortId?: number) {
  return createStage(
    t,
    {
      title: 'Управленческая мастерская',
      city: 'Сколково',
      region: 'Московская область',
      timeZone: 'Europe/Moscow',
      startDate: '2025-10-06',
      endDate: '2025-10-10',
      ...overrides,
    },
    cohortId,
  );
}

/** A session as a read shows it (the `warnings` of the write left out). */
export async function createSession(t: TestApp, overrides: Body = {}, stageId?: number) {
  const stage = stageId ?? (await createStage(t)).id;
  const { warnings: _warnings, ...session } = await post(t, `/api/stages/${stage}/sessions`, {
    title: 'Лекция о бренд-буке города',
    type: 'lecture',
    startsAt: '2025-11-18T10:00',
    endsAt: '2025-11-18T11:30',
    ...overrides,
  });
  return session;
}

/** Publishes the stage's agenda as it is now: what participants and mentors then see. */
export function publishAgenda(t: TestApp, stageId: number) {
  return post(t, `/api/stages/${stageId}/agenda/publish`, {});
}

export function createParticipant(t: TestApp, overrides: Body = {}) {
  const n = next();
  return post(t, '/api/participants', {
    fullName: `Участник ${n}`,
    position: 'Глава муниципального округа',
    municipality: 'Ишимский район',
    region: 'Тюменская область',
    email: `participant${n}@example.ru`,
    ...overrides,
  });
}

export function createMentor(t: TestApp, overrides: Body = {}) {
  const n = next();
  return post(t, '/api/mentors', {
    fullName: `Наставник ${n}`,
    position: 'Заместитель главы города',
    organization: 'Администрация города Тюмени',
    email: `mentor${n}@example.ru`,
    ...overrides,
  });
}

export function enroll(t: TestApp, cohortId: number, participantId: number) {
  return post(t, `/api/cohorts/${cohortId}/enrollments`, { participantId });
}

export function assignMentor(
  t: TestApp,
  mentorId: number,
  cohortId: number,
  participantId: number,
) {
  return post(t, `/api/mentors/${mentorId}/assignments`, { cohortId, participantId });
}

export const TEST_PASSWORD = 'a long test password';

/**
 * An account of `role`, invited by the organizer and signed in: `token` is its access token.
 * Pass `participantId` for a participant, `mentorId` for a mentor, `stageIds` for a host.
 */
export async function createAccount(
  t: TestApp,
  role: 'organizer' | 'host' | 'mentor' | 'participant',
  links: { participantId?: number; mentorId?: number; stageIds?: number[] } = {},
) {
  const n = next();
  const linked = links.participantId !== undefined || links.mentorId !== undefined;
  const email = `account${n}@example.ru`;
  const invitation = await post(t, '/api/invitations', {
    email,
    role,
    ...(linked ? {} : { fullName: `Аккаунт ${n}` }),
    ...links,
  });
  const accepted = await t
    .anonymous()
    .post('/api/invitations/accept')
    .send({ token: invitation.token, password: TEST_PASSWORD });
  if (accepted.status !== 200) {
    throw new Error(`Accepting the invitation answered ${accepted.status}`);
  }
  return {
    account: invitation.account as { id: number; email: string; role: string },
    email,
    token: accepted.body.accessToken as string,
  };
}
