import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQuery } from '../common/http/pagination';
import { ParticipantSummary } from '../participants/participant-summary.dto';
import { ENROLLMENT_STATUSES, Enrollment, EnrollmentStatus } from './enrollment.entity';

export class CreateEnrollmentDto {
  @ApiProperty({ example: 12 })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  participantId: number;
}

/** Only the status changes; the cohort and the participant are the enrollment's identity. */
export class UpdateEnrollmentDto {
  @ApiProperty({ enum: ENROLLMENT_STATUSES, example: 'completed' })
  @IsIn(ENROLLMENT_STATUSES)
  status: EnrollmentStatus;
}

export class ListEnrollmentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ENROLLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLLMENT_STATUSES)
  status?: EnrollmentStatus;
}

export class EnrollmentResponse {
  @ApiProperty({ example: 7 })
  id: number;

  @ApiProperty({ example: 3 })
  cohortId: number;

  @ApiProperty({ example: 12 })
  participantId: number;

  @ApiProperty({ enum: ENROLLMENT_STATUSES })
  status: EnrollmentStatus;

  @ApiProperty()
  enrolledAt: Date;

  @ApiProperty({ nullable: true, type: Date })
  withdrawnAt: Date | null;

  @ApiProperty({ type: ParticipantSummary })
  participant: ParticipantSummary;

  /** `enrollment.participant` must be loaded (joined) by the caller. */
  static from(enrollment: Enrollment): EnrollmentResponse {
    if (!enrollment.participant) {
      throw new Error(`Enrollment ${enrollment.id} was loaded without its participant`);
    }
    return {
      id: enrollment.id,
      cohortId: enrollment.cohortId,
      participantId: enrollment.participantId,
      status: enrollment.status,
      enrolledAt: enrollment.enrolledAt,
      withdrawnAt: enrollment.withdrawnAt,
      participant: ParticipantSummary.from(enrollment.participant),
    };
  }
}
