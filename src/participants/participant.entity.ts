import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { INSTANT_COLUMN_TYPE } from '../database/column-types';
import { Audited } from '../audit/audited';

@Entity('participants')
// Trigram indexes made by a migration (PostgreSQL; FTS5 tables on SQLite), left alone by TypeORM.
@Index('IDX_participants_search_text', { synchronize: false })
@Index('IDX_participants_search_email', { synchronize: false })
@Audited({ omit: ['searchText'], redact: ['email', 'phone'] })
@Unique('UQ_participants_email', ['email'])
export class Participant {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_participants_full_name')
  @Column({ type: 'varchar', length: 300 })
  fullName: string;

  /** E.g. head of a municipal district. */
  @Column({ type: 'varchar', length: 300 })
  position: string;

  @Column({ type: 'varchar', length: 300 })
  municipality: string;

  @Column({ type: 'varchar', length: 200 })
  region: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 10 })
  locale: string;

  /** Name and municipality folded to lower case in Node: see `foldForSearch`. */
  @Column({ type: 'varchar', length: 1000 })
  searchText: string;

  @CreateDateColumn({ type: INSTANT_COLUMN_TYPE })
  createdAt: Date;

  @UpdateDateColumn({ type: INSTANT_COLUMN_TYPE })
  updatedAt: Date;
}
