import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../common/http/pagination';
import { toLocalDateTime } from '../common/time/time';
import { MayOmit } from '../common/validation/may-omit';
import {
  IsDateOrInstant,
  IsDateTimeInput,
  IsIanaTimeZone,
} from '../common/validation/time-validators';
import { MEETING_STATUSES, MeetingStatus, MentoringMeeting } from './mentoring-meeting.entity';

const MAX_ID = 2_147_483_647;

const dateTimeMessage = (property: string) =>
  `${property} must be a date and time such as 2025-11-18T10:00 (wall clock in timeZone) or 2025-11-18T07:00Z`;

export class CreateMeetingDto {
  @ApiProperty({
    example: 12,
    description: 'A mentee of the mentor, actively enrolled in the cohort of their assignment',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  participantId: number;

  @ApiProperty({
    example: '2025-11-18T18:00',
    description:
      'Without an offset: wall-clock time in `timeZone`. With an offset or Z: that instant.',
  })
  @IsDateTimeInput({ message: ({ property }) => dateTimeMessage(property) })
  startsAt: string;

  @ApiProperty({ example: '2025-11-18T19:00', description: 'After startsAt' })
  @IsDateTimeInput({ message: ({ property }) => dateTimeMessage(property) })
  endsAt: string;

  @ApiProperty({
    example: 'Asia/Yekaterinburg',
    description:
      'IANA time zone of the meeting. Changing it alone keeps the wall-clock times (the zone is corrected, not the meeting moved).',
  })
  @IsIanaTimeZone()
  timeZone: string;

  @ApiProperty({ example: 'Бюджетные приоритеты Ялуторовского района на 2026 год' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  topic: string;

  @ApiPropertyOptional({ nullable: true, example: 'Тюмень, ул. Первомайская, 20, каб. 305' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  place?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'https://meet.example.ru/room/mentoring-12' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  onlineUrl?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    example: 'Обсудили проект благоустройства набережной и план встреч с жителями',
    description: 'The log of what was discussed',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  notes?: string | null;
}

export class UpdateMeetingDto extends PartialType(OmitType(CreateMeetingDto, ['participantId']), {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({ enum: MEETING_STATUSES })
  @MayOmit()
  @IsIn(MEETING_STATUSES)
  status?: MeetingStatus;
}

export class ListMeetingsQuery extends PageQuery {
  @ApiPropertyOptional({
    example: '2025-11-18',
    description:
      'A local date (meetings starting on it or later, by each meeting’s own zone) or an ' +
      'instant with its offset (meetings ending after it)',
  })
  @IsOptional()
  @IsDateOrInstant()
  from?: string;

  @ApiPropertyOptional({
    example: '2025-11-20',
    description:
      'A local date (meetings starting on it or earlier) or an instant with its offset ' +
      '(meetings starting before it)',
  })
  @IsOptional()
  @IsDateOrInstant()
  to?: string;
}

export class MeetingPerson {
  @ApiProperty({ example: 12 })
  id: number;

  @ApiProperty({ example: 'Иванов Пётр Сергеевич' })
  fullName: string;
}

export class MeetingResponse {
  @ApiProperty({ example: 5 })
  id: number;

  @ApiProperty({ example: 1 })
  mentorId: number;

  @ApiProperty({ example: 12 })
  participantId: number;

  @ApiProperty({ example: 7, description: 'The assignment of the mentor to the participant' })
  assignmentId: number;

  @ApiProperty({ type: MeetingPerson })
  mentor: MeetingPerson;

  @ApiProperty({ type: MeetingPerson })
  participant: MeetingPerson;

  @ApiProperty({ example: '2025-11-18T13:00:00.000Z', description: 'UTC instant' })
  startsAt: string;

  @ApiProperty({ example: '2025-11-18T14:00:00.000Z', description: 'UTC instant' })
  endsAt: string;

  @ApiProperty({ example: '2025-11-18T18:00:00', description: 'Wall clock in timeZone' })
  startsAtLocal: string;

  @ApiProperty({ example: '2025-11-18T19:00:00', description: 'Wall clock in timeZone' })
  endsAtLocal: string;

  @ApiProperty({ example: 'Asia/Yekaterinburg' })
  timeZone: string;

  @ApiProperty({ nullable: true, type: String })
  place: string | null;

  @ApiProperty({ nullable: true, type: String })
  onlineUrl: string | null;

  @ApiProperty()
  topic: string;

  @ApiProperty({ nullable: true, type: String })
  notes: string | null;

  @ApiProperty({ enum: MEETING_STATUSES })
  status: MeetingStatus;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  /** Needs `mentor` and `participant` loaded (their names at least). */
  static from(meeting: MentoringMeeting): MeetingResponse {
    const { mentor, participant } = meeting;
    if (!mentor || !participant) {
      throw new Error(`Meeting ${meeting.id} was loaded without its mentor and participant`);
    }
    return {
      id: meeting.id,
      mentorId: meeting.mentorId,
      participantId: meeting.participantId,
      assignmentId: meeting.assignmentId,
      mentor: { id: mentor.id, fullName: mentor.fullName },
      participant: { id: participant.id, fullName: participant.fullName },
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      startsAtLocal: toLocalDateTime(meeting.startsAt, meeting.timeZone),
      endsAtLocal: toLocalDateTime(meeting.endsAt, meeting.timeZone),
      timeZone: meeting.timeZone,
      place: meeting.place,
      onlineUrl: meeting.onlineUrl,
      topic: meeting.topic,
      notes: meeting.notes,
      status: meeting.status,
      createdAt: meeting.createdAt,
      updatedAt: meeting.updatedAt,
    };
  }
}
