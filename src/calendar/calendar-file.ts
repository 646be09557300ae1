import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';

/** One event of a calendar file: a session, at its instants, shown in its stage's zone. */
export interface CalendarEvent {
  /** Stays the same for the session across agenda versions. */
  uid: string;
  /** Rises each time the published session changes. */
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  title: string;
  description: string | null;
  venue: string | null;
  address: string | null;
  onlineUrl: string | null;
  cancelled: boolean;
  /** When the published version it comes from was published. */
  changedAt: Date;
}

export interface CalendarFile {
  name: string;
  events: CalendarEvent[];
  /** A reminder this many minutes before each event, where its owner asked for one. */
  alarmMinutesBefore?: number | null;
  /** `PUBLISH` for a file sent by mail (RFC 5546), which a mail client offers to add. */
  method?: ICalCalendarMethod;
}

/**
 * An RFC 5545 calendar: every event carries `TZID` with its stage's zone, and the file a
 * VTIMEZONE with its STANDARD/DAYLIGHT parts for each zone used (ical-generator writes the
 * file, folding long and Cyrillic lines; @touch4it/ical-timezones the zone definitions).
 */
export function calendarFile({ name, events, alarmMinutesBefore, method }: CalendarFile): string {
  const calendar = ical({
    name,
    method,
    prodId: { company: 'mayors-school', product: 'programs', language: 'RU' },
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  for (const event of events) {
    const place = [event.venue, event.address].filter(Boolean).join(', ');
    const created = calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      start: DateTime.fromJSDate(event.startsAt, { zone: event.timeZone }),
      end: DateTime.fromJSDate(event.endsAt, { zone: event.timeZone }),
      timezone: event.timeZone,
      stamp: DateTime.fromJSDate(event.changedAt, { zone: 'utc' }),
      lastModified: DateTime.fromJSDate(event.changedAt, { zone: 'utc' }),
      summary: event.title,
      description: event.description,
      location: place || event.onlineUrl,
      url: event.onlineUrl,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    if (alarmMinutesBefore && !event.cancelled) {
      created.createAlarm({
        type: ICalAlarmType.display,
        trigger: alarmMinutesBefore * 60,
        description: event.title,
      });
    }
  }
  return calendar.toString();
}
