import { Module } from '@nestjs/common';
import { AttendanceModule } from '../../attendance/attendance.module';
import { CohortsModule } from '../../cohorts/cohorts.module';
import { EnrollmentsModule } from '../../enrollments/enrollments.module';
import { MentorsModule } from '../../mentors/mentors.module';
import { NotificationsModule } from '../../notifications/notifications.module';
import { ParticipantsModule } from '../../participants/participants.module';
import { ProgramsModule } from '../../programs/programs.module';
import { StagesModule } from '../../stages/stages.module';
import { PageSharedModule } from '../shared/page-shared.module';
import { CohortPageController } from './cohort.controller';
import { NotificationsPageController } from './notifications.controller';
import { ParticipantsPageController } from './participants.controller';
import { ProgramsPagesController } from './programs.controller';
import { ReportPageController } from './report.controller';

/** The organizer's pages under `/admin`. */
@Module({
  imports: [
    PageSharedModule,
    ProgramsModule,
    CohortsModule,
    StagesModule,
    ParticipantsModule,
    EnrollmentsModule,
    MentorsModule,
    AttendanceModule,
    NotificationsModule,
  ],
  controllers: [
    ProgramsPagesController,
    CohortPageController,
    ReportPageController,
    ParticipantsPageController,
    NotificationsPageController,
  ],
})
export class AdminPagesModule {}
