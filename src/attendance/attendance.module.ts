import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PublishedSessionsModule } from '../agendas/published-sessions.module';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { AttendanceRecord } from './attendance-record.entity';
import { AttendanceWarning } from './attendance-warning.entity';
import { AttendanceController } from './attendance.controller';
import { AttendanceReports } from './attendance-reports.service';
import { AttendanceService } from './attendance.service';
import { AttendanceWarnings } from './attendance-warnings';
import { AttendedSessions } from './attended-sessions';
import { CheckInCode } from './check-in-code.entity';
import { CheckInCodes } from './check-in-codes.service';
import { CheckIns } from './check-ins.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([AttendanceRecord, CheckInCode, AttendanceWarning]),
    RateLimitsModule,
    PublishedSessionsModule,
  ],
  controllers: [AttendanceController],
  providers: [
    AttendanceService,
    AttendanceReports,
    AttendanceWarnings,
    AttendedSessions,
    CheckInCodes,
    CheckIns,
  ],
  exports: [AttendanceService, AttendanceReports, AttendedSessions, CheckInCodes, CheckIns],
})
export class AttendanceModule {}
