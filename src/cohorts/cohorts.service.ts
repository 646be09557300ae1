import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Not, Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Actor } from '../auth/actor';
import { notFound } from '../common/http/not-found';
import { UnitOfWork } from '../database/unit-of-work';
import { Page, toPage } from '../common/http/pagination';
import { ProgramsService } from '../programs/programs.service';
import { CohortResponse, CreateCohortDto, ListCohortsQuery, UpdateCohortDto } from './cohort.dto';
import { Cohort } from './cohort.entity';

/** Writes are the organizer's (the routes' roles); reads show only the cohorts the actor sees. */
@Injectable()
export class CohortsService {
  constructor(
    @InjectRepository(Cohort) private readonly cohorts: Repository<Cohort>,
    private readonly programs: ProgramsService,
    private readonly access: AccessService,
    private readonly unit: UnitOfWork,
  ) {}

  async create(programId: number, dto: CreateCohortDto): Promise<CohortResponse> {
    await this.programs.findOrFail(programId);
    const cohort = await this.unit.run(async (manager) => {
      await this.assertTitleFree(manager, programId, dto.title);
      return manager.save(manager.create(Cohort, { ...dto, programId }));
    });
    return CohortResponse.from(cohort);
  }

  /** The program must be one the actor sees (else 404); then only the cohorts it sees. */
  async listForProgram(
    programId: number,
    query: ListCohortsQuery,
    actor: Actor,
  ): Promise<Page<CohortResponse>> {
    this.access.assertVisible(await this.access.programIds(actor), programId, 'Program');
    await this.programs.findOrFail(programId);
    const page = await this.access
      .restrict(
        this.cohorts
          .createQueryBuilder('cohort')
          .where('cohort.programId = :programId', { programId }),
        'cohort.id',
        await this.access.cohortIds(actor),
      )
      .orderBy('cohort.id', 'ASC')
      .offset(query.offset)
      .limit(query.limit)
      .getManyAndCount();
    return toPage(page, query, CohortResponse.from);
  }

  async get(id: number, actor: Actor): Promise<CohortResponse> {
    this.access.assertVisible(await this.access.cohortIds(actor), id, 'Cohort');
    return CohortResponse.from(await this.findOrFail(id));
  }

  async update(id: number, dto: UpdateCohortDto): Promise<CohortResponse> {
    return this.unit.run(async (manager) => {
      const cohort = await this.unit.lockOrFail(manager, Cohort, id, 'Cohort');
      if (dto.title !== undefined && dto.title !== cohort.title) {
        await this.assertTitleFree(manager, cohort.programId, dto.title, cohort.id);
      }
      return CohortResponse.from(
        await manager.save(manager.getRepository(Cohort).merge(cohort, dto)),
      );
    });
  }

  /** Refused with 409 while stages or enrollments belong to the cohort (see the exception filter). */
  async remove(id: number): Promise<void> {
    await this.unit.run(async (manager) =>
      manager.remove(await this.unit.lockOrFail(manager, Cohort, id, 'Cohort')),
    );
  }

  /** Regardless of who asks: for writes and for other services, which check access first. */
  async findOrFail(id: number): Promise<Cohort> {
    const cohort = await this.cohorts.findOneBy({ id });
    if (!cohort) {
      throw notFound('Cohort', id);
    }
    return cohort;
  }

  /** The unique index is the last word; this check gives the clear message. */
  private async assertTitleFree(
    manager: EntityManager,
    programId: number,
    title: string,
    exceptId?: number,
  ) {
    const taken = await manager.existsBy(Cohort, {
      programId,
      title,
      ...(exceptId === undefined ? {} : { id: Not(exceptId) }),
    });
    if (taken) {
      throw new ConflictException(`Program ${programId} already has a cohort titled "${title}"`);
    }
  }
}
