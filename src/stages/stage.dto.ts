import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidationOptions,
  registerDecorator,
} from 'class-validator';
import { PageQuery } from '../common/http/pagination';
import { MayOmit } from '../common/validation/may-omit';
import { isValidLocalDate } from '../common/time/time';
import { IsIanaTimeZone, IsLocalDate } from '../common/validation/time-validators';
import { Stage } from './stage.entity';

export const MAX_STAGE_SEQUENCE = 1000;

/**
 * The local date is not before the one in `otherProperty` when both are sent. A PATCH that
 * sends one of them is checked against the stored other one by the service.
 */
function IsNotBeforeDateIn(otherProperty: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isNotBeforeDateIn',
      target: target.constructor,
      propertyName: propertyKey as string,
      constraints: [otherProperty],
      options: {
        message: ({ property }) => `${property} must not be before ${otherProperty}`,
        ...options,
      },
      validator: {
        validate(value: unknown, args): boolean {
          const other = (args?.object as Record<string, unknown>)[otherProperty];
          const comparable = (date: unknown): date is string =>
            typeof date === 'string' && isValidLocalDate(date);
          // A missing or malformed date is reported by its own rules, not as an order problem.
          return !comparable(value) || !comparable(other) || value >= other;
        },
      },
    });
}

export class CreateStageDto {
  @ApiProperty({ example: 2, minimum: 1, maximum: MAX_STAGE_SEQUENCE })
  @IsInt()
  @Min(1)
  @Max(MAX_STAGE_SEQUENCE)
  sequence: number;

  @ApiProperty({ example: 'Стажировка в Тюмени' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiProperty({ example: 'Тюмень' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  city: string;

  @ApiProperty({ example: 'Тюменская область' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  region: string;

  @ApiProperty({ example: 'Asia/Yekaterinburg', description: 'IANA time zone of the host city' })
  @IsIanaTimeZone()
  timeZone: string;

  @ApiPropertyOptional({ example: 'Технопарк «Западно-Сибирский инновационный центр»' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  venue?: string | null;

  @ApiPropertyOptional({ example: 'Тюмень, ул. Республики, 142' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  address?: string | null;

  @ApiProperty({ example: '2025-11-17', description: 'First day, local to the stage' })
  @IsLocalDate()
  startDate: string;

  @ApiProperty({
    example: '2025-11-20',
    description: 'Last day, local to the stage; not before startDate',
  })
  @IsLocalDate()
  @IsNotBeforeDateIn('startDate')
  endDate: string;

  @ApiPropertyOptional({ example: 'Администрация города Тюмени' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  hostOrganization?: string | null;

  @ApiPropertyOptional({ default: false, description: 'Anyone may read the published agenda' })
  @MayOmit()
  @IsBoolean()
  isPublic?: boolean;
}

export class UpdateStageDto extends PartialType(CreateStageDto, {
  skipNullProperties: false,
}) {}

export class ListStagesQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'Тюмень', description: 'Only stages in this city (exact name)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  city?: string;
}

export class StageResponse {
  @ApiProperty({ example: 1 })
  id: number;

  @ApiProperty({ example: 1 })
  cohortId: number;

  @ApiProperty({ example: 2 })
  sequence: number;

  @ApiProperty({ example: 'Стажировка в Тюмени' })
  title: string;

  @ApiProperty({ example: 'Тюмень' })
  city: string;

  @ApiProperty({ example: 'Тюменская область' })
  region: string;

  @ApiProperty({ example: 'Asia/Yekaterinburg' })
  timeZone: string;

  @ApiProperty({ nullable: true, type: String })
  venue: string | null;

  @ApiProperty({ nullable: true, type: String })
  address: string | null;

  @ApiProperty({ example: '2025-11-17' })
  startDate: string;

  @ApiProperty({ example: '2025-11-20' })
  endDate: string;

  @ApiProperty({ nullable: true, type: String })
  hostOrganization: string | null;

  @ApiProperty()
  isPublic: boolean;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  static from(stage: Stage): StageResponse {
    return {
      id: stage.id,
      cohortId: stage.cohortId,
      sequence: stage.sequence,
      title: stage.title,
      city: stage.city,
      region: stage.region,
      timeZone: stage.timeZone,
      venue: stage.venue,
      address: stage.address,
      startDate: stage.startDate,
      endDate: stage.endDate,
      hostOrganization: stage.hostOrganization,
      isPublic: stage.isPublic,
      createdAt: stage.createdAt,
      updatedAt: stage.updatedAt,
    };
  }
}
