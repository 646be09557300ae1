import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  Min,
} from 'class-validator';
import { MayOmit } from '../common/validation/may-omit';
import { PageQuery } from '../common/http/pagination';
import { toLocalDateTime } from '../common/time/time';
import { IsDateTimeInput, IsLocalDate } from '../common/validation/time-validators';
import { Mentor } from '../mentors/mentor.entity';
import { Stage } from '../stages/stage.entity';
import {
  SESSION_STATUSES,
  SESSION_TYPES,
  Session,
  SessionStatus,
  SessionType,
} from './session.entity';
import { Trim } from '../common/validation/trim';
import { Conflict } from './conflicts';

export class CreateSessionDto {
  @ApiProperty({ example: 'Бренд-бук города: как Тюмень рассказывает о себе' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ example: 'Опыт департамента по связям с общественностью' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string | null;

  @ApiProperty({ enum: SESSION_TYPES, example: 'lecture' })
  @IsIn(SESSION_TYPES)
  type: SessionType;

  @ApiPropertyOptional({
    enum: SESSION_STATUSES,
    default: 'scheduled',
    description: 'A cancelled session stays in the published agenda, marked, until removed',
  })
  @MayOmit()
  @IsIn(SESSION_STATUSES)
  status?: SessionStatus;

  @ApiProperty({
    example: '2025-11-18T10:00',
    description:
      'Without an offset: wall-clock time in the stage’s zone. With an offset or Z: that instant.',
  })
  @IsDateTimeInput()
  startsAt: string;

  @ApiProperty({ example: '2025-11-18T11:30' })
  @IsDateTimeInput()
  endsAt: string;

  @ApiPropertyOptional({ example: 'Технопарк «Западно-Сибирский инновационный центр»' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  venue?: string | null;

  @ApiPropertyOptional({ example: 'Тюмень, ул. Республики, 142' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;

  @ApiPropertyOptional({ example: 'https://meet.example.ru/room/urban-forum' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  onlineUrl?: string | null;

  @ApiPropertyOptional({
    example: 'Круглый стол 1',
    description: 'Parallel sessions carry different tracks; sessions of one track never overlap',
  })
  @Trim()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  track?: string | null;

  @ApiPropertyOptional({ default: true })
  @MayOmit()
  @IsBoolean()
  isMandatory?: boolean;

  @ApiPropertyOptional({ example: 40, minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  capacity?: number | null;

  @ApiPropertyOptional({ example: ['Заместитель главы города Тюмени'], type: [String] })
  @MayOmit()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(300, { each: true })
  speakers?: string[];

  @ApiPropertyOptional({ example: [3], type: [Number], description: 'Mentors who lead it' })
  @MayOmit()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  mentorIds?: number[];
}

export class UpdateSessionDto extends PartialType(CreateSessionDto, {
  skipNullProperties: false,
}) {}

export class ListSessionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SESSION_TYPES })
  @IsOptional()
  @IsIn(SESSION_TYPES)
  type?: SessionType;

  @ApiPropertyOptional({ example: 'Круглый стол 1' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  track?: string;

  @ApiPropertyOptional({ example: '2025-11-18', description: 'A day of the stage, local date' })
  @IsOptional()
  @IsLocalDate()
  date?: string;
}

export class SessionLeader {
  @ApiProperty({ example: 3 })
  id: number;

  @ApiProperty({ example: 'Сидоров Андрей Викторович' })
  fullName: string;

  @ApiProperty({ example: 'Заместитель главы города Тюмени' })
  position: string;

  static from(mentor: Mentor): SessionLeader {
    return { id: mentor.id, fullName: mentor.fullName, position: mentor.position };
  }
}

export class SessionResponse {
  @ApiProperty({ example: 7 })
  id: number;

  @ApiProperty({ example: 2 })
  stageId: number;

  @ApiProperty()
  title: string;

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ enum: SESSION_TYPES })
  type: SessionType;

  @ApiProperty({ enum: SESSION_STATUSES })
  status: SessionStatus;

  @ApiProperty({ example: '2025-11-18T05:00:00.000Z', description: 'UTC instant' })
  startsAt: string;

  @ApiProperty({ example: '2025-11-18T06:30:00.000Z', description: 'UTC instant' })
  endsAt: string;

  @ApiProperty({ example: '2025-11-18T10:00:00', description: 'Wall clock in timeZone' })
  startsAtLocal: string;

  @ApiProperty({ example: '2025-11-18T11:30:00', description: 'Wall clock in timeZone' })
  endsAtLocal: string;

  @ApiProperty({ example: 'Asia/Yekaterinburg' })
  timeZone: string;

  @ApiProperty({ nullable: true, type: String })
  venue: string | null;

  @ApiProperty({ nullable: true, type: String })
  address: string | null;

  @ApiProperty({ nullable: true, type: String })
  onlineUrl: string | null;

  @ApiProperty({ nullable: true, type: String })
  track: string | null;

  @ApiProperty()
  isMandatory: boolean;

  @ApiProperty({ nullable: true, type: Number })
  capacity: number | null;

  @ApiProperty({ type: [String] })
  speakers: string[];

  @ApiProperty({ type: [SessionLeader] })
  mentors: SessionLeader[];

  static from(session: Session, stage: Pick<Stage, 'timeZone'>): SessionResponse {
    return {
      id: session.id,
      stageId: session.stageId,
      title: session.title,
      description: session.description,
      type: session.type,
      status: session.status,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      startsAtLocal: toLocalDateTime(session.startsAt, stage.timeZone),
      endsAtLocal: toLocalDateTime(session.endsAt, stage.timeZone),
      timeZone: stage.timeZone,
      venue: session.venue,
      address: session.address,
      onlineUrl: session.onlineUrl,
      track: session.track,
      isMandatory: session.isMandatory,
      capacity: session.capacity,
      speakers: session.speakers,
      mentors: (session.mentors ?? []).map(SessionLeader.from),
    };
  }
}

/** A written session, with the conflicts it now takes part in (the write is kept). */
export class SessionWriteResponse extends SessionResponse {
  @ApiProperty({ type: [Conflict] })
  warnings: Conflict[];
}
