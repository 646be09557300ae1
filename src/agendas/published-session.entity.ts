import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { INSTANT_COLUMN_TYPE } from '../database/column-types';
import { SessionLeader } from '../sessions/session.dto';
import { SessionStatus, SessionType } from '../sessions/session.entity';
import { Stage } from '../stages/stage.entity';

/**
 * A session as the latest published agenda version of its stage shows it, with what a
 * schedule needs of the stage. Participants, mentors and the public read these rows, never
 * the sessions being edited; a publish replaces a stage's rows in its unit of work.
 */
@Entity('published_sessions')
@Index('IDX_published_sessions_stage_starts_at', ['stageId', 'startsAt'])
@Index('IDX_published_sessions_starts_at', ['startsAt'])
export class PublishedSession {
  /** The session's own id: stable across versions, as calendar UIDs need. */
  @PrimaryColumn({ type: 'integer' })
  sessionId: number;

  @Column({ type: 'integer' })
  stageId: number;

  @ManyToOne(() => Stage, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'stageId', foreignKeyConstraintName: 'FK_published_sessions_stage' })
  stage?: Stage;

  /** The agenda version this row comes from. */
  @Column({ type: 'integer' })
  version: number;

  /** Rises each time a publish changes this session (iCalendar SEQUENCE). */
  @Column({ type: 'integer' })
  sequence: number;

  @Column({ type: INSTANT_COLUMN_TYPE })
  publishedAt: Date;

  @Column({ type: 'varchar', length: 300 })
  stageTitle: string;

  @Column({ type: 'varchar', length: 200 })
  city: string;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  /** The local date the session starts on, in the stage's zone: what `from`/`to` dates filter. */
  @Column({ type: 'date' })
  localDate: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 20 })
  type: SessionType;

  @Column({ type: 'varchar', length: 20 })
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

  @Column({ type: 'varchar', length: 100, nullable: true })
  track: string | null;

  @Column({ type: 'boolean' })
  isMandatory: boolean;

  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Column({ type: 'simple-json' })
  speakers: string[];

  @Column({ type: 'simple-json' })
  mentors: SessionLeader[];
}

/** Who leads a published session: what a mentor's schedule is read by. */
@Entity('published_session_mentors')
@Index('IDX_published_session_mentors_mentor', ['mentorId'])
export class PublishedSessionMentor {
  @PrimaryColumn({ type: 'integer' })
  sessionId: number;

  @PrimaryColumn({ type: 'integer' })
  mentorId: number;

  @ManyToOne(() => PublishedSession, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'sessionId',
    foreignKeyConstraintName: 'FK_published_session_mentors_session',
  })
  session?: PublishedSession;
}
