import { DataSource } from 'typeorm';
import { hashPassword } from '../src/accounts/passwords';
import { foldForSearch } from '../src/common/search/fold-for-search';

/** The shape of a data set: how many of each record. */
export interface DataSetSize {
  name: string;
  programs: number;
  cohorts: number;
  stagesPerCohort: number;
  sessionsPerStage: number;
  participants: number;
  enrollmentsPerCohort: number;
  /** Cohorts whose first stage the benchmark's host hosts. */
  hostedCohorts: number;
}

export const LARGE: DataSetSize = {
  name: 'large',
  programs: 100,
  cohorts: 1000,
  stagesPerCohort: 5,
  sessionsPerStage: 200,
  participants: 200_000,
  enrollmentsPerCohort: 1000,
  hostedCohorts: 40,
};

export const SMALL: DataSetSize = {
  name: 'small',
  programs: 10,
  cohorts: 10,
  stagesPerCohort: 1,
  sessionsPerStage: 200,
  participants: 10_000,
  enrollmentsPerCohort: 2000,
  hostedCohorts: 40,
};

export const BENCH_PASSWORD = 'benchmark password 2026';
export const HOST_EMAIL = 'host@bench.example.ru';
export const PARTICIPANT_EMAIL = 'participant@bench.example.ru';

const SURNAMES = [
  'Смирнов',
  'Иванов',
  'Кузнецов',
  'Соколов',
  'Попов',
  'Лебедев',
  'Козлов',
  'Новиков',
  'Морозов',
  'Петров',
  'Волков',
  'Соловьёв',
  'Васильев',
  'Зайцев',
  'Павлов',
  'Семёнов',
  'Голубев',
  'Виноградов',
  'Богданов',
  'Воробьёв',
  'Фёдоров',
  'Михайлов',
  'Беляев',
  'Тарасов',
  'Белов',
  'Комаров',
  'Орлов',
  'Киселёв',
  'Макаров',
  'Андреев',
  'Ковалёв',
  'Ильин',
  'Гусев',
  'Титов',
  'Кузьмин',
  'Кудрявцев',
  'Баранов',
  'Куликов',
  'Алексеев',
  'Степанов',
  'Яковлев',
  'Сорокин',
  'Сергеев',
  'Романов',
  'Захаров',
  'Борисов',
  'Королёв',
  'Герасимов',
  'Пономарёв',
  'Григорьев',
  'Лазарев',
  'Медведев',
  'Ершов',
  'Никитин',
  'Соболев',
  'Рябов',
  'Поляков',
  'Цветков',
  'Данилов',
  'Жуков',
  'Фролов',
  'Журавлёв',
  'Николаев',
  'Крылов',
  'Максимов',
  'Сидоров',
  'Осипов',
  'Белоусов',
  'Федотов',
  'Дорофеев',
  'Егоров',
  'Матвеев',
  'Бобров',
  'Дмитриев',
  'Калинин',
  'Анисимов',
  'Петухов',
  'Антонов',
  'Тимофеев',
  'Никифоров',
  'Веселов',
  'Филиппов',
  'Марков',
  'Большаков',
  'Суханов',
  'Миронов',
  'Ширяев',
  'Александров',
  'Коновалов',
  'Шестаков',
  'Казаков',
  'Ефимов',
  'Денисов',
  'Громов',
  'Фомин',
  'Давыдов',
  'Мельников',
  'Щербаков',
  'Блинов',
  'Колесников',
];
const GIVEN = [
  'Александр Сергеевич',
  'Дмитрий Иванович',
  'Максим Петрович',
  'Сергей Николаевич',
  'Андрей Викторович',
  'Алексей Юрьевич',
  'Артём Олегович',
  'Илья Андреевич',
  'Кирилл Михайлович',
  'Михаил Александрович',
  'Никита Владимирович',
  'Матвей Павлович',
  'Роман Геннадьевич',
  'Егор Васильевич',
  'Арсений Борисович',
  'Иван Фёдорович',
];
const MUNICIPALITIES = [
  'Ишимский район',
  'город Тюмень',
  'Тобольский район',
  'город Ялуторовск',
  'Заводоуковский округ',
  'город Сургут',
  'город Когалым',
  'Нижнетавдинский район',
];

