import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '../notifications/outbox.module';
import { SessionsModule } from '../sessions/sessions.module';
import { StagesModule } from '../stages/stages.module';
import { AgendaVersion } from './agenda-version.entity';
import { AgendaCalendarController, AgendasController } from './agendas.controller';
import { AgendasService } from './agendas.service';
import { PublishedSessionsModule } from './published-sessions.module';

@Module({
  imports: [
    TypeOrmModule.forFeature([AgendaVersion]),
    StagesModule,
    SessionsModule,
    PublishedSessionsModule,
    OutboxModule,
  ],
  controllers: [AgendasController, AgendaCalendarController],
  providers: [AgendasService],
  exports: [AgendasService],
})
export class AgendasModule {}
