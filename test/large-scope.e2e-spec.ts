import { BENCH_PASSWORD, HOST_EMAIL, PARTICIPANT_EMAIL, loadDataSet } from '../bench/data-set';
import { TestApp, createTestApp } from './support/test-app';

/**
 * A host whose stage holds tens of thousands of participants searches them through HTTP: the
 * scope is a condition inside the query, so no list of visible ids (and no parameter per id)
 * ever reaches the database.
 */
describe('the host of a very large cohort', () => {
  let t: TestApp;
  const enrolled = 30_000;
  const participants = 40_000;

  beforeAll(async () => {
    t = await createTestApp();
    await loadDataSet(t.dataSource, {
      name: 'test',
      programs: 1,
      cohorts: 1,
      stagesPerCohort: 1,
      sessionsPerStage: 1,
      participants,
      enrollmentsPerCohort: enrolled,
      hostedCohorts: 1,
    });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('finds exactly the participants it sees, in name order', async () => {
    const host = await t.signIn(HOST_EMAIL, BENCH_PASSWORD);
    // Every hundredth participant is a Смирнов; only the first 30,000 are in the host's cohort.
    const search = encodeURIComponent('СМИРН');
    const page = await t.as(host).get(`/api/participants?search=${search}&limit=200`).expect(200);
    expect(page.body.total).toBe(enrolled / 100);
    expect(page.body.items).toHaveLength(200);
    for (const participant of page.body.items) {
      expect(participant.fullName.startsWith('Смирнов ')).toBe(true);
      expect(participant.id).toBeLessThanOrEqual(enrolled);
      expect(participant).not.toHaveProperty('email');
    }
    const names = page.body.items.map((participant: { fullName: string }) => participant.fullName);
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));

    const organizer = await t.http().get(`/api/participants?search=${search}&limit=1`).expect(200);
    expect(organizer.body.total).toBe(participants / 100);

    // A search on an email finds nothing for the host, which may not see emails.
    const byEmail = await t.as(host).get('/api/participants?search=p100%40bench').expect(200);
    expect(byEmail.body.total).toBe(0);
    const organizerByEmail = await t
      .http()
      .get('/api/participants?search=p100%40bench')
      .expect(200);
    expect(organizerByEmail.body.total).toBe(1);
  });

  it('lists and counts all the participants it sees', async () => {
    const host = await t.signIn(HOST_EMAIL, BENCH_PASSWORD);
    const page = await t.as(host).get('/api/participants?limit=10&offset=29995').expect(200);
    expect(page.body.total).toBe(enrolled);
    expect(page.body.items).toHaveLength(5);
    const hidden = await t.as(host).get(`/api/participants/${enrolled + 1}`);
    expect(hidden.status).toBe(404);
    await t.as(host).get(`/api/participants/${enrolled}`).expect(200);
  });

  it('shows a participant only itself among tens of thousands', async () => {
    const participant = await t.signIn(PARTICIPANT_EMAIL, BENCH_PASSWORD);
    const page = await t.as(participant).get('/api/participants?limit=5').expect(200);
    expect(page.body.total).toBe(1);
    expect(page.body.items[0]).toMatchObject({ id: 1, email: 'p1@bench.example.ru' });
  });
});
