import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { AttendanceEvidenceModule } from '../attendance/attendance-evidence.module';
import { CohortsModule } from '../cohorts/cohorts.module';
import { StageHostsController } from './stage-hosts.controller';
import { StageHostsService } from './stage-hosts.service';
import { Stage } from './stage.entity';
import { StagesController } from './stages.controller';
import { StagesService } from './stages.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Stage]),
    CohortsModule,
    AccountsModule,
    AttendanceEvidenceModule,
  ],
  controllers: [StagesController, StageHostsController],
  providers: [StagesService, StageHostsService],
  exports: [StagesService],
})
export class StagesModule {}
