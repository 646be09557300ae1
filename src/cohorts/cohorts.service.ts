import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Not, Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Caller } from '../access/caller';
import { notFound } from '../common/http/not-found';
import { UnitOfWork } from '../database/unit-of-work';
import { Page, toPage } from '../common/http/pagination';
import { ProgramsService } from '../programs/programs.service';
import { CohortResponse, CreateCohortDto, ListCohortsQuery, UpdateCohortDto } from './cohort.dto';
import { Cohort } from './cohort.entity';
import { duplicateAs } from '../database/database-errors';

/** Writes are the organizer's (the routes' roles); reads show only the cohorts the actor sees. */
@Injectable()
export class CohortsService {
  constructor(
    @InjectRepository(Cohort) private readonly cohorts: Repository<Cohort>,
    private readonly programs: ProgramsService,
    private readonly access: AccessService,
    private readonly unit: UnitOfWork,
  ) {}

  async create(caller: Caller, programId: number, dto: CreateCohortDto): Promise<CohortResponse> {
    this.access.requireRole(caller, 'organizer');
    await this.programs.findOrFail(programId);
    const cohort = await this.unit.run(async (manager) => {
      await this.assertTitleFree(manager, programId, dto.title);
      return manager
        .save(manager.create(Cohort, { ...dto, programId }))
        .catch(duplicateAs(titleTaken(programId, dto.title)));
    });
    return CohortResponse.from(cohort);
  }

  /** The program must be one the caller sees (else 404); then only the cohorts it sees. */
  async listForProgram(
    caller: Caller,
    programId: number,
    query: ListCohortsQuery,
  ): Promise<Page<CohortResponse>> {
    await this.access.assertSees(caller, 'program', programId, 'Program');
    const page = await this.access
      .scope(
        this.cohorts
          .createQueryBuilder('cohort')
          .where('cohort.programId = :programId', { programId }),
        caller,
        'cohort',
        'cohort.id',
      )
      .orderBy('cohort.id', 'ASC')
      .offset(query.offset)
      .limit(query.limit)
      .getManyAndCount();
    return toPage(page, query, CohortResponse.from);
  }

  async get(caller: Caller, id: number): Promise<CohortResponse> {
    const cohort = await this.access.findVisibleOrFail(
      caller,
      'cohort',
      this.cohorts.createQueryBuilder('cohort').where('cohort.id = :id', { id }),
      'cohort.id',
      id,
      'Cohort',
    );
    return CohortResponse.from(cohort);
  }

  async update(caller: Caller, id: number, dto: UpdateCohortDto): Promise<CohortResponse> {
    this.access.requireRole(caller, 'organizer');
    return this.unit.run(async (manager) => {
      const cohort = await this.unit.lockOrFail(manager, Cohort, id, 'Cohort');
      if (dto.title !== undefined && dto.title !== cohort.title) {
        await this.assertTitleFree(manager, cohort.programId, dto.title, cohort.id);
      }
      const saved = await manager
        .save(this.cohorts.merge(cohort, dto))
        .catch(duplicateAs(titleTaken(cohort.programId, cohort.title)));
      return CohortResponse.from(saved);
    });
  }

  /** Refused with 409 while stages or enrollments belong to the cohort (see the exception filter). */
  async remove(caller: Caller, id: number): Promise<void> {
    this.access.requireRole(caller, 'organizer');
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
      throw new ConflictException(titleTaken(programId, title));
    }
  }
}

const titleTaken = (programId: number, title: string) =>
  `Program ${programId} already has a cohort titled "${title}"`;
