import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { INSTANT_COLUMN_TYPE } from '../database/column-types';
import { Mentor } from '../mentors/mentor.entity';
import { Participant } from '../participants/participant.entity';
import { Audited } from '../audit/audited';

export const ROLES = ['organizer', 'host', 'mentor', 'participant'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Someone who signs in. A participant account is linked to its participant record, a mentor
 * account to its mentor record; a host account is named as host of stages (`stage_hosts`).
 */
@Entity('accounts')
@Audited({ omit: ['tokenVersion'], redact: ['email'], secrets: { passwordHash: 'password' } })
@Unique('UQ_accounts_email', ['email'])
export class Account {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 300 })
  fullName: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  /** Argon2id; null until the invitation is accepted. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  /** Rises when the password changes or the account is deactivated: older tokens stop working. */
  @Column({ type: 'integer', default: 0 })
  tokenVersion: number;

  /** A deactivated account cannot sign in, and its tokens are refused. */
  @Column({ type: INSTANT_COLUMN_TYPE, nullable: true })
  deactivatedAt: Date | null;

  @Index('UQ_accounts_participant', { unique: true })
  @Column({ type: 'integer', nullable: true })
  participantId: number | null;

  @ManyToOne(() => Participant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participantId', foreignKeyConstraintName: 'FK_accounts_participant' })
  participant?: Participant;

  @Index('UQ_accounts_mentor', { unique: true })
  @Column({ type: 'integer', nullable: true })
  mentorId: number | null;

  @ManyToOne(() => Mentor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mentorId', foreignKeyConstraintName: 'FK_accounts_mentor' })
  mentor?: Mentor;

  @CreateDateColumn({ type: INSTANT_COLUMN_TYPE })
  createdAt: Date;

  @UpdateDateColumn({ type: INSTANT_COLUMN_TYPE })
  updatedAt: Date;
}
