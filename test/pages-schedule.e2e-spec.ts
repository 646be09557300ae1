import { Browser } from 'playwright-core';
import { Clock } from '../src/common/time/clock';
import {
  accessibilityViolations,
  assetBytes,
  launchBrowser,
  listen,
  openContext,
  screenshot,
  signIn,
  ViewportName,
} from './support/browser';
import {
  TEST_PASSWORD,
  createAccount,
  createCohort,
  createMoscowStage,
  createParticipant,
  createProgram,
  createSession,
  createStage,
  enroll,
  publishAgenda,
} from './support/factories';
import { ORGANIZER } from './support/organizer';
import { TestApp, createTestApp } from './support/test-app';

// 15 December 2026, 09:40 in Tyumen (UTC+5), 07:40 in Moscow (UTC+3).
const NOW = new Date('2026-12-15T04:40:00Z');

describe('Pages: signing in and the participant’s schedule', () => {
  let t: TestApp;
  let browser: Browser;
  let baseURL: string;
  let email: string;
  let accountId: number;
  let token: string;
  let sessions: Record<'yesterday' | 'tyumen' | 'moscow', { id: number }>;

  beforeAll(async () => {
    t = await createTestApp();
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(NOW);
    baseURL = await listen(t);
    browser = await launchBrowser();

    const program = await createProgram(t, { status: 'active' });
    const cohort = await createCohort(t, {}, program.id);
    const moscow = await createMoscowStage(
      t,
      { startDate: '2026-12-14', endDate: '2026-12-16' },
      cohort.id,
    );
    const tyumen = await createStage(
      t,
      { startDate: '2026-12-15', endDate: '2026-12-17' },
      cohort.id,
    );
    sessions = {
      yesterday: await createSession(
        t,
        { title: 'Вводная лекция', startsAt: '2026-12-14T15:00', endsAt: '2026-12-14T16:00' },
        moscow.id,
      ),
      // 09:00 Moscow is 06:00 UTC: after 10:00 Tyumen (05:00 UTC) though its clock reads earlier.
      moscow: await createSession(
        t,
        {
          title: 'Единая инвестиционная команда',
          startsAt: '2026-12-15T09:00',
          endsAt: '2026-12-15T10:00',
          venue: 'Сколково',
          address: 'Новая ул., 100, Сколково',
        },
        moscow.id,
      ),
      tyumen: await createSession(
        t,
        {
          title: 'Бренд-бук города',
          startsAt: '2026-12-15T10:00',
          endsAt: '2026-12-15T11:30',
          onlineUrl: 'https://meet.example.ru/brand',
          isMandatory: true,
        },
        tyumen.id,
      ),
    };
    await publishAgenda(t, moscow.id);
    await publishAgenda(t, tyumen.id);
    const participant = await createParticipant(t, { fullName: 'Смирнова Анна Петровна' });
    await enroll(t, cohort.id, participant.id);
    const account = await createAccount(t, 'participant', { participantId: participant.id });
    email = account.email;
    accountId = account.account.id;
    token = account.token;
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each<ViewportName>(['phone', 'desktop'])(
    'on a %s: signs in, sees Tyumen and Moscow sessions in local time and true order, can check in',
    async (size) => {
      const context = await openContext(browser, baseURL, size);
      const page = await context.newPage();
      await page.goto('/');
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'sign-in', size);

      await signIn(page, email, TEST_PASSWORD);
      expect(new URL(page.url()).pathname).toBe('/schedule');
      await expect(page.locator('h1').textContent()).resolves.toBe('Моё расписание');

      const coming = page.locator('main > section.day');
      await expect(coming.count()).resolves.toBe(1);
      await expect(coming.locator('h2').textContent()).resolves.toBe('вторник, 15 декабря 2026');
      const times = await coming.locator('.session-time').allTextContents();
      expect(times).toEqual(['10:00–11:30, Тюмень (UTC+5)', '09:00–10:00, Сколково (UTC+3)']);
      const titles = await coming.locator('.session-title').allTextContents();
      expect(titles[0]).toContain('Бренд-бук города');
      expect(titles[1]).toContain('Единая инвестиционная команда');
      // The map link of the address, the online link of the online session.
      await expect(
        coming.getByRole('link', { name: 'на карте' }).getAttribute('href'),
      ).resolves.toContain('yandex.ru/maps/?text=');
      await expect(coming.getByRole('link', { name: 'Онлайн' }).getAttribute('href')).resolves.toBe(
        'https://meet.example.ru/brand',
      );

      // Yesterday is folded away.
      const past = page.locator('details.past-days');
      await expect(past.locator('summary').textContent()).resolves.toBe('Прошедшие дни (1)');
      await expect(past.getAttribute('open')).resolves.toBeNull();
      await expect(past.locator('.session-title').isVisible()).resolves.toBe(false);

      // Check-in opens before the Tyumen session only (the Moscow one starts in 80 minutes).
      const checkIns = page.getByRole('link', { name: 'Отметиться' });
      await expect(checkIns.count()).resolves.toBe(1);
      await expect(checkIns.getAttribute('href')).resolves.toBe(`/check-in/${sessions.tyumen.id}`);

      expect(await accessibilityViolations(page)).toEqual([]);
      expect(await assetBytes(page)).toBeLessThanOrEqual(100 * 1024);
      await screenshot(page, 'schedule', size);
      await context.close();
    },
  );

  it('keeps one heading per local date when zones put a later start on an earlier date', async () => {
    const program = await createProgram(t, { status: 'active' });
    const cohort = await createCohort(t, {}, program.id);
    const vladivostok = await createStage(
      t,
      {
        title: 'Стажировка во Владивостоке',
        city: 'Владивосток',
        region: 'Приморский край',
        timeZone: 'Asia/Vladivostok',
        startDate: '2026-12-21',
        endDate: '2026-12-22',
      },
      cohort.id,
    );
    const moscow = await createMoscowStage(
      t,
      { startDate: '2026-12-20', endDate: '2026-12-21' },
      cohort.id,
    );
    // In UTC order: 19:00 (the 21st in Vladivostok), 20:00 (the 20th in Moscow), 00:00 (the 21st).
    await createSession(
      t,
      { title: 'Утро во Владивостоке', startsAt: '2026-12-21T05:00', endsAt: '2026-12-21T06:00' },
      vladivostok.id,
    );
    await createSession(
      t,
      { title: 'Поздний вечер в Москве', startsAt: '2026-12-20T23:00', endsAt: '2026-12-20T23:30' },
      moscow.id,
    );
    await createSession(
      t,
      { title: 'День во Владивостоке', startsAt: '2026-12-21T10:00', endsAt: '2026-12-21T11:00' },
      vladivostok.id,
    );
    await publishAgenda(t, vladivostok.id);
    await publishAgenda(t, moscow.id);
    const traveller = await createParticipant(t, { fullName: 'Путешественников Иван' });
    await enroll(t, cohort.id, traveller.id);
    const account = await createAccount(t, 'participant', { participantId: traveller.id });

    const context = await openContext(browser, baseURL, 'desktop');
    const page = await context.newPage();
    await signIn(page, account.email, TEST_PASSWORD);
    const days = page.locator('main > section.day');
    await expect(days.locator('h2').allTextContents()).resolves.toEqual([
      'воскресенье, 20 декабря 2026',
      'понедельник, 21 декабря 2026',
    ]);
    const ids = await days.locator('h2').evaluateAll((headings) => headings.map((h) => h.id));
    expect(new Set(ids).size).toBe(ids.length);
    await expect(days.nth(1).locator('.session-title').allTextContents()).resolves.toEqual([
      expect.stringContaining('Утро во Владивостоке'),
      expect.stringContaining('День во Владивостоке'),
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('signs in and reads the schedule without JavaScript', async () => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, email, TEST_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/schedule');
    await expect(
      page.locator('main > section.day .session-time').first().textContent(),
    ).resolves.toBe('10:00–11:30, Тюмень (UTC+5)');
    await context.close();
  });

  it('subscribes to the calendar and renews the link; the old link ends', async () => {
    const context = await openContext(browser, baseURL, 'phone');
    const page = await context.newPage();
    await signIn(page, email, TEST_PASSWORD);

    const webcal = await page
      .getByRole('link', { name: 'Подписаться (webcal)' })
      .getAttribute('href');
    const feedUrl = await page.getByLabel('Ссылка на календарь').inputValue();
    expect(webcal).toBe(feedUrl.replace(/^https?:/, 'webcal:'));
    const feed = await page.request.get(new URL(new URL(feedUrl).pathname, baseURL).href);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    const calendar = await feed.text();
    expect(calendar).toContain('SUMMARY:Бренд-бук города');
    expect(calendar).toContain('DTSTART;TZID=Asia/Yekaterinburg:20261215T100000');
    expect(calendar).toContain('DTSTART;TZID=Europe/Moscow:20261215T090000');
    await expect(page.getByRole('img', { name: /QR-код/ }).isVisible()).resolves.toBe(true);

    await page.getByRole('button', { name: 'Заменить ссылку' }).click();
    await page.waitForURL(/rotated=1/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Ссылка заменена');
    const renewed = await page.getByLabel('Ссылка на календарь').inputValue();
    expect(renewed).not.toBe(feedUrl);
    const old = await page.request.get(new URL(new URL(feedUrl).pathname, baseURL).href);
    expect(old.status()).toBe(404);
    const current = await page.request.get(new URL(new URL(renewed).pathname, baseURL).href);
    expect(current.status()).toBe(200);
    await context.close();
  });

  it('speaks the browser’s language to a visitor and the account’s language once signed in', async () => {
    const context = await openContext(browser, baseURL, 'desktop', 'en-GB');
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Sign in');
    await signIn(page, email, TEST_PASSWORD);
    // The participant's language is Russian: it wins over the browser's.
    await expect(page.locator('h1').textContent()).resolves.toBe('Моё расписание');
    await t.as(token).put('/api/me/notification-preferences').send({ locale: 'en' }).expect(200);
    try {
      await page.reload();
      await expect(page.locator('h1').textContent()).resolves.toBe('My schedule');
      await expect(page.locator('main > section.day h2').textContent()).resolves.toBe(
        'Tuesday, 15 December 2026',
      );
      await expect(page.getByRole('link', { name: 'Check in' }).count()).resolves.toBe(1);
      // The language switch wins over the account's, and stays.
      await page.getByRole('link', { name: 'Русский' }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe('Моё расписание');
      await page.goto('/schedule');
      await expect(page.locator('h1').textContent()).resolves.toBe('Моё расписание');
    } finally {
      await context.close();
      await t.as(token).put('/api/me/notification-preferences').send({ locale: 'ru' }).expect(200);
    }
  });

  it('keeps the pages’ session and the API’s bearer tokens apart', async () => {
    const context = await openContext(browser, baseURL, 'desktop');
    const page = await context.newPage();
    await signIn(page, email, TEST_PASSWORD);
    const session = (await context.cookies()).find((cookie) => cookie.name === 'session')!;
    await t.as(session.value).get('/api/me').expect(401);
    const asCookie = await t.anonymous().get('/schedule').set('Cookie', `session=${token}`);
    expect(asCookie.status).toBe(303);
    expect(asCookie.headers.location).toBe('/?next=%2Fschedule');
    await context.close();
  });

  it('answers a form too large to read with a page, not a server error', async () => {
    const response = await t
      .anonymous()
      .post('/sign-in')
      .type('form')
      .send({ email: 'x'.repeat(2 * 1024 * 1024), password: 'x' });
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('a wrong password keeps the email and says so; a bad email is marked beside its field', async () => {
    const context = await openContext(browser, baseURL, 'phone');
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Электронная почта').fill(email);
    await page.getByLabel('Пароль').fill('not the password at all');
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Неверная почта или пароль.',
    );
    await expect(page.getByLabel('Электронная почта').inputValue()).resolves.toBe(email);
    await expect(page.getByLabel('Пароль').inputValue()).resolves.toBe('');

    await page.getByLabel('Электронная почта').fill('not-an-address');
    await page.getByLabel('Пароль').fill('x');
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page.locator('#email-error').textContent()).resolves.toBe(
      'Нужен адрес электронной почты',
    );
    await expect(page.getByLabel('Электронная почта').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await expect(page.getByLabel('Электронная почта').inputValue()).resolves.toBe('not-an-address');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('sends a visitor who is not signed in to sign in, and back after it', async () => {
    const context = await openContext(browser, baseURL, 'phone');
    const page = await context.newPage();
    await page.goto('/schedule');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/schedule');
    await signIn(page, email, TEST_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/schedule');
    await context.close();
  });

  it('never sends a sign-in to another site', async () => {
    const response = await t
      .anonymous()
      .get('/')
      .then(async (first) => {
        const cookies = first.headers['set-cookie'] as unknown as string[];
        const token = /name="_csrf" value="([^"]+)"/.exec(first.text)![1];
        return t
          .anonymous()
          .post('/sign-in')
          .set('Cookie', cookies.map((cookie) => cookie.split(';')[0]).join('; '))
          .type('form')
          .send({ _csrf: token, email, password: TEST_PASSWORD, next: '//evil.example/x' });
      });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/schedule');
  });

  it('sets the session cookie httpOnly and SameSite=Lax; signing out ends it', async () => {
    const context = await openContext(browser, baseURL, 'desktop');
    const page = await context.newPage();
    await signIn(page, email, TEST_PASSWORD);
    const session = (await context.cookies()).find((cookie) => cookie.name === 'session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect((await context.cookies()).find((cookie) => cookie.name === 'session')).toBeUndefined();
    // A copy of the cookie taken before signing out is worth nothing after it.
    const copied = await t.anonymous().get('/schedule').set('Cookie', `session=${session.value}`);
    expect(copied.status).toBe(303);
    await page.goto('/schedule');
    expect(new URL(page.url()).pathname).toBe('/');
    await context.close();
  });

  it('refuses a form posted without its CSRF token, and changes nothing', async () => {
    const context = await openContext(browser, baseURL, 'desktop');
    const page = await context.newPage();
    await signIn(page, email, TEST_PASSWORD);
    const feedUrl = await page.getByLabel('Ссылка на календарь').inputValue();
    const forged = await page.request.post('/schedule/calendar-feed/rotate', {
      form: { _csrf: 'forged' },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain('Форма устарела');
    const withoutToken = await page.request.post('/schedule/calendar-feed/rotate', {
      maxRedirects: 0,
    });
    expect(withoutToken.status()).toBe(403);
    await page.reload();
    await expect(page.getByLabel('Ссылка на календарь').inputValue()).resolves.toBe(feedUrl);
    await context.close();
  });

  it('ends the sign-in of a deactivated account at once', async () => {
    const context = await openContext(browser, baseURL, 'desktop');
    const page = await context.newPage();
    await signIn(page, email, TEST_PASSWORD);
    await t.http().patch(`/api/accounts/${accountId}`).send({ status: 'deactivated' }).expect(200);
    try {
      await page.goto('/schedule');
      expect(new URL(page.url()).pathname).toBe('/');
    } finally {
      await t.http().patch(`/api/accounts/${accountId}`).send({ status: 'active' }).expect(200);
    }
    await context.close();
  });

  it('answers other roles and unknown pages with pages, and the API with JSON', async () => {
    const context = await openContext(browser, baseURL, 'desktop');
    const page = await context.newPage();
    await signIn(page, ORGANIZER.email, ORGANIZER.password);
    const refused = await page.goto('/schedule');
    expect(refused!.status()).toBe(403);
    await expect(page.locator('h1').textContent()).resolves.toBe('Нет доступа');
    await context.close();

    for (const odd of ['/agenda/abc', '/agenda/1e3', '/agenda/99999999999', '/check-in/-1']) {
      const response = await t.anonymous().get(odd);
      expect([odd, response.status]).toEqual([odd, odd.startsWith('/check-in') ? 303 : 404]);
    }
    const missing = await t.anonymous().get('/no-such-page');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toContain('text/html');
    expect(missing.text).toContain('Не найдено');
    const api = await t.anonymous().get('/api/no-such-route');
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ statusCode: 404 });
  });

  it('sets a password from an invitation and signs in; a used or wrong link says so', async () => {
    const participant = await createParticipant(t, { fullName: 'Иванов Пётр' });
    const invitation = await t
      .http()
      .post('/api/invitations')
      .send({ role: 'participant', participantId: participant.id, email: 'ivanov@example.ru' })
      .expect(201);
    const link = new URL(invitation.body.invitationUrl);
    const context = await openContext(browser, baseURL, 'phone');
    const page = await context.newPage();
    await page.goto(`${link.pathname}${link.search}`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'accept-invitation', 'phone');
    await page.getByLabel('Новый пароль').fill('a brand new password');
    await page.getByLabel('Пароль ещё раз').fill('a different password');
    await page.getByRole('button', { name: 'Сохранить пароль и войти' }).click();
    await expect(page.locator('#repeatPassword-error').textContent()).resolves.toBe(
      'Пароли не совпадают',
    );
    await page.getByLabel('Новый пароль').fill('short');
    await page.getByLabel('Пароль ещё раз').fill('short');
    await page.getByRole('button', { name: 'Сохранить пароль и войти' }).click();
    await expect(page.locator('#password-error').textContent()).resolves.toBe(
      'Не короче 12 знаков',
    );
    await page.getByLabel('Новый пароль').fill('a brand new password');
    await page.getByLabel('Пароль ещё раз').fill('a brand new password');
    await page.getByRole('button', { name: 'Сохранить пароль и войти' }).click();
    await page.waitForURL((url) => url.pathname === '/schedule');
    await context.close();

    // The used link says so as it opens, with no form to type a password into for nothing.
    const again = await openContext(browser, baseURL, 'phone');
    const second = await again.newPage();
    const reopened = await second.goto(`${link.pathname}${link.search}`);
    expect(reopened!.status()).toBe(410);
    await expect(second.getByRole('alert').textContent()).resolves.toContain(
      'Ссылка недействительна',
    );
    expect(await second.getByLabel('Новый пароль').count()).toBe(0);
    expect(await accessibilityViolations(second)).toEqual([]);
    await second.getByRole('link', { name: 'Ко входу' }).click();
    await second.waitForURL((url) => url.pathname === '/');
    await again.close();
    // A wrong token is answered the same way, and so is the link of an account deactivated
    // since it was sent; a link without its token says what is missing.
    const wrong = await t.anonymous().get('/accept-invitation?token=not-a-token').expect(410);
    expect(wrong.text).toContain('Ссылка недействительна');
    expect(wrong.text).not.toContain('name="password"');
    const { body: ended } = await t
      .http()
      .post('/api/invitations')
      .send({ email: 'ended@example.ru', role: 'host', fullName: 'Ушедший Хост' })
      .expect(201);
    await t.anonymous().get(`/accept-invitation?token=${ended.token}`).expect(200);
    await t
      .http()
      .patch(`/api/accounts/${ended.account.id}`)
      .send({ status: 'deactivated' })
      .expect(200);
    const deactivated = await t.anonymous().get(`/accept-invitation?token=${ended.token}`);
    expect(deactivated.status).toBe(410);
    expect(deactivated.text).not.toContain('name="password"');
    const missing = await t.anonymous().get('/accept-invitation').expect(400);
    expect(missing.text).toContain('В ссылке нет кода приглашения');

    // A form opened while the link worked, sent after it was used elsewhere, is told the same.
    const { body: late } = await t
      .http()
      .post('/api/invitations')
      .send({ email: 'late.form@example.ru', role: 'host', fullName: 'Поздний Хост' })
      .expect(201);
    const browserLike = t.anonymous();
    const opened = await browserLike.get(`/accept-invitation?token=${late.token}`).expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(opened.text)![1];
    await t
      .anonymous()
      .post('/api/invitations/accept')
      .send({ token: late.token, password: 'the first of two passwords' })
      .expect(200);
    const sent = await browserLike.post('/accept-invitation').type('form').send({
      _csrf: csrf,
      token: late.token,
      password: 'the second of two passwords',
      repeatPassword: 'the second of two passwords',
    });
    expect(sent.status).toBe(410);
    expect(sent.text).toContain('Ссылка недействительна');
    expect(sent.text).not.toContain('name="password"');
    await t
      .anonymous()
      .post('/api/auth/login')
      .send({ email: 'ivanov@example.ru', password: 'a brand new password' })
      .expect(200);
  });
  it('checks in from the schedule during the window, and the button goes', async () => {
    const { body: code } = await t
      .http()
      .get(`/api/sessions/${sessions.tyumen.id}/check-in-code`)
      .expect(200);
    const context = await openContext(browser, baseURL, 'phone');
    const page = await context.newPage();
    await signIn(page, email, TEST_PASSWORD);
    await page.getByRole('link', { name: 'Отметиться' }).click();
    expect(new URL(page.url()).pathname).toBe(`/check-in/${sessions.tyumen.id}`);
    await page.getByLabel('Код занятия').fill(code.code);
    await page.getByRole('button', { name: 'Отметиться' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('присутств');
    const { body: records } = await t
      .http()
      .get(`/api/sessions/${sessions.tyumen.id}/attendance`)
      .expect(200);
    expect(JSON.stringify(records)).toContain('"method":"self"');
    await page.goto('/schedule');
    await expect(page.getByRole('link', { name: 'Отметиться' }).count()).resolves.toBe(0);
    await context.close();
  });
});
