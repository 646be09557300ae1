import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SessionLeader } from '../sessions/session.dto';
import {
  SESSION_STATUSES,
  SESSION_TYPES,
  SessionStatus,
  SessionType,
} from '../sessions/session.entity';

export const SCHEDULE_ENTRY_KINDS = ['session'] as const;
export type ScheduleEntryKind = (typeof SCHEDULE_ENTRY_KINDS)[number];

export class ScheduleStage {
  @ApiProperty({ example: 2 })
  id: number;

  @ApiProperty({ example: 'Стажировка в Тюмени' })
  title: string;

  @ApiProperty({ example: 'Тюмень' })
  city: string;

  @ApiProperty({ example: 'Asia/Yekaterinburg' })
  timeZone: string;
}

/**
 * One item of a person's schedule. Published sessions are the only kind so far; others
 * (mentoring meetings) join through their own schedule source.
 */
export class ScheduleEntry {
  @ApiProperty({ enum: SCHEDULE_ENTRY_KINDS })
  kind: ScheduleEntryKind;

  @ApiProperty({ example: 7, description: 'The id of the session (of the entry’s kind)' })
  id: number;

  @ApiProperty()
  title: string;

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ enum: SESSION_TYPES })
  type: SessionType;

  @ApiProperty({ enum: SESSION_STATUSES })
  status: SessionStatus;

  @ApiProperty({ type: ScheduleStage })
  stage: ScheduleStage;

  @ApiProperty({ example: '2025-11-18T05:00:00.000Z', description: 'UTC instant' })
  startsAt: string;

  @ApiProperty({ example: '2025-11-18T06:30:00.000Z', description: 'UTC instant' })
  endsAt: string;

  @ApiProperty({ example: '2025-11-18T10:00:00', description: 'Wall clock in timeZone' })
  startsAtLocal: string;

  @ApiProperty({ example: '2025-11-18T11:30:00', description: 'Wall clock in timeZone' })
  endsAtLocal: string;

  @ApiProperty({ example: 'Asia/Yekaterinburg' })
  timeZone: string;

  @ApiProperty({ nullable: true, type: String })
  venue: string | null;

  @ApiProperty({ nullable: true, type: String })
  address: string | null;

  @ApiProperty({ nullable: true, type: String })
  onlineUrl: string | null;

  @ApiProperty({ nullable: true, type: String })
  track: string | null;

  @ApiProperty()
  isMandatory: boolean;

  @ApiProperty({ type: [SessionLeader] })
  mentors: SessionLeader[];

  @ApiPropertyOptional({ description: 'In a mentor’s schedule: whether the mentor leads it' })
  leads?: boolean;

  @ApiProperty({ example: 2, description: 'The published agenda version it comes from' })
  agendaVersion: number;

  @ApiProperty({ description: 'When that version was published' })
  publishedAt: string;

  /** Rises each time a publish changes the entry (iCalendar SEQUENCE). */
  @ApiProperty({ example: 1 })
  sequence: number;
}

/** Whose schedule: a participant's or a mentor's. */
export type ScheduleOwner = { participantId: number } | { mentorId: number };

/** A bound of a schedule's range: a local date (in each entry's own zone) or an instant. */
export type ScheduleBound = { date: string } | { instant: Date };

export interface ScheduleRange {
  from?: ScheduleBound;
  to?: ScheduleBound;
}

/** Where entries of one kind come from, in time order. */
export interface ScheduleSource {
  /** The first `count` entries of `owner` in `range`, and how many there are in all. */
  read(
    owner: ScheduleOwner,
    range: ScheduleRange,
    count: number,
  ): Promise<{ entries: ScheduleEntry[]; total: number }>;
}

/** The injection token of every schedule source. */
export const SCHEDULE_SOURCES = Symbol('SCHEDULE_SOURCES');
