import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { INSTANT_COLUMN_TYPE } from '../database/column-types';
import { LOCALES, type Locale } from '../common/i18n/locale';

export { LOCALES, type Locale };

export const NOTIFICATION_RULES = [
  'stage_announcement',
  'evening_digest',
  'session_reminder',
  'meeting_reminder',
  'agenda_change',
  'invitation',
  'password_reset',
  'attendance_warning',
] as const;
export type NotificationRule = (typeof NOTIFICATION_RULES)[number];

/**
 * pending: waiting for its time or its next attempt; sending: claimed by a sender until
 * `leaseUntil`; sent; failed: every attempt failed (`lastError`); skipped: no longer useful
 * or no longer owed (`reason`).
 */
export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * One message owed to one recipient: the outbox. The unique key (rule, subject, recipient,
 * version) makes each exist once however many schedulers find it; a session's reminder has the
 * session's start as its version, so a moved session is reminded of anew.
 */
@Entity('notifications')
@Index('UQ_notifications_key', ['rule', 'subjectKey', 'recipientKey', 'version'], { unique: true })
@Index('IDX_notifications_due', ['status', 'nextAttemptAt'])
@Index('IDX_notifications_status_id', ['status', 'id'])
@Index('IDX_notifications_rule_id', ['rule', 'id'])
@Index('IDX_notifications_recipient', ['recipientKey', 'id'])
export class Notification {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  rule: NotificationRule;

  /** What it is about: `stage:2`, `session:7`, `stage:2:2025-11-18`, `agenda:2`, ... */
  @Column({ type: 'varchar', length: 100 })
  subjectKey: string;

  /** Who it is for: `participant:5`, `mentor:3` or `account:9`. */
  @Column({ type: 'varchar', length: 60 })
  recipientKey: string;

  @Column({ type: 'varchar', length: 60 })
  version: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 5 })
  locale: Locale;

  @Column({ type: 'varchar', length: 500 })
  subject: string;

  /** Plain text; a one-time link stands as `{link}` and lives in `secret` until sent. */
  @Column({ type: 'text' })
  body: string;

  /** An iCalendar file sent as a `text/calendar` attachment. */
  @Column({ type: 'text', nullable: true })
  calendar: string | null;

  /** A link that must not outlive its sending (a password link): erased once done. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  secret: string | null;

  /** Derived from the key: a message repeated after a crash carries the same Message-ID. */
  @Column({ type: 'varchar', length: 200 })
  messageId: string;

  @Column({ type: 'varchar', length: 20 })
  status: NotificationStatus;

  /** When it was owed. */
  @Column({ type: INSTANT_COLUMN_TYPE })
  dueAt: Date;

  /** After this it is of no use (the session began) and is skipped rather than sent. */
  @Column({ type: INSTANT_COLUMN_TYPE, nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: INSTANT_COLUMN_TYPE })
  nextAttemptAt: Date;

  @Column({ type: INSTANT_COLUMN_TYPE, nullable: true })
  leaseUntil: Date | null;

  /** Which claim holds it: a sender whose lease ran out cannot mark what another took over. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  claimToken: string | null;

  /** How it was delivered: `smtp`, or `log` when no mail server is configured. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  channel: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ type: INSTANT_COLUMN_TYPE, nullable: true })
  sentAt: Date | null;

  @Column({ type: INSTANT_COLUMN_TYPE })
  createdAt: Date;
}
