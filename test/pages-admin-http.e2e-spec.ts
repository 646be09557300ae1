import {
  TEST_PASSWORD,
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
import { ORGANIZER } from './support/organizer';
import { Http, TestApp, countRows, createTestApp } from './support/test-app';

/** The token of a page's forms. */
function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) {
    throw new Error('The page has no form with a CSRF token');
  }
  return token;
}

/** Tables the organizer's forms write to. */
const WRITTEN = [
  'programs',
  'cohorts',
  'stages',
  'participants',
  'enrollments',
  'mentor_assignments',
] as const;

/**
 * The organizer's pages over HTTP with a cookie session as a browser keeps one: what they
 * refuse (forms without their CSRF token, other roles, anonymous visitors, bad input), the
 * enroll box's htmx answer, and the English pages.
 */
describe('Pages: the organizer’s pages over HTTP', () => {
  let t: TestApp;
  let w: {
    programId: number;
    cohortId: number;
    stageId: number;
    participantId: number;
    mentorId: number;
    assignmentId: number;
  };

  /** A browser-like client signed in through the sign-in form. */
  async function formSession(email: string, password: string): Promise<Http> {
    const agent = t.anonymous();
    const signInPage = await agent.get('/').expect(200);
    await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfOf(signInPage.text), email, password })
      .expect(303);
    return agent;
  }

  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        WRITTEN.map(async (table) => [table, await countRows(t.dataSource, table)] as const),
      ),
    );

  beforeAll(async () => {
    t = await createTestApp();
    const program = await createProgram(t);
    const cohort = await createCohort(t, {}, program.id);
    const stage = await createStage(t, {}, cohort.id);
    const participant = await createParticipant(t);
    await enroll(t, cohort.id, participant.id);
    const mentor = await createMentor(t);
    const assignment = await t
      .http()
      .post(`/api/mentors/${mentor.id}/assignments`)
      .send({ cohortId: cohort.id, participantId: participant.id })
      .expect(201);
    w = {
      programId: program.id,
      cohortId: cohort.id,
      stageId: stage.id,
      participantId: participant.id,
      mentorId: mentor.id,
      assignmentId: assignment.body.id,
    };
  });
  afterAll(async () => {
    await t.close();
  });

  /** Every form of the organizer's pages, filled with what would be accepted. */
  function forms(): [string, Record<string, string>][] {
    const other = `${Date.now()}`;
    return [
      ['/admin/programs', { title: `Программа ${other}`, organizer: 'ВШГУ' }],
      [`/admin/programs/${w.programId}/cohorts`, { title: `Поток ${other}` }],
      [`/admin/programs/${w.programId}/status`, { status: 'active' }],
      [
        `/admin/cohorts/${w.cohortId}/stages`,
        {
          sequence: '50',
          title: 'Этап в Тюмени',
          city: 'Тюмень',
          region: 'Тюменская область',
          timeZone: 'Asia/Yekaterinburg',
          startDate: '2026-03-16',
          endDate: '2026-03-19',
        },
      ],
      [
        '/admin/participants',
        {
          fullName: 'Новиков Пётр',
          position: 'Глава района',
          municipality: 'Тобольск',
          region: 'Тюменская область',
          email: `novikov${other}@example.ru`,
        },
      ],
      [`/admin/cohorts/${w.cohortId}/enrollments/${w.participantId}/withdraw`, {}],
      [
        `/admin/cohorts/${w.cohortId}/assignments/${w.assignmentId}/remove`,
        { mentorId: String(w.mentorId) },
      ],
    ];
  }

  it('refuses a forged form without its CSRF token, and writes nothing', async () => {
    const organizer = await formSession(ORGANIZER.email, ORGANIZER.password);
    const before = await counts();
    for (const [path, fields] of forms()) {
      const refused = await organizer.post(path).type('form').send(fields);
      expect({ path, status: refused.status }).toEqual({ path, status: 403 });
      expect(refused.text).toContain('Форма устарела');
      const wrongToken = await organizer
        .post(path)
        .type('form')
        .send({ ...fields, _csrf: 'forged-token' });
      expect({ path, status: wrongToken.status }).toEqual({ path, status: 403 });
    }
    expect(await counts()).toEqual(before);
    const enrollments = await t.http().get(`/api/cohorts/${w.cohortId}/enrollments`).expect(200);
    expect(enrollments.body.items[0].status).toBe('active');

    // The same form with the page's token goes through: the token was all that was missing.
    const programsPage = await organizer.get('/admin').expect(200);
    const [path, fields] = forms()[0];
    await organizer
      .post(path)
      .type('form')
      .send({ ...fields, _csrf: csrfOf(programsPage.text) })
      .expect(303);
    expect(await countRows(t.dataSource, 'programs')).toBe(before.programs + 1);
  });

  it('gives participants and hosts the 403 page on every organizer page and form', async () => {
    const participant = await createParticipant(t);
    const asParticipant = await createAccount(t, 'participant', {
      participantId: participant.id,
    });
    const asHost = await createAccount(t, 'host', { stageIds: [w.stageId] });
    const pages = [
      '/admin',
      `/admin/programs/${w.programId}`,
      `/admin/cohorts/${w.cohortId}`,
      `/admin/cohorts/${w.cohortId}/participant-search?find=участник`,
      `/admin/cohorts/${w.cohortId}/attendance-report`,
      `/admin/cohorts/${w.cohortId}/attendance-report.csv`,
      '/admin/participants',
      '/admin/notifications',
    ];
    const before = await counts();
    for (const email of [asParticipant.email, asHost.email]) {
      const session = await formSession(email, TEST_PASSWORD);
      for (const path of pages) {
        const answer = await session.get(path);
        expect({ email, path, status: answer.status }).toEqual({ email, path, status: 403 });
        expect(answer.type).toBe('text/html');
        expect(answer.text).toContain('Нет доступа');
        expect(answer.text).not.toContain('participant_id');
      }
      // Their own pages carry a token bound to their session: with it, the role still decides.
      const home = await session.get('/').redirects(1);
      const token = csrfOf(home.text);
      for (const [path, fields] of forms()) {
        const answer = await session
          .post(path)
          .type('form')
          .send({ ...fields, _csrf: token });
        expect({ email, path, status: answer.status }).toEqual({ email, path, status: 403 });
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('sends anonymous visitors to the sign-in page and back', async () => {
    for (const path of [
      '/admin',
      `/admin/cohorts/${w.cohortId}`,
      `/admin/cohorts/${w.cohortId}/attendance-report.csv`,
      '/admin/participants?search=семина',
    ]) {
      const answer = await t.anonymous().get(path).expect(303);
      // The way back is the address as it was sent, Cyrillic percent-encoded.
      expect(answer.headers.location).toBe(`/?next=${encodeURIComponent(encodeURI(path))}`);
    }
    // A bearer token is the API's: the pages do not take it.
    const bearer = await t.http().get('/admin').expect(303);
    expect(bearer.headers.location).toBe('/?next=%2Fadmin');
  });

  it('shows the stage form’s problems beside its fields, keeps the input and adds nothing', async () => {
    const organizer = await formSession(ORGANIZER.email, ORGANIZER.password);
    const cohortPage = await organizer.get(`/admin/cohorts/${w.cohortId}`).expect(200);
    const stagesBefore = await countRows(t.dataSource, 'stages');
    const refused = await organizer
      .post(`/admin/cohorts/${w.cohortId}/stages`)
      .type('form')
      .send({
        _csrf: csrfOf(cohortPage.text),
        sequence: '7',
        title: 'Стажировка в Тюмени',
        city: 'Тюмень',
        region: '',
        // Tyumen has no IANA zone of its own.
        timeZone: 'Asia/Tyumen',
        startDate: '2026-03-19',
        endDate: '2026-03-16',
        isPublic: 'on',
      })
      .expect(400);
    const errorOf = (field: string) =>
      new RegExp(`<p class="field-error" id="${field}-error">([^<]*)</p>`).exec(refused.text)?.[1];
    expect(errorOf('region')).toBe('Обязательное поле');
    expect(errorOf('timeZone')).toBe('Выберите часовой пояс из списка');
    expect(errorOf('endDate')).toBe('Не раньше первого дня');
    expect(errorOf('title')).toBeUndefined();
    expect(refused.text).toContain('value="Стажировка в Тюмени"');
    expect(refused.text).toContain('value="2026-03-19"');
    expect(refused.text).toMatch(/id="isPublic"[^>]*checked/);
    expect(refused.text).toMatch(/<details class="admin-form" id="new-stage" open/);

    // A cohort's stage number is taken once: a second is refused beside the number.
    const existing = await t.http().get(`/api/stages/${w.stageId}`).expect(200);
    const taken = await organizer
      .post(`/admin/cohorts/${w.cohortId}/stages`)
      .type('form')
      .send({
        _csrf: csrfOf(cohortPage.text),
        sequence: String(existing.body.sequence),
        title: 'Ещё один этап',
        city: 'Тюмень',
        region: 'Тюменская область',
        timeZone: 'Asia/Yekaterinburg',
        startDate: '2026-03-16',
        endDate: '2026-03-19',
      })
      .expect(409);
    expect(taken.text).toContain(
      '<p class="field-error" id="sequence-error">В потоке уже есть этап с таким номером</p>',
    );
    expect(await countRows(t.dataSource, 'stages')).toBe(stagesBefore);
  });

  it('answers the enroll box’s htmx search with the results alone', async () => {
    const organizer = await formSession(ORGANIZER.email, ORGANIZER.password);
    await createParticipant(t, { fullName: 'Ёжиков Лев Маркович', municipality: 'Тобольск' });
    const fragment = await organizer
      .get(`/admin/cohorts/${w.cohortId}/participant-search`)
      .query({ find: 'ЕЖИКОВ' })
      .set('HX-Request', 'true')
      .expect(200);
    expect(fragment.text).toMatch(/^<div id="found" aria-live="polite">/);
    expect(fragment.text).not.toContain('<html');
    expect(fragment.text).toContain('Ёжиков Лев Маркович');
    expect(fragment.text).toContain('aria-label="Зачислить: Ёжиков Лев Маркович"');
    expect(csrfOf(fragment.text)).toBeTruthy();

    const tooLong = await organizer
      .get(`/admin/cohorts/${w.cohortId}/participant-search`)
      .query({ find: 'я'.repeat(201) })
      .expect(200);
    expect(tooLong.text).not.toContain('Ёжиков');
    const missing = await organizer.get('/admin/cohorts/999999/participant-search?find=a');
    expect(missing.status).toBe(404);
  });

  it('tells in the report how many absences were excused and how the program counts them', async () => {
    const cohort = await createCohort(t, {}, w.programId);
    const stage = await createStage(t, {}, cohort.id);
    const person = await createParticipant(t, { fullName: 'Уважительный Пётр' });
    await enroll(t, cohort.id, person.id);
    const sessions = [];
    for (const [from, to] of [
      ['10:00', '11:00'],
      ['12:00', '13:00'],
    ]) {
      sessions.push(
        await createSession(
          t,
          { startsAt: `2025-11-18T${from}`, endsAt: `2025-11-18T${to}`, isMandatory: true },
          stage.id,
        ),
      );
    }
    await publishAgenda(t, stage.id);
    for (const [session, status] of [
      [sessions[0], 'present'],
      [sessions[1], 'excused'],
    ] as const) {
      await t
        .http()
        .put(`/api/sessions/${session.id}/attendance`)
        .send({ marks: [{ participantId: person.id, status }] })
        .expect(200);
    }
    const organizer = await formSession(ORGANIZER.email, ORGANIZER.password);
    const page = await organizer.get(`/admin/cohorts/${cohort.id}/attendance-report`).expect(200);
    const text = page.text.replace(/<[^>]+>/g, '');
    expect(text).toContain('1 из 1 · 100% · уваж.: 1');
    expect(text).toContain(
      'Занятия, пропущенные по уважительной причине («уваж.»), не входят в счёт',
    );
  });

  it('speaks English when asked', async () => {
    const organizer = await formSession(ORGANIZER.email, ORGANIZER.password);
    const programs = await organizer.get('/admin?lang=en').expect(200);
    expect(programs.text).toContain('<html lang="en">');
    expect(programs.text).toContain('<h1>Programs</h1>');
    expect(programs.text).toContain('Create the program');
    const cohort = await organizer.get(`/admin/cohorts/${w.cohortId}`).expect(200);
    expect(cohort.text).toContain('Participants of the cohort');
    expect(cohort.text).toContain('Download CSV');
    const outbox = await organizer.get('/admin/notifications?rule=invitation').expect(200);
    expect(outbox.text).toContain('<option value="invitation" selected>invitation</option>');
    const wrong = await organizer.get('/admin/notifications?status=lost').expect(400);
    expect(wrong.text).toContain(
      '<p class="field-error" id="status-error">Choose a value from the list</p>',
    );
  });
});
