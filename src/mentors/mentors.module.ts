import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MentorAssignment } from './mentor-assignment.entity';
import { Mentor } from './mentor.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Mentor, MentorAssignment])],
})
export class MentorsModule {}
