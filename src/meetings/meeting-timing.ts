import { keepWallClock, parseInstant, toLocalDate } from '../common/time/time';

export interface MeetingTimes {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  /** The local date of `startsAt` in `timeZone`. */
  localDate: string;
}

/** What every engine stores and ISO-8601 writes without a sign. */
const FIRST_INSTANT = new Date('0001-01-01T00:00:00Z');
const AFTER_LAST_INSTANT = new Date('+010000-01-01T00:00:00Z');
/** A local date every engine stores: years 0001 to 9999. */
const LOCAL_DATE_IN_RANGE = /^(?!0000)\d{4}-\d{2}-\d{2}$/;

/**
 * A meeting's times by the time rule: input without an offset is wall-clock time in the
 * meeting's zone, with an offset or `Z` that instant. A new zone without new times keeps the
 * wall clock (a wrong zone is corrected, not the meeting moved), as a stage's does. Lists what
 * breaks the rules, each problem starting with its field.
 */
export function readMeetingTimes(
  input: { startsAt?: string; endsAt?: string; timeZone?: string },
  current?: Pick<MeetingTimes, 'startsAt' | 'endsAt' | 'timeZone'>,
): { times: MeetingTimes; problems: string[] } {
  const timeZone = input.timeZone ?? current?.timeZone;
  if (timeZone === undefined) {
    throw new Error('A new meeting needs its time zone');
  }
  const read = (value: string | undefined, stored: Date | undefined): Date => {
    if (value !== undefined) {
      return parseInstant(value, timeZone);
    }
    if (!stored || !current) {
      throw new Error('A new meeting needs its start and end');
    }
    return keepWallClock(stored, current.timeZone, timeZone);
  };
  const startsAt = read(input.startsAt, current?.startsAt);
  const endsAt = read(input.endsAt, current?.endsAt);
  const problems: string[] = [];
  const inRange = (instant: Date) => instant >= FIRST_INSTANT && instant < AFTER_LAST_INSTANT;
  for (const [field, instant] of Object.entries({ startsAt, endsAt })) {
    if (!inRange(instant)) {
      problems.push(`${field} must lie in the years 1 to 9999 in UTC`);
    }
  }
  if (endsAt <= startsAt) {
    problems.push('endsAt must be after startsAt');
  }
  const localDate = inRange(startsAt) ? toLocalDate(startsAt, timeZone) : '';
  if (inRange(startsAt) && !LOCAL_DATE_IN_RANGE.test(localDate)) {
    problems.push(`startsAt must lie in the years 1 to 9999 in ${timeZone}`);
  }
  return { times: { startsAt, endsAt, timeZone, localDate }, problems };
}
