import { JwtService } from '@nestjs/jwt';
import { Clock } from '../src/common/time/clock';
import { TEST_PASSWORD, createAccount, createParticipant } from './support/factories';
import { ORGANIZER } from './support/organizer';
import { TestApp, countRows, createTestApp } from './support/test-app';

describe('accounts and sign-in', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('login and /api/me', () => {
    it('signs the first organizer in and describes it', async () => {
      const login = await t.anonymous().post('/api/auth/login').send(ORGANIZER).expect(200);
      expect(login.body).toEqual({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
      });
      const me = await t.as(login.body.accessToken).get('/api/me').expect(200);
      expect(me.body).toMatchObject({
        email: ORGANIZER.email,
        role: 'organizer',
        status: 'active',
        participant: null,
        mentor: null,
        hostedStageIds: [],
      });
      expect(JSON.stringify(me.body)).not.toMatch(/password/i);
    });

    it('accepts the email in any case and with spaces around it', async () => {
      await t
        .anonymous()
        .post('/api/auth/login')
        .send({ email: `  ${ORGANIZER.email.toUpperCase()} `, password: ORGANIZER.password })
        .expect(200);
    });

    it('answers a wrong password and an unknown email alike', async () => {
      const wrongPassword = await t
        .anonymous()
        .post('/api/auth/login')
        .send({ email: ORGANIZER.email, password: 'not the password' })
        .expect(401);
      const unknown = await t
        .anonymous()
        .post('/api/auth/login')
        .send({ email: 'nobody@example.ru', password: 'not the password' })
        .expect(401);
      expect(unknown.body).toEqual(wrongPassword.body);
      expect(unknown.body.message).toBe('Wrong email or password');
    });

    it('names every bad field of a login', async () => {
      const response = await t
        .anonymous()
        .post('/api/auth/login')
        .send({ email: 'not an email', password: '', remember: true })
        .expect(400);
      expect(response.body.message).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^email/),
          expect.stringMatching(/^password/),
          'property remember should not exist',
        ]),
      );
    });
  });

  describe('tokens', () => {
    let organizerId: number;

    beforeAll(async () => {
      organizerId = (await t.http().get('/api/me').expect(200)).body.id;
    });

    it('needs a bearer token everywhere but the public routes', async () => {
      await t.anonymous().get('/api/programs').expect(401);
      await t.anonymous().get('/api/me').expect(401);
      await t.anonymous().get('/api/programs').set('Authorization', 'Basic abc').expect(401);
      await t.anonymous().get('/api/health').expect(200);
      await t.anonymous().get('/api/docs-json').expect(200);
    });

    it('refuses an expired token', async () => {
      const jwt = t.app.get(JwtService);
      const expired = await jwt.signAsync({
        sub: String(organizerId),
        role: 'organizer',
        exp: Math.floor(Date.now() / 1000) - 60,
      });
      const response = await t.as(expired).get('/api/me').expect(401);
      expect(response.body.message).toBe('The token is invalid or expired');
    });

    it('refuses a tampered token', async () => {
      const token = await t.signIn(ORGANIZER.email, ORGANIZER.password);
      const [header, payload, signature] = token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const forged = Buffer.from(JSON.stringify({ ...claims, sub: '999' })).toString('base64url');
      await t.as(`${header}.${forged}.${signature}`).get('/api/me').expect(401);
      await t.as(`${token}x`).get('/api/me').expect(401);
    });

    it('refuses a token of another algorithm, or of none', async () => {
      const jwt = t.app.get(JwtService);
      const hs512 = await jwt.signAsync(
        { sub: String(organizerId), role: 'organizer' },
        { algorithm: 'HS512' },
      );
      await t.as(hs512).get('/api/me').expect(401);
      const unsigned = [
        Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
        Buffer.from(JSON.stringify({ sub: String(organizerId), role: 'organizer' })).toString(
          'base64url',
        ),
        '',
      ].join('.');
      await t.as(unsigned).get('/api/me').expect(401);
    });
  });

  describe('invitations', () => {
    it('invites a participant, who sets a password once and signs in', async () => {
      const participant = await createParticipant(t, { fullName: 'Орлова Мария Игоревна' });
      const invitation = await t
        .http()
        .post('/api/invitations')
        .send({ email: 'orlova@example.ru', role: 'participant', participantId: participant.id })
        .expect(201);
      expect(invitation.body.account).toMatchObject({
        email: 'orlova@example.ru',
        fullName: 'Орлова Мария Игоревна',
        role: 'participant',
        status: 'invited',
        participantId: participant.id,
      });
      expect(invitation.body.invitationUrl).toBe(
        `http://localhost:3000/accept-invitation?token=${invitation.body.token}`,
      );
      // Invited but without a password: no sign-in yet.
      await t
        .anonymous()
        .post('/api/auth/login')
        .send({ email: 'orlova@example.ru', password: TEST_PASSWORD })
        .expect(401);

      const accepted = await t
        .anonymous()
        .post('/api/invitations/accept')
        .send({ token: invitation.body.token, password: TEST_PASSWORD })
        .expect(200);
      const me = await t.as(accepted.body.accessToken).get('/api/me').expect(200);
      expect(me.body).toMatchObject({
        role: 'participant',
        status: 'active',
        participant: { id: participant.id, email: participant.email },
      });

      const again = await t
        .anonymous()
        .post('/api/invitations/accept')
        .send({ token: invitation.body.token, password: 'another long password' })
        .expect(400);
      expect(again.body.message).toEqual(['token is invalid, already used or expired']);
      await t.signIn('orlova@example.ru', TEST_PASSWORD);
    });

    it('lets an invitation expire', async () => {
      const invitation = await t
        .http()
        .post('/api/invitations')
        .send({ email: 'late@example.ru', role: 'host', fullName: 'Поздний Хост' })
        .expect(201);
      const clock = t.app.get(Clock);
      const later = new Date(Date.now() + 73 * 3_600_000);
      const moved = jest.spyOn(clock, 'now').mockReturnValue(later);
      try {
        await t
          .anonymous()
          .post('/api/invitations/accept')
          .send({ token: invitation.body.token, password: TEST_PASSWORD })
          .expect(400);
      } finally {
        moved.mockRestore();
      }
      const account = await t.http().get(`/api/accounts/${invitation.body.account.id}`).expect(200);
      expect(account.body.status).toBe('invited');
    });

    it('replaces a lost link: the new one works, the old one no longer', async () => {
      const first = await t
        .http()
        .post('/api/invitations')
        .send({ email: 'lost@example.ru', role: 'host', fullName: 'Потерявший Ссылку' })
        .expect(201);
      const second = await t
        .http()
        .post(`/api/accounts/${first.body.account.id}/invitations`)
        .expect(201);
      await t
        .anonymous()
        .post('/api/invitations/accept')
        .send({ token: first.body.token, password: TEST_PASSWORD })
        .expect(400);
      await t
        .anonymous()
        .post('/api/invitations/accept')
        .send({ token: second.body.token, password: TEST_PASSWORD })
        .expect(200);
    });

    it('names every problem of an invitation and writes nothing', async () => {
      const before = await countRows(t.dataSource, 'accounts');
      const invalid = await t
        .http()
        .post('/api/invitations')
        .send({ email: 'x', role: 'admin', stageIds: 'all' })
        .expect(400);
      expect(invalid.body.message).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^email/),
          expect.stringMatching(/^role/),
          expect.stringMatching(/stageIds/),
        ]),
      );
      const inconsistent = await t
        .http()
        .post('/api/invitations')
        .send({ email: 'p@example.ru', role: 'participant', mentorId: 1, stageIds: [1] })
        .expect(400);
      expect(inconsistent.body.message).toEqual([
        'participantId is required for the participant role',
        'mentorId is only for the mentor role',
        'stageIds is only for the host role',
      ]);
      const nameless = await t
        .http()
        .post('/api/invitations')
        .send({ email: 'h@example.ru', role: 'host' })
        .expect(400);
      expect(nameless.body.message).toEqual([
        'fullName is required unless the account is linked to a person',
      ]);
      await t
        .http()
        .post('/api/invitations')
        .send({ email: 'p@example.ru', role: 'participant', participantId: 999999 })
        .expect(404);
      await t
        .http()
        .post('/api/invitations')
        .send({ email: 'h@example.ru', role: 'host', fullName: 'Х', stageIds: [999999] })
        .expect(404);
      expect(await countRows(t.dataSource, 'accounts')).toBe(before);
    });

    it('refuses a second account for an email, a participant or a mentor', async () => {
      const participant = await createParticipant(t);
      await createAccount(t, 'participant', { participantId: participant.id });
      const before = await countRows(t.dataSource, 'accounts');
      await t
        .http()
        .post('/api/invitations')
        .send({ email: 'other@example.ru', role: 'participant', participantId: participant.id })
        .expect(409);
      await t
        .http()
        .post('/api/invitations')
        .send({ email: ORGANIZER.email.toUpperCase(), role: 'host', fullName: 'Дубликат' })
        .expect(409);
      expect(await countRows(t.dataSource, 'accounts')).toBe(before);
    });

    it('asks for a long enough password', async () => {
      const invitation = await t
        .http()
        .post('/api/invitations')
        .send({ email: 'short@example.ru', role: 'host', fullName: 'Короткий Пароль' })
        .expect(201);
      const response = await t
        .anonymous()
        .post('/api/invitations/accept')
        .send({ token: invitation.body.token, password: 'short' })
        .expect(400);
      expect(response.body.message).toEqual([expect.stringMatching(/^password/)]);
    });
  });

  describe('audit log', () => {
    it('records each write with its actor and the changed fields, never a secret', async () => {
      const organizer = (await t.http().get('/api/me').expect(200)).body;
      const created = await t
        .http()
        .post('/api/programs')
        .send({ title: 'Аудит', organizer: 'ВШГУ' })
        .expect(201);
      await t
        .http()
        .patch(`/api/programs/${created.body.id}`)
        .send({ title: 'Аудит 2', organizer: 'ВШГУ' })
        .expect(200);
      const log = await t
        .http()
        .get(`/api/audit?entity=programs&entityId=${created.body.id}`)
        .expect(200);
      expect(log.body.total).toBe(2);
      const [update, create] = log.body.items;
      expect(update).toMatchObject({
        actorId: organizer.id,
        action: 'update',
        changes: { title: { from: 'Аудит', to: 'Аудит 2' } },
      });
      expect(Object.keys(update.changes)).toEqual(['title']);
      expect(create).toMatchObject({
        actorId: organizer.id,
        action: 'create',
        changes: { title: { to: 'Аудит' }, status: { to: 'draft' } },
      });

      await t.http().delete(`/api/programs/${created.body.id}`).expect(204);
      const deleted = await t
        .http()
        .get(`/api/audit?entity=programs&entityId=${created.body.id}&action=delete`)
        .expect(200);
      expect(deleted.body.items[0].changes.title).toEqual({ from: 'Аудит 2' });

      const host = await createAccount(t, 'host');
      const accountLog = await t
        .http()
        .get(`/api/audit?entity=accounts&entityId=${host.account.id}`)
        .expect(200);
      const text = JSON.stringify(accountLog.body);
      expect(text).not.toMatch(/argon2|passwordHash|tokenHash/);
      expect(accountLog.body.items[0].changes).toEqual({ password: { to: '(changed)' } });
    });

    it('filters by actor', async () => {
      const organizer = (await t.http().get('/api/me').expect(200)).body;
      const mine = await t.http().get(`/api/audit?actorId=${organizer.id}&limit=200`).expect(200);
      expect(mine.body.items.length).toBeGreaterThan(0);
      for (const entry of mine.body.items) {
        expect(entry.actorId).toBe(organizer.id);
      }
      const nobody = await t.http().get('/api/audit?actorId=999999').expect(200);
      expect(nobody.body.total).toBe(0);
      await t.http().get('/api/audit?actorId=abc&action=explode').expect(400);
    });
  });

  describe('HTTP hardening', () => {
    it('sets security headers', async () => {
      const response = await t.anonymous().get('/api/health').expect(200);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      // HSTS only in production: over plain HTTP it would pin browsers to HTTPS for nothing.
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['x-powered-by']).toBeUndefined();
    });

    it('keeps CORS closed by default', async () => {
      const response = await t
        .anonymous()
        .options('/api/programs')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'GET');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
