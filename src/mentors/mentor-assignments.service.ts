import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Caller } from '../access/caller';
import { CohortsService } from '../cohorts/cohorts.service';
import { Page, toPage } from '../common/http/pagination';
import { Clock } from '../common/time/clock';
import { UnitOfWork } from '../database/unit-of-work';
import { EnrollmentsService } from '../enrollments/enrollments.service';
import { ParticipantsService } from '../participants/participants.service';
import {
  CreateMentorAssignmentDto,
  ListMentorAssignmentsQuery,
  MentorAssignmentResponse,
} from './mentor-assignment.dto';
import { MentorAssignment } from './mentor-assignment.entity';
import { MentorsService } from './mentors.service';
import { duplicateAs } from '../database/database-errors';

@Injectable()
export class MentorAssignmentsService {
  constructor(
    @InjectRepository(MentorAssignment)
    private readonly assignments: Repository<MentorAssignment>,
    private readonly enrollments: EnrollmentsService,
    private readonly cohorts: CohortsService,
    private readonly participants: ParticipantsService,
    private readonly mentors: MentorsService,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly unit: UnitOfWork,
  ) {}

  /** A mentor is assigned to a participant who is actively enrolled in the cohort. */
  async assign(
    caller: Caller,
    mentorId: number,
    dto: CreateMentorAssignmentDto,
  ): Promise<MentorAssignmentResponse> {
    this.access.requireRole(caller, 'organizer');
    const { cohortId, participantId } = dto;
    await this.mentors.findOrFail(mentorId);
    await this.cohorts.findOrFail(cohortId);
    const participant = await this.participants.findOrFail(participantId);
    return this.unit.run(async (manager) => {
      const enrollment = await this.enrollments.lockActive(manager, cohortId, participantId);
      if (!enrollment) {
        throw new ConflictException(
          `Participant ${participantId} is not actively enrolled in cohort ${cohortId}`,
        );
      }
      const alreadyAssigned =
        `Mentor ${mentorId} is already assigned to participant ${participantId} ` +
        `in cohort ${cohortId}`;
      if (await manager.existsBy(MentorAssignment, { mentorId, enrollmentId: enrollment.id })) {
        throw new ConflictException(alreadyAssigned);
      }
      const assignment = await manager
        .save(
          this.assignments.create({
            mentorId,
            enrollmentId: enrollment.id,
            assignedAt: this.clock.now(),
          }),
        )
        .catch(duplicateAs(alreadyAssigned));
      assignment.enrollment = { ...enrollment, participant };
      return MentorAssignmentResponse.from(assignment);
    });
  }

  /**
   * Ordered by the participant's name; enrollment and participant come in the same query.
   * A mentor (the route admits organizers and mentors) lists only its own: another is a 404.
   * The summaries never carry contacts, so a mentor sees its mentees without them.
   */
  async list(
    caller: Caller,
    mentorId: number,
    query: ListMentorAssignmentsQuery,
  ): Promise<Page<MentorAssignmentResponse>> {
    this.access.requireRole(caller, 'organizer', 'mentor');
    await this.access.assertSees(caller, 'mentor', mentorId, 'Mentor');
    const builder = this.assignments
      .createQueryBuilder('assignment')
      .innerJoinAndSelect('assignment.enrollment', 'enrollment')
      .innerJoinAndSelect('enrollment.participant', 'participant')
      .where('assignment.mentorId = :mentorId', { mentorId })
      .orderBy('participant.fullName', 'ASC')
      .addOrderBy('assignment.id', 'ASC')
      // Every join is many-to-one (one row per assignment), so LIMIT/OFFSET page correctly.
      .limit(query.limit)
      .offset(query.offset);
    if (query.cohortId !== undefined) {
      builder.andWhere('enrollment.cohortId = :cohortId', { cohortId: query.cohortId });
    }
    return toPage(await builder.getManyAndCount(), query, MentorAssignmentResponse.from);
  }

  async remove(caller: Caller, mentorId: number, assignmentId: number): Promise<void> {
    this.access.requireRole(caller, 'organizer');
    await this.mentors.findOrFail(mentorId);
    await this.unit.run(async (manager) => {
      const assignment = await this.unit.lock(manager, MentorAssignment, {
        id: assignmentId,
        mentorId,
      });
      if (!assignment) {
        throw new NotFoundException(`Assignment ${assignmentId} of mentor ${mentorId} not found`);
      }
      await manager.remove(assignment);
    });
  }
}
