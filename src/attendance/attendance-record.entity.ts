import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Audited } from '../audit/audited';
import { INSTANT_COLUMN_TYPE } from '../database/column-types';
import { Enrollment } from '../enrollments/enrollment.entity';
import { Participant } from '../participants/participant.entity';
import { Session } from '../sessions/session.entity';

export const ATTENDANCE_STATUSES = ['present', 'late', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Marked by staff (organizer, host, leading mentor) or by the participant's own check-in. */
export const MARKING_METHODS = ['staff', 'self'] as const;
export type MarkingMethod = (typeof MARKING_METHODS)[number];

/**
 * Whether a participant was at a session: the program's evidence. Every foreign key restricts,
 * so nothing deletes a record by cascade; a session or stage with records cannot be deleted.
 */
@Entity('attendance')
@Audited()
@Index('UQ_attendance_session_participant', ['sessionId', 'participantId'], { unique: true })
@Index('IDX_attendance_participant', ['participantId', 'sessionId'])
export class AttendanceRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  sessionId: number;

  @ManyToOne(() => Session, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sessionId', foreignKeyConstraintName: 'FK_attendance_session' })
  session?: Session;

  @Column({ type: 'integer' })
  participantId: number;

  @ManyToOne(() => Participant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participantId', foreignKeyConstraintName: 'FK_attendance_participant' })
  participant?: Participant;

  /** The enrollment in the session's cohort that allows the record. */
  @Index('IDX_attendance_enrollment')
  @Column({ type: 'integer' })
  enrollmentId: number;

  @ManyToOne(() => Enrollment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrollmentId', foreignKeyConstraintName: 'FK_attendance_enrollment' })
  enrollment?: Enrollment;

  @Column({ type: 'varchar', length: 20 })
  status: AttendanceStatus;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 20 })
  method: MarkingMethod;

  /** The account that marked it (the participant's own for a self check-in). */
  @Column({ type: 'integer', nullable: true })
  markedBy: number | null;

  @Column({ type: INSTANT_COLUMN_TYPE })
  markedAt: Date;
}
