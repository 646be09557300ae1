import { Locale } from '../../common/i18n/locale';
import { ScheduleEntry } from '../../schedules/schedule-entry';
import { CsrfField, Layout } from '../shared/layout';
import { Notice } from '../shared/form-fields';
import { PageContext } from '../shared/page-context';
import { Place } from '../shared/places';
import { dayHeading, isoOf, localSpanOf } from '../shared/time';
import { scheduleTexts } from './schedule.messages';

export interface ScheduleDay {
  /** The local date of its sessions, in their stage's zone. */
  date: string;
  entries: ScheduleEntry[];
  past: boolean;
}

export interface CalendarLink {
  url: string;
  webcalUrl: string;
  qrDataUrl: string;
}

function Entry({
  entry,
  locale,
  checkInOpen,
}: {
  entry: ScheduleEntry;
  locale: Locale;
  checkInOpen: boolean;
}) {
  const t = scheduleTexts(locale);
  const cancelled = entry.status === 'cancelled';
  return (
    <li class={`session${cancelled ? ' cancelled' : ''}`} data-session-id={entry.id}>
      <p class="session-time">
        <time dateTime={isoOf(entry.startsAt)}>{localSpanOf(entry, entry.stage.city)}</time>
      </p>
      <h3 class="session-title">
        {cancelled ? <s>{entry.title}</s> : entry.title}
        {cancelled && <span class="badge badge-warn"> {t.cancelled}</span>}
        {entry.isMandatory && !cancelled && <span class="badge"> {t.mandatory}</span>}
        {entry.leads && <span class="badge"> {t.leads}</span>}
      </h3>
      <p class="session-place">
        <Place
          venue={entry.venue}
          address={entry.address}
          onlineUrl={entry.onlineUrl}
          locale={locale}
        />
      </p>
      {entry.track && <p class="muted">{t.track(entry.track)}</p>}
      {checkInOpen && (
        <p>
          <a class="button" href={`/check-in/${entry.id}`}>
            {t.checkIn}
          </a>
        </p>
      )}
    </li>
  );
}

function Day({
  day,
  locale,
  openCheckIns,
}: {
  day: ScheduleDay;
  locale: Locale;
  openCheckIns: Set<number>;
}) {
  return (
    <section class="day" aria-labelledby={`day-${day.date}`}>
      <h2 id={`day-${day.date}`}>{dayHeading(day.date, locale)}</h2>
      <ul class="sessions">
        {day.entries.map((entry) => (
          <Entry
            key={entry.id}
            entry={entry}
            locale={locale}
            checkInOpen={openCheckIns.has(entry.id)}
          />
        ))}
      </ul>
    </section>
  );
}

export function SchedulePage({
  page,
  days,
  openCheckIns,
  calendar,
  rotated,
  laterHref,
  earlierHref,
}: {
  page: PageContext;
  days: ScheduleDay[];
  openCheckIns: Set<number>;
  calendar: CalendarLink;
  rotated: boolean;
  laterHref: string | null;
  earlierHref: string | null;
}) {
  const t = scheduleTexts(page.locale);
  const past = days.filter((day) => day.past);
  const coming = days.filter((day) => !day.past);
  return (
    <Layout page={page} title={t.title}>
      <h1>{t.title}</h1>
      <p class="muted">{t.intro}</p>
      {earlierHref && (
        <p>
          <a href={earlierHref}>{t.earlier}</a>
        </p>
      )}
      {past.length > 0 && (
        <details class="past-days">
          <summary>{t.pastDays(past.length)}</summary>
          {past.map((day) => (
            <Day key={day.date} day={day} locale={page.locale} openCheckIns={openCheckIns} />
          ))}
        </details>
      )}
      {coming.length === 0 && past.length === 0 && <p>{t.empty}</p>}
      {coming.map((day) => (
        <Day key={day.date} day={day} locale={page.locale} openCheckIns={openCheckIns} />
      ))}
      {laterHref && (
        <p>
          <a href={laterHref}>{t.moreLater}</a>
        </p>
      )}
      <section class="calendar-feed" aria-labelledby="calendar-title">
        <h2 id="calendar-title">{t.calendarTitle}</h2>
        {rotated && <Notice>{t.rotated}</Notice>}
        <p>{t.calendarIntro}</p>
        <p>
          <a class="button" href={calendar.webcalUrl}>
            {t.subscribe}
          </a>
        </p>
        <p>
          <label for="feed-url">{t.feedLink}</label>
          <input id="feed-url" type="text" readOnly value={calendar.url} class="copyable" />
        </p>
        <img class="qr" src={calendar.qrDataUrl} alt={t.qrAlt} width={180} height={180} />
        <form method="post" action="/schedule/calendar-feed/rotate">
          <CsrfField page={page} />
          <button type="submit" class="secondary" aria-describedby="rotate-hint">
            {t.rotate}
          </button>
          <p class="hint" id="rotate-hint">
            {t.rotateHint}
          </p>
        </form>
      </section>
    </Layout>
  );
}
