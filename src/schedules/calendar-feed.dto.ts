import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsInt, Max, Min, ValidateIf } from 'class-validator';

export class UpdateCalendarFeedDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 30,
    description: 'A reminder in the feed this many minutes before each session; null for none',
  })
  @ValidateIf((_dto, value) => value !== null)
  @IsDefined({
    message: 'alarmMinutesBefore is required: minutes before each session, or null for none',
  })
  @IsInt()
  @Min(1)
  @Max(10080)
  alarmMinutesBefore: number | null;
}

export class CalendarFeedResponse {
  @ApiProperty({ example: 'https://school.example.ru/api/calendar/3q2w….ics' })
  url: string;

  @ApiProperty({ example: 'webcal://school.example.ru/api/calendar/3q2w….ics' })
  webcalUrl: string;

  @ApiProperty({ nullable: true, type: Number, example: 30 })
  alarmMinutesBefore: number | null;

  @ApiProperty({ description: 'When the link or its reminder last changed' })
  updatedAt: string;
}
