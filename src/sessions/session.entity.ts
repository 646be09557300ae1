import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { INSTANT_COLUMN_TYPE } from '../database/column-types';
import { Mentor } from '../mentors/mentor.entity';
import { Stage } from '../stages/stage.entity';
import { Audited } from '../audit/audited';

export const SESSION_TYPES = [
  'lecture',
  'excursion',
  'master_class',
  'round_table',
  'plenary',
  'mentoring',
  'internship',
  'travel',
  'other',
] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

/** A cancelled session stays in the agenda, marked, until it is removed. */
export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** The join table of `Session.mentors`. */
export const SESSION_MENTORS = 'session_mentors';

/** One item of a stage's agenda. `startsAt`/`endsAt` are UTC instants. */
@Entity('sessions')
@Audited()
@Index('IDX_sessions_stage_starts_at', ['stageId', 'startsAt'])
@Index('IDX_sessions_stage_ends_at', ['stageId', 'endsAt'])
export class Session {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  stageId: number;

  @ManyToOne(() => Stage, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'stageId', foreignKeyConstraintName: 'FK_sessions_stage' })
  stage?: Stage;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 20 })
  type: SessionType;

  @Column({ type: 'varchar', length: 20, default: 'scheduled' })
  status: SessionStatus;

  @Column({ type: INSTANT_COLUMN_TYPE })
  startsAt: Date;

  @Column({ type: INSTANT_COLUMN_TYPE })
  endsAt: Date;

  @Column({ type: 'varchar', length: 300, nullable: true })
  venue: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  onlineUrl: string | null;

  /** Parallel sessions carry different tracks; sessions of one track never overlap. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  track: string | null;

  @Column({ type: 'boolean' })
  isMandatory: boolean;

  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  /** Names and titles of the speakers, in the order they speak. */
  @Column({ type: 'simple-json' })
  speakers: string[];

  /** Mentors who lead the session. */
  @ManyToMany(() => Mentor)
  @JoinTable({
    name: SESSION_MENTORS,
    joinColumn: { name: 'sessionId', foreignKeyConstraintName: 'FK_session_mentors_session' },
    inverseJoinColumn: { name: 'mentorId', foreignKeyConstraintName: 'FK_session_mentors_mentor' },
  })
  mentors?: Mentor[];

  @CreateDateColumn({ type: INSTANT_COLUMN_TYPE })
  createdAt: Date;

  @UpdateDateColumn({ type: INSTANT_COLUMN_TYPE })
  updatedAt: Date;
}
