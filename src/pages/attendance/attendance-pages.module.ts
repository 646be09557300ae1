import { Module } from '@nestjs/common';
import { PublishedSessionsModule } from '../../agendas/published-sessions.module';
import { AttendanceModule } from '../../attendance/attendance.module';
import { CheckInController } from '../check-in/check-in.controller';
import { PageSharedModule } from '../shared/page-shared.module';
import { RosterController } from './roster.controller';
import { SessionSummaries } from './session-summary';

/** Attendance at the door (staff) and a participant's own check-in. */
@Module({
  imports: [PageSharedModule, AttendanceModule, PublishedSessionsModule],
  controllers: [RosterController, CheckInController],
  providers: [SessionSummaries],
})
export class AttendancePagesModule {}
