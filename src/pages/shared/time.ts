import { DateTime } from 'luxon';
import { Locale } from '../../common/i18n/locale';
import { utcOffset } from '../../common/time/local-time';

/** `среда, 18 ноября 2026`: the heading of a local day (`2026-11-18`). */
export function dayHeading(localDate: string, locale: Locale): string {
  return DateTime.fromISO(localDate).setLocale(locale).toFormat('cccc, d MMMM yyyy');
}

/** `10:00` of a wall-clock time (`2026-11-18T10:00:00`). */
export function clockOf(localDateTime: string): string {
  return localDateTime.slice(11, 16);
}

/** `Тюмень (UTC+5)`: the city and the zone's offset at that instant, as the time rule says. */
export function cityAndOffset(city: string, instant: string | Date, zone: string): string {
  return `${city} (${utcOffset(new Date(instant), zone)})`;
}

/** `10:00–11:30, Тюмень (UTC+5)`. */
export function localSpanOf(
  entry: { startsAt: string; startsAtLocal: string; endsAtLocal: string; timeZone: string },
  city: string,
): string {
  return `${clockOf(entry.startsAtLocal)}–${clockOf(entry.endsAtLocal)}, ${cityAndOffset(city, entry.startsAt, entry.timeZone)}`;
}

/** A machine-readable instant for `<time datetime>`. */
export function isoOf(instant: string | Date): string {
  return new Date(instant).toISOString();
}
