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

  @CreateDateColumn({ type: INSTANT_COLUMN_TYPE })
  createdAt: Date;

  @UpdateDateColumn({ type: INSTANT_COLUMN_TYPE })
  updatedAt: Date;
}
