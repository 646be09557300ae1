import { Pager } from '../shared/pager';
import { ATTENDANCE_STATUSES, AttendanceStatus } from '../../attendance/attendance-record.entity';
import {
  AttendanceResponse,
  CheckInCodeResponse,
  RosterEntry,
} from '../../attendance/attendance.dto';
import { Locale } from '../../common/i18n/locale';
import { toLocalDateTime } from '../../common/time/time';
import { commonTexts } from '../shared/common.messages';
import { CsrfField, Layout } from '../shared/layout';
import { PageContext } from '../shared/page-context';
import { clockOf, cityAndOffset } from '../shared/time';
import { statusTexts } from './attendance-status.messages';
import { rosterTexts } from './roster.messages';
import { SessionHeading, SessionSummary } from './session-summary';

export const ROSTER_PAGE_SIZE = 100;

/** Where the marks of one participant are posted (a form without JavaScript, htmx with it). */
export function markPath(sessionId: number, participantId: number): string {
  return `/sessions/${sessionId}/roster/${participantId}`;
}

export function rosterPath(sessionId: number, offset = 0): string {
  return `/sessions/${sessionId}/roster${offset > 0 ? `?offset=${offset}` : ''}`;
}

export function codePath(sessionId: number): string {
  return `/sessions/${sessionId}/roster/check-in-code`;
}

/** The session's check-in code as the panel shows it. */
export interface CheckInCodeView extends CheckInCodeResponse {
  qrDataUrl: string;
  /** When to ask for the code again: just after a rotating one changes. */
  refreshSeconds: number;
}

function currentMarkText(
  attendance: AttendanceResponse | null,
  timeZone: string | null,
  locale: Locale,
): string {
  const t = rosterTexts(locale);
  if (!attendance) {
    return t.notMarked;
  }
  const status = statusTexts(locale)[attendance.status];
  if (attendance.method === 'self' && timeZone) {
    return t.selfCheckIn(status, clockOf(toLocalDateTime(new Date(attendance.markedAt), timeZone)));
  }
  return t.marked(status);
}

/**
 * One participant's mark and the four buttons that change it: the part of a row a tap
 * replaces. `data-retry` lets pages.js show a failed save and send it again.
 */
export function RosterMark({
  locale,
  sessionId,
  participantId,
  attendance,
  timeZone,
  editable,
  saved = false,
}: {
  locale: Locale;
  sessionId: number;
  participantId: number;
  attendance: AttendanceResponse | null;
  /** The stage's zone, to show the time of a self check-in. */
  timeZone: string | null;
  editable: boolean;
  /** Answered to a tap that was saved. */
  saved?: boolean;
}) {
  const t = rosterTexts(locale);
  const statuses = statusTexts(locale);
  const id = `mark-${participantId}`;
  return (
    <div
      class="roster-mark"
      id={id}
      data-retry
      data-state={saved ? 'saved' : undefined}
      data-text-refused={t.refused}
    >
      <p class="roster-current" data-status={attendance?.status ?? 'none'}>
        {currentMarkText(attendance, timeZone, locale)}
      </p>
      {editable && (
        <div class="mark-buttons">
          {ATTENDANCE_STATUSES.map((status: AttendanceStatus) => (
            <button
              key={status}
              id={`mark-${participantId}-${status}`}
              type="submit"
              name="status"
              value={status}
              class={`mark mark-${status}`}
              aria-pressed={attendance?.status === status ? 'true' : 'false'}
              hx-post={markPath(sessionId, participantId)}
              hx-target={`#${id}`}
              hx-swap="outerHTML"
              hx-sync="closest .roster-mark:queue last"
              hx-trigger="click, retry"
            >
              {attendance?.status === status && (
                <span class="mark-tick" aria-hidden="true">
                  ✓{' '}
                </span>
              )}
              {statuses[status]}
            </button>
          ))}
        </div>
      )}
      {attendance?.note && <input type="hidden" name="note" value={attendance.note} />}
      <p class="save-status" data-save-status role="status">
        {saved ? commonTexts(locale).saved : ''}
      </p>
    </div>
  );
}

function RosterRow({
  page,
  sessionId,
  entry,
  offset,
  timeZone,
  editable,
}: {
  page: PageContext;
  sessionId: number;
  entry: RosterEntry;
  offset: number;
  timeZone: string;
  editable: boolean;
}) {
  const t = rosterTexts(page.locale);
  const { participant } = entry;
  return (
    <li class="roster-row" id={`participant-${participant.id}`}>
      <form method="post" action={markPath(sessionId, participant.id)}>
        <CsrfField page={page} />
        {offset > 0 && <input type="hidden" name="offset" value={offset} />}
        <fieldset>
          <legend class="roster-person">
            <span class="roster-name">{participant.fullName}</span>{' '}
            <span class="roster-role">
              {participant.position}, {participant.municipality}
            </span>
            {entry.enrollmentStatus === 'withdrawn' && (
              <span class="badge badge-warn"> {t.withdrawn}</span>
            )}
          </legend>
          <RosterMark
            locale={page.locale}
            sessionId={sessionId}
            participantId={participant.id}
            attendance={entry.attendance}
            timeZone={timeZone}
            editable={editable}
          />
        </fieldset>
      </form>
    </li>
  );
}

