import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_INTEGER } from '../common/http/input-problems';
import { PageQuery } from '../common/http/pagination';
import { toLocalDateTime } from '../common/time/time';
import {
  ATTENDANCE_STATUSES,
  AttendanceRecord,
  AttendanceStatus,
  MARKING_METHODS,
  MarkingMethod,
} from './attendance-record.entity';

/** The most participants one request marks: a large cohort. */
export const MAX_MARKS = 1000;

export class AttendanceMarkDto {
  @ApiProperty({ example: 12 })
  @IsInt()
  @Min(1)
  @Max(MAX_INTEGER)
  participantId: number;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES)
  status: AttendanceStatus;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'Опоздал из-за рейса',
    description: 'Left out, null or empty: no note',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class MarkAttendanceDto {
  @ApiProperty({ type: [AttendanceMarkDto], minItems: 1, maxItems: MAX_MARKS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MARKS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AttendanceMarkDto)
  marks: AttendanceMarkDto[];
}

export class CheckInDto {
  @ApiProperty({ example: 'K7M2QX', description: 'The code shown at the session' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  code: string;
}

export class CheckInCodeSettingsDto {
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 10,
    maximum: 3600,
    description: 'A new code every so many seconds; null for one fixed code; left out: unchanged',
  })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(3600)
  rotateEverySeconds?: number | null;
}

export class AttendanceResponse {
  @ApiProperty({ example: 31 })
  id: number;

  @ApiProperty({ example: 7 })
  sessionId: number;

  @ApiProperty({ example: 12 })
  participantId: number;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  status: AttendanceStatus;

  @ApiProperty({ nullable: true, type: String })
  note: string | null;

  @ApiProperty({ enum: MARKING_METHODS })
  method: MarkingMethod;

  @ApiProperty({ nullable: true, type: Number, description: 'The account that marked it' })
  markedBy: number | null;

  @ApiProperty({ description: 'UTC instant' })
  markedAt: string;

  static from(record: Omit<AttendanceRecord, 'enrollmentId'>): AttendanceResponse {
    return {
      id: record.id,
      sessionId: record.sessionId,
      participantId: record.participantId,
      status: record.status,
      note: record.note,
      method: record.method,
      markedBy: record.markedBy,
      markedAt: new Date(record.markedAt).toISOString(),
    };
  }
}

export class MarkAttendanceResponse {
  @ApiProperty({ type: [AttendanceResponse], description: 'In the order of the marks' })
  items: AttendanceResponse[];

  @ApiProperty({ description: 'How many marks changed a record (the others were already so)' })
  changed: number;
}

export class RosterParticipant {
  @ApiProperty()
  id: number;

  @ApiProperty()
  fullName: string;

  @ApiProperty()
  position: string;

  @ApiProperty()
  municipality: string;
}

export class RosterEntry {
  @ApiProperty({ type: RosterParticipant })
  participant: RosterParticipant;

  @ApiProperty({ enum: ['active', 'withdrawn', 'completed'] })
  enrollmentStatus: string;

  @ApiProperty({ type: AttendanceResponse, nullable: true })
  attendance: AttendanceResponse | null;
}

/** A moment shown as the UTC instant and the wall clock of the stage's zone. */
export class LocalMoment {
  @ApiProperty({ example: '2025-11-18T04:30:00.000Z' })
  at: string;

  @ApiProperty({ example: '2025-11-18T09:30:00' })
  local: string;

  static of(instant: Date, timeZone: string): LocalMoment {
    return { at: instant.toISOString(), local: toLocalDateTime(instant, timeZone) };
  }
}

export class CheckInCodeResponse {
  @ApiProperty()
  sessionId: number;

  @ApiProperty({ example: 'K7M2QX' })
  code: string;

  @ApiProperty({
    example: 'http://localhost:3000/check-in/7?code=K7M2QX',
    description: 'The check-in page with the code, for a QR code',
  })
  link: string;

  @ApiProperty({ nullable: true, type: Number })
  rotateEverySeconds: number | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'How long the previous rotating code is still accepted',
  })
  graceSeconds: number | null;

  @ApiProperty({ nullable: true, type: String, description: 'When a rotating code changes' })
  validUntil: string | null;

  @ApiProperty({ example: 'Asia/Yekaterinburg' })
  timeZone: string;

  @ApiProperty({ type: LocalMoment, description: 'Self check-in opens' })
  opensAt: LocalMoment;

  @ApiProperty({ type: LocalMoment, description: 'A check-in after this is late' })
  lateAfter: LocalMoment;

  @ApiProperty({ type: LocalMoment, description: 'Self check-in closes' })
  closesAt: LocalMoment;
}

export class ParticipantAttendanceQuery extends PageQuery {}

export class ParticipantAttendanceEntry extends AttendanceResponse {
  @ApiProperty()
  stageId: number;

  @ApiProperty()
  sessionTitle: string;

  @ApiProperty({ enum: ['scheduled', 'cancelled'] })
  sessionStatus: string;

  @ApiProperty()
  isMandatory: boolean;

  @ApiProperty()
  sessionStartsAt: string;

  @ApiProperty({ description: 'Wall clock in timeZone' })
  sessionStartsAtLocal: string;

  @ApiProperty()
  timeZone: string;

  @ApiProperty()
  city: string;
}
