import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Cohort } from './cohort.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Cohort])],
})
export class CohortsModule {}