/**
 * The check-in code with its QR code, asking for itself again when a rotating code changes
 * (and now and then for a fixed one, in case staff replaced it).
 */
export function CheckInCodePanel({
  locale,
  code,
  city,
  screen = false,
}: {
  locale: Locale;
  code: CheckInCodeView;
  city: string;
  screen?: boolean;
}) {
  const t = rosterTexts(locale);
  const at = (local: string) => clockOf(local);
  const place = cityAndOffset(city, code.opensAt.at, code.timeZone);
  const size = screen ? 360 : 200;
  return (
    <div
      class={`check-in-code${screen ? ' screen' : ''}`}
      id="check-in-code"
      data-retry
      data-text-failed={t.codeOffline}
      data-text-refused={t.codeRefused}
      data-text-saved=""
      hx-get={`${codePath(code.sessionId)}${screen ? '?screen=1' : ''}`}
      hx-trigger={`load delay:${code.refreshSeconds}s, retry`}
      hx-swap="outerHTML"
    >
      <p class="check-in-code-value">{code.code}</p>
      <img class="qr" src={code.qrDataUrl} alt={t.qrAlt(code.code)} width={size} height={size} />
      <p class="hint check-in-link">
        {t.link}: <span class="copyable">{code.link}</span>
      </p>
      {code.rotateEverySeconds !== null && code.validUntil && (
        <p class="hint">
          {t.rotates(
            code.rotateEverySeconds,
            `${toLocalDateTime(new Date(code.validUntil), code.timeZone).slice(11, 19)}, ${place}`,
          )}
        </p>
      )}
      <p class="hint">
        {t.window(
          at(code.opensAt.local),
          at(code.lateAfter.local),
          `${at(code.closesAt.local)}, ${place}`,
        )}
      </p>
      <p class="save-status" data-save-status role="status"></p>
    </div>
  );
}

export function RosterPage({
  page,
  summary,
  entries,
  total,
  offset,
  code,
  editable,
}: {
  page: PageContext;
  summary: SessionSummary;
  entries: RosterEntry[];
  total: number;
  offset: number;
  /** Null for a cancelled session: nobody checks in to it. */
  code: CheckInCodeView | null;
  editable: boolean;
}) {
  const t = rosterTexts(page.locale);
  return (
    <Layout page={page} title={t.title(summary.title)} wide>
      <h1>{summary.title}</h1>
      <SessionHeading summary={summary} locale={page.locale} />
      {summary.cancelled && (
        <p class="notice notice-warn" role="status">
          {t.cancelled}
        </p>
      )}
      <div class="roster-layout">
        {code && (
          <section class="check-in-code-section" aria-labelledby="code-title">
            <h2 id="code-title">{t.codeTitle}</h2>
            <p class="hint">{t.codeIntro}</p>
            <CheckInCodePanel locale={page.locale} code={code} city={summary.city} />
            <p>
              <a href={codePath(summary.id)} target="_blank" rel="noopener">
                {t.showOnScreen}
              </a>
            </p>
          </section>
        )}
        <section class="roster" aria-labelledby="roster-title">
          <h2 id="roster-title">
            {t.rosterTitle} <span class="muted">({total})</span>
          </h2>
          {editable && <p class="hint">{t.howTo}</p>}
          <Pager
            list={{ total, limit: ROSTER_PAGE_SIZE, offset }}
            hrefAt={(at) => rosterPath(summary.id, at)}
            label={t.rosterTitle}
            locale={page.locale}
          />
          {entries.length === 0 ? (
            <p>{t.empty}</p>
          ) : (
            <ol class="roster-list" hx-request='{"timeout": 8000}'>
              {entries.map((entry) => (
                <RosterRow
                  key={entry.participant.id}
                  page={page}
                  sessionId={summary.id}
                  entry={entry}
                  offset={offset}
                  timeZone={summary.timeZone}
                  editable={editable}
                />
              ))}
            </ol>
          )}
          <Pager
            list={{ total, limit: ROSTER_PAGE_SIZE, offset }}
            hrefAt={(at) => rosterPath(summary.id, at)}
            label={t.rosterTitle}
            locale={page.locale}
          />
        </section>
      </div>
    </Layout>
  );
}

/** The code alone, large, for a screen in the room. */
export function CheckInScreenPage({
  page,
  summary,
  code,
}: {
  page: PageContext;
  summary: SessionSummary;
  code: CheckInCodeView;
}) {
  const t = rosterTexts(page.locale);
  return (
    <Layout page={page} title={`${t.codeTitle}: ${summary.title}`}>
      <h1>{summary.title}</h1>
      <SessionHeading summary={summary} locale={page.locale} />
      <h2>{t.codeTitle}</h2>
      <CheckInCodePanel locale={page.locale} code={code} city={summary.city} screen />
      <p class="no-print">
        <a href={rosterPath(summary.id)}>{t.toRoster}</a>
      </p>
    </Layout>
  );
}
