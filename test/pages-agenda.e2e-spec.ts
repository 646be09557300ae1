import request from 'supertest';
import { Browser } from 'playwright-core';
import { Clock } from '../src/common/time/clock';
import {
  ViewportName,
  accessibilityViolations,
  assetBytes,
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
  createMoscowStage,
  createParticipant,
  createSession,
  enroll,
  publishAgenda,
} from './support/factories';
import { TestApp, createTestApp } from './support/test-app';

// 10 December 2026, 09:00 in Moscow: the conference is on 15–16 December.
const NOW = new Date('2026-12-10T06:00:00Z');

jest.setTimeout(120_000);

describe('Pages: the public agenda', () => {
  let t: TestApp;
  let browser: Browser;
  let baseURL: string;
  let publicId: number;
  let privateId: number;
  let unpublishedId: number;
  let participant: { email: string };

  beforeAll(async () => {
    t = await createTestApp();
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(NOW);
    baseURL = await listen(t);
    browser = await launchBrowser();

    const cohort = await createCohort(t);
    const conference = await createMoscowStage(
      t,
      {
        title: 'Муниципальный диалог',
        city: 'Москва',
        region: 'Москва',
        startDate: '2026-12-15',
        endDate: '2026-12-16',
        venue: 'Дом Союзов',
        address: 'Москва, ул. Большая Дмитровка, 1',
        hostOrganization: 'Всероссийская ассоциация развития местного самоуправления',
        isPublic: true,
      },
      cohort.id,
    );
    publicId = conference.id;
    const day = (date: number, from: string, to: string) => ({
      startsAt: `2026-12-${date}T${from}`,
      endsAt: `2026-12-${date}T${to}`,
    });
    await createSession(
      t,
      {
        title: 'Пленарное заседание',
        type: 'plenary',
        ...day(15, '10:00', '11:30'),
        venue: 'Колонный зал',
        speakers: ['Председатель ассоциации'],
      },
      publicId,
    );
    for (const table of [1, 2]) {
      await createSession(
        t,
        {
          title: `Круглый стол ${table}: ${table === 1 ? 'бюджет города' : 'городская среда'}`,
          type: 'round_table',
          ...day(15, '12:00', '13:30'),
          track: `Круглый стол ${table}`,
          venue: `Зал ${table}`,
        },
        publicId,
      );
    }
    const cancelled = await createSession(
      t,
      { title: 'Мастер-класс по бюджету', type: 'master_class', ...day(15, '14:00', '15:00') },
      publicId,
    );
    // Published, then cancelled: the agenda keeps it, marked (one never published is left out).
    await publishAgenda(t, publicId);
    await t.http().patch(`/api/sessions/${cancelled.id}`).send({ status: 'cancelled' }).expect(200);
    await createSession(
      t,
      {
        title: 'Онлайн-встреча ассоциаций городов',
        type: 'other',
        ...day(16, '11:00', '12:00'),
        onlineUrl: 'https://meet.example.ru/cities',
      },
      publicId,
    );
    await publishAgenda(t, publicId);
    // A change not yet published: the public page keeps showing the published version.
    const plenary = await t.http().get(`/api/stages/${publicId}/sessions`).expect(200);
    await t
      .http()
      .patch(`/api/sessions/${plenary.body.items[0].id}`)
      .send({ title: 'Черновое название' })
      .expect(200);

    const closed = await createMoscowStage(t, {}, cohort.id);
    privateId = closed.id;
    await createSession(t, { startsAt: '2025-10-07T10:00', endsAt: '2025-10-07T11:00' }, privateId);
    await publishAgenda(t, privateId);
    unpublishedId = (await createMoscowStage(t, { isPublic: true }, cohort.id)).id;

    const person = await createParticipant(t);
    await enroll(t, cohort.id, person.id);
    participant = await createAccount(t, 'participant', { participantId: person.id });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each<ViewportName>(['phone', 'desktop'])(
    'on a %s: anyone reads it day by day in Moscow time, parallel tracks side by side on a wide screen',
    async (size) => {
      const context = await openContext(browser, baseURL, size);
      const page = await context.newPage();
      const answer = await page.goto(`/agenda/${publicId}`);
      expect(answer!.status()).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toBe('Муниципальный диалог');
      await expect(page.locator('.agenda-header').textContent()).resolves.toContain(
        'Версия 2, опубликована 10 декабря 2026, 09:00, Москва (UTC+3). Время указано местное: Москва (UTC+3).',
      );
      await expect(page.locator('.agenda-day h2').allTextContents()).resolves.toEqual([
        'вторник, 15 декабря 2026',
        'среда, 16 декабря 2026',
      ]);
      const titles = await page.locator('.agenda-session .session-title').allTextContents();
      expect(titles.map((title) => title.trim())).toEqual([
        'Пленарное заседание обязательное',
        'Круглый стол 1: бюджет города обязательное',
        'Круглый стол 2: городская среда обязательное',
        'Мастер-класс по бюджету Отменено',
        'Онлайн-встреча ассоциаций городов обязательное',
      ]);
      await expect(
        page.locator('.agenda-session .session-time').allTextContents(),
      ).resolves.toEqual([
        '10:00–11:30, Москва (UTC+3)',
        '12:00–13:30, Москва (UTC+3)',
        '12:00–13:30, Москва (UTC+3)',
        '14:00–15:00, Москва (UTC+3)',
        '11:00–12:00, Москва (UTC+3)',
      ]);
      await expect(page.locator('.agenda-session.cancelled s').textContent()).resolves.toBe(
        'Мастер-класс по бюджету',
      );
      await expect(page.getByRole('link', { name: 'Онлайн' }).getAttribute('href')).resolves.toBe(
        'https://meet.example.ru/cities',
      );

      const tracks = page.locator('.agenda-slot.parallel .agenda-track');
      await expect(tracks.locator('.track-name').allTextContents()).resolves.toEqual([
        'Секция: Круглый стол 1',
        'Секция: Круглый стол 2',
      ]);
      const [first, second] = [
        await tracks.nth(0).boundingBox(),
        await tracks.nth(1).boundingBox(),
      ];
      if (size === 'desktop') {
        expect(second!.y).toBe(first!.y);
        expect(second!.x).toBeGreaterThanOrEqual(first!.x + first!.width);
      } else {
        expect(second!.y).toBeGreaterThanOrEqual(first!.y + first!.height);
        expect(second!.x).toBe(first!.x);
      }

      const calendarLink = page.getByRole('link', { name: 'Добавить в календарь (.ics)' });
      const href = await calendarLink.getAttribute('href');
      expect(href).toBe(`/agenda/${publicId}/agenda.ics`);
      const calendar = await page.request.get(href!);
      expect(calendar.status()).toBe(200);
      expect(calendar.headers()['content-type']).toContain('text/calendar');
      expect(await calendar.text()).toContain('DTSTART;TZID=Europe/Moscow:20261215T100000');

      // The site's icon is its own, so a browser does not ask for a missing /favicon.ico.
      const icon = await page.locator('link[rel=icon]').getAttribute('href');
      const iconFile = await page.request.get(icon!);
      expect(iconFile.status()).toBe(200);
      expect(iconFile.headers()['content-type']).toContain('image/svg+xml');
      const oldPlace = await request(t.app.getHttpServer()).get('/favicon.ico').expect(301);
      expect(oldPlace.headers.location).toBe(icon);

      expect(await accessibilityViolations(page)).toEqual([]);
      expect(await assetBytes(page)).toBeLessThanOrEqual(100 * 1024);
      await screenshot(page, 'agenda', size);
      await context.close();
    },
  );

  it('prints without the site’s frame, the forms or the calendar link', async () => {
    const context = await openContext(browser, baseURL, 'desktop');
    const page = await context.newPage();
    await page.goto(`/agenda/${publicId}`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(
      page.getByRole('link', { name: 'Добавить в календарь (.ics)' }).isVisible(),
    ).resolves.toBe(false);
    await expect(page.locator('.agenda-session').first().isVisible()).resolves.toBe(true);
    const breakInside = await page
      .locator('.agenda-session')
      .first()
      .evaluate((element) => getComputedStyle(element).breakInside);
    expect(breakInside).toBe('avoid');
    await screenshot(page, 'agenda-print', 'desktop');
    await context.close();
  });

  it('answers a stage that is not public, not published or missing with the “not found” page', async () => {
    const context = await openContext(browser, baseURL, 'phone');
    const page = await context.newPage();
    for (const id of [privateId, unpublishedId, 999_999]) {
      const answer = await page.goto(`/agenda/${id}`);
      expect(answer!.status()).toBe(404);
      await expect(page.locator('h1').textContent()).resolves.toBe('Не найдено');
    }
    expect(await accessibilityViolations(page)).toEqual([]);
    const api = await page.request.get(`/api/stages/${privateId}/agenda`);
    expect(api.status()).toBe(404);
    await context.close();

    // Those who see the stage read its agenda, as through the API.
    const member = await openContext(browser, baseURL, 'phone');
    const memberPage = await member.newPage();
    await signIn(memberPage, participant.email, TEST_PASSWORD);
    const answer = await memberPage.goto(`/agenda/${privateId}`);
    expect(answer!.status()).toBe(200);
    // Its calendar link opens with the site's sign-in, not only with an API token.
    const href = await memberPage
      .getByRole('link', { name: 'Добавить в календарь (.ics)' })
      .getAttribute('href');
    const calendar = await memberPage.request.get(href!);
    expect(calendar.status()).toBe(200);
    expect(calendar.headers()['content-type']).toContain('text/calendar');
    expect(calendar.headers()['cache-control']).toContain('private');
    expect(await calendar.text()).toContain('DTSTART;TZID=Europe/Moscow:20251007T100000');
    await member.close();
    // Without the sign-in it is not found, as the page is.
    const anonymous = await request(t.app.getHttpServer()).get(href!);
    expect(anonymous.status).toBe(404);
  });

  it('speaks English to an English browser, times still in Moscow', async () => {
    const context = await openContext(browser, baseURL, 'desktop', 'en-GB');
    const page = await context.newPage();
    await page.goto(`/agenda/${publicId}`);
    await expect(page.locator('.agenda-header').textContent()).resolves.toContain(
      'Version 2, published 10 December 2026, 09:00, Москва (UTC+3).',
    );
    await expect(page.locator('.agenda-day h2').first().textContent()).resolves.toBe(
      'Tuesday, 15 December 2026',
    );
    await expect(
      page.locator('.agenda-slot.parallel .agenda-slot-label').textContent(),
    ).resolves.toBe('In parallel');
    await context.close();
  });
});
