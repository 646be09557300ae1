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

@Entity('mentors')
// Trigram indexes made by a migration (PostgreSQL; FTS5 tables on SQLite), left alone by TypeORM.
@Index('IDX_mentors_search_text', { synchronize: false })
@Index('IDX_mentors_search_email', { synchronize: false })
@Audited({ omit: ['searchText'], redact: ['email', 'phone'] })
@Unique('UQ_mentors_email', ['email'])
export class Mentor {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_mentors_full_name')
  @Column({ type: 'varchar', length: 300 })
  fullName: string;

  @Column({ type: 'varchar', length: 300 })
  position: string;

  @Column({ type: 'varchar', length: 300 })
  organization: string;

  @Column({ type: 'text', nullable: true })
  expertise: string | null;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  /** Name and organization folded to lower case in Node: see `foldForSearch`. */
  @Column({ type: 'varchar', length: 1000 })
  searchText: string;

  @CreateDateColumn({ type: INSTANT_COLUMN_TYPE })
  createdAt: Date;

  @UpdateDateColumn({ type: INSTANT_COLUMN_TYPE })
  updatedAt: Date;
}
