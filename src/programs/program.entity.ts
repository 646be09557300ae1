import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { INSTANT_COLUMN_TYPE } from '../database/column-types';
import { Audited } from '../audit/audited';

/**
 * How excused absences count towards completion: left out of the share (`excluded`), counted as
 * attended (`attended`), or counted as missed (`missed`).
 */
export const EXCUSED_ABSENCE_RULES = ['excluded', 'attended', 'missed'] as const;
export type ExcusedAbsenceRule = (typeof EXCUSED_ABSENCE_RULES)[number];

export const PROGRAM_STATUSES = ['draft', 'active', 'completed', 'archived'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

@Entity('programs')
@Audited()
export class Program {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** The institution that runs the program, e.g. a school of public administration. */
  @Column({ type: 'varchar', length: 300 })
  organizer: string;

  @Index('IDX_programs_status')
  @Column({ type: 'varchar', length: 20 })
  status: ProgramStatus;

  /** Completion rule: the share (in percent) of mandatory sessions a participant must attend. */
  @Column({ type: 'integer' })
  requiredAttendancePercent: number;

  @Column({ type: 'varchar', length: 20, default: 'excluded' })
  excusedAbsences: ExcusedAbsenceRule;

  /** A participant's attendance is judged (and warned of) once this many mandatory sessions began. */
  @Column({ type: 'integer', default: 3 })
  attendanceWarningAfterSessions: number;

  /** Self check-in opens this many minutes before a session starts... */
  @Column({ type: 'integer', default: 30 })
  checkInOpensMinutesBefore: number;

  /** ...and closes this many minutes after it ends. */
  @Column({ type: 'integer', default: 0 })
  checkInClosesMinutesAfterEnd: number;

  /** A self check-in later than this many minutes after the start is marked late. */
  @Column({ type: 'integer', default: 10 })
  lateAfterMinutes: number;

  /** Participants and mentors hear of a stage this many days before it; null: never. */
  @Column({ type: 'integer', nullable: true, default: 3 })
  announcementDaysBefore: number | null;

  /** Participants are reminded this many minutes before each session; null: never. */
  @Column({ type: 'integer', nullable: true, default: 30 })
  sessionReminderMinutes: number | null;

  /** A mentor and its mentee are reminded this many minutes before a meeting; null: never. */
  @Column({ type: 'integer', nullable: true, default: 60 })
  meetingReminderMinutes: number | null;

  /** Local time (HH:MM, the stage's zone) of the digest of the next day's sessions; null: none. */
  @Column({ type: 'varchar', length: 5, nullable: true, default: '19:00' })
  eveningDigestAt: string | null;

  @CreateDateColumn({ type: INSTANT_COLUMN_TYPE })
  createdAt: Date;

  @UpdateDateColumn({ type: INSTANT_COLUMN_TYPE })
  updatedAt: Date;
}
