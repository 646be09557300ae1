import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { INSTANT_COLUMN_TYPE } from '../database/column-types';
import { Participant } from '../participants/participant.entity';
import { Stage } from '../stages/stage.entity';

/**
 * Raised once per participant and stage when its attendance rate falls below the program's
 * rule; `notifiedAt` is set when its mentor and the organizers have been told.
 */
@Entity('attendance_warnings')
@Index('UQ_attendance_warnings_participant_stage', ['participantId', 'stageId'], { unique: true })
export class AttendanceWarning {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  participantId: number;

  @ManyToOne(() => Participant, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'participantId',
    foreignKeyConstraintName: 'FK_attendance_warnings_participant',
  })
  participant?: Participant;

  @Index('IDX_attendance_warnings_stage')
  @Column({ type: 'integer' })
  stageId: number;

  @ManyToOne(() => Stage, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'stageId', foreignKeyConstraintName: 'FK_attendance_warnings_stage' })
  stage?: Stage;

  /** Mandatory sessions attended and counted when the warning was raised. */
  @Column({ type: 'integer' })
  attended: number;

  @Column({ type: 'integer' })
  counted: number;

  @Column({ type: INSTANT_COLUMN_TYPE })
  raisedAt: Date;

  @Index('IDX_attendance_warnings_notified_at')
  @Column({ type: INSTANT_COLUMN_TYPE, nullable: true })
  notifiedAt: Date | null;
}
