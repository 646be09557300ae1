import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQuery } from '../common/http/pagination';
import { ParticipantSummary } from '../participants/participant-summary.dto';
import { MentorAssignment } from './mentor-assignment.entity';

const MAX_ID = 2_147_483_647;

export class CreateMentorAssignmentDto {
  @ApiProperty({ example: 3, description: 'The cohort the participant is enrolled in' })
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  cohortId: number;

  @ApiProperty({ example: 12, description: 'A participant actively enrolled in that cohort' })
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  participantId: number;
}

export class ListMentorAssignmentsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 3, description: 'Only assignments in this cohort' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  cohortId?: number;
}

export class MentorAssignmentResponse {
  @ApiProperty({ example: 7 })
  id: number;

  @ApiProperty({ example: 1 })
  mentorId: number;

  @ApiProperty({ example: 3 })
  cohortId: number;

  @ApiProperty({ example: 12 })
  participantId: number;

  @ApiProperty({ type: ParticipantSummary })
  participant: ParticipantSummary;

  @ApiProperty()
  assignedAt: Date;

  /** Needs `enrollment` and `enrollment.participant` loaded. */
  static from(assignment: MentorAssignment): MentorAssignmentResponse {
    const enrollment = assignment.enrollment;
    if (!enrollment?.participant) {
      throw new Error(`Assignment ${assignment.id} was loaded without its enrollment`);
    }
    return {
      id: assignment.id,
      mentorId: assignment.mentorId,
      cohortId: enrollment.cohortId,
      participantId: enrollment.participantId,
      participant: ParticipantSummary.from(enrollment.participant),
      assignedAt: assignment.assignedAt,
    };
  }
}
