import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PublishedSessionsModule } from '../agendas/published-sessions.module';
import { PublishedSessionsService } from '../agendas/published-sessions.service';
import { MentorsModule } from '../mentors/mentors.module';
import { ParticipantsModule } from '../participants/participants.module';
import { CalendarFeed } from './calendar-feed.entity';
import { CalendarFeedsService } from './calendar-feeds.service';
import { SCHEDULE_SOURCES } from './schedule-entry';
import { SchedulesController } from './schedules.controller';
import { SchedulesService } from './schedules.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([CalendarFeed]),
    PublishedSessionsModule,
    ParticipantsModule,
    MentorsModule,
  ],
  controllers: [SchedulesController],
  providers: [
    SchedulesService,
    CalendarFeedsService,
    {
      provide: SCHEDULE_SOURCES,
      inject: [PublishedSessionsService],
      useFactory: (...sources: PublishedSessionsService[]) => sources,
    },
  ],
  exports: [SchedulesService, CalendarFeedsService],
})
export class SchedulesModule {}
