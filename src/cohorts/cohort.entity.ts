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
import { INSTANT_COLUMN_TYPE } from '../database/column-types';
import { Program } from '../programs/program.entity';
import { Audited } from '../audit/audited';

@Entity('cohorts')
@Audited()
@Index('UQ_cohorts_program_title', ['programId', 'title'], { unique: true })
export class Cohort {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  programId: number;

  @ManyToOne(() => Program, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programId', foreignKeyConstraintName: 'FK_cohorts_program' })
  program?: Program;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @CreateDateColumn({ type: INSTANT_COLUMN_TYPE })
  createdAt: Date;

  @UpdateDateColumn({ type: INSTANT_COLUMN_TYPE })
  updatedAt: Date;
}
