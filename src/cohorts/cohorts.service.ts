import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, Repository } from 'typeorm';
import { notFound } from '../common/http/not-found';
import { Page, toPage } from '../common/http/pagination';
import { ProgramsService } from '../programs/programs.service';
import { CohortResponse, CreateCohortDto, ListCohortsQuery, UpdateCohortDto } from './cohort.dto';
import { Cohort } from './cohort.entity';

@Injectable()
export class CohortsService {
  constructor(
    @InjectRepository(Cohort) private readonly cohorts: Repository<Cohort>,
    private readonly programs: ProgramsService,
  ) {}

  async create(programId: number, dto: CreateCohortDto): Promise<CohortResponse> {
    await this.programs.findOrFail(programId);
    await this.assertTitleFree(programId, dto.title);
    const cohort = await this.cohorts.save(this.cohorts.create({ ...dto, programId }));
    return CohortResponse.from(cohort);
  }

  async listForProgram(programId: number, query: ListCohortsQuery): Promise<Page<CohortResponse>> {
    await this.programs.findOrFail(programId);
    const page = await this.cohorts.findAndCount({
      where: { programId },
      order: { id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return toPage(page, query, CohortResponse.from);
  }

  async get(id: number): Promise<CohortResponse> {
    return CohortResponse.from(await this.findOrFail(id));
  }

  async update(id: number, dto: UpdateCohortDto): Promise<CohortResponse> {
    const cohort = await this.findOrFail(id);
    if (dto.title !== undefined && dto.title !== cohort.title) {
      await this.assertTitleFree(cohort.programId, dto.title, cohort.id);
    }
    return CohortResponse.from(await this.cohorts.save(this.cohorts.merge(cohort, dto)));
  }

  /** Refused with 409 while stages or enrollments belong to the cohort (see the exception filter). */
  async remove(id: number): Promise<void> {
    await this.cohorts.remove(await this.findOrFail(id));
  }

  async findOrFail(id: number): Promise<Cohort> {
    const cohort = await this.cohorts.findOneBy({ id });
    if (!cohort) {
      throw notFound('Cohort', id);
    }
    return cohort;
  }

  /** The unique index is the last word; this check gives the clear message. */
  private async assertTitleFree(programId: number, title: string, exceptId?: number) {
    const taken = await this.cohorts.existsBy({
      programId,
      title,
      ...(exceptId === undefined ? {} : { id: Not(exceptId) }),
    });
    if (taken) {
      throw new ConflictException(`Program ${programId} already has a cohort titled "${title}"`);
    }
  }
}
