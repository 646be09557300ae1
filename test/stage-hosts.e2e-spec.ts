import {
  assignMentor,
  createAccount,
  createCohort,
  createMentor,
  createParticipant,
  createStage,
  enroll,
} from './support/factories';
import { TestApp, countRows, createTestApp } from './support/test-app';

describe('stage hosts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const hostRows = () => countRows(t.dataSource, 'stage_hosts');
  const names = (body: { items: { fullName: string }[] }) => body.items.map((h) => h.fullName);
  const accountIds = (body: { items: { id: number }[] }) => body.items.map((h) => h.id);

  /** A host account invited (not yet signed in) by the organizer, hosting `stageIds`. */
  async function inviteHost(fullName: string, email: string, stageIds: number[]) {
    const response = await t
      .http()
      .post('/api/invitations')
      .send({ email, role: 'host', fullName, stageIds })
      .expect(201);
    return response.body.account as { id: number };
  }

  it('lists the hosts named in their invitations, by name, with id, name and email only', async () => {
    const stage = await createStage(t);
    const other = await createStage(t);
    const yakovleva = await inviteHost('Яковлева Анна', 'Yakovleva@Tyumen.example.ru', [stage.id]);
    const andreeva = await inviteHost('Андреева Ольга', 'andreeva@tyumen.example.ru', [
      stage.id,
      other.id,
    ]);
    const borisov = await inviteHost('Борисов Илья', 'borisov@tyumen.example.ru', [stage.id]);
    await inviteHost('Гаврилов Пётр', 'gavrilov@tyumen.example.ru', [other.id]);

    const list = await t.http().get(`/api/stages/${stage.id}/hosts`).expect(200);
    expect(Object.keys(list.body)).toEqual(['items']);
    expect(list.body.items).toEqual([
      { id: andreeva.id, fullName: 'Андреева Ольга', email: 'andreeva@tyumen.example.ru' },
      { id: borisov.id, fullName: 'Борисов Илья', email: 'borisov@tyumen.example.ru' },
      { id: yakovleva.id, fullName: 'Яковлева Анна', email: 'yakovleva@tyumen.example.ru' },
    ]);
    const otherList = await t.http().get(`/api/stages/${other.id}/hosts`).expect(200);
    expect(names(otherList.body)).toEqual(['Андреева Ольга', 'Гаврилов Пётр']);
  });

  it('lists no hosts for a stage without any', async () => {
    const stage = await createStage(t);
    const list = await t.http().get(`/api/stages/${stage.id}/hosts`).expect(200);
    expect(list.body).toEqual({ items: [] });
  });

  it('names a host (201, again 204 without change), who then sees the stage', async () => {
    const stage = await createStage(t);
    const host = await createAccount(t, 'host');
    await t.as(host.token).get(`/api/stages/${stage.id}`).expect(404);

    const before = await hostRows();
    const named = await t
      .http()
      .put(`/api/stages/${stage.id}/hosts/${host.account.id}`)
      .expect(201);
    expect(named.text).toBe('');
    expect(await hostRows()).toBe(before + 1);
    await t.http().put(`/api/stages/${stage.id}/hosts/${host.account.id}`).expect(204);
    expect(await hostRows()).toBe(before + 1);

    const list = await t.http().get(`/api/stages/${stage.id}/hosts`).expect(200);
    expect(accountIds(list.body)).toEqual([host.account.id]);
    await t.as(host.token).get(`/api/stages/${stage.id}`).expect(200);
    const cohortStages = await t
      .as(host.token)
      .get(`/api/cohorts/${stage.cohortId}/stages`)
      .expect(200);
    expect(cohortStages.body.items.map((s: { id: number }) => s.id)).toEqual([stage.id]);
    const own = await t.as(host.token).get(`/api/stages/${stage.id}/hosts`).expect(200);
    expect(own.body).toEqual(list.body);
  });

  it('records naming and removing a host in the audit log, once each', async () => {
    const stage = await createStage(t);
    const host = await createAccount(t, 'host');
    const organizer = (await t.http().get('/api/me').expect(200)).body;
    await t.http().put(`/api/stages/${stage.id}/hosts/${host.account.id}`).expect(201);
    await t.http().put(`/api/stages/${stage.id}/hosts/${host.account.id}`).expect(204);
    await t.http().delete(`/api/stages/${stage.id}/hosts/${host.account.id}`).expect(204);
    const log = await t
      .http()
      .get(`/api/audit?entity=stage_hosts&entityId=${stage.id}:${host.account.id}`)
      .expect(200);
    expect(log.body.items).toEqual([
      expect.objectContaining({
        action: 'delete',
        actorId: organizer.id,
        changes: { stageId: { from: stage.id }, accountId: { from: host.account.id } },
      }),
      expect.objectContaining({
        action: 'create',
        actorId: organizer.id,
        changes: { stageId: { to: stage.id }, accountId: { to: host.account.id } },
      }),
    ]);
  });

  it('removes a host (204), who then no longer sees the stage; a second removal is 404', async () => {
    const stage = await createStage(t);
    const stays = await createAccount(t, 'host', { stageIds: [stage.id] });
    const leaves = await createAccount(t, 'host', { stageIds: [stage.id] });
    await t.as(leaves.token).get(`/api/stages/${stage.id}`).expect(200);

    const before = await hostRows();
    const removed = await t
      .http()
      .delete(`/api/stages/${stage.id}/hosts/${leaves.account.id}`)
      .expect(204);
    expect(removed.text).toBe('');
    expect(await hostRows()).toBe(before - 1);

    const list = await t.http().get(`/api/stages/${stage.id}/hosts`).expect(200);
    expect(accountIds(list.body)).toEqual([stays.account.id]);
    await t.as(leaves.token).get(`/api/stages/${stage.id}`).expect(404);
    await t.as(leaves.token).get(`/api/stages/${stage.id}/hosts`).expect(404);
    await t.as(stays.token).get(`/api/stages/${stage.id}`).expect(200);

    const again = await t
      .http()
      .delete(`/api/stages/${stage.id}/hosts/${leaves.account.id}`)
      .expect(404);
    expect(again.body.message).toBe(
      `Account ${leaves.account.id} is not a host of stage ${stage.id}`,
    );
    expect(await hostRows()).toBe(before - 1);
  });

  it('refuses to name an account that does not have the host role (409), naming its role', async () => {
    const stage = await createStage(t);
    const participant = await createParticipant(t);
    const mentor = await createMentor(t);
    const accounts = {
      organizer: await createAccount(t, 'organizer'),
      mentor: await createAccount(t, 'mentor', { mentorId: mentor.id }),
      participant: await createAccount(t, 'participant', { participantId: participant.id }),
    };
    const before = await hostRows();
    for (const [role, { account }] of Object.entries(accounts)) {
      const response = await t
        .http()
        .put(`/api/stages/${stage.id}/hosts/${account.id}`)
        .expect(409);
      expect(response.body.message).toBe(
        `Account ${account.id} has the ${role} role; only host accounts may host a stage`,
      );
    }
    expect(await hostRows()).toBe(before);
    const list = await t.http().get(`/api/stages/${stage.id}/hosts`).expect(200);
    expect(list.body.items).toEqual([]);
  });

  it('answers 404 for a stage or account that does not exist and writes nothing', async () => {
    const stage = await createStage(t);
    const host = await createAccount(t, 'host');
    const before = await hostRows();

    const noStage = await t.http().put(`/api/stages/999999/hosts/${host.account.id}`).expect(404);
    expect(noStage.body.message).toBe('Stage 999999 not found');
    const noAccount = await t.http().put(`/api/stages/${stage.id}/hosts/999999`).expect(404);
    expect(noAccount.body.message).toBe('Account 999999 not found');
    const removeNoStage = await t
      .http()
      .delete(`/api/stages/999999/hosts/${host.account.id}`)
      .expect(404);
    expect(removeNoStage.body.message).toBe('Stage 999999 not found');
    const removeNoAccount = await t
      .http()
      .delete(`/api/stages/${stage.id}/hosts/999999`)
      .expect(404);
    expect(removeNoAccount.body.message).toBe(`Account 999999 is not a host of stage ${stage.id}`);
    const list = await t.http().get('/api/stages/999999/hosts').expect(404);
    expect(list.body.message).toBe('Stage 999999 not found');
    expect(await hostRows()).toBe(before);
  });

  it('answers 400 for ids that are not positive integers, naming the parameter', async () => {
    const stage = await createStage(t);
    const cases = [
      [t.http().get('/api/stages/abc/hosts'), 'id'],
      [t.http().put(`/api/stages/0/hosts/1`), 'id'],
      [t.http().put(`/api/stages/${stage.id}/hosts/1.5`), 'accountId'],
      [t.http().delete(`/api/stages/${stage.id}/hosts/-3`), 'accountId'],
      [t.http().delete(`/api/stages/${stage.id}/hosts/1e3`), 'accountId'],
    ] as const;
    for (const [request, name] of cases) {
      const response = await request.expect(400);
      expect(response.body.message).toEqual([`${name} must be a positive integer`]);
    }
  });

  describe('roles and scope', () => {
    const ids = {} as Record<'A1' | 'A2' | 'B1' | 'newHost', number>;
    const tokens = {} as Record<
      'hostA1' | 'hostB1' | 'mentor' | 'participant' | 'outsider',
      string
    >;

    /** Stages A1, A2 of cohort A and B1 of cohort B; a host each for A1 and B1. */
    beforeAll(async () => {
      const A = await createCohort(t);
      const B = await createCohort(t);
      ids.A1 = (await createStage(t, {}, A.id)).id;
      ids.A2 = (await createStage(t, {}, A.id)).id;
      ids.B1 = (await createStage(t, {}, B.id)).id;
      const pA = await createParticipant(t);
      const pB = await createParticipant(t);
      await enroll(t, A.id, pA.id);
      await enroll(t, B.id, pB.id);
      const mA = await createMentor(t);
      await assignMentor(t, mA.id, A.id, pA.id);
      tokens.hostA1 = (await createAccount(t, 'host', { stageIds: [ids.A1] })).token;
      tokens.hostB1 = (await createAccount(t, 'host', { stageIds: [ids.B1] })).token;
      tokens.participant = (await createAccount(t, 'participant', { participantId: pA.id })).token;
      tokens.mentor = (await createAccount(t, 'mentor', { mentorId: mA.id })).token;
      tokens.outsider = (await createAccount(t, 'participant', { participantId: pB.id })).token;
      ids.newHost = (await createAccount(t, 'host')).account.id;
    });

    it('answers 401 without a token', async () => {
      await t.anonymous().get(`/api/stages/${ids.A1}/hosts`).expect(401);
      await t.anonymous().put(`/api/stages/${ids.A1}/hosts/${ids.newHost}`).expect(401);
      await t.anonymous().delete(`/api/stages/${ids.A1}/hosts/${ids.newHost}`).expect(401);
    });

    it('lets a host read the hosts of its stage, and answers 404 for a stage it does not host', async () => {
      const own = await t.as(tokens.hostA1).get(`/api/stages/${ids.A1}/hosts`).expect(200);
      expect(own.body.items).toHaveLength(1);
      for (const hidden of [ids.A2, ids.B1]) {
        const response = await t.as(tokens.hostA1).get(`/api/stages/${hidden}/hosts`).expect(404);
        expect(response.body.message).toBe(`Stage ${hidden} not found`);
      }
      await t.as(tokens.hostB1).get(`/api/stages/${ids.A1}/hosts`).expect(404);
    });

    it.each(['mentor', 'participant', 'outsider'] as const)(
      'answers 403 to the %s account reading the hosts, whether or not it sees the stage',
      async (who) => {
        const response = await t.as(tokens[who]).get(`/api/stages/${ids.A1}/hosts`).expect(403);
        expect(response.body.message).toBe('Only organizer or host may do this');
      },
    );

    it.each(['hostA1', 'hostB1', 'mentor', 'participant'] as const)(
      'lets only organizers name and remove hosts: 403 for %s, nothing written',
      async (who) => {
        const before = await hostRows();
        const put = await t
          .as(tokens[who])
          .put(`/api/stages/${ids.A1}/hosts/${ids.newHost}`)
          .expect(403);
        expect(put.body.message).toBe('Only organizer may do this');
        const hostsOfA1 = await t.http().get(`/api/stages/${ids.A1}/hosts`).expect(200);
        const [hostA1] = accountIds(hostsOfA1.body);
        await t.as(tokens[who]).delete(`/api/stages/${ids.A1}/hosts/${hostA1}`).expect(403);
        expect(await hostRows()).toBe(before);
        const after = await t.http().get(`/api/stages/${ids.A1}/hosts`).expect(200);
        expect(accountIds(after.body)).toEqual([hostA1]);
      },
    );
  });

  it('removes the hosts of a deleted stage with an audit entry each', async () => {
    const stage = await createStage(t);
    const host = await createAccount(t, 'host');
    await t.http().put(`/api/stages/${stage.id}/hosts/${host.account.id}`).expect(201);
    await t.http().delete(`/api/stages/${stage.id}`).expect(204);
    const log = await t
      .http()
      .get(`/api/audit?entity=stage_hosts&entityId=${stage.id}:${host.account.id}&action=delete`)
      .expect(200);
    expect(log.body.total).toBe(1);
    const left = await t.dataSource.query(
      `SELECT COUNT(*) AS count FROM "stage_hosts" WHERE "stageId" = ${stage.id}`,
    );
    expect(Number(left[0].count)).toBe(0);
  });
});
