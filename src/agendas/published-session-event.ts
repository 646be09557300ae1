import { CalendarEvent } from '../calendar/calendar-file';
import { sessionUid } from '../calendar/session-uid';
import { PublishedSession } from './published-session.entity';

/** A published session as a calendar event: the same UID and sequence in every file. */
export function publishedSessionEvent(session: PublishedSession, publicUrl: string): CalendarEvent {
  return {
    uid: sessionUid(session.sessionId, publicUrl),
    sequence: session.sequence,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    timeZone: session.timeZone,
    title: session.title,
    description: session.description,
    venue: session.venue,
    address: session.address,
    onlineUrl: session.onlineUrl,
    cancelled: session.status === 'cancelled',
    changedAt: session.publishedAt,
  };
}
