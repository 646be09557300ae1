import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditTrail } from '../audit/audit-trail';
import { Caller } from '../access/caller';
import { notFound } from '../common/http/not-found';
import { Page, toPage } from '../common/http/pagination';
import { endOfLocalDate, startOfLocalDate, toLocalDateTime } from '../common/time/time';
import { UnitOfWork } from '../database/unit-of-work';
import { Mentor } from '../mentors/mentor.entity';
import { Stage } from '../stages/stage.entity';
import { StagesService } from '../stages/stages.service';
import {
  CreateSessionDto,
  ListSessionsQuery,
  SessionResponse,
  UpdateSessionDto,
} from './session.dto';
import { SESSION_MENTORS, Session } from './session.entity';
import { SessionTimes, readSessionTimes } from './session-timing';

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly stages: StagesService,
    private readonly access: AccessService,
    private readonly unit: UnitOfWork,
    private readonly audit: AuditTrail,
  ) {}

  /** By organizers and by hosts of the stage. */
  async create(caller: Caller, stageId: number, dto: CreateSessionDto): Promise<SessionResponse> {
    this.access.requireRole(caller, 'organizer', 'host');
    await this.access.assertSees(caller, 'stage', stageId, 'Stage');
    return this.unit.run(async (manager) => {
      const stage = await this.lockStageFor(caller, manager, stageId);
      const { mentorIds = [], ...fields } = dto;
      const times = this.readTimes(dto, stage);
      const mentors = await this.findMentors(manager, mentorIds);
      const track = dto.track ?? null;
      await this.refuseOverlap(manager, stage, track, times);

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
      return SessionResponse.from(session, stage);
    });
  }

  async list(
    caller: Caller,
    stageId: number,
    query: ListSessionsQuery,
  ): Promise<Page<SessionResponse>> {
    const stage = await this.stages.findVisibleOrFail(caller, stageId);
    // The page without joins (LIMIT on the sessions themselves), then its mentors in one query.
    const sessions = this.sessions
      .createQueryBuilder('session')
      .where('session.stageId = :stageId', { stageId: stage.id })
      .orderBy('session.startsAt', 'ASC')
      .addOrderBy('session.id', 'ASC')
      .limit(query.limit)
      .offset(query.offset);
    if (query.type) {
      sessions.andWhere('session.type = :type', { type: query.type });
    }
    if (query.track) {
      sessions.andWhere('session.track = :track', { track: query.track });
    }
    if (query.date) {
      sessions.andWhere('session.startsAt >= :dayStart AND session.startsAt < :dayEnd', {
        dayStart: startOfLocalDate(query.date, stage.timeZone),
        dayEnd: endOfLocalDate(query.date, stage.timeZone),
      });
    }
    const [rows, total] = await sessions.getManyAndCount();
    await this.attachMentors(rows);
    return toPage([rows, total], query, (session) => SessionResponse.from(session, stage));
  }

  /** The mentors who lead each of `sessions`, by name, read in one query. */
  private async attachMentors(sessions: Session[]): Promise<void> {
    if (sessions.length === 0) {
      return;
    }
    const links = await this.sessions.manager
      .createQueryBuilder(Mentor, 'mentor')
      .innerJoin(SESSION_MENTORS, 'link', '"link"."mentorId" = mentor.id')
      .select(['mentor.id', 'mentor.fullName', 'mentor.position'])
      .addSelect('"link"."sessionId"', 'sessionId')
      .where('"link"."sessionId" IN (:...sessionIds)', {
        sessionIds: sessions.map((session) => session.id),
      })
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
    const session = await this.findVisibleOrFail(caller, id);
    return SessionResponse.from(session, session.stage!);
  }

  /** By organizers and by hosts of the session's stage. */
  async update(caller: Caller, id: number, dto: UpdateSessionDto): Promise<SessionResponse> {
    this.access.requireRole(caller, 'organizer', 'host');
    const visible = await this.findVisibleOrFail(caller, id);
    return this.unit.run(async (manager) => {
      const stage = await this.lockStageFor(caller, manager, visible.stageId);
      const session = await this.findInUnitOrFail(manager, id);
      const times = this.readTimes(
        { startsAt: dto.startsAt ?? session.startsAt, endsAt: dto.endsAt ?? session.endsAt },
        stage,
      );
      const { mentorIds, ...fields } = dto;
      const track = dto.track === undefined ? session.track : dto.track;
      const formerMentors = session.mentors ?? [];
      const mentors = mentorIds ? await this.findMentors(manager, mentorIds) : formerMentors;
      await this.refuseOverlap(manager, stage, track, times, session.id);

      this.sessions.merge(session, { ...fields, ...times, track });
      session.mentors = mentors;
      const saved = await manager.save(session);
      await this.recordMentorChanges(manager, session.id, formerMentors, mentors);
      return SessionResponse.from(saved, stage);
    });
  }

  /** By organizers and by hosts of the session's stage. */
  async remove(caller: Caller, id: number): Promise<void> {
    this.access.requireRole(caller, 'organizer', 'host');
    const visible = await this.findVisibleOrFail(caller, id);
    await this.unit.run(async (manager) => {
      await this.lockStageFor(caller, manager, visible.stageId);
      const session = await this.findInUnitOrFail(manager, id);
      await this.recordMentorChanges(manager, session.id, session.mentors ?? [], []);
      await manager.remove(session);
    });
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
   * A session is seen with its stage: a host only in the stages it hosts (so it edits only
   * those), mentors and participants in the stages of their cohorts. Otherwise 404, as missing.
   */
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

  /** Sessions of one track of a stage never overlap; parallel sessions use different tracks. */
  private async refuseOverlap(
    manager: EntityManager,
    stage: Stage,
    track: string | null,
    { startsAt, endsAt }: SessionTimes,
    exceptId?: number,
  ): Promise<void> {
    const overlapping = manager
      .createQueryBuilder(Session, 'session')
      .where('session.stageId = :stageId', { stageId: stage.id })
      .andWhere('session.startsAt < :endsAt AND session.endsAt > :startsAt', { startsAt, endsAt })
      .andWhere(track === null ? 'session.track IS NULL' : 'session.track = :track', { track });
    if (exceptId !== undefined) {
      overlapping.andWhere('session.id <> :exceptId', { exceptId });
    }
    const other = await overlapping.getOne();
    if (other) {
      const span = `${toLocalDateTime(other.startsAt, stage.timeZone)}–${toLocalDateTime(other.endsAt, stage.timeZone)}`;
      throw new ConflictException(
        `The session overlaps session ${other.id} "${other.title}" (${span}) of the same track; ` +
          'give parallel sessions different tracks',
      );
    }
  }
}
