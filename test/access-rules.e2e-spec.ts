import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { AccessService, VISIBLE_TABLES, Visible } from '../src/access/access.service';
import { ANONYMOUS, Caller } from '../src/access/caller';
import { Actor } from '../src/auth/actor';
import {
  assignMentor,
  createAccount,
  createCohort,
  createMentor,
  createParticipant,
  createStage,
  enroll,
} from './support/factories';
import { TestApp, createTestApp } from './support/test-app';

/**
 * The rules of AccessService against a real database, without HTTP: for each kind of caller,
 * exactly which records it sees. (The authorization matrix checks the same through every route.)
 */
describe('access rules', () => {
  let t: TestApp;
  let access: AccessService;

  beforeAll(async () => {
    t = await createTestApp();
    access = t.app.get(AccessService);
  });
  afterAll(async () => {
    await t.close();
  });

  async function visible(caller: Caller, kind: Visible, ids: number[]): Promise<number[]> {
    const query = t.dataSource
      .createQueryBuilder()
      .select('"row"."id"', 'id')
      .from(VISIBLE_TABLES[kind], 'row')
      .where('"row"."id" IN (:...ids)', { ids })
      .orderBy('"row"."id"');
    const rows = await access.scope(query, caller, kind, '"row"."id"').getRawMany();
    return rows.map((row: { id: number | string }) => Number(row.id));
  }

  it('answers for each caller exactly the records it may see', async () => {
    const hosted = await createCohort(t);
    const other = await createCohort(t);
    const hostedStage = await createStage(t, {}, hosted.id);
    const siblingStage = await createStage(t, {}, hosted.id);
    const otherStage = await createStage(t, {}, other.id);
    // One after another, so that their ids rise in this order on every engine.
    const mentee = await createParticipant(t);
    const classmate = await createParticipant(t);
    const stranger = await createParticipant(t);
    await enroll(t, hosted.id, mentee.id);
    await enroll(t, hosted.id, classmate.id);
    await enroll(t, other.id, stranger.id);
    const [mentor, otherMentor] = await Promise.all([createMentor(t), createMentor(t)]);
    await assignMentor(t, mentor.id, hosted.id, mentee.id);
    await assignMentor(t, otherMentor.id, other.id, stranger.id);

    const accounts = {
      host: await createAccount(t, 'host', { stageIds: [hostedStage.id] }),
      mentor: await createAccount(t, 'mentor', { mentorId: mentor.id }),
      participant: await createAccount(t, 'participant', { participantId: mentee.id }),
    };
    const me = async (token: string): Promise<Actor> => {
      const body = (await t.as(token).get('/api/me').expect(200)).body;
      return {
        accountId: body.id,
        role: body.role,
        participantId: body.participantId,
        mentorId: body.mentorId,
      };
    };
    const host = await me(accounts.host.token);
    const mentorCaller = await me(accounts.mentor.token);
    const participant = await me(accounts.participant.token);

    const stages = [hostedStage.id, siblingStage.id, otherStage.id];
    const cohorts = [hosted.id, other.id];
    const people = [mentee.id, classmate.id, stranger.id];
    const mentors = [mentor.id, otherMentor.id];
    const programs = [hosted.programId, other.programId];

    expect(await visible(host, 'stage', stages)).toEqual([hostedStage.id]);
    expect(await visible(host, 'cohort', cohorts)).toEqual([hosted.id]);
    expect(await visible(host, 'program', programs)).toEqual([hosted.programId]);
    expect(await visible(host, 'participant', people)).toEqual([mentee.id, classmate.id]);
    expect(await visible(host, 'mentor', mentors)).toEqual([]);

    expect(await visible(mentorCaller, 'stage', stages)).toEqual([hostedStage.id, siblingStage.id]);
    expect(await visible(mentorCaller, 'participant', people)).toEqual([mentee.id]);
    expect(await visible(mentorCaller, 'mentor', mentors)).toEqual([mentor.id]);

    expect(await visible(participant, 'cohort', cohorts)).toEqual([hosted.id]);
    expect(await visible(participant, 'participant', people)).toEqual([mentee.id]);
    expect(await visible(participant, 'mentor', mentors)).toEqual([mentor.id]);

    for (const kind of Object.keys(VISIBLE_TABLES) as Visible[]) {
      expect(await visible(ANONYMOUS, kind, [1, 2, 3])).toEqual([]);
    }

    await expect(access.assertSees(host, 'stage', otherStage.id, 'Stage')).rejects.toThrow(
      NotFoundException,
    );
    await expect(access.assertSees(host, 'stage', 999999, 'Stage')).rejects.toThrow(
      `Stage 999999 not found`,
    );
    await access.assertSees(host, 'stage', hostedStage.id, 'Stage');
    expect(() => access.requireRole(host, 'organizer')).toThrow(ForbiddenException);
    expect(() => access.requireRole(ANONYMOUS, 'organizer', 'host')).toThrow(ForbiddenException);
    expect(await access.hostedStageIds(host.accountId)).toEqual([hostedStage.id]);
  });
});
