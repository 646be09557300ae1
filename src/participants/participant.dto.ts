import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { NormalizeEmail } from '../common/validation/email';
import { MayOmit } from '../common/validation/may-omit';
import { PageQuery } from '../common/http/pagination';
import { Participant } from './participant.entity';
import { Trim } from '../common/validation/trim';

export const PARTICIPANT_LOCALES = ['ru', 'en'] as const;
export type ParticipantLocale = (typeof PARTICIPANT_LOCALES)[number];

export class CreateParticipantDto {
  @ApiProperty({ example: 'Иванов Пётр Сергеевич' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  fullName: string;

  @ApiProperty({ example: 'Глава Ялуторовского района' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  position: string;

  @ApiProperty({ example: 'Ялуторовский район' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  municipality: string;

  @ApiProperty({ example: 'Тюменская область' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  region: string;

  @ApiProperty({
    example: 'p.ivanov@yalutorovsk.ru',
    description: 'Unique, case-insensitive; stored trimmed and in lower case',
  })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({
    example: '+7 3452 00-00-00',
    nullable: true,
    type: String,
    description: 'Digits, spaces, +, - and parentheses; 5 to 32 characters',
  })
  @IsOptional()
  @IsString()
  @Length(5, 32)
  @Matches(/^[0-9 +()-]*$/, {
    message: 'phone may contain only digits, spaces, +, - and parentheses',
  })
  phone?: string | null;

  @ApiPropertyOptional({ enum: PARTICIPANT_LOCALES, default: 'ru' })
  @MayOmit()
  @IsIn(PARTICIPANT_LOCALES)
  locale?: ParticipantLocale;
}

export class UpdateParticipantDto extends PartialType(CreateParticipantDto, {
  skipNullProperties: false,
}) {}

export class ListParticipantsQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Part of the name, municipality or email; case-insensitive, ё = е',
    example: 'иванов',
  })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ example: 'Тюменская область' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  region?: string;

  @ApiPropertyOptional({ description: 'Only participants enrolled in this cohort (any status)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  cohortId?: number;
}

export class ParticipantResponse {
  @ApiProperty({ example: 12 })
  id: number;

  @ApiProperty({ example: 'Иванов Пётр Сергеевич' })
  fullName: string;

  @ApiProperty({ example: 'Глава Ялуторовского района' })
  position: string;

  @ApiProperty({ example: 'Ялуторовский район' })
  municipality: string;

  @ApiProperty({ example: 'Тюменская область' })
  region: string;

  @ApiProperty({
    example: 'p.ivanov@yalutorovsk.ru',
    required: false,
    description: 'Only for organizers and the participant itself; otherwise absent',
  })
  email?: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '+7 3452 00-00-00',
    required: false,
    description: 'Only for organizers and the participant itself; otherwise absent',
  })
  phone?: string | null;

  @ApiProperty({ enum: PARTICIPANT_LOCALES })
  locale: string;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  /** `contacts: false` leaves the email and phone keys out of the JSON, not null. */
  static from(participant: Participant, { contacts }: { contacts: boolean }): ParticipantResponse {
    return {
      id: participant.id,
      fullName: participant.fullName,
      position: participant.position,
      municipality: participant.municipality,
      region: participant.region,
      ...(contacts ? { email: participant.email, phone: participant.phone } : {}),
      locale: participant.locale,
      createdAt: participant.createdAt,
      updatedAt: participant.updatedAt,
    };
  }
}
