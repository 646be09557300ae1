import { ORGANIZER } from './support/organizer';
import type { TestApp } from './support/test-app';

// Low limits for this file only; set before the application module reads its configuration.
process.env.LOGIN_ATTEMPTS_PER_ACCOUNT = '3';
process.env.LOGIN_ATTEMPTS_PER_ADDRESS = '6';

describe('login limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    const { createTestApp } = await import('./support/test-app');
    t = await createTestApp(); // one sign-in of the organizer from this address
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 after too many attempts for one account, then for one address', async () => {
    const attempt = (email: string) =>
      t.anonymous().post('/api/auth/login').send({ email, password: 'guessing the password' });
    for (let i = 0; i < 3; i++) {
      expect((await attempt('target@example.ru')).status).toBe(401);
    }
    const limited = await attempt('target@example.ru');
    expect(limited.status).toBe(429);
    expect(limited.body.message).toBe('Too many login attempts; try again later');
    // Even the right password of another account is refused once the address is over its limit.
    expect((await attempt('other@example.ru')).status).toBe(401);
    const blocked = await t.anonymous().post('/api/auth/login').send(ORGANIZER);
    expect(blocked.status).toBe(429);
  });
});
