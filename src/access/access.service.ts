import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { Role } from '../accounts/account.entity';
import { Actor } from '../auth/actor';
import { SESSION_MENTORS } from '../sessions/session.entity';
import type { EmailsReadable } from '../common/search/text-search';
import { Caller, FeedReader } from './caller';

/** What a scope narrows: each kind of record a caller may or may not see. */
export type Visible = 'program' | 'cohort' | 'stage' | 'participant' | 'mentor';

/** The table of each kind of record. */
export const VISIBLE_TABLES: Record<Visible, string> = {
  program: 'programs',
  cohort: 'cohorts',
  stage: 'stages',
  participant: 'participants',
  mentor: 'mentors',
};

/** Parameters of the scopes; named so that they never clash with a query's own. */
const ACCOUNT = ':accessAccountId';
const PARTICIPANT = ':accessParticipantId';
const MENTOR = ':accessMentorId';

/** The stages an account hosts: the one place this is written. */
const HOSTED_STAGES = `SELECT "host"."stageId" FROM "stage_hosts" "host" WHERE "host"."accountId" = ${ACCOUNT}`;

/** Conditions written as SQL, with their parameters, that an id column holds a visible id. */
export interface VisibleWhere {
  conditions: string[];
  parameters: Record<string, number | null>;
}

/**
 * Who sees what (docs/design.md, roles):
 * - an organizer sees everything;
 * - a host sees the stages it hosts, their cohorts and programs, and the participants enrolled
 *   in those cohorts (without contacts);
 * - a mentor sees its mentees (without contacts), their cohorts, programs, stages and sessions;
 * - a participant sees itself, its cohorts, their programs, stages and sessions, its mentors;
 * - an anonymous caller sees none of these.
 *
 * A scope is a condition inside the read itself (a subquery on the caller's own links), so the
 * database answers for exactly the rows asked for: no list of visible ids is loaded, and no query
 * has more parameters the more a caller may see. What a caller cannot see answers 404.
 */
