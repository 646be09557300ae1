import { AttendanceResponse } from '../../attendance/attendance.dto';
import { CheckInWindow } from '../../attendance/check-in-window';
import { Locale } from '../../common/i18n/locale';
import { toLocalDateTime } from '../../common/time/time';
import { statusTexts } from '../attendance/attendance-status.messages';
import { SessionHeading, SessionSummary, localMoment } from '../attendance/session-summary';
import { FormProblems, Notice, TextField } from '../shared/form-fields';
import { FieldErrors } from '../shared/forms';
import { CsrfField, Layout } from '../shared/layout';
import { PageContext } from '../shared/page-context';
import { clockOf } from '../shared/time';
import { checkInTexts } from './check-in.messages';

export function checkInPath(sessionId: number): string {
  return `/check-in/${sessionId}`;
}

function Confirmation({ record, locale }: { record: AttendanceResponse; locale: Locale }) {
  const t = checkInTexts(locale);
  if (record.method === 'staff') {
    return <Notice>{t.markedByStaff(statusTexts(locale)[record.status].toLowerCase())}</Notice>;
  }
  return <Notice>{record.status === 'late' ? t.markedLate : t.markedPresent}</Notice>;
}

function windowText(summary: SessionSummary, window: CheckInWindow, locale: Locale): string {
  const clock = (instant: Date) => clockOf(toLocalDateTime(instant, summary.timeZone));
  return checkInTexts(locale).window(
    clock(window.opensAt),
    clock(window.lateAfter),
    localMoment(summary, window.closesAt, locale),
  );
}

/** A participant checks itself in: the session, then its mark or the form for the code. */
export function CheckInPage({
  page,
  summary,
  window,
  record,
  code,
  errors,
  problems = [],
}: {
  page: PageContext;
  summary: SessionSummary;
  window: CheckInWindow;
  record: AttendanceResponse | null;
  code: string;
  errors?: FieldErrors;
  problems?: string[];
}) {
  const t = checkInTexts(page.locale);
  return (
    <Layout page={page} title={`${t.title}: ${summary.title}`}>
      <p class="muted check-in-kicker">{t.title}</p>
      <h1>{summary.title}</h1>
      <SessionHeading summary={summary} locale={page.locale} />
      {record ? (
        <Confirmation record={record} locale={page.locale} />
      ) : summary.cancelled ? (
        <p class="notice notice-warn">{t.cancelled}</p>
      ) : (
        <>
          <FormProblems problems={problems} />
          <form
            method="post"
            action={checkInPath(summary.id)}
            class="narrow check-in-form"
            novalidate
          >
            <CsrfField page={page} />
            <TextField
              name="code"
              label={t.codeLabel}
              hint={t.codeHint}
              value={code}
              required
              autocomplete="off"
              maxLength={32}
              errors={errors}
            />
            <p class="hint">{windowText(summary, window, page.locale)}</p>
            <button type="submit" class="wide-button">
              {t.submit}
            </button>
          </form>
        </>
      )}
      <p>
        <a href="/schedule">{t.toSchedule}</a>
      </p>
    </Layout>
  );
}
