import { TestApp, createTestApp } from './support/test-app';

describe('health and API documentation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports the service and its database up', async () => {
    const response = await t.http().get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('publishes the OpenAPI document with every resource of the contract', async () => {
    const response = await t.http().get('/api/docs-json').expect(200);
    const paths = Object.keys(response.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/programs',
        '/api/programs/{id}',
        '/api/programs/{id}/cohorts',
        '/api/cohorts/{id}',
        '/api/cohorts/{id}/stages',
        '/api/stages/{id}',
        '/api/stages/{id}/sessions',
        '/api/sessions/{id}',
        '/api/participants',
        '/api/participants/{id}',
        '/api/cohorts/{id}/enrollments',
        '/api/mentors',
        '/api/mentors/{id}',
        '/api/mentors/{id}/assignments',
        '/api/mentors/{id}/meetings',
        '/api/meetings/{id}',
        '/api/notifications',
        '/api/me/notification-preferences',
        '/api/auth/password-reset',
        '/api/health',
      ]),
    );
    const session = response.body.components.schemas.CreateSessionDto;
    expect(session.properties.startsAt.example).toBe('2025-11-18T10:00');
    await t.http().get('/api/docs').expect(200);
  });

  it('answers an unknown path with 404 in the common error shape', async () => {
    const response = await t.http().get('/api/nothing-here').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await t
      .http()
      .post('/api/programs')
      .set('Content-Type', 'application/json')
      .send('{"title": ')
      .expect(400);
    expect(response.body.statusCode).toBe(400);
  });
});
