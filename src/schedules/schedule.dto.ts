import { BadRequestException } from '@nestjs/common';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PageQuery } from '../common/http/pagination';
import { isValidLocalDate, parseInstant } from '../common/time/time';
import { IsDateOrInstant } from '../common/validation/time-validators';
import { ScheduleBound, ScheduleRange } from './schedule-entry';

/** The range of a schedule's calendar file. */
export class CalendarQuery {
  @ApiPropertyOptional({
    example: '2025-11-18',
    description:
      'A local date (entries starting on it or later, by each stage’s own calendar) or an ' +
      'instant with its offset (entries ending after it)',
  })
  @IsOptional()
  @IsDateOrInstant()
  from?: string;

  @ApiPropertyOptional({
    example: '2025-11-20',
    description:
      'A local date (entries starting on it or earlier) or an instant with its offset ' +
      '(entries starting before it)',
  })
  @IsOptional()
  @IsDateOrInstant()
  to?: string;
}

export class ScheduleQuery extends IntersectionType(PageQuery, CalendarQuery) {}

function boundOf(value: string | undefined): ScheduleBound | undefined {
  if (value === undefined) {
    return undefined;
  }
  return isValidLocalDate(value) ? { date: value } : { instant: parseInstant(value, 'UTC') };
}

/** The range of `from`/`to`; 400 when it ends before it starts. */
export function rangeOf(query: { from?: string; to?: string }): ScheduleRange {
  const range = { from: boundOf(query.from), to: boundOf(query.to) };
  const { from, to } = range;
  const endsBeforeItStarts =
    from &&
    to &&
    ('date' in from && 'date' in to
      ? to.date < from.date
      : 'instant' in from && 'instant' in to && to.instant < from.instant);
  if (endsBeforeItStarts) {
    throw new BadRequestException(['to must not be before from']);
  }
  return range;
}