/** Numbers 0 … n-1 as rows of `bench_numbers`, the source of every generated row. */
async function fillNumbers(dataSource: DataSource, count: number): Promise<void> {
  await dataSource.query('CREATE TABLE "bench_numbers" ("i" integer PRIMARY KEY)');
  if (dataSource.options.type === 'postgres') {
    await dataSource.query(`INSERT INTO "bench_numbers" SELECT generate_series(0, ${count - 1})`);
  } else {
    await dataSource.query(
      `WITH RECURSIVE "n"("i") AS (SELECT 0 UNION ALL SELECT "i" + 1 FROM "n" WHERE "i" < ${count - 1})
       INSERT INTO "bench_numbers" SELECT "i" FROM "n"`,
    );
  }
}

async function fillWords(dataSource: DataSource, table: string, words: string[]) {
  await dataSource.query(
    `CREATE TABLE "${table}" ("k" integer PRIMARY KEY, "word" varchar(200), "folded" varchar(200))`,
  );
  const rows = words.map((word, k) => `(${k}, '${word}', '${foldForSearch(word)}')`).join(', ');
  await dataSource.query(`INSERT INTO "${table}" VALUES ${rows}`);
}

/**
 * Fills an empty, migrated database with `size` in bulk statements (seconds, not minutes), plus
 * a host account hosting the first stage of `hostedCohorts` cohorts and a participant account.
 */
