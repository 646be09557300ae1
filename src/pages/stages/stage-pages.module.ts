import { Module } from '@nestjs/common';
import { AgendasModule } from '../../agendas/agendas.module';
import { SessionsModule } from '../../sessions/sessions.module';
import { StagesModule } from '../../stages/stages.module';
import { AgendaPagesController } from '../agenda/agenda.controller';
import { PageSharedModule } from '../shared/page-shared.module';
import { StagePagesController } from './stages.controller';

/** The host's stage pages and the public agenda: the pages of a stage's agenda. */
@Module({
  imports: [PageSharedModule, StagesModule, SessionsModule, AgendasModule],
  controllers: [StagePagesController, AgendaPagesController],
})
export class StagePagesModule {}
