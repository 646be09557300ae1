import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Account } from '../accounts/account.entity';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from '../config/environment';
import { MailChannel, mailChannelFrom } from './mail-channel';
import { NotificationPreference } from './notification-preference.entity';
import { NotificationScheduler } from './notification-scheduler';
import { NotificationSender } from './notification-sender';
import { Notification } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsJob } from './notifications.job';
import { NotificationsService } from './notifications.service';
import { OutboxModule } from './outbox.module';
import { AttendanceWarningNotices } from './rules/attendance-warning-notices';
import { EveningDigests } from './rules/evening-digests';
import { MeetingReminders } from './rules/meeting-reminders';
import { NOTIFICATION_FINDERS } from './rules/notification-finder';
import { SessionReminders } from './rules/session-reminders';
import { StageAnnouncements } from './rules/stage-announcements';
import { StillOwed } from './still-owed';

const FINDERS = [
  StageAnnouncements,
  EveningDigests,
  SessionReminders,
  MeetingReminders,
  AttendanceWarningNotices,
];

/** Reminders and notices: the rules, the job that runs them, delivery, and their HTTP side. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Notification, NotificationPreference, Account]),
    OutboxModule,
  ],
  controllers: [NotificationsController],
  providers: [
    ...FINDERS,
    {
      provide: NOTIFICATION_FINDERS,
      inject: FINDERS,
      useFactory: (...finders: InstanceType<(typeof FINDERS)[number]>[]) => finders,
    },
    {
      provide: MailChannel,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => mailChannelFrom(config),
    },
    StillOwed,
    NotificationSender,
    NotificationScheduler,
    NotificationsJob,
    NotificationsService,
  ],
  exports: [NotificationScheduler, NotificationsService],
})
export class NotificationsModule {}
