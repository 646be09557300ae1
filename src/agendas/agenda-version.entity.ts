import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Audited } from '../audit/audited';
import { INSTANT_COLUMN_TYPE } from '../database/column-types';
import { SessionSnapshot } from '../sessions/session-snapshot';
import { Stage } from '../stages/stage.entity';
import { AgendaChange } from './agenda-changes';

/** The stage as an agenda version keeps it. */
export interface StageSnapshot {
  id: number;
  title: string;
  city: string;
  region: string;
  timeZone: string;
  venue: string | null;
  address: string | null;
  startDate: string;
  endDate: string;
  hostOrganization: string | null;
}

/** Version N of a stage's agenda: an immutable snapshot and what changed since version N-1. */
@Entity('agenda_versions')
@Audited({ omit: ['stage', 'sessions', 'changes'] })
@Index('UQ_agenda_versions_stage_number', ['stageId', 'number'], { unique: true })
export class AgendaVersion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  stageId: number;

  @ManyToOne(() => Stage, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'stageId', foreignKeyConstraintName: 'FK_agenda_versions_stage' })
  stageRow?: Stage;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: INSTANT_COLUMN_TYPE })
  publishedAt: Date;

  /** The account that published it; null for work the service does by itself. */
  @Column({ type: 'integer', nullable: true })
  publishedBy: number | null;

  @Column({ type: 'simple-json' })
  stage: StageSnapshot;

  @Column({ type: 'simple-json' })
  sessions: SessionSnapshot[];

  @Column({ type: 'simple-json' })
  changes: AgendaChange[];
}
