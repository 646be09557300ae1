import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { INSTANT_COLUMN_TYPE } from '../database/column-types';
import { Enrollment } from '../enrollments/enrollment.entity';
import { Mentor } from './mentor.entity';
import { Audited } from '../audit/audited';

/**
 * A mentor guides one enrolled participant of a cohort. It points at the enrollment, so a
 * mentor can only be assigned to a participant who is enrolled in that cohort.
 */
@Entity('mentor_assignments')
@Audited()
@Index('UQ_mentor_assignments_mentor_enrollment', ['mentorId', 'enrollmentId'], { unique: true })
export class MentorAssignment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  mentorId: number;

  @ManyToOne(() => Mentor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mentorId', foreignKeyConstraintName: 'FK_mentor_assignments_mentor' })
  mentor?: Mentor;

  @Index('IDX_mentor_assignments_enrollment')
  @Column({ type: 'integer' })
  enrollmentId: number;

  @ManyToOne(() => Enrollment, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'enrollmentId',
    foreignKeyConstraintName: 'FK_mentor_assignments_enrollment',
  })
  enrollment?: Enrollment;

  @Column({ type: INSTANT_COLUMN_TYPE })
  assignedAt: Date;
}
