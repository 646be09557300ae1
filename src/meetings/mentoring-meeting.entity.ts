import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Audited } from '../audit/audited';
import { INSTANT_COLUMN_TYPE } from '../database/column-types';
import { MentorAssignment } from '../mentors/mentor-assignment.entity';
import { Mentor } from '../mentors/mentor.entity';
import { Participant } from '../participants/participant.entity';

/** Planned until it is held or cancelled; a cancelled meeting gets no reminder. */
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/**
 * A mentor meets one of its mentees: through the assignment that allows it, whose mentor and
 * participant are kept here too (the lists and the reminders read by them). `startsAt`/`endsAt`
 * are UTC instants; `timeZone` is where the meeting's wall clock is read. Every foreign key
 * restricts: an assignment with meetings cannot be removed.
 */
@Entity('mentoring_meetings')
@Audited({ omit: ['localDate'] })
@Index('IDX_mentoring_meetings_mentor_starts_at', ['mentorId', 'startsAt'])
@Index('IDX_mentoring_meetings_participant_starts_at', ['participantId', 'startsAt'])
export class MentoringMeeting {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_mentoring_meetings_assignment')
  @Column({ type: 'integer' })
  assignmentId: number;

  @ManyToOne(() => MentorAssignment, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'assignmentId',
    foreignKeyConstraintName: 'FK_mentoring_meetings_assignment',
  })
  assignment?: MentorAssignment;

  @Column({ type: 'integer' })
  mentorId: number;

  @ManyToOne(() => Mentor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mentorId', foreignKeyConstraintName: 'FK_mentoring_meetings_mentor' })
  mentor?: Mentor;

  @Column({ type: 'integer' })
  participantId: number;

  @ManyToOne(() => Participant, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'participantId',
    foreignKeyConstraintName: 'FK_mentoring_meetings_participant',
  })
  participant?: Participant;

  @Index('IDX_mentoring_meetings_starts_at')
  @Column({ type: INSTANT_COLUMN_TYPE })
  startsAt: Date;

  @Column({ type: INSTANT_COLUMN_TYPE })
  endsAt: Date;

  /** The local date the meeting starts on, in its zone: what `from`/`to` dates filter. */
  @Column({ type: 'date' })
  localDate: string;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  place: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  onlineUrl: string | null;

  @Column({ type: 'varchar', length: 300 })
  topic: string;

  /** The mentor's log of what was discussed. */
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'varchar', length: 20, default: 'planned' })
  status: MeetingStatus;

  @CreateDateColumn({ type: INSTANT_COLUMN_TYPE })
  createdAt: Date;

  @UpdateDateColumn({ type: INSTANT_COLUMN_TYPE })
  updatedAt: Date;
}
