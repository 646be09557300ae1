import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Not, Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Caller } from '../access/caller';
import { AttendanceEvidence } from '../attendance/attendance-evidence.service';
import { AuditTrail } from '../audit/audit-trail';
import { CohortsService } from '../cohorts/cohorts.service';
import { notFound } from '../common/http/not-found';
import { Page, PageQuery, toPage } from '../common/http/pagination';
import { endOfLocalDate, keepWallClock, startOfLocalDate } from '../common/time/time';
import { UnitOfWork } from '../database/unit-of-work';
import { Session } from '../sessions/session.entity';
import { CreateStageDto, ListStagesQuery, StageResponse, UpdateStageDto } from './stage.dto';
import { STAGE_HOSTS, Stage } from './stage.entity';
import { duplicateAs } from '../database/database-errors';

/**
 * Organizers write; every caller reads the stages it sees (a host: the stages it hosts).
 */
@Injectable()
export class StagesService {
  constructor(
    @InjectRepository(Stage) private readonly stages: Repository<Stage>,
    private readonly cohorts: CohortsService,
    private readonly access: AccessService,
    private readonly unit: UnitOfWork,
    private readonly audit: AuditTrail,
    private readonly attendance: AttendanceEvidence,
  ) {}

  async create(caller: Caller, cohortId: number, dto: CreateStageDto): Promise<StageResponse> {
    this.access.requireRole(caller, 'organizer');
    await this.cohorts.findOrFail(cohortId);
    const stage = this.stages.create({
      venue: null,
      address: null,
      hostOrganization: null,
      isPublic: false,
      ...dto,
      cohortId,
    });
    this.assertDatesInOrder(stage);
    const saved = await this.unit.run(async (manager) => {
      await this.assertSequenceFree(manager, cohortId, stage.sequence);
      // A copy per attempt: a retried unit must not reuse the id a rolled-back insert set.
      return manager
        .save(this.stages.create({ ...stage }))
        .catch(duplicateAs(sequenceTaken(cohortId, stage.sequence)));
    });
    return StageResponse.from(saved);
  }

  /** The cohort must be one the caller sees (else 404); then only the stages it sees. */
  async listForCohort(
    caller: Caller,
    cohortId: number,
    query: ListStagesQuery,
  ): Promise<Page<StageResponse>> {
    await this.access.assertSees(caller, 'cohort', cohortId, 'Cohort');
    const select = this.access.scope(
      this.stages.createQueryBuilder('stage').where('stage.cohortId = :cohortId', { cohortId }),
      caller,
      'stage',
      'stage.id',
    );
    if (query.city !== undefined) {
      select.andWhere('stage.city = :city', { city: query.city });
    }
    const page = await select
      .orderBy('stage.sequence', 'ASC')
      .offset(query.offset)
      .limit(query.limit)
      .getManyAndCount();
    return toPage(page, query, StageResponse.from);
  }

  /** The stages whose agenda the caller edits (every one for organizers), latest first. */
  async listEditable(caller: Caller, query: PageQuery): Promise<Page<StageResponse>> {
    this.access.requireRole(caller, 'organizer', 'host');
    const page = await this.access
      .scope(this.stages.createQueryBuilder('stage'), caller, 'stage', 'stage.id')
      .orderBy('stage.startDate', 'DESC')
      .addOrderBy('stage.id', 'DESC')
      .offset(query.offset)
      .limit(query.limit)
      .getManyAndCount();
    return toPage(page, query, StageResponse.from);
  }

  async get(caller: Caller, id: number): Promise<StageResponse> {
    return StageResponse.from(await this.findVisibleOrFail(caller, id));
  }

  /** The time zone of a stage the caller sees (a host: one it hosts); else 404. */
  async zoneOfVisibleOrFail(caller: Caller, id: number): Promise<string> {
    const stage = await this.access
      .scope(
        this.stages
          .createQueryBuilder('stage')
          .select('stage.timeZone', 'timeZone')
          .where('stage.id = :id', { id }),
        caller,
        'stage',
        'stage.id',
      )
      .getRawOne<{ timeZone: string }>();
    if (!stage) {
      throw notFound('Stage', id);
    }
    return stage.timeZone;
  }

  /** The stage if the caller sees it (a host: one it hosts); else 404. */
  findVisibleOrFail(caller: Caller, id: number): Promise<Stage> {
    return this.access.findVisibleOrFail(
      caller,
      'stage',
      this.stages.createQueryBuilder('stage').where('stage.id = :id', { id }),
      'stage.id',
      id,
      'Stage',
    );
  }

