import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, ObjectLiteral, Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AttendanceEvidence } from '../attendance/attendance-evidence.service';
import { AuditTrail } from '../audit/audit-trail';
import { Caller } from '../access/caller';
import { notFound } from '../common/http/not-found';
import { Page, PageQuery } from '../common/http/pagination';
import { PublishedSessionsService } from '../agendas/published-sessions.service';
import { endOfLocalDate, startOfLocalDate } from '../common/time/time';
import { UnitOfWork } from '../database/unit-of-work';
import { Mentor } from '../mentors/mentor.entity';
import { Stage } from '../stages/stage.entity';
import { StagesService } from '../stages/stages.service';
import {
  CreateSessionDto,
  ListSessionsQuery,
  SessionLeader,
  SessionResponse,
  SessionWriteResponse,
  UpdateSessionDto,
} from './session.dto';
import { SESSION_MENTORS, Session } from './session.entity';
import { Conflict, findConflicts } from './conflicts';
import { SessionSnapshot } from './session-snapshot';
import { LIVE_SESSIONS, SessionPages } from './session-json';
import { SessionTimes, readSessionTimes } from './session-timing';

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly stages: StagesService,
    private readonly access: AccessService,
    private readonly unit: UnitOfWork,
    private readonly audit: AuditTrail,
    private readonly published: PublishedSessionsService,
    private readonly attendance: AttendanceEvidence,
    private readonly pages: SessionPages,
  ) {}

  /** By organizers and by hosts of the stage. */
  async create(
    caller: Caller,
    stageId: number,
    dto: CreateSessionDto,
  ): Promise<SessionWriteResponse> {
    this.access.requireRole(caller, 'organizer', 'host');
    await this.access.assertSees(caller, 'stage', stageId, 'Stage');
    return this.unit.run(async (manager) => {
      const stage = await this.lockStageFor(caller, manager, stageId);
      const { mentorIds = [], ...fields } = dto;
      const times = this.readTimes(dto, stage);
      const mentors = await this.findMentors(manager, mentorIds);
      const track = dto.track ?? null;

      const session = await manager.save(
        manager.create(Session, {
          description: null,
          venue: null,
          address: null,
          onlineUrl: null,
          isMandatory: true,
          capacity: null,
          speakers: [],
          ...fields,
          ...times,
          track,
          stageId: stage.id,
          mentors,
        }),
      );
      await this.recordMentorChanges(manager, session.id, [], mentors);
      return this.withWarnings(manager, session, stage);
    });
  }

  async list(
    caller: Caller,
    stageId: number,
    query: ListSessionsQuery,
  ): Promise<Page<SessionResponse>> {
    const timeZone = await this.stages.zoneOfVisibleOrFail(caller, stageId);
    if (!this.editsAgendas(caller)) {
      return this.published.list(stageId, query);
    }
    const conditions = ['"session"."stageId" = :stageId'];
    const parameters: ObjectLiteral = { stageId };
    if (query.type) {
      conditions.push('"session"."type" = :type');
      parameters.type = query.type;
    }
    if (query.track) {
      conditions.push('"session"."track" = :track');
      parameters.track = query.track;
    }
    if (query.date) {
      conditions.push('"session"."startsAt" >= :dayStart AND "session"."startsAt" < :dayEnd');
      parameters.dayStart = startOfLocalDate(query.date, timeZone);
      parameters.dayEnd = endOfLocalDate(query.date, timeZone);
    }
    return this.pages.read(this.sessions.manager, LIVE_SESSIONS, conditions, {
      ...parameters,
      limit: query.limit,
      offset: query.offset,
    });
  }

  /**
   * The mentors who lead each of `sessions`, by name, read in one query. With `stageId`,
   * `sessions` are all of that stage's, found by it rather than one by one.
   */
  private async attachMentors(
    manager: EntityManager,
    sessions: Session[],
    stageId?: number,
  ): Promise<void> {
    if (sessions.length === 0) {
      return;
    }
    const query = manager
      .createQueryBuilder(Mentor, 'mentor')
      .innerJoin(SESSION_MENTORS, 'link', '"link"."mentorId" = mentor.id')
      .select(['mentor.id', 'mentor.fullName', 'mentor.position'])
      .addSelect('"link"."sessionId"', 'sessionId');
    if (stageId === undefined) {
      query.where('"link"."sessionId" IN (:...sessionIds)', {
        sessionIds: sessions.map((session) => session.id),
      });
    } else {
      query
        .innerJoin(Session, 'session', 'session.id = "link"."sessionId"')
        .where('session.stageId = :stageId', { stageId });
    }
    const links = await query
      .orderBy('mentor.fullName', 'ASC')
      .addOrderBy('mentor.id', 'ASC')
      .getRawMany<{
        sessionId: number | string;
        mentor_id: number;
        mentor_fullName: string;
        mentor_position: string;
      }>();
    const bySession = new Map(sessions.map((session) => [session.id, session]));
    for (const session of sessions) {
      session.mentors = [];
    }
    for (const link of links) {
      bySession.get(Number(link.sessionId))?.mentors?.push({
        id: Number(link.mentor_id),
        fullName: link.mentor_fullName,
        position: link.mentor_position,
      } as Mentor);
    }
  }

  async get(caller: Caller, id: number): Promise<SessionResponse> {
    if (!this.editsAgendas(caller)) {
      return this.published.get(caller, id);
    }
    const scope = this.access.visibleWhere(caller, 'stage', '"session"."stageId"');
    const session = await this.pages.one(
      this.sessions.manager,
      LIVE_SESSIONS,
      ['"session"."id" = :id', ...scope.conditions],
      { id, ...scope.parameters },
    );
    if (!session) {
      throw notFound('Session', id);
    }
    return session;
  }

  /**
   * By organizers and by hosts of the session's stage. `change` is the fields to change, or works
   * them out from the session as it is under the stage's lock: an edit form that keeps what
   * others saved meanwhile merges there, so that no save made in between is lost. What it
   * throws ends the update and reaches the caller.
   */
  async update(
    caller: Caller,
    id: number,
    change: UpdateSessionDto | ((current: SessionResponse) => Promise<UpdateSessionDto>),
  ): Promise<SessionWriteResponse> {
    this.access.requireRole(caller, 'organizer', 'host');
    const visible = await this.findVisibleOrFail(caller, id);
    return this.unit.run(async (manager) => {
      const stage = await this.lockStageFor(caller, manager, visible.stageId);
      const session = await this.findInUnitOrFail(manager, id);
      const dto =
        typeof change === 'function' ? await change(SessionResponse.from(session, stage)) : change;
      const times = this.readTimes(
        { startsAt: dto.startsAt ?? session.startsAt, endsAt: dto.endsAt ?? session.endsAt },
        stage,
      );
      const { mentorIds, ...fields } = dto;
      const track = dto.track === undefined ? session.track : dto.track;
      const formerMentors = session.mentors ?? [];
      const mentors = mentorIds ? await this.findMentors(manager, mentorIds) : formerMentors;

      this.sessions.merge(session, { ...fields, ...times, track });
      session.mentors = mentors;
      const saved = await manager.save(session);
      await this.recordMentorChanges(manager, session.id, formerMentors, mentors);
      return this.withWarnings(manager, saved, stage);
    });
  }

  /** By organizers and by hosts of the session's stage; 409 once it has attendance. */
  async remove(caller: Caller, id: number): Promise<void> {
    this.access.requireRole(caller, 'organizer', 'host');
    const visible = await this.findVisibleOrFail(caller, id);
    await this.unit.run(async (manager) => {
      await this.lockStageFor(caller, manager, visible.stageId);
      const session = await this.findInUnitOrFail(manager, id);
      await this.attendance.assertNoneForSession(manager, session.id);
      await this.recordMentorChanges(manager, session.id, session.mentors ?? [], []);
      await manager.remove(session);
    });
  }

  /**
   * The conflicts among a stage's sessions (people, rooms, mandatory sessions of one track),
   * for organizers and the stage's hosts.
   */
  async stageConflicts(caller: Caller, stageId: number, query: PageQuery): Promise<Page<Conflict>> {
    this.access.requireRole(caller, 'organizer', 'host');
    const stage = await this.stages.findVisibleOrFail(caller, stageId);
    const sessions = await this.sessions.find({ where: { stageId: stage.id } });
    await this.attachMentors(this.sessions.manager, sessions);
    const conflicts = findConflicts(sessions, stage.timeZone);
    return {
      items: conflicts.slice(query.offset, query.offset + query.limit),
      total: conflicts.length,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** A stage's sessions as they are now, in time order, read inside a publishing unit. */
  async snapshotOfStage(manager: EntityManager, stageId: number): Promise<SessionSnapshot[]> {
    const sessions = await manager.find(Session, {
      where: { stageId },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    await this.attachMentors(manager, sessions, stageId);
    return sessions.map((session) => ({
      id: session.id,
      title: session.title,
      description: session.description,
      type: session.type,
      status: session.status,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      venue: session.venue,
      address: session.address,
      onlineUrl: session.onlineUrl,
      track: session.track,
      isMandatory: session.isMandatory,
      capacity: session.capacity,
      speakers: session.speakers,
      mentors: (session.mentors ?? []).map(SessionLeader.from),
    }));
  }

  /** Organizers and hosts work on the agendas being edited; everyone else reads published ones. */
  private editsAgendas(caller: Caller): boolean {
    return caller.role === 'organizer' || caller.role === 'host';
  }

  /** The written session with the conflicts it takes part in, read inside the writing unit. */
  private async withWarnings(
    manager: EntityManager,
    session: Session,
    stage: Stage,
  ): Promise<SessionWriteResponse> {
    const overlapping = await manager
      .createQueryBuilder(Session, 'session')
      .where('session.stageId = :stageId', { stageId: stage.id })
      .andWhere('session.startsAt < :endsAt AND session.endsAt > :startsAt', {
        startsAt: session.startsAt,
        endsAt: session.endsAt,
      })
      .getMany();
    await this.attachMentors(manager, overlapping);
    return {
      ...SessionResponse.from(session, stage),
      warnings: findConflicts(overlapping, stage.timeZone, session.id),
    };
  }

  private async findInUnitOrFail(manager: EntityManager, id: number): Promise<Session> {
    const session = await manager.findOne(Session, {
      where: { id },
      relations: { mentors: true },
    });
    if (!session) {
      throw notFound('Session', id);
    }
    return session;
  }

  /** The join rows of a session's mentors are recorded one by one, like any other row. */
  private async recordMentorChanges(
    manager: EntityManager,
    sessionId: number,
    before: Mentor[],
    after: Mentor[],
  ): Promise<void> {
    const beforeIds = new Set(before.map((mentor) => mentor.id));
    const afterIds = new Set(after.map((mentor) => mentor.id));
    for (const mentorId of afterIds) {
      if (!beforeIds.has(mentorId)) {
        await this.audit.recordLink(manager, 'create', SESSION_MENTORS, { sessionId, mentorId });
      }
    }
    for (const mentorId of beforeIds) {
      if (!afterIds.has(mentorId)) {
        await this.audit.recordLink(manager, 'delete', SESSION_MENTORS, { sessionId, mentorId });
      }
    }
  }

  /**
   * Locks the stage for the unit, then checks again that the caller may still edit it: a host
   * removed while this request waited for the lock is refused.
   */
  private async lockStageFor(caller: Caller, manager: EntityManager, stageId: number) {
    const stage = await this.stages.lockForSessions(manager, stageId);
    if (caller.role === 'host') {
      await this.access.assertSees(caller, 'stage', stageId, 'Stage');
    }
    return stage;
  }

  /**
   * A session is seen with its stage: a host only in the stages it hosts (so it edits only
   * those), mentors and participants in the stages of their cohorts. Otherwise 404, as missing.
   */
  private findVisibleOrFail(caller: Caller, id: number): Promise<Session> {
    return this.access.findVisibleOrFail(
      caller,
      'stage',
      this.sessions
        .createQueryBuilder('session')
        .innerJoinAndSelect('session.stage', 'stage')
        .leftJoinAndSelect('session.mentors', 'mentor')
        .where('session.id = :id', { id }),
      'session.stageId',
      id,
      'Session',
    );
  }

  private readTimes(
    input: { startsAt: string | Date; endsAt: string | Date },
    stage: Stage,
  ): SessionTimes {
    const { times, problems } = readSessionTimes(input, stage);
    if (problems.length > 0) {
      throw new BadRequestException(problems);
    }
    return times;
  }

  private async findMentors(manager: EntityManager, ids: number[]): Promise<Mentor[]> {
    if (ids.length === 0) {
      return [];
    }
    const mentors = await manager.findBy(Mentor, { id: In(ids) });
    const missing = ids.find((id) => !mentors.some((mentor) => mentor.id === id));
    if (missing !== undefined) {
      throw notFound('Mentor', missing);
    }
    return mentors;
  }
}
