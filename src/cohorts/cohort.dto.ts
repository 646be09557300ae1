import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../common/http/pagination';
import { Cohort } from './cohort.entity';

export class CreateCohortDto {
  @ApiProperty({ example: '2025, поток 1', description: 'Unique within the program' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;
}

export class UpdateCohortDto extends PartialType(CreateCohortDto, {
  skipNullProperties: false,
}) {}

export class ListCohortsQuery extends PageQuery {}

export class CohortResponse {
  @ApiProperty({ example: 1 })
  id: number;

  @ApiProperty({ example: 1 })
  programId: number;

  @ApiProperty({ example: '2025, поток 1' })
  title: string;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  static from(cohort: Cohort): CohortResponse {
    return {
      id: cohort.id,
      programId: cohort.programId,
      title: cohort.title,
      createdAt: cohort.createdAt,
      updatedAt: cohort.updatedAt,
    };
  }
}
