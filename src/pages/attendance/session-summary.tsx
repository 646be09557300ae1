import { Injectable } from '@nestjs/common';
import { Caller } from '../../access/caller';
import { PublishedSessionsService } from '../../agendas/published-sessions.service';
import { AttendedSession, AttendedSessions } from '../../attendance/attended-sessions';
import { Locale } from '../../common/i18n/locale';
import { toLocalDateTime } from '../../common/time/time';
import { Place } from '../shared/places';
import { cityAndOffset, dayHeading, isoOf, localSpanOf } from '../shared/time';

/** What the attendance pages show of a session: the version the caller was told of. */
export interface SessionSummary {
  id: number;
  title: string;
  stageTitle: string;
  city: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  venue: string | null;
  address: string | null;
  onlineUrl: string | null;
}

/**
 * A session read for attendance through `AttendedSessions` (404 outside what the caller sees).
 * Organizers and hosts see the session as edited; participants and mentors as last published
 * (its times and status come from there already; its title and place too, here).
 */
@Injectable()
export class SessionSummaries {
  constructor(
    private readonly sessions: AttendedSessions,
    private readonly published: PublishedSessionsService,
  ) {}

  async find(
    caller: Caller,
    sessionId: number,
  ): Promise<{ attended: AttendedSession; summary: SessionSummary }> {
    const attended = await this.sessions.findVisibleOrFail(caller, sessionId);
    const { session, stage } = attended;
    const shown =
      caller.role === 'organizer' || caller.role === 'host'
        ? null
        : await this.published.findOne(sessionId);
    return {
      attended,
      summary: {
        id: session.id,
        title: shown?.title ?? session.title,
        stageTitle: shown?.stageTitle ?? stage.title,
        city: stage.city,
        timeZone: stage.timeZone,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        cancelled: session.status === 'cancelled',
        venue: shown ? shown.venue : session.venue,
        address: shown ? shown.address : session.address,
        onlineUrl: shown ? shown.onlineUrl : session.onlineUrl,
      },
    };
  }
}

/** `09:30, Тюмень (UTC+5)`, with the date before it when that is not the session's day. */
export function localMoment(summary: SessionSummary, instant: Date, locale: Locale): string {
  const local = toLocalDateTime(instant, summary.timeZone);
  const day = toLocalDateTime(summary.startsAt, summary.timeZone).slice(0, 10);
  const date = local.slice(0, 10) === day ? '' : `${dayHeading(local.slice(0, 10), locale)}, `;
  return `${date}${local.slice(11, 16)}, ${cityAndOffset(summary.city, instant, summary.timeZone)}`;
}

/** The session's day, time with its city, stage and place, under its title. */
export function SessionHeading({ summary, locale }: { summary: SessionSummary; locale: Locale }) {
  const startsAtLocal = toLocalDateTime(summary.startsAt, summary.timeZone);
  const span = localSpanOf(
    {
      startsAt: summary.startsAt.toISOString(),
      startsAtLocal,
      endsAtLocal: toLocalDateTime(summary.endsAt, summary.timeZone),
      timeZone: summary.timeZone,
    },
    summary.city,
  );
  return (
    <div class="session-heading">
      <p class="session-day">{dayHeading(startsAtLocal.slice(0, 10), locale)}</p>
      <p class="session-time">
        <time dateTime={isoOf(summary.startsAt)}>{span}</time>
      </p>
      <p class="session-place">
        <span>{summary.stageTitle}</span>
        {(summary.venue || summary.address || summary.onlineUrl) && ' · '}
        <Place
          venue={summary.venue}
          address={summary.address}
          onlineUrl={summary.onlineUrl}
          locale={locale}
        />
      </p>
    </div>
  );
}
