import { Module } from '@nestjs/common';
import { AdminPagesModule } from './admin/admin-pages.module';
import { SignInPagesModule } from './sign-in/sign-in-pages.module';
import { SchedulePagesModule } from './schedule/schedule-pages.module';
import { AttendancePagesModule } from './attendance/attendance-pages.module';
import { StagePagesModule } from './stages/stage-pages.module';

/** The web pages for people, outside `/api`: they call the same services as the API. */
@Module({
  imports: [
    AdminPagesModule,
    SignInPagesModule,
    SchedulePagesModule,
    AttendancePagesModule,
    StagePagesModule,
  ],
})
export class PagesModule {}
