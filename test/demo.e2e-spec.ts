import { DateTime } from 'luxon';
import { Clock } from '../src/common/time/clock';
import { DEMO_SCENARIOS } from '../src/demo/demo-data';
import { DEMO_KINDS, DemoSummary, seedDemo } from '../src/demo/demo-seeder';
import { TestApp, countRows, createTestApp } from './support/test-app';

interface Program {
  id: number;
  title: string;
}
interface Stage {
  id: number;
  cohortId: number;
  title: string;
  city: string;
  timeZone: string;
  startDate: string;
  endDate: string;
  venue: string | null;
}
interface Session {
  title: string;
  type: string;
  startsAt: string;
  startsAtLocal: string;
  venue: string | null;
  onlineUrl: string | null;
  track: string | null;
  mentors: { id: number; position: string }[];
}
interface Loaded {
  programs: Program[];
  stages: (Stage & { program: string; sessions: Session[] })[];
  participants: number;
  mentors: { id: number; fullName: string }[];
  enrollments: number;
  assignments: number;
}

const TITLES = {
  mayors: 'Школа мэров',
  dialogue: 'Муниципальный диалог',
  visit: 'Рабочий визит делегации Правительства Севастополя',
  online: 'Рабочее совещание ассоциаций городов',
};

describe('demo data', () => {
  let t: TestApp;
  let first: DemoSummary;
  let second: DemoSummary;
  let afterFirst: Loaded;
  let afterSecond: Loaded;

  async function get<T>(path: string): Promise<T> {
    const response = await t.http().get(path).expect(200);
    return response.body as T;
  }

  type Page<T> = { items: T[]; total: number };

  /** Everything the demo made, read back through the API. */
  async function load(): Promise<Loaded> {
    const programs = await get<Page<Program>>('/api/programs?limit=200');
    const loaded: Loaded = {
      programs: programs.items,
      stages: [],
      participants: (await get<Page<unknown>>('/api/participants?limit=1')).total,
      mentors: (await get<Page<{ id: number; fullName: string }>>('/api/mentors?limit=200')).items,
      enrollments: 0,
      assignments: 0,
    };
    for (const program of programs.items) {
      const cohorts = await get<Page<{ id: number }>>(`/api/programs/${program.id}/cohorts`);
      for (const cohort of cohorts.items) {
        const enrollments = await get<Page<unknown>>(`/api/cohorts/${cohort.id}/enrollments`);
        loaded.enrollments += enrollments.total;
        const stages = await get<Page<Stage>>(`/api/cohorts/${cohort.id}/stages?limit=200`);
        for (const stage of stages.items) {
          const sessions = await get<Page<Session>>(`/api/stages/${stage.id}/sessions?limit=200`);
          expect(sessions.total).toBe(sessions.items.length);
          loaded.stages.push({ ...stage, program: program.title, sessions: sessions.items });
        }
      }
    }
    for (const mentor of loaded.mentors) {
      loaded.assignments += (
        await get<Page<unknown>>(`/api/mentors/${mentor.id}/assignments?limit=1`)
      ).total;
    }
    return loaded;
  }

  function stageOf(loaded: Loaded, title: string): Loaded['stages'][number] {
    const stage = loaded.stages.find((candidate) => candidate.title === title);
    if (!stage) {
      throw new Error(`No stage "${title}"`);
    }
    return stage;
  }

  /** Today in a zone, by the application's clock. */
  function today(zone: string): DateTime {
    return DateTime.fromJSDate(t.app.get(Clock).now(), { zone }).startOf('day');
  }

  beforeAll(async () => {
    t = await createTestApp();
    first = await seedDemo(t.app);
    afterFirst = await load();
    second = await seedDemo(t.app);
    afterSecond = await load();
  });
  afterAll(async () => {
    await t.close();
  });

  it('has the four programs once each, also after the second run', () => {
    const titles = afterSecond.programs.map((program) => program.title).sort();
    expect(titles).toEqual(Object.values(TITLES).sort());
    expect(afterSecond.programs).toEqual(afterFirst.programs);
  });

  it('creates nothing on the second run', async () => {
    for (const kind of DEMO_KINDS) {
      expect(second.created[kind]).toBe(0);
      expect(second.existing[kind]).toBe(first.created[kind]);
    }
    expect(first.created).toEqual({
      programs: 4,
      cohorts: 4,
      stages: 6,
      sessions: afterFirst.stages.reduce((sum, stage) => sum + stage.sessions.length, 0),
      participants: afterFirst.participants,
      mentors: 3,
      enrollments: afterFirst.enrollments,
      assignments: 8,
    });
    expect(afterSecond.participants).toBe(afterFirst.participants);
    expect(afterSecond.stages.length).toBe(afterFirst.stages.length);
    expect(afterSecond.stages.map((stage) => stage.sessions.length)).toEqual(
      afterFirst.stages.map((stage) => stage.sessions.length),
    );
    expect(afterSecond.enrollments).toBe(afterFirst.enrollments);
    expect(afterSecond.assignments).toBe(afterFirst.assignments);
    expect(afterSecond.mentors).toEqual(afterFirst.mentors);
    expect(await countRows(t.dataSource, 'sessions')).toBe(first.created.sessions);
  });

  it('reports each scenario with its program', () => {
    expect(second.scenarios.map((scenario) => scenario.scenario)).toEqual(
      DEMO_SCENARIOS.map((scenario) => scenario.name),
    );
    const ids = new Map(afterSecond.programs.map((program) => [program.title, program.id]));
    expect(second.scenarios.map((scenario) => scenario.programId)).toEqual(
      DEMO_SCENARIOS.map((scenario) => ids.get(scenario.program.title)),
    );
  });

  it('holds the Tyumen stage in Yekaterinburg time, under way, with sessions today', () => {
    const tyumen = stageOf(afterSecond, 'Стажировка в Тюмени');
    expect(tyumen).toMatchObject({ city: 'Тюмень', timeZone: 'Asia/Yekaterinburg' });
    const day = today('Asia/Yekaterinburg');
    expect(tyumen.startDate).toBe(day.minus({ days: 1 }).toISODate());
    expect(tyumen.endDate).toBe(day.plus({ days: 2 }).toISODate());
    const todays = tyumen.sessions.filter((session) =>
      session.startsAtLocal.startsWith(`${day.toISODate()}T`),
    );
    expect(todays.length).toBeGreaterThan(0);
    // Wall clock 09:00 in Tyumen is 04:00 UTC.
    const excursion = todays.find((session) => session.type === 'excursion')!;
    expect(excursion.startsAtLocal).toBe(`${day.toISODate()}T09:00:00`);
    expect(excursion.startsAt).toBe(`${day.toISODate()}T04:00:00.000Z`);
  });

  it('has one stage past, one under way and one next week', () => {
    const relation = (stage: Stage) => {
      const day = today(stage.timeZone);
      const start = DateTime.fromISO(stage.startDate, { zone: stage.timeZone });
      const end = DateTime.fromISO(stage.endDate, { zone: stage.timeZone });
      if (end < day) return 'past';
      if (start <= day) return 'under way';
      const nextWeek = day.startOf('week').plus({ weeks: 1 });
      return start >= nextWeek && start < nextWeek.plus({ weeks: 1 }) ? 'next week' : 'later';
    };
    const byRelation = (wanted: string) =>
      afterSecond.stages.filter((stage) => relation(stage) === wanted).map((stage) => stage.title);
    expect(byRelation('past')).toEqual(['Управленческая мастерская']);
    expect(byRelation('under way')).toEqual(['Стажировка в Тюмени']);
    // The online meeting, three days ahead, falls into next week from a Friday on.
    expect(byRelation('next week')).toEqual(
      expect.arrayContaining(['Конференция «Муниципальный диалог»']),
    );
    expect(stageOf(afterSecond, 'Управленческая мастерская')).toMatchObject({
      city: 'Сколково',
      timeZone: 'Europe/Moscow',
    });
  });

  it('has the attendance of the past stage marked, once, and reported', async () => {
    const past = afterSecond.stages.find((stage) => stage.title === 'Управленческая мастерская')!;
    const report = await get<{
      stages: { id: number; mandatorySessions: number; endedSessions: number }[];
      participants: {
        total: number;
        items: {
          stages: { stageId: number; held: number; unmarked: number; ratePercent: number | null }[];
        }[];
      };
    }>(`/api/cohorts/${past.cohortId}/attendance-report`);
    const stage = report.stages.find((candidate) => candidate.id === past.id)!;
    expect(stage.mandatorySessions).toBeGreaterThan(0);
    expect(stage.endedSessions).toBe(stage.mandatorySessions);
    expect(report.participants.total).toBeGreaterThan(0);
    for (const item of report.participants.items) {
      const cell = item.stages.find((candidate) => candidate.stageId === past.id)!;
      expect(cell).toMatchObject({ held: stage.mandatorySessions, unmarked: 0 });
      expect(cell.ratePercent).toBeGreaterThan(0);
    }
    // Each record was written once: the second run marked nothing again.
    const audit = await get<{ total: number }>('/api/audit?entity=attendance&limit=1');
    expect(audit.total).toBe(await countRows(t.dataSource, 'attendance'));
    expect(audit.total).toBeGreaterThanOrEqual(report.participants.total * past.sessions.length);
  });

  it('plans the return visit to Sevastopol after the visit to Moscow', () => {
    const visit = afterSecond.stages.filter((stage) => stage.program === TITLES.visit);
    expect(visit.map((stage) => [stage.city, stage.timeZone])).toEqual([
      ['Москва', 'Europe/Moscow'],
      ['Севастополь', 'Europe/Simferopol'],
    ]);
    expect(visit[1].startDate > visit[0].endDate).toBe(true);
  });

  it('holds the online meeting online: every session has a link and no venue', () => {
    const stages = afterSecond.stages.filter((stage) => stage.program === TITLES.online);
    expect(stages.length).toBe(1);
    expect(stages[0].venue).toBeNull();
    expect(stages[0].sessions.length).toBeGreaterThan(0);
    for (const session of stages[0].sessions) {
      expect(session.onlineUrl).toMatch(/^https:\/\//);
      expect(session.venue).toBeNull();
    }
  });

  it('runs the conference round tables in parallel on distinct tracks', () => {
    const [conference] = afterSecond.stages.filter((stage) => stage.program === TITLES.dialogue);
    const roundTables = conference.sessions.filter((session) => session.type === 'round_table');
    expect(roundTables.length).toBeGreaterThanOrEqual(2);
    expect(new Set(roundTables.map((session) => session.startsAt)).size).toBe(1);
    const tracks = roundTables.map((session) => session.track);
    expect(tracks.every((track) => track !== null)).toBe(true);
    expect(new Set(tracks).size).toBe(roundTables.length);
    expect(conference.sessions.some((session) => session.type === 'plenary')).toBe(true);
    expect(conference.sessions.some((session) => session.type === 'master_class')).toBe(true);
    expect(conference.startDate).toBe(conference.endDate);
  });

  it('has mentoring led by deputy heads of Tyumen in parallel groups, and mentees assigned', () => {
    const tyumen = stageOf(afterSecond, 'Стажировка в Тюмени');
    const mentoring = tyumen.sessions.filter((session) => session.type === 'mentoring');
    expect(mentoring.length).toBeGreaterThan(0);
    for (const session of mentoring) {
      expect(session.mentors.length).toBe(1);
      expect(session.mentors[0].position).toBe('Заместитель Главы города Тюмени');
    }
    const firstDay = mentoring.filter((session) => session.startsAt === mentoring[0].startsAt);
    expect(new Set(firstDay.map((session) => session.track)).size).toBe(firstDay.length);
    expect(firstDay.length).toBe(3);
    expect(tyumen.sessions.some((session) => session.type === 'internship')).toBe(true);
    expect(afterSecond.assignments).toBe(8);
  });

  it('refuses a bad demo item, naming the field, and writes nothing', async () => {
    const programs = await countRows(t.dataSource, 'programs');
    const [mayors] = DEMO_SCENARIOS;
    const broken = { ...mayors, program: { ...mayors.program, title: '' } };
    await expect(seedDemo(t.app, [broken])).rejects.toThrow(/program "" is invalid: title/);
    expect(await countRows(t.dataSource, 'programs')).toBe(programs);
  });
});