export async function loadDataSet(dataSource: DataSource, size: DataSetSize): Promise<void> {
  const postgres = dataSource.options.type === 'postgres';
  const day = (base: string, days: string) =>
    postgres ? `(date '${base}' + (${days}))` : `date('${base}', '+' || (${days}) || ' days')`;
  const instant = (base: string, hours: string) =>
    postgres
      ? `(timestamptz '${base} 00:00:00Z' + (${hours}) * interval '1 hour')`
      : `strftime('%Y-%m-%d %H:%M:%f', '${base}', '+' || (${hours}) || ' hours')`;
  const now = postgres ? 'now()' : `strftime('%Y-%m-%d %H:%M:%f', 'now')`;
  const stages = size.cohorts * size.stagesPerCohort;
  const sessions = stages * size.sessionsPerStage;
  const enrollments = size.cohorts * size.enrollmentsPerCohort;
  await fillNumbers(dataSource, Math.max(sessions, enrollments, size.participants));
  await fillWords(dataSource, 'bench_surnames', SURNAMES);
  await fillWords(dataSource, 'bench_given', GIVEN);
  await fillWords(dataSource, 'bench_places', MUNICIPALITIES);

  await dataSource.query(
    `INSERT INTO "programs" ("id", "title", "description", "organizer", "status", "requiredAttendancePercent")
     SELECT "i" + 1, 'Школа мэров ' || ("i" + 1), NULL, 'ВШГУ РАНХиГС', 'active', 80
     FROM "bench_numbers" WHERE "i" < ${size.programs}`,
  );
  await dataSource.query(
    `INSERT INTO "cohorts" ("id", "programId", "title")
     SELECT "i" + 1, ("i" % ${size.programs}) + 1, 'Поток ' || ("i" + 1)
     FROM "bench_numbers" WHERE "i" < ${size.cohorts}`,
  );
  // Stage s of cohort c: id c * S + s + 1, four days, Moscow and Tyumen in turn.
  const stageStart = day('2026-01-05', `("i" % 300) * 7`);
  await dataSource.query(
    `INSERT INTO "stages" ("id", "cohortId", "sequence", "title", "city", "region", "timeZone",
       "venue", "address", "hostOrganization", "startDate", "endDate", "isPublic")
     SELECT "i" + 1, ("i" / ${size.stagesPerCohort}) + 1, ("i" % ${size.stagesPerCohort}) + 1,
       'Этап ' || ("i" + 1),
       CASE WHEN "i" % 2 = 0 THEN 'Москва' ELSE 'Тюмень' END,
       CASE WHEN "i" % 2 = 0 THEN 'Москва' ELSE 'Тюменская область' END,
       CASE WHEN "i" % 2 = 0 THEN 'Europe/Moscow' ELSE 'Asia/Yekaterinburg' END,
       'Технопарк', NULL, NULL, ${stageStart}, ${day('2026-01-05', `("i" % 300) * 7 + 3`)},
       "i" % 2 = 0
     FROM "bench_numbers" WHERE "i" < ${stages}`,
  );
  // Session k of a stage: day k / 50 of the stage, track k % 50, 06:00–07:00 UTC.
  const perStage = size.sessionsPerStage;
  const stageOf = `("i" / ${perStage})`;
  const dayOf = `((("i" % ${perStage}) / 50) % 4)`;
  await dataSource.query(
    `INSERT INTO "sessions" ("stageId", "title", "description", "type", "startsAt", "endsAt",
       "venue", "address", "onlineUrl", "track", "isMandatory", "capacity", "speakers")
     SELECT ${stageOf} + 1, 'Лекция ' || ("i" % ${perStage} + 1), NULL, 'lecture',
       ${instant('2026-01-05', `((${stageOf} % 300) * 7 + ${dayOf}) * 24 + 6`)},
       ${instant('2026-01-05', `((${stageOf} % 300) * 7 + ${dayOf}) * 24 + 7`)},
       'Зал ' || ("i" % 7), NULL, NULL, 't' || ("i" % 50), "i" % 3 <> 0, NULL, '[]'
     FROM "bench_numbers" WHERE "i" < ${sessions}`,
  );
  await dataSource.query(
    `INSERT INTO "participants" ("id", "fullName", "position", "municipality", "region", "email",
       "phone", "locale", "searchText")
     SELECT "i" + 1, "s"."word" || ' ' || "g"."word", 'Глава муниципального образования',
       "p"."word", 'Тюменская область', 'p' || ("i" + 1) || '@bench.example.ru', NULL, 'ru',
       "s"."folded" || ' ' || "g"."folded" || ' ' || "p"."folded"
     FROM "bench_numbers"
     JOIN "bench_surnames" "s" ON "s"."k" = "i" % ${SURNAMES.length}
     JOIN "bench_given" "g" ON "g"."k" = ("i" / ${SURNAMES.length}) % ${GIVEN.length}
     JOIN "bench_places" "p" ON "p"."k" = "i" % ${MUNICIPALITIES.length}
     WHERE "i" < ${size.participants}`,
  );
  // Cohort c holds the participants c * E + 1 … c * E + E (modulo the participants).
  await dataSource.query(
    `INSERT INTO "enrollments" ("cohortId", "participantId", "status", "enrolledAt", "withdrawnAt")
     SELECT ("i" / ${size.enrollmentsPerCohort}) + 1, ("i" % ${size.participants}) + 1,
       'active', ${now}, NULL
     FROM "bench_numbers" WHERE "i" < ${enrollments}`,
  );
  for (const table of ['bench_numbers', 'bench_surnames', 'bench_given', 'bench_places']) {
    await dataSource.query(`DROP TABLE "${table}"`);
  }
  if (postgres) {
    for (const table of ['programs', 'cohorts', 'stages', 'sessions', 'participants']) {
      await dataSource.query(
        `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT MAX("id") FROM "${table}"))`,
      );
    }
  }

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await dataSource.query(
    `INSERT INTO "accounts" ("email", "fullName", "role", "passwordHash", "participantId", "mentorId")
     VALUES ('${HOST_EMAIL}', 'Координатор', 'host', '${passwordHash}', NULL, NULL),
            ('${PARTICIPANT_EMAIL}', 'Участник', 'participant', '${passwordHash}', 1, NULL)`,
  );
  const hosted = Math.min(size.hostedCohorts, size.cohorts);
  await dataSource.query(
    `INSERT INTO "stage_hosts" ("stageId", "accountId")
     SELECT "stage"."id", "account"."id" FROM "stages" "stage", "accounts" "account"
     WHERE "account"."email" = '${HOST_EMAIL}' AND "stage"."sequence" = 1
       AND "stage"."cohortId" <= ${hosted}`,
  );
  await dataSource.query('ANALYZE');
}

/** The cohort the attendance measurements use. */
export interface AttendanceCohort {
  cohortId: number;
  /** A session under way now, for the check-in burst. */
  checkInSessionId: number;
  /** A past session, marked by staff. */
  markedSessionId: number;
  /** The participants of the cohort that have accounts, with them. */
  accounts: { accountId: number; tokenVersion: number }[];
}

