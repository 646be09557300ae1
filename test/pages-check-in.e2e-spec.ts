import { Browser, Page } from 'playwright-core';
import { Clock } from '../src/common/time/clock';
import {
  accessibilityViolations,
  launchBrowser,
  listen,
  openContext,
  screenshot,
  signIn,
} from './support/browser';
import {
  TEST_PASSWORD,
  createAccount,
  createCohort,
  createParticipant,
  createProgram,
  createSession,
  createStage,
  enroll,
  publishAgenda,
} from './support/factories';
import { TestApp, countRows, createTestApp } from './support/test-app';

// 15 December 2026, 09:40 in Tyumen (UTC+5): the lecture's check-in opened at 09:30.
const NOW = new Date('2026-12-15T04:40:00Z');

interface RosterItem {
  participant: { id: number };
  attendance: { status: string; method: string; markedBy: number | null } | null;
}

describe('Pages: a participant checks itself in', () => {
  let t: TestApp;
  let clock: jest.SpyInstance<Date, []>;
  let browser: Browser;
  let baseURL: string;
  let sessions: Record<'lecture' | 'later' | 'earlier', { id: number }>;
  let codes: Record<'lecture' | 'later' | 'earlier', { code: string; link: string }>;
  let people: Record<'anna' | 'boris' | 'vera', { id: number }>;
  let accounts: Record<'anna' | 'boris' | 'vera', { email: string; account: { id: number } }>;

  const recordOf = async (sessionId: number, participantId: number) => {
    const response = await t.http().get(`/api/sessions/${sessionId}/attendance`);
    expect(response.status).toBe(200);
    return (response.body.items as RosterItem[]).find(
      (item) => item.participant.id === participantId,
    )!.attendance;
  };
  const submit = async (page: Page) => {
    const [response] = await Promise.all([
      page.waitForResponse((answer) => answer.request().method() === 'POST'),
      page.getByRole('button', { name: 'Отметиться' }).click(),
    ]);
    await page.waitForLoadState();
    return response.status();
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
      { startDate: '2026-12-15', endDate: '2026-12-17' },
      cohort.id,
    );
    sessions = {
      lecture: await createSession(
        t,
        {
          title: 'Бренд-бук города',
          startsAt: '2026-12-15T10:00',
          endsAt: '2026-12-15T11:30',
          venue: 'Технопарк',
        },
        tyumen.id,
      ),
      later: await createSession(
        t,
        {
          title: 'Инвестиционные проекты',
          startsAt: '2026-12-15T15:00',
          endsAt: '2026-12-15T16:00',
        },
        tyumen.id,
      ),
      earlier: await createSession(
        t,
        { title: 'Утренний сбор', startsAt: '2026-12-15T07:00', endsAt: '2026-12-15T08:00' },
        tyumen.id,
      ),
    };
    await publishAgenda(t, tyumen.id);
    const codeOf = async (sessionId: number) =>
      (await t.http().get(`/api/sessions/${sessionId}/check-in-code`)).body;
    codes = {
      lecture: await codeOf(sessions.lecture.id),
      later: await codeOf(sessions.later.id),
      earlier: await codeOf(sessions.earlier.id),
    };
    people = {
      anna: await createParticipant(t, { fullName: 'Алексеева Анна Сергеевна' }),
      boris: await createParticipant(t, { fullName: 'Борисов Игорь Павлович' }),
      vera: await createParticipant(t, { fullName: 'Васильева Вера Олеговна' }),
    };
    for (const person of Object.values(people)) {
      await enroll(t, cohort.id, person.id);
    }
    accounts = {
      anna: await createAccount(t, 'participant', { participantId: people.anna.id }),
      boris: await createAccount(t, 'participant', { participantId: people.boris.id }),
      vera: await createAccount(t, 'participant', { participantId: people.vera.id }),
    };
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('on a phone: types the code (a wrong one first) and is marked present', async () => {
    const context = await openContext(browser, baseURL, 'phone');
    const page = await context.newPage();
    await signIn(page, accounts.anna.email, TEST_PASSWORD);
    await page.goto(`/check-in/${sessions.lecture.id}`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Бренд-бук города');
    await expect(page.locator('.session-time').textContent()).resolves.toBe(
      '10:00–11:30, Тюмень (UTC+5)',
    );
    await expect(page.locator('.check-in-form .hint').last().textContent()).resolves.toBe(
      'Отметиться можно с 09:30 до 11:30, Тюмень (UTC+5); после 10:10 отметка — «опоздание».',
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'check-in', 'phone');

    expect(await submit(page)).toBe(400);
    await expect(page.locator('#code-error').textContent()).resolves.toBe('Обязательное поле');

    await page.getByLabel('Код занятия').fill('ZZZ-999');
    expect(await submit(page)).toBe(400);
    await expect(page.locator('#code-error').textContent()).resolves.toBe(
      'Код не подходит. Проверьте его на экране и введите снова.',
    );
    await expect(page.getByLabel('Код занятия').inputValue()).resolves.toBe('ZZZ-999');
    await expect(page.getByLabel('Код занятия').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await recordOf(sessions.lecture.id, people.anna.id)).toBeNull();

    // Typed as a person might: lower case, with a space in the middle.
    const typed = `${codes.lecture.code.slice(0, 3)} ${codes.lecture.code.slice(3)}`;
    await page.getByLabel('Код занятия').fill(typed.toLowerCase());
    expect(await submit(page)).toBe(303);
    expect(new URL(page.url()).pathname).toBe(`/check-in/${sessions.lecture.id}`);
    await expect(page.locator('.notice').textContent()).resolves.toBe(
      'Вы отмечены: присутствуете. Спасибо!',
    );
    await expect(page.locator('form.check-in-form').count()).resolves.toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await recordOf(sessions.lecture.id, people.anna.id)).toMatchObject({
      status: 'present',
      method: 'self',
      markedBy: accounts.anna.account.id,
    });
    await context.close();
  });

  it('on a desktop: opens the QR link, signs in, comes back with the code and checks in with one button', async () => {
    const context = await openContext(browser, baseURL, 'desktop');
    const page = await context.newPage();
    const link = new URL(codes.lecture.link);
    expect(link.pathname).toBe(`/check-in/${sessions.lecture.id}`);
    await page.goto(`${link.pathname}${link.search}`);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByLabel('Электронная почта').fill(accounts.boris.email);
    await page.getByLabel('Пароль').fill(TEST_PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname === link.pathname),
      page.getByRole('button', { name: 'Войти' }).click(),
    ]);
    expect(new URL(page.url()).searchParams.get('code')).toBe(codes.lecture.code);
    await expect(page.getByLabel('Код занятия').inputValue()).resolves.toBe(codes.lecture.code);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'check-in', 'desktop');

    expect(await submit(page)).toBe(303);
    await expect(page.locator('.notice').textContent()).resolves.toBe(
      'Вы отмечены: присутствуете. Спасибо!',
    );
    await screenshot(page, 'check-in-done', 'desktop');
    expect(await recordOf(sessions.lecture.id, people.boris.id)).toMatchObject({
      status: 'present',
      method: 'self',
    });
    await context.close();
  });

  it('outside the window says when it opens or closed, in local time; late after the grace; a forged post is refused', async () => {
    const context = await openContext(browser, baseURL, 'phone');
    const page = await context.newPage();
    await signIn(page, accounts.vera.email, TEST_PASSWORD);
    const records = await countRows(t.dataSource, 'attendance');

    await page.goto(`/check-in/${sessions.later.id}?code=${codes.later.code}`);
    expect(await submit(page)).toBe(409);
    await expect(page.locator('.form-problems').textContent()).resolves.toBe(
      'Отметка ещё не открыта: она откроется в 14:30, Тюмень (UTC+5).',
    );
    await expect(page.getByLabel('Код занятия').inputValue()).resolves.toBe(codes.later.code);

    await page.goto(`/check-in/${sessions.earlier.id}?code=${codes.earlier.code}&lang=en`);
    const [closed] = await Promise.all([
      page.waitForResponse((answer) => answer.request().method() === 'POST'),
      page.getByRole('button', { name: 'Check in' }).click(),
    ]);
    expect(closed.status()).toBe(409);
    await expect(page.locator('.form-problems').textContent()).resolves.toBe(
      'Check-in has closed: it closed at 08:00, Тюмень (UTC+5).',
    );
    await page.goto(`/check-in/${sessions.earlier.id}?lang=ru`);

    const forged = await context.request.post(`/check-in/${sessions.lecture.id}`, {
      form: { code: codes.lecture.code },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await countRows(t.dataSource, 'attendance')).toBe(records);

    // 10:20 in Tyumen: ten minutes past the grace of the lecture.
    try {
      clock.mockReturnValue(new Date('2026-12-15T05:20:00Z'));
      await page.goto(`/check-in/${sessions.lecture.id}?code=${codes.lecture.code}`);
      expect(await submit(page)).toBe(303);
      await expect(page.locator('.notice').textContent()).resolves.toBe(
        'Вы отмечены с опозданием.',
      );
    } finally {
      clock.mockReturnValue(NOW);
    }
    expect(await recordOf(sessions.lecture.id, people.vera.id)).toMatchObject({
      status: 'late',
      method: 'self',
    });
    expect(await recordOf(sessions.later.id, people.vera.id)).toBeNull();
    expect(await recordOf(sessions.earlier.id, people.vera.id)).toBeNull();
    await context.close();
  });
});
