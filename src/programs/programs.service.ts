import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Actor } from '../auth/actor';
import { notFound } from '../common/http/not-found';
import { UnitOfWork } from '../database/unit-of-work';
import { Page, toPage } from '../common/http/pagination';
import {
  CreateProgramDto,
  ListProgramsQuery,
  ProgramResponse,
  UpdateProgramDto,
} from './program.dto';
import { Program } from './program.entity';

export const DEFAULT_REQUIRED_ATTENDANCE_PERCENT = 80;

/** Writes are the organizer's (the routes' roles); reads show only the programs the actor sees. */
@Injectable()
export class ProgramsService {
  constructor(
    @InjectRepository(Program) private readonly programs: Repository<Program>,
    private readonly access: AccessService,
    private readonly unit: UnitOfWork,
  ) {}

  async create(dto: CreateProgramDto): Promise<ProgramResponse> {
    const program = await this.unit.run((manager) =>
      manager.save(
        manager.create(Program, {
          description: null,
          status: 'draft',
          requiredAttendancePercent: DEFAULT_REQUIRED_ATTENDANCE_PERCENT,
          ...dto,
        }),
      ),
    );
    return ProgramResponse.from(program);
  }

  /** Only the programs the actor sees; `total` counts only those. */
  async list(query: ListProgramsQuery, actor: Actor): Promise<Page<ProgramResponse>> {
    const select = this.access.restrict(
      this.programs.createQueryBuilder('program'),
      'program.id',
      await this.access.programIds(actor),
    );
    if (query.status !== undefined) {
      select.andWhere('program.status = :status', { status: query.status });
    }
    const page = await select
      .orderBy('program.id', 'ASC')
      .offset(query.offset)
      .limit(query.limit)
      .getManyAndCount();
    return toPage(page, query, ProgramResponse.from);
  }

  async get(id: number, actor: Actor): Promise<ProgramResponse> {
    this.access.assertVisible(await this.access.programIds(actor), id, 'Program');
    return ProgramResponse.from(await this.findOrFail(id));
  }

  async update(id: number, dto: UpdateProgramDto): Promise<ProgramResponse> {
    return this.unit.run(async (manager) => {
      const program = await this.unit.lockOrFail(manager, Program, id, 'Program');
      return ProgramResponse.from(
        await manager.save(manager.getRepository(Program).merge(program, dto)),
      );
    });
  }

  /** Refused with 409 while cohorts belong to the program (see the exception filter). */
  async remove(id: number): Promise<void> {
    await this.unit.run(async (manager) =>
      manager.remove(await this.unit.lockOrFail(manager, Program, id, 'Program')),
    );
  }

  /** Regardless of who asks: for writes and for other services, which check access first. */
  async findOrFail(id: number): Promise<Program> {
    const program = await this.programs.findOneBy({ id });
    if (!program) {
      throw notFound('Program', id);
    }
    return program;
  }
}
