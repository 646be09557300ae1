import { readFileSync } from 'node:fs';
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
  createMentor,
  createParticipant,
  createProgram,
  createSession,
  createStage,
  enroll,
  publishAgenda,
} from './support/factories';
import { ORGANIZER } from './support/organizer';
import { TestApp, countRows, createTestApp } from './support/test-app';

/**
 * The organizer's pages in a real browser: programs → cohorts → stages, enrollment found by a
 * Cyrillic search, a mentor's assignment, the attendance report and its CSV file.
 */
describe('Pages: the organizer builds a program and follows its cohort', () => {
  let t: TestApp;
  let browser: Browser;
  let baseURL: string;
  let clock: jest.SpyInstance<Date, []>;

  // A flow through several pages in a real browser takes longer than Jest's default.
  jest.setTimeout(90_000);

  beforeAll(async () => {
    t = await createTestApp();
    clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2026-03-02T06:00:00Z'));
    baseURL = await listen(t);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
  });

  async function expectAccessible(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  it('goes from a new program to a Tyumen stage, enrolls, assigns a mentor and downloads the report', async () => {
    const semina = await createParticipant(t, {
      fullName: 'Сёмина Анна Викторовна',
      position: 'Глава Ялуторовского района',
      municipality: 'Ялуторовский район',
    });
    await createParticipant(t, { fullName: 'Петров Семён Ильич', municipality: 'Ишим' });
    const mentor = await createMentor(t, {
      fullName: 'Смирнова Ольга Викторовна',
      organization: 'Администрация города Тюмени',
    });
    const context = await openContext(browser, baseURL, 'desktop');
    const page = await context.newPage();

    await signIn(page, ORGANIZER.email, ORGANIZER.password);
    expect(new URL(page.url()).pathname).toBe('/admin');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Программы');
    await expectAccessible(page);

    // A program through its form.
    await page.getByLabel('Название', { exact: true }).fill('Школа мэров 2026');
    await page.getByLabel('Организатор', { exact: true }).fill('ВШГУ РАНХиГС и ВАРМСУ');
    await page.getByLabel('Описание', { exact: true }).fill('Программа для глав муниципалитетов');
    await page.getByLabel('Статус', { exact: true }).selectOption('active');
    await Promise.all([
      page.waitForURL(/\/admin\/programs\/\d+\?notice=created$/),
      page.getByRole('button', { name: 'Создать программу' }).click(),
    ]);
    const programId = Number(/programs\/(\d+)/.exec(page.url())![1]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Школа мэров 2026');
    expect(await page.getByRole('status').textContent()).toBe('Программа создана.');
    const program = (await t.http().get(`/api/programs/${programId}`).expect(200)).body;
    expect(program).toMatchObject({
      title: 'Школа мэров 2026',
      organizer: 'ВШГУ РАНХиГС и ВАРМСУ',
      status: 'active',
      requiredAttendancePercent: 80,
    });
    await expectAccessible(page);

    // A cohort of the program, then its page.
    await page.getByLabel('Название потока').fill('2026, поток 1');
    await Promise.all([
      page.waitForURL(/notice=cohortAdded/),
      page.getByRole('button', { name: 'Добавить поток' }).click(),
    ]);
    await Promise.all([
      page.waitForURL(/\/admin\/cohorts\/\d+$/),
      page.getByRole('link', { name: '2026, поток 1' }).click(),
    ]);
    const cohortId = Number(/cohorts\/(\d+)/.exec(page.url())![1]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('2026, поток 1');

    // A Tyumen stage: the zone is Yekaterinburg's.
    expect(await page.getByLabel('Номер этапа').inputValue()).toBe('1');
    await page.getByLabel('Номер этапа').fill('2');
    await page.getByLabel('Название этапа').fill('Стажировка в Тюмени');
    await page.getByLabel('Город', { exact: true }).fill('Тюмень');
    await page.getByLabel('Регион', { exact: true }).fill('Тюменская область');
    await page.getByLabel('Часовой пояс').selectOption('Asia/Yekaterinburg');
    await page.getByLabel('Первый день').fill('2026-03-16');
    await page.getByLabel('Последний день').fill('2026-03-19');
    await page.getByLabel('Повестка открыта всем, без входа').check();
    await Promise.all([
      page.waitForURL(/notice=stageAdded/),
      page.getByRole('button', { name: 'Добавить этап' }).click(),
    ]);
    const stages = (await t.http().get(`/api/cohorts/${cohortId}/stages`).expect(200)).body;
    expect(stages.items).toEqual([
      expect.objectContaining({
        sequence: 2,
        city: 'Тюмень',
        region: 'Тюменская область',
        timeZone: 'Asia/Yekaterinburg',
        startDate: '2026-03-16',
        endDate: '2026-03-19',
        isPublic: true,
      }),
    ]);
    const stageId = stages.items[0].id;
    const stageRow = page.getByRole('region', { name: 'Этапы' }).getByRole('row').nth(1);
    expect(await stageRow.innerText()).toMatch(
      /2\s+Стажировка в Тюмени\s+Тюмень \(UTC\+5\)\s+Тюменская область\s+16–19 марта 2026\s+открытая/,
    );
    expect(
      await stageRow.getByRole('link', { name: 'Стажировка в Тюмени' }).getAttribute('href'),
    ).toBe(`/stages/${stageId}`);

    // Enrollment: found by a search in capitals, with "е" for "ё".
    await page.getByLabel('Найти участника').fill('СЕМИНА');
    await page.getByRole('button', { name: 'Найти', exact: true }).click();
    const enrollButton = page.getByRole('button', { name: 'Зачислить: Сёмина Анна Викторовна' });
    await enrollButton.waitFor();
    expect(await page.locator('#found').innerText()).not.toContain('Петров');
    await Promise.all([page.waitForURL(/notice=enrolled/), enrollButton.click()]);
    const enrolledRow = page.getByRole('region', { name: 'Участники потока' }).getByRole('row', {
      name: /Сёмина Анна Викторовна/,
    });
    expect(await enrolledRow.innerText()).toContain('участвует');
    const enrollments = (await t.http().get(`/api/cohorts/${cohortId}/enrollments`).expect(200))
      .body;
    expect(enrollments.items).toEqual([
      expect.objectContaining({ participantId: semina.id, status: 'active' }),
    ]);

    // A mentor for her.
    await page.getByLabel('Наставник', { exact: true }).selectOption(String(mentor.id));
    await page.getByLabel('Участник потока').selectOption(String(semina.id));
    await Promise.all([
      page.waitForURL(/notice=assigned/),
      page.getByRole('button', { name: 'Назначить' }).click(),
    ]);
    const mentees = page.getByRole('region', {
      name: 'Подопечные в потоке: Смирнова Ольга Викторовна',
    });
    expect(await mentees.innerText()).toContain('Сёмина Анна Викторовна');
    const assignments = (await t.http().get(`/api/mentors/${mentor.id}/assignments`).expect(200))
      .body;
    expect(assignments.items).toEqual([
      expect.objectContaining({ cohortId, participantId: semina.id }),
    ]);
    await expectAccessible(page);
    await screenshot(page, 'admin-cohort', 'desktop');

    // She attends the stage's one mandatory session; the report counts it once it has begun.
    const session = await createSession(
      t,
      { title: 'Бренд-бук города', startsAt: '2026-03-17T10:00', endsAt: '2026-03-17T11:30' },
      stageId,
    );
    await publishAgenda(t, stageId);
    clock.mockReturnValue(new Date('2026-03-20T06:00:00Z'));
    await t
      .http()
      .put(`/api/sessions/${session.id}/attendance`)
      .send({ marks: [{ participantId: semina.id, status: 'present' }] })
      .expect(200);

    await Promise.all([
      page.waitForURL(/attendance-report$/),
      page.getByRole('link', { name: 'Открыть отчёт о посещаемости' }).click(),
    ]);
    const reportRow = page.getByRole('row', { name: /Сёмина Анна Викторовна/ });
    const cells = await reportRow.getByRole('cell').allInnerTexts();
    expect(cells).toEqual([
      'участвует',
      expect.stringMatching(/^1 из 1 · 100%\s*завершено$/),
      expect.stringMatching(/^1 из 1 · 100%/),
    ]);
    expect(await page.getByRole('columnheader').allInnerTexts()).toEqual([
      'Участник',
      'Статус',
      expect.stringMatching(/^2\. Тюмень\s+обязательных: 1$/),
      'Вся программа',
    ]);
    await expectAccessible(page);

    // The CSV file, downloaded with nothing but the browser's cookie session.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Скачать CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`attendance-cohort-${cohortId}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'participant_id,full_name,position,municipality,region,enrollment,stage_sequence,stage,city,' +
        'mandatory_sessions,held,present,late,excused,absent,unmarked,rate_percent,' +
        'stage_completed,warned,program_rate_percent,program_completed',
    );
    expect(lines[1]).toBe(
      `${semina.id},Сёмина Анна Викторовна,Глава Ялуторовского района,Ялуторовский район,` +
        'Тюменская область,active,2,Стажировка в Тюмени,Тюмень,1,1,1,0,0,0,0,100,yes,no,100,yes',
    );
    const semicolons = await context.request.get(
      `/admin/cohorts/${cohortId}/attendance-report.csv?delimiter=semicolon`,
    );
    expect(semicolons.status()).toBe(200);
    expect(semicolons.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(semicolons.headers()['content-disposition']).toBe(
      `attachment; filename="attendance-cohort-${cohortId}.csv"`,
    );
    expect((await semicolons.text()).split('\r\n')[1]).toContain(';Сёмина Анна Викторовна;');
    await context.close();
  });

  it('shows the program and participant forms’ problems beside their fields, keeps the input and writes nothing', async () => {
    await createProgram(t, { title: 'Муниципальный диалог', status: 'active' });
    await createParticipant(t, { fullName: 'Ёлкина Мария Петровна', municipality: 'Тобольск' });
    await createParticipant(t, { fullName: 'Жуков Андрей Павлович', municipality: 'Ишим' });
    const invited = await createAccount(t, 'host', {});
    const context = await openContext(browser, baseURL, 'desktop');
    const page = await context.newPage();
    await signIn(page, ORGANIZER.email, ORGANIZER.password);
    await screenshot(page, 'admin-programs', 'desktop');

    const programsBefore = (await t.http().get('/api/programs').expect(200)).body.total;
    const tooLong = 'Всероссийская ассоциация развития местного самоуправления '.repeat(6);
    await page.getByLabel('Организатор', { exact: true }).fill(tooLong);
    await page.getByLabel('Описание', { exact: true }).fill('Описание, которое нельзя потерять');
    await page.getByLabel('Порог посещаемости, %').fill('150');
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Создать программу' }).click(),
    ]);
    expect(answer.status()).toBe(400);
    await page.waitForLoadState();
    const fieldOf = (name: string) => page.locator('.field', { has: page.locator(`#${name}`) });
    expect(await fieldOf('title').locator('.field-error').textContent()).toBe('Обязательное поле');
    expect(await page.locator('#title').getAttribute('aria-invalid')).toBe('true');
    // The first field with a problem has the focus, wherever it is on the page.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('title');
    expect(await fieldOf('organizer').locator('.field-error').textContent()).toBe(
      'Не длиннее 300 знаков',
    );
    expect(await page.locator('#organizer').inputValue()).toBe(tooLong);
    expect(await page.locator('#description').inputValue()).toBe(
      'Описание, которое нельзя потерять',
    );
    expect(await fieldOf('requiredAttendancePercent').locator('.field-error').count()).toBe(1);
    expect(await page.locator('#requiredAttendancePercent').inputValue()).toBe('150');
    expect(await fieldOf('description').locator('.field-error').count()).toBe(0);
    expect((await t.http().get('/api/programs').expect(200)).body.total).toBe(programsBefore);
    await expectAccessible(page);

    // Participants: the API's search, whatever the letter case and "ё".
    await page.getByRole('navigation', { name: 'Основное меню' }).getByText('Участники').click();
    await page.getByLabel('Поиск', { exact: true }).fill('елкина');
    await Promise.all([
      page.waitForURL(/search=/),
      page.getByRole('button', { name: 'Найти', exact: true }).click(),
    ]);
    const list = page.getByRole('region', { name: 'Участники' });
    expect(await list.innerText()).toContain('Ёлкина Мария Петровна');
    expect(await list.innerText()).not.toContain('Жуков');
    expect(await page.getByText('По запросу «елкина» найдено: 1').count()).toBe(1);

    const participantsBefore = await countRows(t.dataSource, 'participants');
    await page.getByLabel('ФИО', { exact: true }).fill('Новиков Пётр Андреевич');
    await page.getByLabel('Должность', { exact: true }).fill('Глава Тобольского района');
    await page.getByLabel('Муниципальное образование').fill('Тобольский район');
    await page.getByLabel('Электронная почта').fill('не почта');
    await page.getByLabel('Телефон').fill('звоните');
    await page.getByRole('button', { name: 'Добавить участника' }).click();
    await page.locator('#email-error').waitFor();
    expect(await page.locator('#region-error').textContent()).toBe('Обязательное поле');
    expect(await page.locator('#email-error').textContent()).toBe('Нужен адрес электронной почты');
    expect(await page.locator('#phone-error').textContent()).toBe(
      'От 5 до 32 знаков: цифры, пробелы, +, - и скобки',
    );
    expect(await page.locator('#fullName').inputValue()).toBe('Новиков Пётр Андреевич');
    expect(await page.locator('#email').inputValue()).toBe('не почта');
    expect(await countRows(t.dataSource, 'participants')).toBe(participantsBefore);

    await page.getByLabel('Регион', { exact: true }).fill('Тюменская область');
    await page.getByLabel('Электронная почта').fill('P.Novikov@Tobolsk.example.ru');
    await page.getByLabel('Телефон').fill('+7 (3456) 22-00-00');
    await Promise.all([
      page.waitForURL(/notice=created/),
      page.getByRole('button', { name: 'Добавить участника' }).click(),
    ]);
    expect(await page.getByRole('status').first().textContent()).toBe('Участник добавлен.');
    expect(await list.innerText()).toContain('p.novikov@tobolsk.example.ru');
    expect(await countRows(t.dataSource, 'participants')).toBe(participantsBefore + 1);
    await expectAccessible(page);
    await screenshot(page, 'admin-participants', 'desktop');

    // The outbox: the invitation waits for the (stopped) sender.
    await page.goto('/admin/notifications');
    await page.getByLabel('Правило').selectOption('invitation');
    await page.getByLabel('Статус').selectOption('pending');
    await Promise.all([
      page.waitForURL(/rule=invitation/),
      page.getByRole('button', { name: 'Показать' }).click(),
    ]);
    const outbox = page.getByRole('region', { name: 'Уведомления' });
    const row = outbox.getByRole('row', { name: new RegExp(invited.email) });
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells.slice(1, 4)).toEqual(['приглашение', 'ждёт', '0']);
    expect(cells[4]).toMatch(/^следующая попытка \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    expect(await page.getByLabel('Правило').inputValue()).toBe('invitation');
    await expectAccessible(page);
    await screenshot(page, 'admin-notifications', 'desktop');
    await context.close();
  });

  it('keeps others out and fits a phone', async () => {
    const program = await createProgram(t, { title: 'Рабочий визит в Москву', status: 'active' });
    const cohort = await createCohort(t, { title: 'Делегация Севастополя' }, program.id);
    await createStage(t, { sequence: 1, title: 'Департаменты Москвы' }, cohort.id);
    const participant = await createParticipant(t, { fullName: 'Алексеев Игорь Юрьевич' });
    await enroll(t, cohort.id, participant.id);
    const asParticipant = await createAccount(t, 'participant', {
      participantId: participant.id,
    });

    const participantContext = await openContext(browser, baseURL, 'phone');
    const participantPage = await participantContext.newPage();
    await signIn(participantPage, asParticipant.email, TEST_PASSWORD);
    const refused = await participantPage.goto('/admin');
    expect(refused!.status()).toBe(403);
    expect(await participantPage.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Нет доступа',
    );
    await participantContext.close();

    // Anonymous: the sign-in form first, then back where it was going.
    const context = await openContext(browser, baseURL, 'phone');
    const page = await context.newPage();
    await page.goto('/admin/participants');
    expect(page.url()).toBe(`${baseURL}/?next=%2Fadmin%2Fparticipants`);
    await page.getByLabel('Электронная почта').fill(ORGANIZER.email);
    await page.getByLabel('Пароль', { exact: true }).fill(ORGANIZER.password);
    await Promise.all([
      page.waitForURL(/\/admin\/participants$/),
      page.getByRole('button', { name: 'Войти' }).click(),
    ]);
    await expectAccessible(page);
    await screenshot(page, 'admin-participants', 'phone');

    for (const [path, name] of [
      ['/admin', 'admin-programs'],
      [`/admin/cohorts/${cohort.id}`, 'admin-cohort'],
      [`/admin/cohorts/${cohort.id}/attendance-report`, 'admin-attendance-report'],
      ['/admin/notifications', 'admin-notifications'],
    ] as const) {
      const answer = await page.goto(path);
      expect({ path, status: answer!.status() }).toEqual({ path, status: 200 });
      expect({ path, violations: await accessibilityViolations(page) }).toEqual({
        path,
        violations: [],
      });
      // Nothing but a table of its own may be wider than the phone.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
      await screenshot(page, name, 'phone');
    }
    await context.close();
  });
});
