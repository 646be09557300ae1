import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { INSTANT_COLUMN_TYPE } from '../database/column-types';
import { Account } from './account.entity';
import { Audited } from '../audit/audited';

export const INVITATION_PURPOSES = ['invitation', 'password_reset'] as const;
export type InvitationPurpose = (typeof INVITATION_PURPOSES)[number];

/**
 * A one-time, expiring link to set the password of an account: an invitation, or a password
 * reset the account asked for. Only a hash is kept.
 */
@Entity('invitations')
@Audited({ omit: ['tokenHash'] })
@Unique('UQ_invitations_token_hash', ['tokenHash'])
export class Invitation {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_invitations_account')
  @Column({ type: 'integer' })
  accountId: number;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'accountId', foreignKeyConstraintName: 'FK_invitations_account' })
  account?: Account;

  /** SHA-256 of the token, hex. */
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 20, default: 'invitation' })
  purpose: InvitationPurpose;

  @Column({ type: INSTANT_COLUMN_TYPE })
  expiresAt: Date;

  @Column({ type: INSTANT_COLUMN_TYPE, nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  invitedById: number | null;

  @CreateDateColumn({ type: INSTANT_COLUMN_TYPE })
  createdAt: Date;
}
