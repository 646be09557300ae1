import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Caller } from '../access/caller';
import { Page, toPage } from '../common/http/pagination';
import { UnitOfWork } from '../database/unit-of-work';
import { Enrollment } from '../enrollments/enrollment.entity';
import { Cohort } from '../cohorts/cohort.entity';
import { MentorAssignment } from '../mentors/mentor-assignment.entity';
import { Program } from '../programs/program.entity';
import { rangeOf } from '../schedules/schedule.dto';
import {
  CreateMeetingDto,
  ListMeetingsQuery,
  MeetingResponse,
  UpdateMeetingDto,
} from './meeting.dto';
import { MeetingTimes, readMeetingTimes } from './meeting-timing';
import { MentoringMeeting } from './mentoring-meeting.entity';

/**
 * Mentoring meetings. Organizers and a mentor log and change its meetings with its mentees;
 * a participant reads those with it (`AccessService.scopeMeetings`). Others see none: 404.
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectRepository(MentoringMeeting) private readonly meetings: Repository<MentoringMeeting>,
    private readonly access: AccessService,
    private readonly unit: UnitOfWork,
  ) {}

  /**
   * By organizers and the mentor itself, with a mentee assigned through an enrollment that is
   * active: the enrollment is locked, so a withdrawal cannot slip between check and write.
   */
  async create(caller: Caller, mentorId: number, dto: CreateMeetingDto): Promise<MeetingResponse> {
    this.access.requireRole(caller, 'organizer', 'mentor');
    await this.access.assertSees(caller, 'mentor', mentorId, 'Mentor');
    // A mentor sees exactly its mentees: any other participant is a 404, as if missing.
    await this.access.assertSees(caller, 'participant', dto.participantId, 'Participant');
    const times = this.readTimes(dto);
    return this.unit.run(async (manager) => {
      const assignment = await this.lockActiveAssignment(manager, mentorId, dto.participantId);
      const meeting = await manager.save(
        manager.create(MentoringMeeting, {
          assignmentId: assignment.id,
          mentorId,
          participantId: dto.participantId,
          ...times,
          topic: dto.topic,
          place: dto.place ?? null,
          onlineUrl: dto.onlineUrl ?? null,
          notes: dto.notes ?? null,
          status: 'planned',
        }),
      );
      return this.get(caller, meeting.id);
    });
  }

  /** A mentor's meetings in time order: organizers and the mentor itself. */
  async listOfMentor(
    caller: Caller,
    mentorId: number,
    query: ListMeetingsQuery,
  ): Promise<Page<MeetingResponse>> {
    this.access.requireRole(caller, 'organizer', 'mentor');
    await this.access.assertSees(caller, 'mentor', mentorId, 'Mentor');
    return this.page(caller, query, (select) =>
      select.where('meeting.mentorId = :mentorId', { mentorId }),
    );
  }

  /**
   * A participant's meetings in time order: organizers, the participant itself, and its
   * mentors, each of which sees only its own meetings with it.
   */
  async listOfParticipant(
    caller: Caller,
    participantId: number,
    query: ListMeetingsQuery,
  ): Promise<Page<MeetingResponse>> {
    this.access.requireRole(caller, 'organizer', 'mentor', 'participant');
    await this.access.assertSees(caller, 'participant', participantId, 'Participant');
    return this.page(caller, query, (select) =>
      select.where('meeting.participantId = :participantId', { participantId }),
    );
  }

  async get(caller: Caller, id: number): Promise<MeetingResponse> {
    return MeetingResponse.from(await this.findVisibleOrFail(caller, id));
  }

  /** By organizers and the meeting's mentor; its participant sees it but may not change it. */
  async update(caller: Caller, id: number, dto: UpdateMeetingDto): Promise<MeetingResponse> {
    await this.findVisibleOrFail(caller, id);
    this.access.requireRole(caller, 'organizer', 'mentor');
    return this.unit.run(async (manager) => {
      const meeting = await this.unit.lockOrFail(manager, MentoringMeeting, id, 'Meeting');
      const { startsAt, endsAt, timeZone, ...fields } = dto;
      const times =
        startsAt !== undefined || endsAt !== undefined || timeZone !== undefined
          ? this.readTimes({ startsAt, endsAt, timeZone }, meeting)
          : {};
      this.meetings.merge(meeting, { ...fields, ...times });
      await manager.save(meeting);
      return this.get(caller, id);
    });
  }

  /** By organizers and the meeting's mentor. */
  async remove(caller: Caller, id: number): Promise<void> {
    await this.findVisibleOrFail(caller, id);
    this.access.requireRole(caller, 'organizer', 'mentor');
    await this.unit.run(async (manager) => {
      const meeting = await this.unit.lockOrFail(manager, MentoringMeeting, id, 'Meeting');
      await manager.remove(meeting);
    });
  }

  /**
   * The mentor's assignment to the participant whose enrollment is active, with that enrollment
   * locked until the unit ends; 409 when there is none. Of several, one in a program under way
   * (whose reminders go out), then the latest.
   */
  private async lockActiveAssignment(
    manager: EntityManager,
    mentorId: number,
    participantId: number,
  ): Promise<MentorAssignment> {
    const assignments = await manager
      .createQueryBuilder(MentorAssignment, 'assignment')
      .innerJoin('assignment.enrollment', 'enrollment')
      .innerJoin(Cohort, 'cohort', 'cohort.id = enrollment.cohortId')
      .innerJoin(Program, 'program', 'program.id = cohort.programId')
      .where('assignment.mentorId = :mentorId', { mentorId })
      .andWhere('enrollment.participantId = :participantId', { participantId })
      .orderBy(`CASE WHEN program.status = 'active' THEN 0 ELSE 1 END`)
      .addOrderBy('assignment.id', 'DESC')
      .getMany();
    if (assignments.length === 0) {
      throw new ConflictException(
        `Participant ${participantId} is not assigned to mentor ${mentorId}`,
      );
    }
    const enrollments = await this.unit.lockAll(manager, Enrollment, {
      id: In(assignments.map((assignment) => assignment.enrollmentId)),
    });
    const active = new Set(
      enrollments.filter((enrollment) => enrollment.status === 'active').map((e) => e.id),
    );
    const assignment = assignments.find((candidate) => active.has(candidate.enrollmentId));
    if (!assignment) {
      throw new ConflictException(
        `Participant ${participantId} is assigned to mentor ${mentorId} only in cohorts it is no longer actively enrolled in`,
      );
    }
    return assignment;
  }

  /** A page of meetings in time order, with the names, in one query plus its count. */
  private async page(
    caller: Caller,
    query: ListMeetingsQuery,
    narrow: (select: SelectQueryBuilder<MentoringMeeting>) => SelectQueryBuilder<MentoringMeeting>,
  ): Promise<Page<MeetingResponse>> {
    const select = narrow(this.withNames());
    this.access.scopeMeetings(select, caller, 'meeting.mentorId', 'meeting.participantId');
    const { from, to } = rangeOf(query);
    if (from) {
      if ('date' in from) {
        select.andWhere('meeting.localDate >= :fromDate', { fromDate: from.date });
      } else {
        select.andWhere('meeting.endsAt > :fromInstant', { fromInstant: from.instant });
      }
    }
    if (to) {
      if ('date' in to) {
        select.andWhere('meeting.localDate <= :toDate', { toDate: to.date });
      } else {
        select.andWhere('meeting.startsAt < :toInstant', { toInstant: to.instant });
      }
    }
    const rows = await select
      .orderBy('meeting.startsAt', 'ASC')
      .addOrderBy('meeting.id', 'ASC')
      // Both joins are many-to-one (one row per meeting), so LIMIT/OFFSET page correctly.
      .limit(query.limit)
      .offset(query.offset)
      .getManyAndCount();
    return toPage(rows, query, MeetingResponse.from);
  }

  /** One meeting the caller sees, with the names; 404 otherwise. */
  private async findVisibleOrFail(caller: Caller, id: number): Promise<MentoringMeeting> {
    const select = this.withNames().where('meeting.id = :id', { id });
    const meeting = await this.access
      .scopeMeetings(select, caller, 'meeting.mentorId', 'meeting.participantId')
      .getOne();
    if (!meeting) {
      throw new NotFoundException(`Meeting ${id} not found`);
    }
    return meeting;
  }

  /** Meetings with their mentor's and participant's names (no contacts), on the unit's connection. */
  private withNames(): SelectQueryBuilder<MentoringMeeting> {
    return this.unit.manager
      .createQueryBuilder(MentoringMeeting, 'meeting')
      .innerJoin('meeting.mentor', 'mentor')
      .addSelect(['mentor.id', 'mentor.fullName'])
      .innerJoin('meeting.participant', 'participant')
      .addSelect(['participant.id', 'participant.fullName']);
  }

  private readTimes(
    input: { startsAt?: string; endsAt?: string; timeZone?: string },
    current?: MentoringMeeting,
  ): MeetingTimes {
    const { times, problems } = readMeetingTimes(input, current);
    if (problems.length > 0) {
      throw new BadRequestException(problems);
    }
    return times;
  }
}
