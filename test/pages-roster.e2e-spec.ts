import { Browser, BrowserContext, Page } from 'playwright-core';
import { Clock } from '../src/common/time/clock';
import {
  VIEWPORTS,
  accessibilityViolations,
  launchBrowser,
  listen,
  openContext,
  screenshot,
  signIn,
} from './support/browser';
import {
  TEST_PASSWORD,
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
import { ORGANIZER } from './support/organizer';
import { TestApp, countRows, createTestApp } from './support/test-app';

// 15 December 2026, 09:40 in Tyumen (UTC+5): twenty minutes before the lecture.
const NOW = new Date('2026-12-15T04:40:00Z');

interface RosterItem {
  participant: { id: number };
  attendance: { status: string; method: string; markedBy: number | null } | null;
}

describe('Pages: attendance at the door', () => {
  let t: TestApp;
  let clock: jest.SpyInstance<Date, []>;
  let browser: Browser;
  let baseURL: string;
  let lecture: { id: number };
  let cancelled: { id: number };
  let rotating: { id: number };
  let people: Record<'anna' | 'boris' | 'vera', { id: number }>;
  let host: { email: string; account: { id: number } };
  let otherHost: { email: string };
  let participant: { email: string };
  let leadingMentor: { email: string; account: { id: number } };
  let otherMentor: { email: string };

  const marksOf = async (sessionId: number) => {
    const response = await t.http().get(`/api/sessions/${sessionId}/attendance`);
    expect(response.status).toBe(200);
    return new Map(
      (response.body.items as RosterItem[]).map((item) => [item.participant.id, item.attendance]),
    );
  };
  const row = (page: Page, participantId: number) => page.locator(`#participant-${participantId}`);
  const pressed = (page: Page, participantId: number) =>
    row(page, participantId).locator('button[aria-pressed="true"]').allTextContents();
  const signedIn = async (context: BrowserContext, email: string, password = TEST_PASSWORD) => {
    const page = await context.newPage();
    await signIn(page, email, password);
    return page;
  };

  beforeAll(async () => {
    t = await createTestApp();
    clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(NOW);
    baseURL = await listen(t);
    browser = await launchBrowser();

    const program = await createProgram(t, { status: 'active' });
    const cohort = await createCohort(t, {}, program.id);
    const tyumen = await createStage(
      t,
      { startDate: '2026-12-15', endDate: '2026-12-17', venue: 'Технопарк' },
      cohort.id,
    );
    const moscow = await createMoscowStage(
      t,
      { startDate: '2026-12-14', endDate: '2026-12-16' },
      cohort.id,
    );
    const leader = await createMentor(t, { fullName: 'Головина Ольга Николаевна' });
    const mentor = await createMentor(t);
    lecture = await createSession(
      t,
      {
        title: 'Бренд-бук города',
        mentorIds: [leader.id],
        startsAt: '2026-12-15T10:00',
        endsAt: '2026-12-15T11:30',
        venue: 'Технопарк',
        address: 'ул. Республики, 142, Тюмень',
      },
      tyumen.id,
    );
    cancelled = await createSession(
      t,
      {
        title: 'Экскурсия по набережной',
        type: 'excursion',
        status: 'cancelled',
        startsAt: '2026-12-15T13:00',
        endsAt: '2026-12-15T14:00',
      },
      tyumen.id,
    );
    rotating = await createSession(
      t,
      { title: 'Инвестиционные проекты', startsAt: '2026-12-15T15:00', endsAt: '2026-12-15T16:00' },
      tyumen.id,
    );
    await publishAgenda(t, tyumen.id);
    const configured = await t
      .http()
      .patch(`/api/sessions/${rotating.id}/check-in-code`)
      .send({ rotateEverySeconds: 60 });
    expect(configured.status).toBe(200);

    people = {
      anna: await createParticipant(t, { fullName: 'Алексеева Анна Сергеевна' }),
      boris: await createParticipant(t, { fullName: 'Борисов Игорь Павлович' }),
      vera: await createParticipant(t, { fullName: 'Васильева Вера Олеговна' }),
    };
    for (const person of Object.values(people)) {
      await enroll(t, cohort.id, person.id);
    }
    host = await createAccount(t, 'host', { stageIds: [tyumen.id] });
    otherHost = await createAccount(t, 'host', { stageIds: [moscow.id] });
    participant = await createAccount(t, 'participant', { participantId: people.anna.id });
    await assignMentor(t, mentor.id, cohort.id, people.anna.id);
    leadingMentor = await createAccount(t, 'mentor', { mentorId: leader.id });
    otherMentor = await createAccount(t, 'mentor', { mentorId: mentor.id });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a host marks two participants on a tablet; the marks survive a reload and the API shows them', async () => {
    const context = await openContext(browser, baseURL, 'tablet');
    const page = await signedIn(context, host.email);
    await page.goto(`/sessions/${lecture.id}/roster`);

    await expect(page.locator('h1').textContent()).resolves.toBe('Бренд-бук города');
    await expect(page.locator('.session-time').textContent()).resolves.toBe(
      '10:00–11:30, Тюмень (UTC+5)',
    );
    const names = await page.locator('.roster-name').allTextContents();
    expect(names).toEqual([
      'Алексеева Анна Сергеевна',
      'Борисов Игорь Павлович',
      'Васильева Вера Олеговна',
    ]);
    const code = await t.http().get(`/api/sessions/${lecture.id}/check-in-code`);
    await expect(page.locator('.check-in-code-value').textContent()).resolves.toBe(code.body.code);
    await expect(page.locator('.check-in-link').textContent()).resolves.toContain(
      `/check-in/${lecture.id}?code=${code.body.code}`,
    );
    await expect(page.locator('.check-in-code img.qr').getAttribute('src')).resolves.toMatch(
      /^data:image\/svg\+xml;base64,/,
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    await row(page, people.anna.id).getByRole('button', { name: 'Присутствует' }).click();
    await page.waitForSelector(`#mark-${people.anna.id}[data-state="saved"]`);
    await row(page, people.boris.id).getByRole('button', { name: 'Опоздал(а)' }).click();
    await page.waitForSelector(`#mark-${people.boris.id}[data-state="saved"]`);
    await expect(
      row(page, people.boris.id).locator('[data-save-status]').textContent(),
    ).resolves.toBe('Сохранено');
    await screenshot(page, 'roster', 'tablet');

    await page.reload();
    await expect(pressed(page, people.anna.id)).resolves.toEqual(['✓ Присутствует']);
    await expect(pressed(page, people.boris.id)).resolves.toEqual(['✓ Опоздал(а)']);
    await expect(pressed(page, people.vera.id)).resolves.toEqual([]);
    await expect(row(page, people.anna.id).locator('.roster-current').textContent()).resolves.toBe(
      'Отметка: Присутствует',
    );

    const marks = await marksOf(lecture.id);
    expect(marks.get(people.anna.id)).toMatchObject({
      status: 'present',
      method: 'staff',
      markedBy: host.account.id,
    });
    expect(marks.get(people.boris.id)).toMatchObject({ status: 'late', method: 'staff' });
    expect(marks.get(people.vera.id)).toBeNull();
    await context.close();
  });

  it('a save that fails on a weak connection is shown as not saved, retried and saved; a rotating code is refreshed', async () => {
    const context = await openContext(browser, baseURL, 'tablet');
    const page = await signedIn(context, host.email);
    await page.goto(`/sessions/${lecture.id}/roster`);

    const posts: string[] = [];
    let failedOnce = false;
    await page.route('**/sessions/*/roster/*', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posts.push(route.request().postData() ?? '');
      if (!failedOnce) {
        failedOnce = true;
        return route.abort('internetdisconnected');
      }
      return route.continue();
    });
    await row(page, people.vera.id).getByRole('button', { name: 'Отсутствует' }).click();
    await page.waitForSelector(`#mark-${people.vera.id}[data-state="failed"]`);
    await expect(
      row(page, people.vera.id).locator('[data-save-status]').textContent(),
    ).resolves.toBe('Не сохранено — повторяем…');
    await page.waitForSelector(`#mark-${people.vera.id}[data-state="saved"]`, { timeout: 10_000 });
    expect(posts).toHaveLength(2);
    expect(posts[1]).toContain('status=absent');
    await expect(pressed(page, people.vera.id)).resolves.toEqual(['✓ Отсутствует']);
    expect((await marksOf(lecture.id)).get(people.vera.id)).toMatchObject({
      status: 'absent',
      method: 'staff',
    });

    // A code that changes every minute: the panel asks again just after it changes.
    try {
      clock.mockReturnValue(new Date(NOW.getTime() + 59_000));
      await page.goto(`/sessions/${rotating.id}/roster`);
      const before = await t.http().get(`/api/sessions/${rotating.id}/check-in-code`);
      await expect(page.locator('.check-in-code-value').textContent()).resolves.toBe(
        before.body.code,
      );
      clock.mockReturnValue(new Date(NOW.getTime() + 61_000));
      const after = await t.http().get(`/api/sessions/${rotating.id}/check-in-code`);
      expect(after.body.code).not.toBe(before.body.code);
      await page.waitForFunction(
        (code) => document.querySelector('.check-in-code-value')?.textContent === code,
        after.body.code,
        { timeout: 10_000 },
      );
    } finally {
      clock.mockReturnValue(NOW);
    }
    await context.close();
  });

  it('without JavaScript a tap is a form post that comes back to the roster; a cancelled session says so', async () => {
    const context = await browser.newContext({
      ...VIEWPORTS.desktop,
      baseURL,
      locale: 'ru-RU',
      javaScriptEnabled: false,
    });
    const page = await signedIn(context, host.email);
    await page.goto(`/sessions/${lecture.id}/roster`);
    const [response] = await Promise.all([
      page.waitForResponse((answer) => answer.request().method() === 'POST'),
      row(page, people.anna.id).getByRole('button', { name: 'Уважительная причина' }).click(),
    ]);
    expect(response.status()).toBe(303);
    await page.waitForURL((url) => url.hash === `#participant-${people.anna.id}`);
    expect(new URL(page.url()).pathname).toBe(`/sessions/${lecture.id}/roster`);
    await expect(pressed(page, people.anna.id)).resolves.toEqual(['✓ Уважительная причина']);
    expect((await marksOf(lecture.id)).get(people.anna.id)).toMatchObject({
      status: 'excused',
      method: 'staff',
    });

    await page.goto(`/sessions/${cancelled.id}/roster`);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Занятие отменено: отметки не ставятся, самоотметки нет.',
    );
    await expect(page.locator('.check-in-code').count()).resolves.toBe(0);
    await expect(page.locator('button.mark').count()).resolves.toBe(0);
    const code = await t.http().get(`/api/sessions/${cancelled.id}/check-in-code`);
    expect(code.status).toBe(409);
    await context.close();
  });

  it('on a desktop the organizer sees the roster and the code on a screen of its own', async () => {
    const context = await openContext(browser, baseURL, 'desktop');
    const page = await signedIn(context, ORGANIZER.email, ORGANIZER.password);
    await page.goto(`/sessions/${lecture.id}/roster`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Бренд-бук города');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'roster', 'desktop');

    await page.goto(`/sessions/${lecture.id}/roster/check-in-code`);
    const code = await t.http().get(`/api/sessions/${lecture.id}/check-in-code`);
    await expect(
      page.locator('.check-in-code.screen .check-in-code-value').textContent(),
    ).resolves.toBe(code.body.code);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'check-in-code-screen', 'desktop');
    await context.close();
  });

  it('a mentor who leads the session marks it; a mentor who does not is refused', async () => {
    const leaderContext = await openContext(browser, baseURL, 'tablet');
    const leaderPage = await signedIn(leaderContext, leadingMentor.email);
    const shown = await leaderPage.goto(`/sessions/${lecture.id}/roster`);
    expect(shown?.status()).toBe(200);
    await expect(leaderPage.locator('.roster-name').count()).resolves.toBe(3);
    await expect(leaderPage.locator('.check-in-code-value').count()).resolves.toBe(1);
    await row(leaderPage, people.anna.id).getByRole('button', { name: 'Присутствует' }).click();
    await leaderPage.waitForSelector(`#mark-${people.anna.id}[data-state="saved"]`);
    expect((await marksOf(lecture.id)).get(people.anna.id)).toMatchObject({
      status: 'present',
      method: 'staff',
      markedBy: leadingMentor.account.id,
    });
    await leaderContext.close();

    // Its mentee is on the API's roster for it, but it does not mark this session.
    const mentorContext = await openContext(browser, baseURL, 'tablet');
    const mentorPage = await signedIn(mentorContext, otherMentor.email);
    const refused = await mentorPage.goto(`/sessions/${lecture.id}/roster`);
    expect(refused?.status()).toBe(403);
    await mentorContext.close();
  });

  it('refuses a participant, a host of another stage, anonymous visitors and a forged post', async () => {
    const anonymous = await openContext(browser, baseURL, 'phone');
    const visitor = await anonymous.newPage();
    await visitor.goto(`/sessions/${lecture.id}/roster`);
    expect(new URL(visitor.url()).pathname).toBe('/');
    expect(new URL(visitor.url()).searchParams.get('next')).toBe(`/sessions/${lecture.id}/roster`);
    await anonymous.close();

    const participantContext = await openContext(browser, baseURL, 'phone');
    const participantPage = await signedIn(participantContext, participant.email);
    const refused = await participantPage.goto(`/sessions/${lecture.id}/roster`);
    expect(refused?.status()).toBe(403);
    await expect(participantPage.locator('h1').textContent()).resolves.toBe('Нет доступа');
    await participantContext.close();

    const otherContext = await openContext(browser, baseURL, 'tablet');
    const otherPage = await signedIn(otherContext, otherHost.email);
    const hidden = await otherPage.goto(`/sessions/${lecture.id}/roster`);
    expect(hidden?.status()).toBe(404);
    await expect(otherPage.locator('main').textContent()).resolves.not.toContain(
      'Алексеева Анна Сергеевна',
    );
    // With a valid token of its own, its post is refused like the page.
    const otherToken = await otherPage.locator('input[name="_csrf"]').first().inputValue();
    const otherPost = await otherContext.request.post(
      `/sessions/${lecture.id}/roster/${people.boris.id}`,
      { form: { status: 'absent', _csrf: otherToken }, maxRedirects: 0 },
    );
    expect(otherPost.status()).toBe(404);
    await otherContext.close();

    const hostContext = await openContext(browser, baseURL, 'tablet');
    const hostPage = await signedIn(hostContext, host.email);
    await hostPage.goto(`/sessions/${lecture.id}/roster`);
    const token = await hostPage.locator('input[name="_csrf"]').first().inputValue();
    const records = await countRows(t.dataSource, 'attendance');
    const forged = await hostContext.request.post(
      `/sessions/${lecture.id}/roster/${people.boris.id}`,
      { form: { status: 'absent' }, maxRedirects: 0 },
    );
    expect(forged.status()).toBe(403);
    const unknownStatus = await hostContext.request.post(
      `/sessions/${lecture.id}/roster/${people.boris.id}`,
      { form: { status: 'asleep', _csrf: token }, maxRedirects: 0 },
    );
    expect(unknownStatus.status()).toBe(400);
    expect(await countRows(t.dataSource, 'attendance')).toBe(records);
    expect((await marksOf(lecture.id)).get(people.boris.id)).toMatchObject({ status: 'late' });
    await hostContext.close();
  });
});