export const ATTENDANCE_COHORT_SIZE = 500;
const SESSIONS_PER_PAST_STAGE = 20;

/**
 * A cohort of 500 participants (all with accounts) in program 1: two past stages, near Moscow
 * and in Tyumen, of 20 mandatory sessions each, marked for everyone but a few (20,000 records),
 * and a stage under way today in Moscow with a session that began five minutes ago.
 */
export async function loadAttendanceCohort(
  dataSource: DataSource,
  size: DataSetSize,
): Promise<AttendanceCohort> {
  const postgres = dataSource.options.type === 'postgres';
  const instant = (date: Date) =>
    postgres
      ? `'${date.toISOString()}'`
      : `'${date.toISOString().replace('T', ' ').replace('Z', '')}'`;
  const dateOf = (date: Date) => date.toISOString().slice(0, 10);
  const now = new Date();
  const cohortId = size.cohorts + 1;
  const firstStage = size.cohorts * size.stagesPerCohort + 1;
  const [moscow, tyumen, today] = [firstStage, firstStage + 1, firstStage + 2];
  const day = 86_400_000;

  await dataSource.query(
    `INSERT INTO "cohorts" ("id", "programId", "title") VALUES (${cohortId}, 1, 'Поток посещаемости')`,
  );
  const stage = (id: number, sequence: number, city: string, zone: string, from: Date, to: Date) =>
    `(${id}, ${cohortId}, ${sequence}, 'Этап ${sequence}', '${city}', '${city}', '${zone}', ` +
    `'Технопарк', NULL, NULL, '${dateOf(from)}', '${dateOf(to)}', ${postgres ? 'true' : 1})`;
  await dataSource.query(
    `INSERT INTO "stages" ("id", "cohortId", "sequence", "title", "city", "region", "timeZone",
       "venue", "address", "hostOrganization", "startDate", "endDate", "isPublic") VALUES
     ${stage(moscow, 1, 'Москва', 'Europe/Moscow', new Date('2025-10-06'), new Date('2025-10-09'))},
     ${stage(tyumen, 2, 'Тюмень', 'Asia/Yekaterinburg', new Date('2025-11-17'), new Date('2025-11-20'))},
     ${stage(today, 3, 'Москва', 'Europe/Moscow', new Date(now.getTime() - day), new Date(now.getTime() + day))}`,
  );
  const session = (stageId: number, startsAt: Date, minutes: number, title: string) =>
    `(${stageId}, '${title}', NULL, 'lecture', ${instant(startsAt)}, ` +
    `${instant(new Date(startsAt.getTime() + minutes * 60_000))}, 'Зал 1', NULL, NULL, NULL, ` +
    `${postgres ? 'true' : 1}, NULL, '[]')`;
  const rows: string[] = [];
  for (const [stageId, firstDay] of [
    [moscow, '2025-10-06T06:00:00Z'],
    [tyumen, '2025-11-17T04:00:00Z'],
  ] as const) {
    for (let k = 0; k < SESSIONS_PER_PAST_STAGE; k++) {
      const startsAt = new Date(
        new Date(firstDay).getTime() + Math.floor(k / 5) * day + (k % 5) * 3_600_000,
      );
      rows.push(session(stageId, startsAt, 50, `Занятие ${k + 1}`));
    }
  }
  rows.push(session(today, new Date(now.getTime() - 5 * 60_000), 60, 'Занятие сегодня'));
  await dataSource.query(
    `INSERT INTO "sessions" ("stageId", "title", "description", "type", "startsAt", "endsAt",
       "venue", "address", "onlineUrl", "track", "isMandatory", "capacity", "speakers")
     VALUES ${rows.join(', ')}`,
  );
  await dataSource.query(
    `INSERT INTO "enrollments" ("cohortId", "participantId", "status", "enrolledAt", "withdrawnAt")
     SELECT ${cohortId}, "id", 'active', ${instant(now)}, NULL FROM "participants"
     WHERE "id" <= ${ATTENDANCE_COHORT_SIZE}`,
  );
  await dataSource.query(
    `INSERT INTO "attendance" ("sessionId", "participantId", "enrollmentId", "status", "note",
       "method", "markedBy", "markedAt")
     SELECT "session"."id", "enrollment"."participantId", "enrollment"."id",
       CASE ("enrollment"."participantId" + "session"."id") % 10
         WHEN 7 THEN 'late' WHEN 8 THEN 'excused' WHEN 9 THEN 'absent' ELSE 'present' END,
       NULL, 'staff', NULL, ${instant(now)}
     FROM "enrollments" "enrollment"
     JOIN "sessions" "session" ON "session"."stageId" IN (${moscow}, ${tyumen})
     WHERE "enrollment"."cohortId" = ${cohortId}
       AND ("enrollment"."participantId" * 7 + "session"."id") % 23 <> 0`,
  );
  const [{ passwordHash }] = await dataSource.query(
    `SELECT "passwordHash" FROM "accounts" WHERE "email" = '${PARTICIPANT_EMAIL}'`,
  );
  await dataSource.query(
    `INSERT INTO "accounts" ("email", "fullName", "role", "passwordHash", "participantId", "mentorId")
     SELECT 'checkin' || "participant"."id" || '@bench.example.ru', "participant"."fullName",
       'participant', '${passwordHash}', "participant"."id", NULL
     FROM "participants" "participant"
     WHERE "participant"."id" <= ${ATTENDANCE_COHORT_SIZE}
       AND NOT EXISTS (SELECT 1 FROM "accounts" "account" WHERE "account"."participantId" = "participant"."id")`,
  );
  if (postgres) {
    for (const table of ['cohorts', 'stages']) {
      await dataSource.query(
        `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT MAX("id") FROM "${table}"))`,
      );
    }
  }
  await dataSource.query('ANALYZE');
  const [{ id: checkInSessionId }] = await dataSource.query(
    `SELECT "id" FROM "sessions" WHERE "stageId" = ${today}`,
  );
  const [{ id: markedSessionId }] = await dataSource.query(
    `SELECT MIN("id") AS "id" FROM "sessions" WHERE "stageId" = ${moscow}`,
  );
  const accounts: { id: number | string; tokenVersion: number | string }[] = await dataSource.query(
    `SELECT "id", "tokenVersion" FROM "accounts"
     WHERE "participantId" <= ${ATTENDANCE_COHORT_SIZE} ORDER BY "participantId"`,
  );
  return {
    cohortId,
    checkInSessionId: Number(checkInSessionId),
    markedSessionId: Number(markedSessionId),
    accounts: accounts.map((account) => ({
      accountId: Number(account.id),
      tokenVersion: Number(account.tokenVersion),
    })),
  };
}

