import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Cohort } from '../cohorts/cohort.entity';
import { INSTANT_COLUMN_TYPE } from '../database/column-types';
import { Participant } from '../participants/participant.entity';
import { Audited } from '../audit/audited';

export const ENROLLMENT_STATUSES = ['active', 'withdrawn', 'completed'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** A participant's place in a cohort. Withdrawal keeps the row: attendance will hang on it. */
@Entity('enrollments')
@Audited()
@Index('UQ_enrollments_cohort_participant', ['cohortId', 'participantId'], { unique: true })
// A participant's cohorts, read from the index alone (access checks ask it for every candidate).
@Index('IDX_enrollments_participant_cohort', ['participantId', 'cohortId'])
export class Enrollment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  cohortId: number;

  @ManyToOne(() => Cohort, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohortId', foreignKeyConstraintName: 'FK_enrollments_cohort' })
  cohort?: Cohort;

  @Column({ type: 'integer' })
  participantId: number;

  @ManyToOne(() => Participant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participantId', foreignKeyConstraintName: 'FK_enrollments_participant' })
  participant?: Participant;

  @Column({ type: 'varchar', length: 20 })
  status: EnrollmentStatus;

  @Column({ type: INSTANT_COLUMN_TYPE })
  enrolledAt: Date;

  @Column({ type: INSTANT_COLUMN_TYPE, nullable: true })
  withdrawnAt: Date | null;
}
