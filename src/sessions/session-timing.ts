import { endOfLocalDate, parseInstant, startOfLocalDate } from '../common/time/time';
import { Stage } from '../stages/stage.entity';

export interface SessionTimes {
  startsAt: Date;
  endsAt: Date;
}

/** What every engine stores and ISO-8601 writes without a sign. */
const FIRST_INSTANT = new Date('0001-01-01T00:00:00Z');
const AFTER_LAST_INSTANT = new Date('+010000-01-01T00:00:00Z');

type StageDates = Pick<Stage, 'timeZone' | 'startDate' | 'endDate'>;

/**
 * Reads the session's times by the time rule (wall clock in the stage's zone unless an offset
 * is given) and lists what breaks the rules: a session ends after it starts and lies inside its
 * stage's local dates. Each problem starts with the field it is about.
 */
export function readSessionTimes(
  input: { startsAt: string | Date; endsAt: string | Date },
  stage: StageDates,
): { times: SessionTimes; problems: string[] } {
  const read = (value: string | Date) =>
    value instanceof Date ? value : parseInstant(value, stage.timeZone);
  const times = { startsAt: read(input.startsAt), endsAt: read(input.endsAt) };
  return { times, problems: timingProblems(times, stage) };
}

export function timingProblems({ startsAt, endsAt }: SessionTimes, stage: StageDates): string[] {
  const problems: string[] = [];
  for (const [field, instant] of Object.entries({ startsAt, endsAt })) {
    if (instant < FIRST_INSTANT || instant >= AFTER_LAST_INSTANT) {
      problems.push(`${field} must lie in the years 1 to 9999 in UTC`);
    }
  }
  if (endsAt <= startsAt) {
    problems.push('endsAt must be after startsAt');
  }
  const stageDates = `${stage.startDate} – ${stage.endDate} (${stage.timeZone})`;
  const stageEnd = endOfLocalDate(stage.endDate, stage.timeZone);
  if (startsAt < startOfLocalDate(stage.startDate, stage.timeZone) || startsAt >= stageEnd) {
    problems.push(`startsAt must lie inside the stage's dates ${stageDates}`);
  }
  if (endsAt > stageEnd || endsAt <= startOfLocalDate(stage.startDate, stage.timeZone)) {
    problems.push(`endsAt must lie inside the stage's dates ${stageDates}`);
  }
  return problems;
}