@Injectable()
export class AccessService {
  private readonly onSqlite: boolean;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly unit: UnitOfWork,
  ) {
    this.onSqlite = dataSource.options.type === 'sqlite';
  }

  /** 403 unless the caller has one of `roles` (an anonymous caller has none). */
  requireRole(caller: Caller, ...roles: Role[]): asserts caller is Actor {
    if (caller.role === 'anonymous' || caller.role === 'feed' || !roles.includes(caller.role)) {
      throw new ForbiddenException(`Only ${roles.join(' or ')} may do this`);
    }
  }

  /** Narrows `query` to the rows whose `column` holds an id of a `kind` the caller sees. */
  scope<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    caller: Caller,
    kind: Visible,
    column: string,
  ): SelectQueryBuilder<T> {
    const condition = this.condition(caller, kind, column);
    return condition ? query.andWhere(condition, this.parameters(caller)) : query;
  }

  /**
   * For reads written as SQL: the conditions (with their parameters) that `column` holds an id
   * of a `kind` the caller sees; none when it sees every one.
   */
  visibleWhere(caller: Caller, kind: Visible, column: string): VisibleWhere {
    const condition = this.condition(caller, kind, column);
    return condition
      ? { conditions: [condition], parameters: this.parameters(caller) }
      : { conditions: [], parameters: {} };
  }

  /**
   * Narrows `query` to sessions in stages the caller sees and, for a mentor, the sessions it
   * leads wherever they are.
   */
  scopeSessions<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    caller: Caller,
    sessionColumn: string,
    stageColumn: string,
  ): SelectQueryBuilder<T> {
    const seen = this.condition(caller, 'stage', stageColumn);
    if (!seen) {
      return query;
    }
    const led =
      caller.role === 'mentor'
        ? ` OR EXISTS (SELECT 1 FROM "${SESSION_MENTORS}" "led" WHERE "led"."sessionId" = ${sessionColumn} AND "led"."mentorId" = ${MENTOR})`
        : '';
    return query.andWhere(`(${seen}${led})`, this.parameters(caller));
  }

  /**
   * Narrows `query` to the mentoring meetings the caller sees: an organizer every one, a mentor
   * its own, a participant those with it, nobody else any (hosts and feed links included).
   */
  scopeMeetings<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    caller: Caller,
    mentorColumn: string,
    participantColumn: string,
  ): SelectQueryBuilder<T> {
    switch (caller.role) {
      case 'organizer':
        return query;
      case 'mentor':
        return query.andWhere(`${mentorColumn} = ${MENTOR}`, this.parameters(caller));
      case 'participant':
        return query.andWhere(`${participantColumn} = ${PARTICIPANT}`, this.parameters(caller));
      default:
        return query.andWhere('1 = 0');
    }
  }

  /**
   * 404, as if it did not exist, unless the `kind` with this id exists and the caller sees it:
   * one indexed query, for every caller (inside a unit of work, on its connection).
   */
  async assertSees(caller: Caller, kind: Visible, id: number, what: string): Promise<void> {
    const select = this.unit.manager
      .createQueryBuilder()
      .select('1', 'found')
      .from(VISIBLE_TABLES[kind], 'row')
      .where('"row"."id" = :id', { id });
    const rows: unknown[] = await this.scope(select, caller, kind, '"row"."id"').getRawMany();
    if (rows.length === 0) {
      throw new NotFoundException(`${what} ${id} not found`);
    }
  }

  /**
   * Reads one row of `query` (already narrowed to its id) if the caller sees it; else 404.
   * The scope is part of the read: no query of its own.
   */
  async findVisibleOrFail<T extends ObjectLiteral>(
    caller: Caller,
    kind: Visible,
    query: SelectQueryBuilder<T>,
    column: string,
    id: number,
    what: string,
  ): Promise<T> {
    const row = await this.scope(query, caller, kind, column).getOne();
    if (!row) {
      throw new NotFoundException(`${what} ${id} not found`);
    }
    return row;
  }

  /** The ids of the stages an account hosts, in order. */
  async hostedStageIds(accountId: number): Promise<number[]> {
    const rows: { stageId: number | string }[] = await this.unit.manager
      .createQueryBuilder()
      .select('"hosted"."stageId"', 'stageId')
      .from(`(${HOSTED_STAGES})`, 'hosted')
      .setParameters({ accessAccountId: accountId })
      .orderBy('"hosted"."stageId"')
      .getRawMany();
    return rows.map((row) => Number(row.stageId));
  }

  /**
   * A participant's schedule: for organizers, the participant, its mentors and its feed link.
   * A mentor's: for organizers, the mentor and its feed link. 404 for one the caller cannot
   * see, 403 for a role that reads no schedules of that kind.
   */
  async assertReadsSchedule(
    caller: Caller,
    owner: { participantId: number } | { mentorId: number },
  ): Promise<void> {
    const reads: Caller['role'][] =
      'participantId' in owner
        ? ['organizer', 'participant', 'mentor', 'feed']
        : ['organizer', 'mentor', 'feed'];
    if (!reads.includes(caller.role)) {
      throw new ForbiddenException('This role does not read schedules of this kind');
    }
    if ('participantId' in owner) {
      await this.assertSees(caller, 'participant', owner.participantId, 'Participant');
    } else {
      await this.assertSees(caller, 'mentor', owner.mentorId, 'Mentor');
    }
  }

  /**
   * Marking attendance of a session (and showing its check-in code): organizers, hosts of its
   * stage, mentors who lead it. The caller is known to see the session's stage (a host sees
   * only the stages it hosts); 403 for everyone else.
   */
  async assertMarksAttendance(caller: Caller, sessionId: number): Promise<void> {
    this.requireRole(caller, 'organizer', 'host', 'mentor');
    if (!(await this.marksAttendance(caller, sessionId))) {
      throw new ForbiddenException('Only mentors who lead this session mark its attendance');
    }
  }

  /** Whether the caller marks the attendance of a session whose stage it sees. */
  async marksAttendance(caller: Caller, sessionId: number): Promise<boolean> {
    if (caller.role === 'organizer' || caller.role === 'host') {
      return true;
    }
    if (caller.role !== 'mentor') {
      return false;
    }
    const leads: unknown[] = await this.unit.manager
      .createQueryBuilder()
      .select('1', 'found')
      .from(SESSION_MENTORS, 'leader')
      .where('"leader"."sessionId" = :sessionId AND "leader"."mentorId" = :mentorId', {
        sessionId,
        mentorId: caller.mentorId,
      })
      .getRawMany();
    return leads.length > 0;
  }

  /** Email and phone of a participant: for organizers and the participant itself. */
  seesParticipantContacts(caller: Caller, participantId: number): boolean {
    return (
      caller.role === 'organizer' ||
      (caller.role === 'participant' && caller.participantId === participantId)
    );
  }

  /**
   * Whose emails a search of participants or mentors may match for the caller: as with contacts,
   * everyone's for organizers, its own record's for a participant or mentor, else none.
   */
  searchableEmails(caller: Caller, kind: 'participant' | 'mentor'): EmailsReadable {
    if (caller.role === 'organizer') {
      return 'all';
    }
    const own =
      kind === 'participant' && caller.role === 'participant'
        ? caller.participantId
        : kind === 'mentor' && caller.role === 'mentor'
          ? caller.mentorId
          : null;
    return own ? { id: own } : 'none';
  }

  /** Email and phone of a mentor: for organizers and the mentor itself. */
  seesMentorContacts(caller: Caller, mentorId: number): boolean {
    return (
      caller.role === 'organizer' || (caller.role === 'mentor' && caller.mentorId === mentorId)
    );
  }

  /**
   * The condition that `column` is an id of a `kind` the caller sees; undefined when the caller
   * sees every one. Correlated `EXISTS` where the visible set may be large (a host's
   * participants), `IN` over the caller's few cohorts elsewhere.
   */
  private condition(caller: Caller, kind: Visible, column: string): string | undefined {
    if (caller.role === 'organizer') {
      return undefined;
    }
    if (caller.role === 'anonymous') {
      return '1 = 0';
    }
    if (caller.role === 'feed') {
      return this.feedCondition(caller, kind, column);
    }
    switch (kind) {
      case 'cohort':
        return `${column} IN (${this.cohortsOf(caller)})`;
      case 'program':
        return `${column} IN (SELECT "cohort"."programId" FROM "cohorts" "cohort" WHERE "cohort"."id" IN (${this.cohortsOf(caller)}))`;
      case 'stage':
        return caller.role === 'host'
          ? `${column} IN (${HOSTED_STAGES})`
          : `${column} IN (SELECT "stage"."id" FROM "stages" "stage" WHERE "stage"."cohortId" IN (${this.cohortsOf(caller)}))`;
      case 'participant':
        return this.participantCondition(caller, column);
      case 'mentor':
        return this.mentorCondition(caller, column);
    }
  }

  /** A feed link reads its owner's schedule: it sees its owner, nothing else. */
  private feedCondition(caller: FeedReader, kind: Visible, column: string): string {
    if (kind === 'participant' && caller.participantId !== null) {
      return `${column} = ${PARTICIPANT}`;
    }
    if (kind === 'mentor' && caller.mentorId !== null) {
      return `${column} = ${MENTOR}`;
    }
    return '1 = 0';
  }

  private cohortsOf(caller: Actor): string {
    switch (caller.role) {
      case 'host':
        return `SELECT "stage"."cohortId" FROM "stages" "stage" WHERE "stage"."id" IN (${HOSTED_STAGES})`;
      case 'mentor':
        return (
          `SELECT "enrollment"."cohortId" FROM "enrollments" "enrollment" ` +
          `INNER JOIN "mentor_assignments" "assignment" ON "assignment"."enrollmentId" = "enrollment"."id" ` +
          `WHERE "assignment"."mentorId" = ${MENTOR}`
        );
      case 'participant':
        return `SELECT "enrollment"."cohortId" FROM "enrollments" "enrollment" WHERE "enrollment"."participantId" = ${PARTICIPANT}`;
      default:
        return 'SELECT NULL WHERE 1 = 0';
    }
  }

  private participantCondition(caller: Actor, column: string): string {
    switch (caller.role) {
      case 'participant':
        return `${column} = ${PARTICIPANT}`;
      case 'mentor':
        return (
          `EXISTS (SELECT 1 FROM "enrollments" "seen" ` +
          `INNER JOIN "mentor_assignments" "assignment" ON "assignment"."enrollmentId" = "seen"."id" ` +
          `WHERE "seen"."participantId" = ${column} AND "assignment"."mentorId" = ${MENTOR})`
        );
      case 'host':
        // The hosted cohorts are few and read once. On SQLite each candidate's few enrollments
        // are checked against them (the unary + keeps it from probing every cohort per row);
        // PostgreSQL's planner chooses between that and a hash of the hosted cohorts' members.
        return (
          `EXISTS (SELECT 1 FROM "enrollments" "seen" WHERE "seen"."participantId" = ${column} ` +
          `AND ${this.onSqlite ? '+' : ''}"seen"."cohortId" IN (${this.cohortsOf(caller)}))`
        );
      default:
        return '1 = 0';
    }
  }

  private mentorCondition(caller: Actor, column: string): string {
    switch (caller.role) {
      case 'mentor':
        return `${column} = ${MENTOR}`;
      case 'participant':
        return (
          `EXISTS (SELECT 1 FROM "mentor_assignments" "assignment" ` +
          `INNER JOIN "enrollments" "seen" ON "seen"."id" = "assignment"."enrollmentId" ` +
          `WHERE "assignment"."mentorId" = ${column} AND "seen"."participantId" = ${PARTICIPANT})`
        );
      default:
        return '1 = 0';
    }
  }

  private parameters(caller: Caller): Record<string, number | null> {
    if (caller.role === 'anonymous') {
      return {};
    }
    if (caller.role === 'feed') {
      return { accessParticipantId: caller.participantId, accessMentorId: caller.mentorId };
    }
    return {
      accessAccountId: caller.accountId,
      accessParticipantId: caller.participantId,
      accessMentorId: caller.mentorId,
    };
  }
}
