import { TEST_PASSWORD, createAccount } from './support/factories';
import { ORGANIZER } from './support/organizer';
import { TestApp, createTestApp } from './support/test-app';

describe('stopping accounts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses the tokens of a deactivated account at once, and its sign-in', async () => {
    const host = await createAccount(t, 'host');
    const otherToken = await t.signIn(host.email, TEST_PASSWORD);
    await t.as(host.token).get('/api/me').expect(200);

    const deactivated = await t
      .http()
      .patch(`/api/accounts/${host.account.id}`)
      .send({ status: 'deactivated' })
      .expect(200);
    expect(deactivated.body).toMatchObject({ id: host.account.id, status: 'deactivated' });
    for (const token of [host.token, otherToken]) {
      const refused = await t.as(token).get('/api/me').expect(401);
      expect(refused.body).toEqual({
        statusCode: 401,
        message: 'The token is invalid or expired',
        error: 'Unauthorized',
      });
    }
    await t
      .anonymous()
      .post('/api/auth/login')
      .send({ email: host.email, password: TEST_PASSWORD })
      .expect(401);

    // Reactivated, it signs in again; the tokens of before stay void.
    await t.http().patch(`/api/accounts/${host.account.id}`).send({ status: 'active' }).expect(200);
    await t.as(host.token).get('/api/me').expect(401);
    const fresh = await t.signIn(host.email, TEST_PASSWORD);
    await t.as(fresh).get('/api/me').expect(200);
  });

  it('records a deactivation in the audit log with its author', async () => {
    const mentorAccount = await createAccount(t, 'host');
    await t
      .http()
      .patch(`/api/accounts/${mentorAccount.account.id}`)
      .send({ status: 'deactivated' })
      .expect(200);
    const me = (await t.http().get('/api/me').expect(200)).body;
    const log = await t
      .http()
      .get(`/api/audit?entity=accounts&entityId=${mentorAccount.account.id}&action=update`)
      .expect(200);
    // Newest first: the deactivation, then the password set by accepting the invitation.
    expect(log.body.items).toHaveLength(2);
    expect(log.body.items[0]).toMatchObject({
      actorId: me.id,
      changes: { deactivatedAt: { from: null, to: expect.any(String) } },
    });
    expect(log.body.items[1]).toMatchObject({
      actorId: mentorAccount.account.id,
      changes: { password: { to: '(changed)' } },
    });
  });

  it('lets only organizers change accounts, and not deactivate themselves', async () => {
    const participantLike = await createAccount(t, 'host');
    const target = await createAccount(t, 'host');
    await t
      .as(participantLike.token)
      .patch(`/api/accounts/${target.account.id}`)
      .send({ status: 'deactivated' })
      .expect(403);
    const me = (await t.http().get('/api/me').expect(200)).body;
    const self = await t
      .http()
      .patch(`/api/accounts/${me.id}`)
      .send({ status: 'deactivated' })
      .expect(409);
    expect(self.body.message).toBe('An organizer cannot deactivate its own account');
    await t.http().get('/api/me').expect(200);
    const bad = await t
      .http()
      .patch(`/api/accounts/${target.account.id}`)
      .send({ status: 'gone', role: 'organizer' })
      .expect(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        'property role should not exist',
        'status must be one of the following values: active, deactivated',
      ]),
    );
    await t.http().patch('/api/accounts/999999').send({ status: 'active' }).expect(404);
  });

  it('ends the tokens issued before a password change, and the new password signs in', async () => {
    const organizer = await createAccount(t, 'organizer');
    const before = await t.signIn(organizer.email, TEST_PASSWORD);
    const wrong = await t
      .as(organizer.token)
      .put('/api/me/password')
      .send({ currentPassword: 'not the password', newPassword: 'a brand new long password' })
      .expect(400);
    expect(wrong.body.message).toEqual(['currentPassword is wrong']);
    await t.as(before).get('/api/me').expect(200);

    const changed = await t
      .as(organizer.token)
      .put('/api/me/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new long password' })
      .expect(200);
    for (const token of [organizer.token, before]) {
      await t.as(token).get('/api/me').expect(401);
    }
    await t.as(changed.body.accessToken).get('/api/me').expect(200);
    await t
      .anonymous()
      .post('/api/auth/login')
      .send({ email: organizer.email, password: TEST_PASSWORD })
      .expect(401);
    await t.signIn(organizer.email, 'a brand new long password');
    const log = await t
      .http()
      .get(`/api/audit?entity=accounts&entityId=${organizer.account.id}&action=update`)
      .expect(200);
    expect(log.body.items[0].changes).toEqual({ password: { to: '(changed)' } });
  });

  it('ends the tokens issued before a password set through a new invitation', async () => {
    const host = await createAccount(t, 'host');
    const again = await t.http().post(`/api/accounts/${host.account.id}/invitations`).expect(201);
    await t
      .anonymous()
      .post('/api/invitations/accept')
      .send({ token: again.body.token, password: 'the forgotten one, renewed' })
      .expect(200);
    await t.as(host.token).get('/api/me').expect(401);
  });

  it('does not let a deactivated account accept an invitation', async () => {
    const invited = await t
      .http()
      .post('/api/invitations')
      .send({ email: 'late@example.ru', role: 'host', fullName: 'Опоздавший' })
      .expect(201);
    await t
      .http()
      .patch(`/api/accounts/${invited.body.account.id}`)
      .send({ status: 'deactivated' })
      .expect(200);
    await t
      .anonymous()
      .post('/api/invitations/accept')
      .send({ token: invited.body.token, password: 'a long enough password' })
      .expect(400);
    // Nor is it sent a new link it could not use; once active again it is.
    const refused = await t
      .http()
      .post(`/api/accounts/${invited.body.account.id}/invitations`)
      .expect(409);
    expect(refused.body.message).toBe(
      `Account ${invited.body.account.id} is deactivated: reactivate it before sending a new link`,
    );
    expect(
      await t.dataSource.query(
        `SELECT "id" FROM "invitations" WHERE "accountId" = ${invited.body.account.id}`,
      ),
    ).toHaveLength(1);
    await t
      .http()
      .patch(`/api/accounts/${invited.body.account.id}`)
      .send({ status: 'active' })
      .expect(200);
    await t.http().post(`/api/accounts/${invited.body.account.id}/invitations`).expect(201);
    // The first organizer is untouched by all of this.
    await t.signIn(ORGANIZER.email, ORGANIZER.password);
  });

  it('lets one of many concurrent password changes through; the others are refused', async () => {
    const host = await createAccount(t, 'host');
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t
          .as(host.token)
          .put('/api/me/password')
          .send({ currentPassword: TEST_PASSWORD, newPassword: `a new password number ${i}` }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.every((status) => [200, 400, 401, 409].includes(status))).toBe(true);
    const winner = responses.findIndex((response) => response.status === 200);
    await t.signIn(host.email, `a new password number ${winner}`);
    await t.as(responses[winner].body.accessToken).get('/api/me').expect(200);
    const log = await t
      .http()
      .get(`/api/audit?entity=accounts&entityId=${host.account.id}&action=update`)
      .expect(200);
    const passwordChanges = log.body.items.filter(
      (entry: { changes: Record<string, unknown> }) => 'password' in entry.changes,
    );
    expect(passwordChanges).toHaveLength(2); // the invitation's, and the one change that won
  });

  it('never lets the last active organizers deactivate each other at once', async () => {
    const others = await t.http().get('/api/accounts?role=organizer&limit=200').expect(200);
    const me = (await t.http().get('/api/me').expect(200)).body;
    const a = await createAccount(t, 'organizer');
    const b = await createAccount(t, 'organizer');
    // Leave exactly two active organizers: a and b.
    for (const organizer of others.body.items) {
      if (organizer.status === 'active' && organizer.id !== me.id) {
        await t.as(a.token).patch(`/api/accounts/${organizer.id}`).send({ status: 'deactivated' });
      }
    }
    await t.as(a.token).patch(`/api/accounts/${me.id}`).send({ status: 'deactivated' }).expect(200);
    const [ab, ba] = await Promise.all([
      t.as(a.token).patch(`/api/accounts/${b.account.id}`).send({ status: 'deactivated' }),
      t.as(b.token).patch(`/api/accounts/${a.account.id}`).send({ status: 'deactivated' }),
    ]);
    expect([ab.status, ba.status].filter((status) => status === 200)).toHaveLength(1);
    const active = await t.dataSource.query(
      `SELECT COUNT(*) AS count FROM "accounts" WHERE "role" = 'organizer' AND "deactivatedAt" IS NULL AND "passwordHash" IS NOT NULL`,
    );
    expect(Number(active[0].count)).toBe(1);
    const survivor = ab.status === 200 ? a : b;
    const last = ab.status === 200 ? a.account.id : b.account.id;
    const refused = await t
      .as(survivor.token)
      .patch(`/api/accounts/${last}`)
      .send({ status: 'deactivated' });
    expect(refused.status).toBe(409);
    // The first organizer comes back for the rest of this file's tests.
    await t
      .as(survivor.token)
      .patch(`/api/accounts/${me.id}`)
      .send({ status: 'active' })
      .expect(200);
    t = await t.reopen();
  });

  it('reactivates the ADMIN_EMAIL organizer on start when no organizer is active', async () => {
    await t.dataSource.query(`UPDATE "accounts" SET "deactivatedAt" = CURRENT_TIMESTAMP`);
    t = await t.reopen();
    await t.http().get('/api/me').expect(200);
  });
});
