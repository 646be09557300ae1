import { DateTime, IANAZone } from 'luxon';

/** `2025-11-18T10:00`, optionally with seconds and fraction, optionally with `Z` or an offset. */
export const DATE_TIME_INPUT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A zone of the IANA database spelled exactly as there: `europe/moscow` would reach calendars. */
export function isValidTimeZone(zone: string): boolean {
  if (!IANAZone.isValidZone(zone)) {
    return false;
  }
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  return resolved === zone || Intl.supportedValuesOf('timeZone').includes(zone);
}

/** UTC offsets in use run from -12:00 to +14:00; `+25:00` is a typing error, not a zone. */
const MAX_OFFSET_HOURS = 14;
const OFFSET = /([+-])(\d{2}):?(\d{2})$/;

/** Years 1 to 9999: what ISO-8601 dates without a sign and every database here can hold. */
function yearInRange(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return year >= 1 && year <= 9999;
}

function offsetPossible(value: string): boolean {
  const offset = OFFSET.exec(value);
  if (!offset) {
    return true;
  }
  const minutes = Number(offset[2]) * 60 + Number(offset[3]);
  return Number(offset[3]) < 60 && minutes <= MAX_OFFSET_HOURS * 60;
}

/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30), in years 1 to 9999. */
export function isValidLocalDate(value: string): boolean {
  return LOCAL_DATE.test(value) && yearInRange(value) && DateTime.fromISO(value).isValid;
}

export function isValidDateTimeInput(value: string): boolean {
  return (
    DATE_TIME_INPUT.test(value) &&
    yearInRange(value) &&
    offsetPossible(value) &&
    DateTime.fromISO(value, { setZone: true }).isValid
  );
}

/** A local date, or an instant written with its offset or `Z`: a bound across time zones. */
export function isValidDateOrInstant(value: string): boolean {
  if (isValidLocalDate(value)) {
    return true;
  }
  if (!HAS_OFFSET.test(value) || !isValidDateTimeInput(value)) {
    return false;
  }
  const year = DateTime.fromISO(value, { setZone: true }).toUTC().year;
  return year >= 1 && year <= 9999;
}

/**
 * The time rule: input without an offset is wall-clock time in `zone`; with an offset or `Z`
 * it is that instant.
 */
export function parseInstant(value: string, zone: string): Date {
  const parsed = HAS_OFFSET.test(value)
    ? DateTime.fromISO(value, { setZone: true })
    : DateTime.fromISO(value, { zone });
  if (!parsed.isValid) {
    throw new RangeError(`"${value}" is not a date and time`);
  }
  return parsed.toJSDate();
}

/** Wall-clock time of an instant in `zone`, without an offset: `2025-11-18T10:00:00`. */
export function toLocalDateTime(instant: Date, zone: string): string {
  const wall = new Date(instant.getTime() + offsetMs(instant.getTime(), zone));
  const two = (value: number) => String(value).padStart(2, '0');
  return (
    `${String(wall.getUTCFullYear()).padStart(4, '0')}-${two(wall.getUTCMonth() + 1)}-` +
    `${two(wall.getUTCDate())}T${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}:` +
    `${two(wall.getUTCSeconds())}`
  );
}

const HOUR_MS = 3_600_000;
const MAX_CACHED_OFFSETS = 20_000;
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
const offsetsByHour = new Map<string, number>();

/**
 * The UTC offset of `zone` at an instant, in milliseconds. Lists format many times of a few
 * days: the offset is kept per zone and UTC hour, where it is the same at both ends of the
 * hour (a zone changes its offset at most once within an hour); otherwise it is read exactly.
 */
function offsetMs(epochMs: number, zone: string): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  const key = `${zone} ${hour}`;
  const cached = offsetsByHour.get(key);
  if (cached !== undefined) {
    return cached;
  }
  const atStart = readOffset(hour * HOUR_MS, zone);
  if (atStart !== readOffset((hour + 1) * HOUR_MS - 1, zone)) {
    return readOffset(epochMs, zone);
  }
  if (offsetsByHour.size >= MAX_CACHED_OFFSETS) {
    offsetsByHour.clear();
  }
  offsetsByHour.set(key, atStart);
  return atStart;
}

function readOffset(epochMs: number, zone: string): number {
  let format = zoneFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    zoneFormats.set(zone, format);
  }
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of format.formatToParts(epochMs)) {
    parts[part.type] = part.value;
  }
  const year = Number(parts.year) * (parts.era === 'BC' ? -1 : 1) + (parts.era === 'BC' ? 1 : 0);
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  const seconds = Math.floor(epochMs / 1000) * 1000;
  return wall.getTime() - seconds;
}

/**
 * The instant that shows the same wall clock in `toZone` as `instant` shows in `fromZone`: a
 * stage whose zone is corrected keeps the local times its host typed.
 */
export function keepWallClock(instant: Date, fromZone: string, toZone: string): Date {
  return DateTime.fromJSDate(instant, { zone: fromZone })
    .setZone(toZone, { keepLocalTime: true })
    .toJSDate();
}

/** The local calendar date of an instant in `zone`. */
export function toLocalDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() as string;
}

/** The first instant of a local date in `zone`. */
export function startOfLocalDate(date: string, zone: string): Date {
  return DateTime.fromISO(date, { zone }).startOf('day').toJSDate();
}

/** The first instant after a local date in `zone`: the day's exclusive end. */
export function endOfLocalDate(date: string, zone: string): Date {
  return DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf('day').toJSDate();
}

/**
 * `now` to the whole second, and later than `previous`: HTTP dates (`Last-Modified`) count
 * whole seconds, so two changes of one thing within a second still get two dates.
 */
export function nextChangeTime(now: Date, previous: Date | null | undefined): Date {
  const second = Math.floor(now.getTime() / 1000) * 1000;
  const afterPrevious = previous ? Math.floor(previous.getTime() / 1000) * 1000 + 1000 : -Infinity;
  return new Date(Math.max(second, afterPrevious));
}
