import { DateTime } from 'luxon';
import type { Locale } from '../i18n/locale';

/** `UTC+5`, `UTC+3`, `UTC+5:30`: the zone's offset at that instant. */
export function utcOffset(instant: Date, zone: string): string {
  const minutes = DateTime.fromJSDate(instant, { zone }).offset;
  const sign = minutes < 0 ? '−' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** `18 ноября` / `18 November`: a local date as people write it. */
export function localDay(instant: Date, zone: string, locale: Locale): string {
  return DateTime.fromJSDate(instant, { zone }).setLocale(locale).toFormat('d MMMM');
}

/** `10:00` in the zone. */
export function localClock(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('HH:mm');
}

// A run of the scheduler writes the same few sessions' times into thousands of messages; luxon
// takes ~0.15 ms to format one, so each is formatted once.
const spans = new Map<string, string>();
const REMEMBERED_SPANS = 10_000;

/** `18 ноября, 10:00–11:30, Тюмень (UTC+5)`: the time rule for people. */
export function localSpan(
  startsAt: Date,
  endsAt: Date,
  zone: string,
  city: string,
  locale: Locale,
): string {
  const key = `${startsAt.getTime()} ${endsAt.getTime()} ${zone} ${city} ${locale}`;
  let span = spans.get(key);
  if (span === undefined) {
    const day = localDay(startsAt, zone, locale);
    span = `${day}, ${localClock(startsAt, zone)}–${localClock(endsAt, zone)}, ${city} (${utcOffset(startsAt, zone)})`;
    if (spans.size >= REMEMBERED_SPANS) {
      spans.clear();
    }
    spans.set(key, span);
  }
  return span;
}

/** A stage's local dates: `7–9 декабря 2026`, `30 ноября – 2 декабря 2026`, across a new year with both years. */
export function localDates(startDate: string, endDate: string, locale: Locale): string {
  const from = DateTime.fromISO(startDate).setLocale(locale);
  const to = DateTime.fromISO(endDate).setLocale(locale);
  if (startDate === endDate) {
    return from.toFormat('d MMMM yyyy');
  }
  if (from.hasSame(to, 'month')) {
    return `${from.toFormat('d')}–${to.toFormat('d MMMM yyyy')}`;
  }
  if (from.hasSame(to, 'year')) {
    return `${from.toFormat('d MMMM')} – ${to.toFormat('d MMMM yyyy')}`;
  }
  return `${from.toFormat('d MMMM yyyy')} – ${to.toFormat('d MMMM yyyy')}`;
}
