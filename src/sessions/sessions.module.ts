import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PublishedSessionsModule } from '../agendas/published-sessions.module';
import { AttendanceEvidenceModule } from '../attendance/attendance-evidence.module';
import { StagesModule } from '../stages/stages.module';
import { Session } from './session.entity';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Session]),
    StagesModule,
    PublishedSessionsModule,
    AttendanceEvidenceModule,
  ],
  controllers: [SessionsController],
  providers: [SessionsService],
  exports: [SessionsService],
})
export class SessionsModule {}
