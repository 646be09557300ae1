import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Actor } from '../auth/actor';
import { CohortsService } from '../cohorts/cohorts.service';
import { notFound } from '../common/http/not-found';
import { Page, toPage } from '../common/http/pagination';
import { endOfLocalDate, startOfLocalDate } from '../common/time/time';
import { Session } from '../sessions/session.entity';
import { CreateStageDto, ListStagesQuery, StageResponse, UpdateStageDto } from './stage.dto';
import { Stage } from './stage.entity';

/**
 * Writes are the organizer's (the routes' roles); reads show only the stages the actor sees (a
 * host: the stages it hosts).
 */
@Injectable()
export class StagesService {
  constructor(
    @InjectRepository(Stage) private readonly stages: Repository<Stage>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly cohorts: CohortsService,
    private readonly access: AccessService,
  ) {}

  async create(cohortId: number, dto: CreateStageDto): Promise<StageResponse> {
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
    await this.assertSequenceFree(cohortId, stage.sequence);
    return StageResponse.from(await this.stages.save(stage));
  }

  /** The cohort must be one the actor sees (else 404); then only the stages it sees. */
  async listForCohort(
    cohortId: number,
    query: ListStagesQuery,
    actor: Actor,
  ): Promise<Page<StageResponse>> {
    this.access.assertVisible(await this.access.cohortIds(actor), cohortId, 'Cohort');
    await this.cohorts.findOrFail(cohortId);
    const select = this.access.restrict(
      this.stages.createQueryBuilder('stage').where('stage.cohortId = :cohortId', { cohortId }),
      'stage.id',
      await this.access.stageIds(actor),
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

  async get(id: number, actor: Actor): Promise<StageResponse> {
    this.access.assertVisible(await this.access.stageIds(actor), id, 'Stage');
    return StageResponse.from(await this.findOrFail(id));
  }

  async update(id: number, dto: UpdateStageDto): Promise<StageResponse> {
    const stage = await this.findOrFail(id);
    const storedSequence = stage.sequence;
    this.stages.merge(stage, dto);
    this.assertDatesInOrder(stage);
    if (stage.sequence !== storedSequence) {
      await this.assertSequenceFree(stage.cohortId, stage.sequence, stage.id);
    }
    if (dto.startDate || dto.endDate || dto.timeZone) {
      await this.assertSessionsStayInside(stage);
    }
    return StageResponse.from(await this.stages.save(stage));
  }

  /** Refused with 409 while sessions belong to the stage (see the exception filter). */
  async remove(id: number): Promise<void> {
    await this.stages.remove(await this.findOrFail(id));
  }

  /** Regardless of who asks: for writes and for other services, which check access first. */
  async findOrFail(id: number): Promise<Stage> {
    const stage = await this.stages.findOneBy({ id });
    if (!stage) {
      throw notFound('Stage', id);
    }
    return stage;
  }

  /** Local dates `YYYY-MM-DD` compare as strings; a PATCH may send only one of them. */
  private assertDatesInOrder(stage: Stage): void {
    if (stage.endDate < stage.startDate) {
      throw new BadRequestException([`endDate must not be before startDate (${stage.startDate})`]);
    }
  }

  /** New dates or a new zone must keep every session of the stage inside its local dates. */
  private async assertSessionsStayInside(stage: Stage): Promise<void> {
    const outside = await this.sessions
      .createQueryBuilder('session')
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
  private async assertSequenceFree(cohortId: number, sequence: number, exceptId?: number) {
    const taken = await this.stages.existsBy({
      cohortId,
      sequence,
      ...(exceptId === undefined ? {} : { id: Not(exceptId) }),
    });
    if (taken) {
      throw new ConflictException(
        `Cohort ${cohortId} already has a stage with sequence ${sequence}`,
      );
    }
  }
}
