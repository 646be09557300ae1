import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { NormalizeEmail } from '../common/validation/email';
import { PageQuery } from '../common/http/pagination';
import { Mentor } from './mentor.entity';
import { Trim } from '../common/validation/trim';

export class CreateMentorDto {
  @ApiProperty({ example: 'Смирнова Ольга Викторовна' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  fullName: string;

  @ApiProperty({ example: 'Заместитель главы города Тюмени' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  position: string;

  @ApiProperty({ example: 'Администрация города Тюмени' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  organization: string;

  @ApiPropertyOptional({
    nullable: true,
    example: 'Градостроительство, комплексное развитие территорий, инвестиционные проекты',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  expertise?: string | null;

  @ApiProperty({ example: 'o.smirnova@tyumen-city.ru', description: 'Unique, case-insensitively' })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ nullable: true, example: '+7 (3452) 51-00-00' })
  @IsOptional()
  @IsString()
  @Length(5, 32)
  @Matches(/^[0-9 +()-]*$/, {
    message: 'phone may contain only digits, spaces, +, - and parentheses',
  })
  phone?: string | null;
}

export class UpdateMentorDto extends PartialType(CreateMentorDto, {
  skipNullProperties: false,
}) {}

export class ListMentorsQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Finds mentors by name, organization or email, case-insensitively',
    example: 'смирнова',
  })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

export class MentorResponse {
  @ApiProperty({ example: 1 })
  id: number;

  @ApiProperty({ example: 'Смирнова Ольга Викторовна' })
  fullName: string;

  @ApiProperty({ example: 'Заместитель главы города Тюмени' })
  position: string;

  @ApiProperty({ example: 'Администрация города Тюмени' })
  organization: string;

  @ApiProperty({ nullable: true, type: String })
  expertise: string | null;

  @ApiProperty({
    example: 'o.smirnova@tyumen-city.ru',
    required: false,
    description: 'Only for organizers and the mentor itself; otherwise absent',
  })
  email?: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '+7 (3452) 51-00-00',
    required: false,
    description: 'Only for organizers and the mentor itself; otherwise absent',
  })
  phone?: string | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  /** `contacts: false` leaves the email and phone keys out of the JSON, not null. */
  static from(mentor: Mentor, { contacts }: { contacts: boolean }): MentorResponse {
    return {
      id: mentor.id,
      fullName: mentor.fullName,
      position: mentor.position,
      organization: mentor.organization,
      expertise: mentor.expertise,
      ...(contacts ? { email: mentor.email, phone: mentor.phone } : {}),
      createdAt: mentor.createdAt,
      updatedAt: mentor.updatedAt,
    };
  }
}