/**
 * Publishes every stage's agenda as it is (version 1 of each), in one statement: participants
 * and mentors read published sessions only. Stages are in Moscow (UTC+3) or Tyumen (UTC+5).
 */
export async function publishEveryAgenda(dataSource: DataSource): Promise<void> {
  const postgres = dataSource.options.type === 'postgres';
  const localDate = postgres
    ? `("session"."startsAt" AT TIME ZONE "stage"."timeZone")::date`
    : `date("session"."startsAt", CASE "stage"."timeZone" WHEN 'Europe/Moscow' THEN '+3 hours' ELSE '+5 hours' END)`;
  const now = postgres ? 'now()' : `strftime('%Y-%m-%d %H:%M:%f', 'now')`;
  await dataSource.query(
    `INSERT INTO "published_sessions" ("sessionId", "stageId", "version", "sequence",
       "publishedAt", "stageTitle", "city", "timeZone", "localDate", "title", "description",
       "type", "status", "startsAt", "endsAt", "venue", "address", "onlineUrl", "track",
       "isMandatory", "capacity", "speakers", "mentors")
     SELECT "session"."id", "stage"."id", 1, 0, ${now}, "stage"."title", "stage"."city",
       "stage"."timeZone", ${localDate}, "session"."title", "session"."description",
       "session"."type", "session"."status", "session"."startsAt", "session"."endsAt",
       "session"."venue", "session"."address", "session"."onlineUrl", "session"."track",
       "session"."isMandatory", "session"."capacity", "session"."speakers", '[]'
     FROM "sessions" "session" JOIN "stages" "stage" ON "stage"."id" = "session"."stageId"`,
  );
  await dataSource.query('ANALYZE');
}
