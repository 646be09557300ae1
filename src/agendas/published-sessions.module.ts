import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PublishedSession, PublishedSessionMentor } from './published-session.entity';
import { SessionPages } from '../sessions/session-json';
import { PublishedSessionsService } from './published-sessions.service';

/** The sessions of the latest published agendas, read by participants, mentors and the public. */
@Module({
  imports: [TypeOrmModule.forFeature([PublishedSession, PublishedSessionMentor])],
  providers: [PublishedSessionsService, SessionPages],
  exports: [PublishedSessionsService, SessionPages],
})
export class PublishedSessionsModule {}
