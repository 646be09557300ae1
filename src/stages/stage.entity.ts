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
import { Account } from '../accounts/account.entity';
import { Cohort } from '../cohorts/cohort.entity';
import { INSTANT_COLUMN_TYPE } from '../database/column-types';
import { Audited } from '../audit/audited';

/** One visit of a cohort to a host city. Dates are local to the stage's time zone. */
/** The join table of `Stage.hosts`. */
export const STAGE_HOSTS = 'stage_hosts';

@Entity('stages')
@Audited()
@Index('UQ_stages_cohort_sequence', ['cohortId', 'sequence'], { unique: true })
export class Stage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  cohortId: number;

  @ManyToOne(() => Cohort, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohortId', foreignKeyConstraintName: 'FK_stages_cohort' })
  cohort?: Cohort;

  @Column({ type: 'integer' })
  sequence: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 200 })
  city: string;

  @Column({ type: 'varchar', length: 200 })
  region: string;

  /** IANA zone, e.g. `Asia/Yekaterinburg`. */
  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  venue: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address: string | null;

  @Index('IDX_stages_start_date')
  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  /** The host region's organization that receives the visit. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  hostOrganization: string | null;

  @Column({ type: 'boolean' })
  isPublic: boolean;

  /** Host accounts: the host region's coordinators who edit this stage's agenda. */
  @ManyToMany(() => Account)
  @JoinTable({
    name: STAGE_HOSTS,
    joinColumn: { name: 'stageId', foreignKeyConstraintName: 'FK_stage_hosts_stage' },
    inverseJoinColumn: { name: 'accountId', foreignKeyConstraintName: 'FK_stage_hosts_account' },
  })
  hosts?: Account[];

  @CreateDateColumn({ type: INSTANT_COLUMN_TYPE })
  createdAt: Date;

  @UpdateDateColumn({ type: INSTANT_COLUMN_TYPE })
  updatedAt: Date;
}
