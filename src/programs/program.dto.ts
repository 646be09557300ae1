import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MayOmit } from '../common/validation/may-omit';
import { PageQuery } from '../common/http/pagination';
import { PROGRAM_STATUSES, Program, ProgramStatus } from './program.entity';

export class CreateProgramDto {
  @ApiProperty({ example: 'Школа мэров' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({
    example: 'Программа развития управленческих команд муниципальных образований',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @ApiProperty({
    example:
      'Высшая школа государственного управления РАНХиГС, Всероссийская ассоциация развития местного самоуправления',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  organizer: string;

  @ApiPropertyOptional({ enum: PROGRAM_STATUSES, default: 'draft' })
  @MayOmit()
  @IsIn(PROGRAM_STATUSES)
  status?: ProgramStatus;

  @ApiPropertyOptional({
    description: 'Share of mandatory sessions (percent) a participant attends to complete',
    minimum: 1,
    maximum: 100,
    default: 80,
  })
  @MayOmit()
  @IsInt()
  @Min(1)
  @Max(100)
  requiredAttendancePercent?: number;
}

export class UpdateProgramDto extends PartialType(CreateProgramDto, {
  skipNullProperties: false,
}) {}

export class ListProgramsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PROGRAM_STATUSES })
  @IsOptional()
  @IsIn(PROGRAM_STATUSES)
  status?: ProgramStatus;
}

export class ProgramResponse {
  @ApiProperty({ example: 1 })
  id: number;

  @ApiProperty({ example: 'Школа мэров' })
  title: string;

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ example: 'Высшая школа государственного управления РАНХиГС' })
  organizer: string;

  @ApiProperty({ enum: PROGRAM_STATUSES })
  status: ProgramStatus;

  @ApiProperty({ example: 80 })
  requiredAttendancePercent: number;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  static from(program: Program): ProgramResponse {
    return {
      id: program.id,
      title: program.title,
      description: program.description,
      organizer: program.organizer,
      status: program.status,
      requiredAttendancePercent: program.requiredAttendancePercent,
      createdAt: program.createdAt,
      updatedAt: program.updatedAt,
    };
  }
}
