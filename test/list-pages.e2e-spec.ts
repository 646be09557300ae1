import {
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
import { TestApp, createTestApp } from './support/test-app';

/**
 * Lists read in one statement that answers the page as JSON with its total (JsonSql): the
 * order, the values of every type, the totals of filtered lists and of pages past the end
 * are as the entities' own reads give them, for staff and for participants.
 */
describe('list pages', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  interface SessionItem {
    id: number;
    title: string;
    startsAt: string;
    startsAtLocal: string;
    endsAtLocal: string;
    timeZone: string;
    isMandatory: boolean;
    capacity: number | null;
    speakers: string[];
    mentors: { fullName: string }[];
  }

  describe("a stage's sessions", () => {
    let stageId: number;
    let participantToken: string;
    const ids: number[] = [];

    beforeAll(async () => {
      const cohort = await createCohort(t);
      // Vladivostok, UTC+10: 09:00 local is 23:00 UTC of the day before.
      const stage = await createStage(
        t,
        {
          city: 'Владивосток',
          timeZone: 'Asia/Vladivostok',
          startDate: '2025-11-17',
          endDate: '2025-11-20',
        },
        cohort.id,
      );
      stageId = stage.id;
      const yakovlev = await createMentor(t, { fullName: 'Яковлев Пётр' });
      const antonova = await createMentor(t, { fullName: 'Антонова Анна' });
      // Three sessions starting at one moment (ordered by id), one earlier, one later.
      for (const [title, startsAt, endsAt, extra] of [
        ['Параллельная А', '2025-11-18T09:00', '2025-11-18T10:00', { track: 'A' }],
        ['Ранняя', '2025-11-18T07:30', '2025-11-18T08:30', { track: 'A', isMandatory: false }],
        [
          'Параллельная Б',
          '2025-11-18T09:00',
          '2025-11-18T10:30',
          {
            track: 'B',
            isMandatory: true,
            capacity: 40,
            speakers: ['Иванов И. И.', 'Петров П. П.'],
            mentorIds: [yakovlev.id, antonova.id],
          },
        ],
        ['Параллельная В', '2025-11-18T09:00', '2025-11-18T09:45', { track: 'C' }],
        ['Поздняя', '2025-11-19T18:00', '2025-11-19T19:00', { track: 'A' }],
      ] as const) {
        const session = await createSession(t, { title, startsAt, endsAt, ...extra }, stageId);
        ids.push(session.id);
      }
      await publishAgenda(t, stageId);
      const participant = await createParticipant(t);
      await enroll(t, cohort.id, participant.id);
      participantToken = (await createAccount(t, 'participant', { participantId: participant.id }))
        .token;
    });

    const titles = (items: SessionItem[]) => items.map((item) => item.title);

    it.each([
      ['an organizer (sessions being edited)', () => t.http()],
      ['a participant (the published agenda)', () => t.as(participantToken)],
    ])('reads in time order, ties by id, for %s', async (_who, as) => {
      const all = await as().get(`/api/stages/${stageId}/sessions`).expect(200);
      expect(all.body.total).toBe(5);
      expect(titles(all.body.items)).toEqual([
        'Ранняя',
        'Параллельная А',
        'Параллельная Б',
        'Параллельная В',
        'Поздняя',
      ]);
      const busy: SessionItem = all.body.items[2];
      expect(busy).toMatchObject({
        id: ids[2],
        startsAt: '2025-11-17T23:00:00.000Z',
        startsAtLocal: '2025-11-18T09:00:00',
        endsAtLocal: '2025-11-18T10:30:00',
        timeZone: 'Asia/Vladivostok',
        isMandatory: true,
        capacity: 40,
        speakers: ['Иванов И. И.', 'Петров П. П.'],
      });
      expect(busy.mentors.map((mentor) => mentor.fullName)).toEqual([
        'Антонова Анна',
        'Яковлев Пётр',
      ]);
      expect(all.body.items[0]).toMatchObject({ isMandatory: false, capacity: null, mentors: [] });

      const second = await as().get(`/api/stages/${stageId}/sessions?limit=2&offset=2`).expect(200);
      expect(second.body).toMatchObject({ total: 5, limit: 2, offset: 2 });
      expect(titles(second.body.items)).toEqual(['Параллельная Б', 'Параллельная В']);

      const past = await as().get(`/api/stages/${stageId}/sessions?offset=7`).expect(200);
      expect(past.body).toEqual({ items: [], total: 5, limit: 50, offset: 7 });

      const onTheNineteenth = await as()
        .get(`/api/stages/${stageId}/sessions?date=2025-11-19&limit=1`)
        .expect(200);
      expect(onTheNineteenth.body.total).toBe(1);
      expect(titles(onTheNineteenth.body.items)).toEqual(['Поздняя']);

      const none = await as().get(`/api/stages/${stageId}/sessions?track=Z`).expect(200);
      expect(none.body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    });
  });

  it('pages programs in id order with every field as a single read gives it', async () => {
    const created = [];
    for (let i = 0; i < 3; i++) {
      created.push(await createProgram(t, { title: `Программа ${i}`, status: 'draft' }));
    }
    const first = await t.http().get('/api/programs?status=draft&limit=2').expect(200);
    const total = first.body.total;
    expect(total).toBeGreaterThanOrEqual(3);
    const last = await t
      .http()
      .get(`/api/programs?status=draft&limit=2&offset=${total - 1}`)
      .expect(200);
    expect(last.body.total).toBe(total);
    expect(last.body.items).toHaveLength(1);
    const single = await t.http().get(`/api/programs/${created[2].id}`).expect(200);
    expect(last.body.items[0]).toEqual(single.body);
    const ids = first.body.items.map((program: { id: number }) => program.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const past = await t.http().get(`/api/programs?status=draft&offset=${total}`).expect(200);
    expect(past.body).toMatchObject({ items: [], total });
  });

  it('pages participants in name order, Cyrillic included, with the total of a search', async () => {
    const names = ['Ёлкина Мария', 'Абрамов Олег', 'Яшин Лев', 'Елкин Иван'];
    const created = new Map<string, number>();
    for (const fullName of names) {
      created.set(fullName, (await createParticipant(t, { fullName })).id);
    }
    const found = await t
      .http()
      .get(`/api/participants?search=${encodeURIComponent('ёлкин')}`)
      .expect(200);
    expect(found.body.total).toBe(2);
    expect(found.body.items.map((p: { fullName: string }) => p.fullName).sort()).toEqual([
      'Ёлкина Мария',
      'Елкин Иван',
    ]);
    const page = await t.http().get('/api/participants?limit=200').expect(200);
    const listed = page.body.items.map((p: { fullName: string }) => p.fullName);
    const ours = listed.filter((name: string) => names.includes(name));
    // The database's order of names, the same as a single ORDER BY gives.
    const [{ sorted }] = await t.dataSource.query(
      `SELECT ${
        t.dataSource.options.type === 'postgres' ? 'string_agg' : 'group_concat'
      }("fullName", '|' ORDER BY "fullName", "id") AS "sorted" FROM "participants" WHERE "id" IN (${[
        ...created.values(),
      ].join(', ')})`,
    );
    expect(ours).toEqual(sorted.split('|'));
    const one = await t
      .http()
      .get(`/api/participants/${created.get('Яшин Лев')}`)
      .expect(200);
    expect(page.body.items.find((p: { id: number }) => p.id === one.body.id)).toEqual(one.body);
  });
});
