import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Caller } from '../access/caller';
import { CohortsService } from '../cohorts/cohorts.service';
import { Page, toPage } from '../common/http/pagination';
import { Clock } from '../common/time/clock';
import { UnitOfWork } from '../database/unit-of-work';
import { ParticipantsService } from '../participants/participants.service';
import {
  CreateEnrollmentDto,
  EnrollmentResponse,
  ListEnrollmentsQuery,
  UpdateEnrollmentDto,
} from './enrollment.dto';
import { Enrollment, EnrollmentStatus } from './enrollment.entity';
import { duplicateAs } from '../database/database-errors';

@Injectable()
export class EnrollmentsService {
  constructor(
    @InjectRepository(Enrollment) private readonly enrollments: Repository<Enrollment>,
    private readonly cohorts: CohortsService,
    private readonly participants: ParticipantsService,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly unit: UnitOfWork,
  ) {}

  /**
   * Enrolls a participant, or re-activates its withdrawn enrollment: the row is kept (attendance
   * hangs on it), so a second row for the same pair never exists.
   */
  async enroll(
    caller: Caller,
    cohortId: number,
    dto: CreateEnrollmentDto,
  ): Promise<EnrollmentResponse> {
    this.access.requireRole(caller, 'organizer');
    await this.ensureCohort(cohortId);
    const participant = await this.participants.findOrFail(dto.participantId);
    const saved = await this.unit.run(async (manager) => {
      // The unique (cohort, participant) index stops a second row; the lock a double re-enrollment.
      const existing = await this.unit.lock(manager, Enrollment, {
        cohortId,
        participantId: participant.id,
      });
      if (existing && existing.status !== 'withdrawn') {
        throw new ConflictException(
          `Participant ${participant.id} is already enrolled in cohort ${cohortId} (${existing.status})`,
        );
      }
      const enrollment =
        existing ?? this.enrollments.create({ cohortId, participantId: participant.id });
      // A re-enrollment starts a new period of membership: enrolledAt is its start.
      enrollment.status = 'active';
      enrollment.enrolledAt = this.clock.now();
      enrollment.withdrawnAt = null;
      return manager
        .save(enrollment)
        .catch(
          duplicateAs(
            `Participant ${participant.id} is already enrolled in cohort ${cohortId} (active)`,
          ),
        );
    });
    saved.participant = participant;
    return EnrollmentResponse.from(saved);
  }

  /**
   * The cohort must be visible to the caller; then only the enrollments of participants it
   * sees: a participant its own, a mentor its mentees', a host all of a cohort whose stage it
   * hosts (seeing the cohort, it sees them all: no check per row).
   */
  async list(
    caller: Caller,
    cohortId: number,
    query: ListEnrollmentsQuery,
  ): Promise<Page<EnrollmentResponse>> {
    await this.access.assertSees(caller, 'cohort', cohortId, 'Cohort');
    const select = this.enrollments
      .createQueryBuilder('enrollment')
      .innerJoinAndSelect('enrollment.participant', 'participant')
      .where('enrollment.cohortId = :cohortId', { cohortId });
    if (caller.role !== 'host') {
      this.access.scope(select, caller, 'participant', 'enrollment.participantId');
    }
    if (query.status) {
      select.andWhere('enrollment.status = :status', { status: query.status });
    }
    // A many-to-one join adds no rows, so LIMIT/OFFSET page the enrollments themselves.
    const page = await select
      .orderBy('participant.fullName', 'ASC')
      .addOrderBy('participant.id', 'ASC')
      .offset(query.offset)
      .limit(query.limit)
      .getManyAndCount();
    return toPage(page, query, EnrollmentResponse.from);
  }

  async update(
    caller: Caller,
    cohortId: number,
    participantId: number,
    dto: UpdateEnrollmentDto,
  ): Promise<EnrollmentResponse> {
    this.access.requireRole(caller, 'organizer');
    return this.changeStatus(cohortId, participantId, dto.status);
  }

  /** Withdrawal keeps the row: attendance and mentor assignments refer to it. */
  async withdraw(
    caller: Caller,
    cohortId: number,
    participantId: number,
  ): Promise<EnrollmentResponse> {
    this.access.requireRole(caller, 'organizer');
    return this.changeStatus(cohortId, participantId, 'withdrawn');
  }

  /**
   * The participant's active enrollment in the cohort, if any, locked until the unit of work
   * of `manager` ends: a withdrawal cannot slip between a check and what depends on it.
   */
  async lockActive(
    manager: EntityManager,
    cohortId: number,
    participantId: number,
  ): Promise<Enrollment | null> {
    const enrollment = await this.unit.lock(manager, Enrollment, { cohortId, participantId });
    return enrollment?.status === 'active' ? enrollment : null;
  }

  private async changeStatus(
    cohortId: number,
    participantId: number,
    status: EnrollmentStatus,
  ): Promise<EnrollmentResponse> {
    await this.ensureCohort(cohortId);
    const participant = await this.participants.findOrFail(participantId);
    const saved = await this.unit.run(async (manager) => {
      const enrollment = await this.unit.lock(manager, Enrollment, { cohortId, participantId });
      if (!enrollment) {
        throw new NotFoundException(
          `Participant ${participantId} is not enrolled in cohort ${cohortId}`,
        );
      }
      if (status === 'withdrawn') {
        // Withdrawing twice keeps the date of the first withdrawal.
        enrollment.withdrawnAt =
          enrollment.status === 'withdrawn' && enrollment.withdrawnAt
            ? enrollment.withdrawnAt
            : this.clock.now();
      } else {
        enrollment.withdrawnAt = null;
      }
      enrollment.status = status;
      return manager.save(enrollment);
    });
    saved.participant = participant;
    return EnrollmentResponse.from(saved);
  }

  private async ensureCohort(id: number): Promise<void> {
    await this.cohorts.findOrFail(id);
  }
}
