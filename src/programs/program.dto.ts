import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MayOmit } from '../common/validation/may-omit';
import { PageQuery } from '../common/http/pagination';
import {
  EXCUSED_ABSENCE_RULES,
  ExcusedAbsenceRule,
  PROGRAM_STATUSES,
  Program,
  ProgramStatus,
} from './program.entity';

export class CreateProgramDto {
  @ApiProperty({ example: 'Школа мэров' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({
    example: 'Программа развития управленческих команд муниципальных образований',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @ApiProperty({
    example:
      'Высшая школа государственного управления РАНХиГС, Всероссийская ассоциация развития местного самоуправления',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  organizer: string;

  @ApiPropertyOptional({ enum: PROGRAM_STATUSES, default: 'draft' })
  @MayOmit()
  @IsIn(PROGRAM_STATUSES)
  status?: ProgramStatus;

  @ApiPropertyOptional({
    description: 'Share of mandatory sessions (percent) a participant attends to complete',
    minimum: 1,
    maximum: 100,
    default: 80,
  })
  @MayOmit()
  @IsInt()
  @Min(1)
  @Max(100)
  requiredAttendancePercent?: number;

  @ApiPropertyOptional({
    enum: EXCUSED_ABSENCE_RULES,
    default: 'excluded',
    description:
      'How excused absences count: left out of the share, counted as attended, or as missed',
  })
  @MayOmit()
  @IsIn(EXCUSED_ABSENCE_RULES)
  excusedAbsences?: ExcusedAbsenceRule;

  @ApiPropertyOptional({
    description:
      'Mandatory sessions that must have begun before a low attendance rate raises a warning',
    minimum: 1,
    maximum: 1000,
    default: 3,
  })
  @MayOmit()
  @IsInt()
  @Min(1)
  @Max(1000)
  attendanceWarningAfterSessions?: number;

  @ApiPropertyOptional({
    description: 'Self check-in opens this many minutes before a session starts',
    minimum: 0,
    maximum: 1440,
    default: 30,
  })
  @MayOmit()
  @IsInt()
  @Min(0)
  @Max(1440)
  checkInOpensMinutesBefore?: number;

  @ApiPropertyOptional({
    description: 'Self check-in closes this many minutes after a session ends',
    minimum: 0,
    maximum: 1440,
    default: 0,
  })
  @MayOmit()
  @IsInt()
  @Min(0)
  @Max(1440)
  checkInClosesMinutesAfterEnd?: number;

  @ApiPropertyOptional({
    description: 'A self check-in more than this many minutes after the start is late',
    minimum: 0,
    maximum: 1440,
    default: 10,
  })
  @MayOmit()
  @IsInt()
  @Min(0)
  @Max(1440)
  lateAfterMinutes?: number;

  @ApiPropertyOptional({
    description: 'Days before a stage that its announcement is sent; null: none',
    minimum: 0,
    maximum: 60,
    default: 3,
    nullable: true,
    type: Number,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  announcementDaysBefore?: number | null;

  @ApiPropertyOptional({
    description: 'Minutes before each session that participants are reminded; null: never',
    minimum: 1,
    maximum: 1440,
    default: 30,
    nullable: true,
    type: Number,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  sessionReminderMinutes?: number | null;

  @ApiPropertyOptional({
    description:
      'Minutes before a mentoring meeting that mentor and mentee are reminded; null: never',
    minimum: 1,
    maximum: 1440,
    default: 60,
    nullable: true,
    type: Number,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  meetingReminderMinutes?: number | null;

  @ApiPropertyOptional({
    description:
      'Local time (stage’s zone) of the evening digest of the next day’s sessions; null: none',
    example: '19:00',
    default: '19:00',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'eveningDigestAt must be a time HH:MM' })
  eveningDigestAt?: string | null;
}

export class UpdateProgramDto extends PartialType(CreateProgramDto, {
  skipNullProperties: false,
}) {}

export class ListProgramsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PROGRAM_STATUSES })
  @IsOptional()
  @IsIn(PROGRAM_STATUSES)
  status?: ProgramStatus;
}

export class ProgramResponse {
  @ApiProperty({ example: 1 })
  id: number;

  @ApiProperty({ example: 'Школа мэров' })
  title: string;

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ example: 'Высшая школа государственного управления РАНХиГС' })
  organizer: string;

  @ApiProperty({ enum: PROGRAM_STATUSES })
  status: ProgramStatus;

  @ApiProperty({ example: 80 })
  requiredAttendancePercent: number;

  @ApiProperty({ enum: EXCUSED_ABSENCE_RULES })
  excusedAbsences: ExcusedAbsenceRule;

  @ApiProperty({ example: 3 })
  attendanceWarningAfterSessions: number;

  @ApiProperty({ example: 30 })
  checkInOpensMinutesBefore: number;

  @ApiProperty({ example: 0 })
  checkInClosesMinutesAfterEnd: number;

  @ApiProperty({ example: 10 })
  lateAfterMinutes: number;

  @ApiProperty({ example: 3, nullable: true, type: Number })
  announcementDaysBefore: number | null;

  @ApiProperty({ example: 30, nullable: true, type: Number })
  sessionReminderMinutes: number | null;

  @ApiProperty({ example: 60, nullable: true, type: Number })
  meetingReminderMinutes: number | null;

  @ApiProperty({ example: '19:00', nullable: true, type: String })
  eveningDigestAt: string | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  static from(program: Program): ProgramResponse {
    return {
      id: program.id,
      title: program.title,
      description: program.description,
      organizer: program.organizer,
      status: program.status,
      requiredAttendancePercent: program.requiredAttendancePercent,
      excusedAbsences: program.excusedAbsences,
      attendanceWarningAfterSessions: program.attendanceWarningAfterSessions,
      checkInOpensMinutesBefore: program.checkInOpensMinutesBefore,
      checkInClosesMinutesAfterEnd: program.checkInClosesMinutesAfterEnd,
      lateAfterMinutes: program.lateAfterMinutes,
      announcementDaysBefore: program.announcementDaysBefore,
      sessionReminderMinutes: program.sessionReminderMinutes,
      meetingReminderMinutes: program.meetingReminderMinutes,
      eveningDigestAt: program.eveningDigestAt,
      createdAt: program.createdAt,
      updatedAt: program.updatedAt,
    };
  }
}
