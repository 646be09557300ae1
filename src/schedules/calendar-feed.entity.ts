import {
  Check,
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
import { Mentor } from '../mentors/mentor.entity';
import { Participant } from '../participants/participant.entity';

/**
 * A personal calendar feed at a secret link: the owner's schedule for phone calendars, which
 * subscribe without signing in. Rotating the token ends the old link at once.
 */
@Entity('calendar_feeds')
@Audited({ secrets: { token: 'feed link' }, omit: ['contentTag', 'contentChangedAt'] })
@Check('CHK_calendar_feeds_one_owner', '("participantId" IS NULL) <> ("mentorId" IS NULL)')
export class CalendarFeed {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('UQ_calendar_feeds_participant', { unique: true })
  @Column({ type: 'integer', nullable: true })
  participantId: number | null;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participantId', foreignKeyConstraintName: 'FK_calendar_feeds_participant' })
  participant?: Participant;

  @Index('UQ_calendar_feeds_mentor', { unique: true })
  @Column({ type: 'integer', nullable: true })
  mentorId: number | null;

  @ManyToOne(() => Mentor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentorId', foreignKeyConstraintName: 'FK_calendar_feeds_mentor' })
  mentor?: Mentor;

  /** The secret of the link: random, shown to its owner, looked up by its unique index. */
  @Index('UQ_calendar_feeds_token', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  token: string;

  /** A reminder in the feed this many minutes before each session; none when null. */
  @Column({ type: 'integer', nullable: true })
  alarmMinutesBefore: number | null;

  /** The tag of the content last served, and when it last changed: `Last-Modified`. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  contentTag: string | null;

  @Column({ type: INSTANT_COLUMN_TYPE, nullable: true })
  contentChangedAt: Date | null;

  @CreateDateColumn({ type: INSTANT_COLUMN_TYPE })
  createdAt: Date;

  @UpdateDateColumn({ type: INSTANT_COLUMN_TYPE })
  updatedAt: Date;
}
