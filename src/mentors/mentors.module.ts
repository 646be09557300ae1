import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Cohort } from '../cohorts/cohort.entity';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { Participant } from '../participants/participant.entity';
import { MentorAssignment } from './mentor-assignment.entity';
import { MentorAssignmentsController } from './mentor-assignments.controller';
import { MentorAssignmentsService } from './mentor-assignments.service';
import { Mentor } from './mentor.entity';
import { MentorsController } from './mentors.controller';
import { MentorsService } from './mentors.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Mentor, MentorAssignment, Cohort, Participant]),
    EnrollmentsModule,
  ],
  controllers: [MentorsController, MentorAssignmentsController],
  providers: [MentorsService, MentorAssignmentsService],
  exports: [MentorsService, MentorAssignmentsService],
})
export class MentorsModule {}
