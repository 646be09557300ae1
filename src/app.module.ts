import { Module, Type } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { RouterModule } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { AccessModule } from './access/access.module';
import { AgendasModule } from './agendas/agendas.module';
import { AccountsModule } from './accounts/accounts.module';
import { AttendanceModule } from './attendance/attendance.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CohortsModule } from './cohorts/cohorts.module';
import { SearchModule } from './common/search/search.module';
import { TimeModule } from './common/time/time.module';
import { API_PREFIX } from './api-prefix';
import { validateEnvironment } from './config/environment';
import { loggingOptions } from './config/logging';
import { DatabaseModule } from './database/database.module';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { HealthModule } from './health/health.module';
import { MeetingsModule } from './meetings/meetings.module';
import { MentorsModule } from './mentors/mentors.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PagesModule } from './pages/pages.module';
import { ParticipantsModule } from './participants/participants.module';
import { ProgramsModule } from './programs/programs.module';
import { SchedulesModule } from './schedules/schedules.module';
import { SessionsModule } from './sessions/sessions.module';
import { StagesModule } from './stages/stages.module';

/** The modules whose controllers answer JSON under `/api`; the web pages live outside it. */
const API_MODULES: Type[] = [
  HealthModule,
  AuthModule,
  AccountsModule,
  AuditModule,
  ProgramsModule,
  CohortsModule,
  StagesModule,
  SessionsModule,
  AgendasModule,
  SchedulesModule,
  AttendanceModule,
  ParticipantsModule,
  EnrollmentsModule,
  MentorsModule,
  MeetingsModule,
  NotificationsModule,
];

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnvironment }),
    LoggerModule.forRootAsync({ inject: [ConfigService], useFactory: loggingOptions }),
    ScheduleModule.forRoot(),
    DatabaseModule,
    TimeModule,
    SearchModule,
    HealthModule,
    AuthModule,
    AccessModule,
    AccountsModule,
    AuditModule,
    ProgramsModule,
    CohortsModule,
    StagesModule,
    SessionsModule,
    AgendasModule,
    SchedulesModule,
    AttendanceModule,
    ParticipantsModule,
    EnrollmentsModule,
    MentorsModule,
    MeetingsModule,
    NotificationsModule,
    RouterModule.register(API_MODULES.map((module) => ({ path: API_PREFIX, module }))),
    PagesModule,
  ],
})
export class AppModule {}
