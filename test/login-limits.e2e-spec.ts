import { ORGANIZER } from './support/organizer';
import type { TestApp } from './support/test-app';

// Low limits for this file only; set before the application module reads its configuration.
// One proxy is trusted, so that each request can come from the address it names.
process.env.LOGIN_ATTEMPTS_PER_ADDRESS_AND_ACCOUNT = '3';
process.env.LOGIN_ATTEMPTS_PER_ACCOUNT = '8';
process.env.LOGIN_ATTEMPTS_PER_ADDRESS = '6';
process.env.TRUST_PROXY_HOPS = '1';

describe('login limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    const { createTestApp } = await import('./support/test-app');
    t = await createTestApp(); // one sign-in of the organizer, from 127.0.0.1
  });
  afterAll(async () => {
    await t.close();
  });

  const attempt = (from: string, email: string, password = 'guessing the password') =>
    t.anonymous().post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });

  it('limits guesses at one account from one address, then that address altogether', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await attempt('10.0.0.1', 'target@example.ru')).status).toBe(401);
    }
    const limited = await attempt('10.0.0.1', 'target@example.ru');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      statusCode: 429,
      message: 'Too many attempts; try again later',
      error: 'Too Many Requests',
    });
    // Other accounts from the same address: until the address itself is over its limit (6).
    expect((await attempt('10.0.0.1', 'other@example.ru')).status).toBe(401);
    expect((await attempt('10.0.0.1', 'third@example.ru')).status).toBe(401);
    expect((await attempt('10.0.0.1', ORGANIZER.email, ORGANIZER.password)).status).toBe(429);
  });

  it("others' wrong guesses do not lock the owner out until the looser per-account limit", async () => {
    for (let i = 0; i < 3; i++) {
      expect((await attempt('10.0.1.1', ORGANIZER.email)).status).toBe(401);
    }
    expect((await attempt('10.0.1.1', ORGANIZER.email)).status).toBe(429);
    // The owner, from its own address, still signs in.
    expect((await attempt('10.0.9.9', ORGANIZER.email, ORGANIZER.password)).status).toBe(200);
    // Guesses spread over many addresses meet the per-account limit (8 in the window).
    for (let i = 0; i < 3; i++) {
      expect((await attempt(`10.0.2.${i}`, ORGANIZER.email)).status).toBe(401);
    }
    expect((await attempt('10.0.3.1', ORGANIZER.email)).status).toBe(429);
  });

  it('limits invitation accepts per address, before any password is hashed', async () => {
    const accept = () =>
      t
        .anonymous()
        .post('/api/invitations/accept')
        .set('X-Forwarded-For', '10.0.4.1')
        .send({ token: 'not a real token', password: 'a long enough password' });
    for (let i = 0; i < 6; i++) {
      expect((await accept()).status).toBe(400);
    }
    expect((await accept()).status).toBe(429);
  });

  it('keeps the counters in the database, where every instance shares them', async () => {
    const [{ count }] = await t.dataSource.query(
      'SELECT COUNT(*) AS count FROM "rate_limit_windows"',
    );
    expect(Number(count)).toBeGreaterThan(0);
  });
});
