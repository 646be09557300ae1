import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CohortsModule } from '../cohorts/cohorts.module';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { ParticipantsModule } from '../participants/participants.module';
import { MentorAssignment } from './mentor-assignment.entity';
import { MentorAssignmentsController } from './mentor-assignments.controller';
import { MentorAssignmentsService } from './mentor-assignments.service';
import { Mentor } from './mentor.entity';
import { MentorsController } from './mentors.controller';
import { MentorsService } from './mentors.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Mentor, MentorAssignment]),
    CohortsModule,
    ParticipantsModule,
    EnrollmentsModule,
  ],
  controllers: [MentorsController, MentorAssignmentsController],
  providers: [MentorsService, MentorAssignmentsService],
  exports: [MentorsService, MentorAssignmentsService],
})
export class MentorsModule {}
