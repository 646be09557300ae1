import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Caller } from '../access/caller';
import { notFound } from '../common/http/not-found';
import { Page, toPage } from '../common/http/pagination';
import { JsonSql } from '../database/json-sql';
import { UnitOfWork } from '../database/unit-of-work';
import {
  CreateProgramDto,
  ListProgramsQuery,
  ProgramResponse,
  UpdateProgramDto,
} from './program.dto';
import { Program } from './program.entity';

export const DEFAULT_REQUIRED_ATTENDANCE_PERCENT = 80;

/** Organizers write; every caller reads the programs it sees. */
@Injectable()
export class ProgramsService {
  constructor(
    @InjectRepository(Program) private readonly programs: Repository<Program>,
    private readonly access: AccessService,
    private readonly unit: UnitOfWork,
    private readonly json: JsonSql,
  ) {}

  async create(caller: Caller, dto: CreateProgramDto): Promise<ProgramResponse> {
    this.access.requireRole(caller, 'organizer');
    const program = await this.unit.run((manager) =>
      manager.save(
        manager.create(Program, {
          description: null,
          status: 'draft',
          requiredAttendancePercent: DEFAULT_REQUIRED_ATTENDANCE_PERCENT,
          excusedAbsences: 'excluded',
          attendanceWarningAfterSessions: 3,
          checkInOpensMinutesBefore: 30,
          checkInClosesMinutesAfterEnd: 0,
          lateAfterMinutes: 10,
          announcementDaysBefore: 3,
          sessionReminderMinutes: 30,
          meetingReminderMinutes: 60,
          eveningDigestAt: '19:00',
          ...dto,
        }),
      ),
    );
    return ProgramResponse.from(program);
  }

  /** Only the programs the caller sees; `total` counts only those. */
  async list(caller: Caller, query: ListProgramsQuery): Promise<Page<ProgramResponse>> {
    const select = this.access.scope(
      this.programs.createQueryBuilder('program'),
      caller,
      'program',
      'program.id',
    );
    if (query.status !== undefined) {
      select.andWhere('program.status = :status', { status: query.status });
    }
    // Programs are counted in hundreds: the page's own statement counts them.
    const page = await this.json.readPage(
      select.orderBy('program.id', 'ASC').offset(query.offset).limit(query.limit),
      { countWithPage: true },
    );
    return toPage(page, query, ProgramResponse.from);
  }

  async get(caller: Caller, id: number): Promise<ProgramResponse> {
    const program = await this.access
      .scope(this.programs.createQueryBuilder('program'), caller, 'program', 'program.id')
      .andWhere('program.id = :id', { id })
      .getOne();
    if (!program) {
      throw notFound('Program', id);
    }
    return ProgramResponse.from(program);
  }

  async update(caller: Caller, id: number, dto: UpdateProgramDto): Promise<ProgramResponse> {
    this.access.requireRole(caller, 'organizer');
    return this.unit.run(async (manager) => {
      const program = await this.unit.lockOrFail(manager, Program, id, 'Program');
      return ProgramResponse.from(await manager.save(this.programs.merge(program, dto)));
    });
  }

  /** Refused with 409 while cohorts belong to the program (see the exception filter). */
  async remove(caller: Caller, id: number): Promise<void> {
    this.access.requireRole(caller, 'organizer');
    await this.unit.run(async (manager) =>
      manager.remove(await this.unit.lockOrFail(manager, Program, id, 'Program')),
    );
  }

  /** Regardless of who asks: for other services, which check access first. */
  async findOrFail(id: number): Promise<Program> {
    const program = await this.programs.findOneBy({ id });
    if (!program) {
      throw notFound('Program', id);
    }
    return program;
  }
}
