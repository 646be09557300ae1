import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { Audited } from '../audit/audited';
import { INSTANT_COLUMN_TYPE } from '../database/column-types';
import type { Locale } from './notification.entity';

/** What an account wants to be reminded of; an account without a row takes the defaults. */
@Entity('notification_preferences')
@Audited()
export class NotificationPreference {
  @PrimaryColumn({ type: 'integer' })
  accountId: number;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'accountId',
    foreignKeyConstraintName: 'FK_notification_preferences_account',
  })
  account?: Account;

  @Column({ type: 'boolean', default: true })
  sessionReminders: boolean;

  @Column({ type: 'boolean', default: true })
  eveningDigest: boolean;

  @Column({ type: 'boolean', default: true })
  meetingReminders: boolean;

  /** The language of messages; null: the participant's own, else Russian. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  locale: Locale | null;

  @Column({ type: INSTANT_COLUMN_TYPE })
  updatedAt: Date;
}
