import { AgendaStage } from '../../agendas/agenda.dto';
import { Locale } from '../../common/i18n/locale';
import { localDates } from '../../common/time/local-time';
import { SessionResponse } from '../../sessions/session.dto';
import { Layout } from '../shared/layout';
import { PageContext } from '../shared/page-context';
import { Place } from '../shared/places';
import { dayHeading, isoOf } from '../shared/time';
import { publishedText, spanOf, zoneOf } from '../stages/local-times';
import { placeOf } from '../stages/stage.views';
import { sessionLabels } from '../stages/stages.messages';
import { agendaTexts } from './agenda.messages';

/** Sessions that overlap in time, by track: parallel tracks when there are several. */
export interface Slot {
  tracks: { track: string | null; sessions: SessionResponse[] }[];
}

export interface AgendaDay {
  date: string;
  slots: Slot[];
}

/**
 * The sessions (in time order) by local day, each day cut into slots of sessions that overlap
 * one another; within a slot, each track keeps its sessions in order.
 */
export function agendaDaysOf(sessions: SessionResponse[]): AgendaDay[] {
  const days: AgendaDay[] = [];
  let slotEnd = '';
  for (const session of sessions) {
    const date = session.startsAtLocal.slice(0, 10);
    let day = days.at(-1);
    if (day?.date !== date) {
      day = { date, slots: [] };
      days.push(day);
      slotEnd = '';
    }
    let slot = day.slots.at(-1);
    if (!slot || session.startsAt >= slotEnd) {
      slot = { tracks: [] };
      day.slots.push(slot);
    }
    if (session.endsAt > slotEnd) {
      slotEnd = session.endsAt;
    }
    const track = slot.tracks.find((entry) => entry.track === session.track);
    if (track) {
      track.sessions.push(session);
    } else {
      slot.tracks.push({ track: session.track, sessions: [session] });
    }
  }
  return days;
}

function SessionCard({
  session,
  stage,
  locale,
}: {
  session: SessionResponse;
  stage: AgendaStage;
  locale: Locale;
}) {
  const t = agendaTexts(locale);
  const labels = sessionLabels(locale);
  const cancelled = session.status === 'cancelled';
  const leaders = session.mentors.map((mentor) => mentor.fullName);
  return (
    <li class={`session agenda-session${cancelled ? ' cancelled' : ''}`}>
      <p class="session-time">
        <time dateTime={isoOf(session.startsAt)}>
          {spanOf(session, stage.city, stage.timeZone)}
        </time>
      </p>
      <h3 class="session-title">
        {cancelled ? <s>{session.title}</s> : session.title}
        {cancelled && <span class="badge badge-warn"> {labels.cancelled}</span>}
        {!cancelled && session.isMandatory && <span class="badge"> {t.mandatory}</span>}
      </h3>
      <p class="muted">{labels[session.type]}</p>
      {(session.venue || session.address || session.onlineUrl) && (
        <p class="session-place">
          <Place
            venue={session.venue}
            address={session.address}
            onlineUrl={session.onlineUrl}
            locale={locale}
          />
        </p>
      )}
      {session.speakers.length > 0 && <p>{t.speakers(session.speakers.join(', '))}</p>}
      {leaders.length > 0 && <p>{t.leads(leaders.join(', '))}</p>}
      {session.description && <p class="session-description">{session.description}</p>}
    </li>
  );
}

function SlotItem({ slot, stage, locale }: { slot: Slot; stage: AgendaStage; locale: Locale }) {
  const t = agendaTexts(locale);
  const labels = sessionLabels(locale);
  if (slot.tracks.length === 1) {
    return (
      <li class="agenda-slot">
        <ul class="sessions">
          {slot.tracks[0].sessions.map((session) => (
            <SessionCard key={session.id} session={session} stage={stage} locale={locale} />
          ))}
        </ul>
      </li>
    );
  }
  return (
    <li class="agenda-slot parallel">
      <p class="agenda-slot-label">{t.parallel}</p>
      <div class="tracks">
        {slot.tracks.map((entry) => (
          <div class="agenda-track" key={entry.track ?? ''}>
            <p class="track-name">{entry.track ? labels.track(entry.track) : t.mainTrack}</p>
            <ul class="sessions">
              {entry.sessions.map((session) => (
                <SessionCard key={session.id} session={session} stage={stage} locale={locale} />
              ))}
            </ul>
          </div>
        ))}
      </div>
    </li>
  );
}

/** The published agenda of a stage, for anyone when the stage is public. */
export function AgendaPage({
  page,
  stageId,
  stage,
  version,
  publishedAt,
  days,
  total,
  earlierHref,
  laterHref,
}: {
  page: PageContext;
  stageId: number;
  stage: AgendaStage;
  version: number;
  publishedAt: string;
  days: AgendaDay[];
  total: number;
  earlierHref: string | null;
  laterHref: string | null;
}) {
  const t = agendaTexts(page.locale);
  const zone = zoneOf(stage.city, `${stage.startDate}T12:00:00Z`, stage.timeZone);
  return (
    <Layout page={page} title={t.title(stage.title)} wide>
      <header class="agenda-header">
        <p class="muted">{t.heading}</p>
        <h1>{stage.title}</h1>
        <p>
          {localDates(stage.startDate, stage.endDate, page.locale)},{' '}
          {placeOf({ ...stage, venue: null, address: null })}
          {(stage.venue || stage.address) && (
            <>
              {' · '}
              <Place
                venue={stage.venue}
                address={stage.address}
                onlineUrl={null}
                locale={page.locale}
              />
            </>
          )}
        </p>
        {stage.hostOrganization && <p>{t.host(stage.hostOrganization)}</p>}
        <p>
          {t.version(version, publishedText(publishedAt, stage.city, stage.timeZone, page.locale))}{' '}
          {t.timesNote(zone)}
        </p>
        <p class="no-print">
          <a
            class="button secondary"
            href={`/agenda/${stageId}/agenda.ics`}
            download={`agenda-${stageId}.ics`}
            aria-describedby="calendar-hint"
          >
            {t.addToCalendar}
          </a>
        </p>
        <p class="hint no-print" id="calendar-hint">
          {t.addToCalendarHint}
        </p>
      </header>
      {total === 0 && <p>{t.empty}</p>}
      {earlierHref && (
        <p class="no-print">
          <a href={earlierHref}>{t.earlier}</a>
        </p>
      )}
      {days.map((day) => (
        <section key={day.date} class="day agenda-day" aria-labelledby={`day-${day.date}`}>
          <h2 id={`day-${day.date}`}>{dayHeading(day.date, page.locale)}</h2>
          <ol class="agenda-slot-list">
            {day.slots.map((slot, index) => (
              <SlotItem key={index} slot={slot} stage={stage} locale={page.locale} />
            ))}
          </ol>
        </section>
      ))}
      {laterHref && (
        <p class="no-print">
          <a href={laterHref}>{t.later}</a>
        </p>
      )}
    </Layout>
  );
}
