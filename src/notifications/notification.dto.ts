import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_INTEGER } from '../common/http/input-problems';
import { PageQuery } from '../common/http/pagination';
import { MayOmit } from '../common/validation/may-omit';
import { NotificationPreference } from './notification-preference.entity';
import {
  LOCALES,
  Locale,
  NOTIFICATION_RULES,
  NOTIFICATION_STATUSES,
  Notification,
  NotificationRule,
  NotificationStatus,
} from './notification.entity';

export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES })
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES)
  status?: NotificationStatus;

  @ApiPropertyOptional({ enum: NOTIFICATION_RULES })
  @IsOptional()
  @IsIn(NOTIFICATION_RULES)
  rule?: NotificationRule;

  @ApiPropertyOptional({ description: 'Organizers: the messages to this participant' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INTEGER)
  participantId?: number;

  @ApiPropertyOptional({ description: 'Organizers: the messages to this mentor' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INTEGER)
  mentorId?: number;

  @ApiPropertyOptional({ description: 'Organizers: the messages to this account' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INTEGER)
  accountId?: number;
}

export class NotificationResponse {
  @ApiProperty({ example: 12 })
  id: number;

  @ApiProperty({ enum: NOTIFICATION_RULES })
  rule: NotificationRule;

  @ApiProperty({ example: 'session:7', description: 'What it is about' })
  subjectKey: string;

  @ApiProperty({ example: 'participant:5', description: 'Who it is for' })
  recipientKey: string;

  @ApiProperty({ example: '2025-11-18T05:00:00.000Z' })
  version: string;

  @ApiProperty({ example: 'ivanova@example.ru' })
  email: string;

  @ApiProperty({ enum: LOCALES })
  locale: Locale;

  @ApiProperty()
  subject: string;

  @ApiProperty({ description: 'The text; a one-time link shows as {link}' })
  body: string;

  @ApiProperty({ description: 'Whether a calendar file is attached' })
  hasCalendar: boolean;

  @ApiProperty({ enum: NOTIFICATION_STATUSES })
  status: NotificationStatus;

  @ApiProperty({ description: 'When it was owed' })
  dueAt: Date;

  @ApiProperty({ nullable: true, type: Date, description: 'Skipped if not sent by then' })
  expiresAt: Date | null;

  @ApiProperty({ example: 1 })
  attempts: number;

  @ApiProperty({ description: 'When the next attempt is made, while pending' })
  nextAttemptAt: Date;

  @ApiProperty({ nullable: true, type: Date })
  sentAt: Date | null;

  @ApiProperty({ nullable: true, type: String, example: 'smtp', description: 'smtp or log' })
  channel: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'The last failure' })
  lastError: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Why it was skipped' })
  reason: string | null;

  @ApiProperty({ example: '<session_reminder.3f2a…@example.ru>' })
  messageId: string;

  @ApiProperty()
  createdAt: Date;

  static from(row: Notification): NotificationResponse {
    return {
      id: row.id,
      rule: row.rule,
      subjectKey: row.subjectKey,
      recipientKey: row.recipientKey,
      version: row.version,
      email: row.email,
      locale: row.locale,
      subject: row.subject,
      body: row.body,
      hasCalendar: row.calendar !== null,
      status: row.status,
      dueAt: row.dueAt,
      expiresAt: row.expiresAt,
      attempts: row.attempts,
      nextAttemptAt: row.nextAttemptAt,
      sentAt: row.sentAt,
      channel: row.channel,
      lastError: row.lastError,
      reason: row.reason,
      messageId: row.messageId,
      createdAt: row.createdAt,
    };
  }
}

export class NotificationPreferencesDto {
  @ApiPropertyOptional({ description: 'A reminder before each session' })
  @MayOmit()
  @IsBoolean()
  sessionReminders?: boolean;

  @ApiPropertyOptional({ description: 'The evening digest of the next day’s sessions' })
  @MayOmit()
  @IsBoolean()
  eveningDigest?: boolean;

  @ApiPropertyOptional({ description: 'A reminder before each mentoring meeting' })
  @MayOmit()
  @IsBoolean()
  meetingReminders?: boolean;

  @ApiPropertyOptional({
    enum: LOCALES,
    nullable: true,
    description: 'The language of messages; null: the participant’s own, else Russian',
  })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale | null;
}

export class NotificationPreferencesResponse {
  @ApiProperty()
  sessionReminders: boolean;

  @ApiProperty()
  eveningDigest: boolean;

  @ApiProperty()
  meetingReminders: boolean;

  @ApiProperty({ enum: LOCALES, nullable: true })
  locale: Locale | null;

  static from(row: NotificationPreference | null): NotificationPreferencesResponse {
    return {
      sessionReminders: row?.sessionReminders ?? true,
      eveningDigest: row?.eveningDigest ?? true,
      meetingReminders: row?.meetingReminders ?? true,
      locale: row?.locale ?? null,
    };
  }
}
