import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { notFound } from '../common/http/not-found';
import { Page, toPage } from '../common/http/pagination';
import {
  CreateProgramDto,
  ListProgramsQuery,
  ProgramResponse,
  UpdateProgramDto,
} from './program.dto';
import { Program } from './program.entity';

export const DEFAULT_REQUIRED_ATTENDANCE_PERCENT = 80;

@Injectable()
export class ProgramsService {
  constructor(@InjectRepository(Program) private readonly programs: Repository<Program>) {}

  async create(dto: CreateProgramDto): Promise<ProgramResponse> {
    const program = await this.programs.save(
      this.programs.create({
        description: null,
        status: 'draft',
        requiredAttendancePercent: DEFAULT_REQUIRED_ATTENDANCE_PERCENT,
        ...dto,
      }),
    );
    return ProgramResponse.from(program);
  }

  async list(query: ListProgramsQuery): Promise<Page<ProgramResponse>> {
    const page = await this.programs.findAndCount({
      where: { status: query.status },
      order: { id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return toPage(page, query, ProgramResponse.from);
  }

  async get(id: number): Promise<ProgramResponse> {
    return ProgramResponse.from(await this.findOrFail(id));
  }

  async update(id: number, dto: UpdateProgramDto): Promise<ProgramResponse> {
    const program = await this.findOrFail(id);
    return ProgramResponse.from(await this.programs.save(this.programs.merge(program, dto)));
  }

  /** Refused with 409 while cohorts belong to the program (see the exception filter). */
  async remove(id: number): Promise<void> {
    await this.programs.remove(await this.findOrFail(id));
  }

  async findOrFail(id: number): Promise<Program> {
    const program = await this.programs.findOneBy({ id });
    if (!program) {
      throw notFound('Program', id);
    }
    return program;
  }
}
