import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../common/http/pagination';
import { NormalizeEmail } from '../common/validation/email';
import { MayOmit } from '../common/validation/may-omit';
import { ROLES, Role, Account } from './account.entity';

export const MIN_PASSWORD_LENGTH = 12;

export const ACCOUNT_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export function statusOf(account: Account): AccountStatus {
  if (account.deactivatedAt) {
    return 'deactivated';
  }
  return account.passwordHash ? 'active' : 'invited';
}

export class InviteDto {
  @ApiProperty({ example: 'coordinator@tyumen-city.example.ru' })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ROLES, example: 'host' })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({
    example: 'Кузнецова Марина Олеговна',
    description: 'Required unless the account is linked to a participant or a mentor',
  })
  @MayOmit()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  fullName?: string;

  @ApiPropertyOptional({ example: 12, description: 'Required for the participant role' })
  @MayOmit()
  @IsInt()
  @Min(1)
  participantId?: number;

  @ApiPropertyOptional({ example: 3, description: 'Required for the mentor role' })
  @MayOmit()
  @IsInt()
  @Min(1)
  mentorId?: number;

  @ApiPropertyOptional({ example: [2], type: [Number], description: 'Host role: stages it hosts' })
  @MayOmit()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  stageIds?: number[];
}

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The token of the invitation link' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, example: 'correct horse battery staple' })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  password: string;
}

export class PasswordResetDto {
  @ApiProperty({ example: 'ivanova@example.ru' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email: string;
}

export class PasswordResetResponse {
  @ApiProperty({
    example: 'If an active account has this address, a link to set a new password is on its way',
  })
  message: string;
}

export class UpdateAccountDto {
  @ApiPropertyOptional({
    enum: ['active', 'deactivated'],
    description: 'deactivated: the account cannot sign in and its tokens stop working at once',
  })
  @MayOmit()
  @IsIn(['active', 'deactivated'])
  status?: 'active' | 'deactivated';

  @ApiPropertyOptional({ example: 'Кузнецова Марина Олеговна' })
  @MayOmit()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  fullName?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  newPassword: string;
}

export class ListAccountsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class AccountResponse {
  @ApiProperty({ example: 5 })
  id: number;

  @ApiProperty({ example: 'coordinator@tyumen-city.example.ru' })
  email: string;

  @ApiProperty({ example: 'Кузнецова Марина Олеговна' })
  fullName: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({
    enum: ACCOUNT_STATUSES,
    description: 'invited until a password is set; deactivated accounts cannot sign in',
  })
  status: AccountStatus;

  @ApiProperty({ nullable: true, type: Number })
  participantId: number | null;

  @ApiProperty({ nullable: true, type: Number })
  mentorId: number | null;

  @ApiProperty()
  createdAt: Date;

  static from(account: Account): AccountResponse {
    return {
      id: account.id,
      email: account.email,
      fullName: account.fullName,
      role: account.role,
      status: statusOf(account),
      participantId: account.participantId,
      mentorId: account.mentorId,
      createdAt: account.createdAt,
    };
  }
}

export class InvitationResponse {
  @ApiProperty({ type: AccountResponse })
  account: AccountResponse;

  @ApiProperty({
    description: 'Link to send to the person (until mail is sent by the service itself)',
    example: 'http://localhost:3000/accept-invitation?token=…',
  })
  invitationUrl: string;

  @ApiProperty({ description: 'The one-time token inside the link' })
  token: string;

  @ApiProperty()
  expiresAt: Date;
}
