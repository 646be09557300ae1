import { DateTime } from 'luxon';
import { Locale } from '../../common/i18n/locale';
import { cityAndOffset, clockOf } from '../shared/time';

/**
 * The time rule's texts for pages that list hundreds of sessions of one stage: luxon takes a
 * good part of a millisecond per call, and such a page names the same few days and offsets
 * again and again, so each is formatted once.
 */
const remembered = new Map<string, string>();
const REMEMBERED_TEXTS = 5_000;

function remember(key: string, make: () => string): string {
  let text = remembered.get(key);
  if (text === undefined) {
    text = make();
    if (remembered.size >= REMEMBERED_TEXTS) {
      remembered.clear();
    }
    remembered.set(key, text);
  }
  return text;
}

/** `18 ноября` of a local date (`2025-11-18`). */
export function dayOfMonth(localDate: string, locale: Locale): string {
  return remember(`day ${locale} ${localDate}`, () =>
    DateTime.fromISO(localDate).setLocale(locale).toFormat('d MMMM'),
  );
}

/** `Тюмень (UTC+5)` at an instant; zones change their offset on the hour at most. */
export function zoneOf(city: string, instant: string | Date, zone: string): string {
  const hour = Math.floor(new Date(instant).getTime() / 3_600_000);
  return remember(`zone ${city} ${zone} ${hour}`, () => cityAndOffset(city, instant, zone));
}

/** `18 ноября, 10:00` of a wall-clock time (`2025-11-18T10:00:00`). */
export function wallClockText(local: string, locale: Locale): string {
  return `${dayOfMonth(local.slice(0, 10), locale)}, ${clockOf(local)}`;
}

/** `10:00–11:30, Тюмень (UTC+5)`. */
export function spanOf(
  session: { startsAt: string; startsAtLocal: string; endsAtLocal: string },
  city: string,
  zone: string,
): string {
  return `${clockOf(session.startsAtLocal)}–${clockOf(session.endsAtLocal)}, ${zoneOf(city, session.startsAt, zone)}`;
}

/** The time two sessions share: from the later start to the earlier end. */
export function overlapOf(
  first: { startsAt: string; endsAt: string; startsAtLocal: string; endsAtLocal: string },
  second: { startsAt: string; endsAt: string; startsAtLocal: string; endsAtLocal: string },
): { startsAt: string; startsAtLocal: string; endsAtLocal: string } {
  const later = first.startsAt >= second.startsAt ? first : second;
  const earlier = first.endsAt <= second.endsAt ? first : second;
  return {
    startsAt: later.startsAt,
    startsAtLocal: later.startsAtLocal,
    endsAtLocal: earlier.endsAtLocal,
  };
}

/** `18 ноября 2025, 10:00, Тюмень (UTC+5)`: when a version was published, in the stage's time. */
export function publishedText(instant: string, city: string, zone: string, locale: Locale): string {
  const local = DateTime.fromISO(instant, { zone }).setLocale(locale);
  return `${local.toFormat('d MMMM yyyy, HH:mm')}, ${zoneOf(city, instant, zone)}`;
}