  /**
   * The stage row is locked for the unit, as sessions are written under the same lock: new
   * dates cannot strand a session created at the same moment. A new zone keeps the sessions'
   * wall-clock times (the host typed local times): their instants are recomputed here.
   */
  async update(caller: Caller, id: number, dto: UpdateStageDto): Promise<StageResponse> {
    this.access.requireRole(caller, 'organizer');
    return this.unit.run(async (manager) => {
      const stage = await this.lockForSessions(manager, id);
      const stored = { ...stage };
      this.stages.merge(stage, dto);
      this.assertDatesInOrder(stage);
      if (stage.sequence !== stored.sequence) {
        await this.assertSequenceFree(manager, stage.cohortId, stage.sequence, stage.id);
      }
      const saved = await manager
        .save(stage)
        .catch(duplicateAs(sequenceTaken(stage.cohortId, stage.sequence)));
      if (stage.timeZone !== stored.timeZone) {
        await this.keepSessionsWallClock(manager, stage, stored.timeZone);
      }
      if (
        stage.startDate !== stored.startDate ||
        stage.endDate !== stored.endDate ||
        stage.timeZone !== stored.timeZone
      ) {
        await this.assertSessionsStayInside(manager, stage);
      }
      return StageResponse.from(saved);
    });
  }

  /** Refused with 409 while it has attendance, or sessions (see the exception filter). */
  async remove(caller: Caller, id: number): Promise<void> {
    this.access.requireRole(caller, 'organizer');
    await this.unit.run(async (manager) => {
      const stage = await this.lockForSessions(manager, id);
      await this.attendance.assertNoneForStage(manager, id);
      // The stage's hosts go with it, each recorded; sessions refuse the delete (409).
      const hosts = await manager
        .createQueryBuilder()
        .select('"host"."accountId"', 'accountId')
        .from(STAGE_HOSTS, 'host')
        .where('"host"."stageId" = :id', { id })
        .getRawMany<{ accountId: number | string }>();
      for (const { accountId } of hosts) {
        await this.audit.recordLink(manager, 'delete', STAGE_HOSTS, {
          stageId: id,
          accountId: Number(accountId),
        });
      }
      await manager
        .createQueryBuilder()
        .delete()
        .from(STAGE_HOSTS)
        .where({ stageId: id })
        .execute();
      await manager.remove(stage);
    });
  }

  /**
   * The stage, locked until the unit ends: every change to a stage's sessions or dates takes
   * this lock first, so rules that span the stage's sessions hold under concurrency.
   */
  lockForSessions(manager: EntityManager, id: number): Promise<Stage> {
    return this.unit.lockOrFail(manager, Stage, id, 'Stage');
  }

  /** Regardless of who asks: for writes and for other services, which check access first. */
  async findOrFail(id: number): Promise<Stage> {
    const stage = await this.stages.findOneBy({ id });
    if (!stage) {
      throw notFound('Stage', id);
    }
    return stage;
  }

  private async keepSessionsWallClock(
    manager: EntityManager,
    stage: Stage,
    formerZone: string,
  ): Promise<void> {
    const sessions = await manager.findBy(Session, { stageId: stage.id });
    for (const session of sessions) {
      session.startsAt = keepWallClock(session.startsAt, formerZone, stage.timeZone);
      session.endsAt = keepWallClock(session.endsAt, formerZone, stage.timeZone);
    }
    await manager.save(sessions);
  }

  /** Local dates `YYYY-MM-DD` compare as strings; a PATCH may send only one of them. */
  private assertDatesInOrder(stage: Stage): void {
    if (stage.endDate < stage.startDate) {
      throw new BadRequestException([`endDate must not be before startDate (${stage.startDate})`]);
    }
  }

  /** New dates or a new zone must keep every session of the stage inside its local dates. */
  private async assertSessionsStayInside(manager: EntityManager, stage: Stage): Promise<void> {
    const outside = await manager
      .createQueryBuilder(Session, 'session')
      .where('session.stageId = :stageId', { stageId: stage.id })
      .andWhere('(session.startsAt < :stageStart OR session.endsAt > :stageEnd)', {
        stageStart: startOfLocalDate(stage.startDate, stage.timeZone),
        stageEnd: endOfLocalDate(stage.endDate, stage.timeZone),
      })
      .getCount();
    if (outside > 0) {
      throw new ConflictException(
        `${outside} session(s) of stage ${stage.id} would lie outside ` +
          `${stage.startDate} – ${stage.endDate} (${stage.timeZone}); move them first`,
      );
    }
  }

  /** The unique index is the last word; this check gives the clear message. */
  private async assertSequenceFree(
    manager: EntityManager,
    cohortId: number,
    sequence: number,
    exceptId?: number,
  ) {
    const taken = await manager.existsBy(Stage, {
      cohortId,
      sequence,
      ...(exceptId === undefined ? {} : { id: Not(exceptId) }),
    });
    if (taken) {
      throw new ConflictException(sequenceTaken(cohortId, sequence));
    }
  }
}

const sequenceTaken = (cohortId: number, sequence: number) =>
  `Cohort ${cohortId} already has a stage with sequence ${sequence}`;
