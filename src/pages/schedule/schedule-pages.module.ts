import { Module } from '@nestjs/common';
import { AttendanceModule } from '../../attendance/attendance.module';
import { SchedulesModule } from '../../schedules/schedules.module';
import { PageSharedModule } from '../shared/page-shared.module';
import { ScheduleController } from './schedule.controller';

@Module({
  imports: [PageSharedModule, SchedulesModule, AttendanceModule],
  controllers: [ScheduleController],
})
export class SchedulePagesModule {}
