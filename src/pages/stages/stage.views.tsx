import { AgendaDraft, AgendaVersionSummary } from '../../agendas/agenda.dto';

/** What the next publish releases. */
type PendingAgendaChanges = Pick<AgendaDraft, 'basedOn' | 'changes'>;
import { Page as ListPage } from '../../common/http/pagination';
import { Locale } from '../../common/i18n/locale';
import { localDates } from '../../common/time/local-time';
import { Conflict } from '../../sessions/conflicts';
import { SessionResponse } from '../../sessions/session.dto';
import { StageResponse } from '../../stages/stage.dto';
import { commonTexts } from '../shared/common.messages';
import { FormProblems, Notice } from '../shared/form-fields';
import { FieldErrors } from '../shared/forms';
import { CsrfField, Layout } from '../shared/layout';
import { PageContext } from '../shared/page-context';
import { Place } from '../shared/places';
import { dayHeading } from '../shared/time';
import { ChangeList } from './change-list';
import { overlapOf, publishedText, spanOf, zoneOf } from './local-times';
import { SessionForm, SessionFormValues } from './session-form';
import { sessionLabels, stageTexts } from './stages.messages';

/** Links of a list's pages: `null` where there is no such page. */
export interface Pager {
  earlier: string | null;
  later: string | null;
}

export const sessionAnchor = (id: number) => `session-${id}`;
export const sessionPath = (stageId: number, sessionId: number) =>
  `/stages/${stageId}/sessions/${sessionId}`;

function PagerLinks({ pager, earlier, later }: { pager: Pager; earlier: string; later: string }) {
  if (!pager.earlier && !pager.later) {
    return null;
  }
  return (
    <p class="pager">
      {pager.earlier && <a href={pager.earlier}>{earlier}</a>}
      {pager.later && <a href={pager.later}>{later}</a>}
    </p>
  );
}

/** `Тюмень, Тюменская область, Технопарк, …`: each part once (Moscow is a city and a region). */
export function placeOf(stage: {
  city: string;
  region: string;
  venue: string | null;
  address: string | null;
}): string {
  return [...new Set([stage.city, stage.region, stage.venue, stage.address])]
    .filter(Boolean)
    .join(', ');
}

function stageSummary(stage: StageResponse, locale: Locale): string {
  return stageTexts(locale).stageDates(
    localDates(stage.startDate, stage.endDate, locale),
    stage.city,
  );
}

export function StageListPage({
  page,
  stages,
  pager,
}: {
  page: PageContext;
  stages: ListPage<StageResponse>;
  pager: Pager;
}) {
  const t = stageTexts(page.locale);
  const common = commonTexts(page.locale);
  return (
    <Layout page={page} title={t.listTitle}>
      <h1>{t.listTitle}</h1>
      <p class="muted">{t.listIntro}</p>
      {stages.total === 0 ? (
        <p>{t.noStages}</p>
      ) : (
        <ul class="stage-list">
          {stages.items.map((stage) => (
            <li key={stage.id}>
              <a href={`/stages/${stage.id}`}>{stage.title}</a>
              <span class="muted"> — {stageSummary(stage, page.locale)}</span>
              {stage.isPublic && <span class="badge"> {t.publicStage}</span>}
            </li>
          ))}
        </ul>
      )}
      {stages.total > 0 && (
        <p class="muted">
          {common.pageOf(stages.offset + 1, stages.offset + stages.items.length, stages.total)}
        </p>
      )}
      <PagerLinks pager={pager} earlier={common.previous} later={common.next} />
    </Layout>
  );
}

/** Why two sessions overlap, in the page's language. */
function reasonOf(conflict: Conflict, locale: Locale): string {
  const t = stageTexts(locale);
  switch (conflict.kind) {
    case 'mentor':
      return t.conflictMentor(conflict.person ?? '');
    case 'speaker':
      return t.conflictSpeaker(conflict.person ?? '');
    case 'room':
      return t.conflictRoom(conflict.room ?? '');
    case 'track':
      return t.conflictTrack;
  }
}

/** The overlaps one session takes part in, flagged beside it. */
export function ConflictFlags({
  sessionId,
  conflicts,
  stage,
  locale,
  outOfBand = false,
}: {
  sessionId: number;
  conflicts: Conflict[];
  stage: StageResponse;
  locale: Locale;
  outOfBand?: boolean;
}) {
  const t = stageTexts(locale);
  return (
    <div
      id={`conflicts-of-${sessionId}`}
      class="conflict-flags"
      hx-swap-oob={outOfBand ? 'true' : undefined}
    >
      {conflicts.length > 0 && (
        <ul>
          {conflicts.map((conflict, index) => {
            const other = conflict.sessions.find((session) => session.id !== sessionId)!;
            return (
              <li key={index}>
                <span class="badge badge-warn">{t.conflictBadge}</span>{' '}
                {t.conflictWith(other.title, spanOf(other, stage.city, stage.timeZone))}:{' '}
                {reasonOf(conflict, locale)}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** One session of the agenda being edited, with its edit link. */
export function SessionRow({
  session,
  stage,
  conflicts,
  locale,
  focused = false,
}: {
  session: SessionResponse;
  stage: StageResponse;
  conflicts: Conflict[];
  locale: Locale;
  /** Back from its inline form: the keyboard goes on from its edit link. */
  focused?: boolean;
}) {
  const t = stageTexts(locale);
  const labels = sessionLabels(locale);
  const cancelled = session.status === 'cancelled';
  const editPath = `${sessionPath(stage.id, session.id)}/edit`;
  const leaders = session.mentors.map((mentor) => mentor.fullName);
  return (
    <li
      id={sessionAnchor(session.id)}
      class={`session-row${cancelled ? ' cancelled' : ''}${conflicts.length > 0 ? ' has-conflict' : ''}`}
    >
      <p class="session-time">
        <time dateTime={session.startsAt}>{spanOf(session, stage.city, stage.timeZone)}</time>
      </p>
      <div class="session-body">
        <h4 class="session-title">
          {cancelled ? <s>{session.title}</s> : session.title}
          {cancelled && <span class="badge badge-warn"> {labels.cancelled}</span>}
        </h4>
        <p class="session-facts muted">
          {labels[session.type]}
          {session.track && ` · ${labels.track(session.track)}`}
          {` · ${session.isMandatory ? labels.mandatory : labels.optional}`}
        </p>
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
        {leaders.length > 0 && <p class="muted">{t.leads(leaders.join(', '))}</p>}
        {session.speakers.length > 0 && (
          <p class="muted">{t.speakers(session.speakers.join(', '))}</p>
        )}
        <ConflictFlags sessionId={session.id} conflicts={conflicts} stage={stage} locale={locale} />
      </div>
      <p class="session-actions">
        <a
          class="button secondary"
          href={editPath}
          hx-get={editPath}
          hx-target={`#${sessionAnchor(session.id)}`}
          hx-swap="outerHTML"
          aria-label={t.editTitle(session.title)}
          autofocus={focused}
        >
          {t.edit}
        </a>
      </p>
    </li>
  );
}

/** A session's row turned into its form (htmx), in place. */
export function EditingRow({
  page,
  stage,
  sessionId,
  values,
  shown,
  errors,
  problems,
}: {
  page: PageContext;
  stage: StageResponse;
  sessionId: number;
  values: SessionFormValues;
  /** The values as the form first showed them, to tell others' changes from this one's. */
  shown: SessionFormValues;
  errors?: FieldErrors;
  problems?: string[];
}) {
  const path = sessionPath(stage.id, sessionId);
  return (
    <li id={sessionAnchor(sessionId)} class="session-row editing">
      <SessionForm
        page={page}
        stage={stage}
        prefix={`s${sessionId}`}
        action={path}
        values={values}
        shown={shown}
        errors={errors}
        problems={problems}
        submitLabel={commonTexts(page.locale).save}
        htmxTarget={`#${sessionAnchor(sessionId)}`}
        cancel={{
          href: `/stages/${stage.id}#${sessionAnchor(sessionId)}`,
          label: commonTexts(page.locale).cancel,
          htmxGet: `${path}/row`,
        }}
        autofocus
      />
    </li>
  );
}

/** The conflicts of each session, by its id. */
export function conflictsBySession(conflicts: Conflict[]): Map<number, Conflict[]> {
  const bySession = new Map<number, Conflict[]>();
  for (const conflict of conflicts) {
    for (const session of conflict.sessions) {
      const list = bySession.get(session.id) ?? [];
      list.push(conflict);
      bySession.set(session.id, list);
    }
  }
  return bySession;
}

/** The overview of the stage's overlaps, each pair linking to its sessions' rows. */
export function ConflictSummary({
  stage,
  conflicts,
  locale,
  outOfBand = false,
}: {
  stage: StageResponse;
  conflicts: Conflict[];
  locale: Locale;
  outOfBand?: boolean;
}) {
  const t = stageTexts(locale);
  const blocking = conflicts.some((conflict) => conflict.kind === 'track');
  return (
    <section
      id="conflicts"
      class="stage-panel"
      aria-labelledby="conflicts-title"
      hx-swap-oob={outOfBand ? 'true' : undefined}
    >
      <h2 id="conflicts-title">{t.conflictsTitle}</h2>
      {conflicts.length === 0 ? (
        <p>{t.noConflicts}</p>
      ) : (
        <>
          <p>{t.conflictsIntro(conflicts.length)}</p>
          {blocking && <p class="stage-warning">{t.trackConflictsBlock}</p>}
          <ul class="conflict-list">
            {conflicts.map((conflict, index) => {
              const [first, second] = conflict.sessions;
              return (
                <li key={index}>
                  <a href={`#${sessionAnchor(first.id)}`}>
                    {t.conflictPair(
                      first.title,
                      second.title,
                      spanOf(overlapOf(first, second), stage.city, stage.timeZone),
                    )}
                  </a>
                  : {reasonOf(conflict, locale)}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

/** What the next publish releases, and the button that publishes it. */
export function PendingChanges({
  page,
  stage,
  pending,
  shown,
  pager,
  problems = [],
  outOfBand = false,
}: {
  page: PageContext;
  stage: StageResponse;
  pending: PendingAgendaChanges;
  /** The page of `pending.changes` shown. */
  shown: PendingAgendaChanges['changes'];
  pager: Pager;
  problems?: string[];
  outOfBand?: boolean;
}) {
  const t = stageTexts(page.locale);
  const nothing = pending.basedOn !== null && pending.changes.length === 0;
  return (
    <section
      id="changes"
      class="stage-panel"
      aria-labelledby="changes-title"
      hx-swap-oob={outOfBand ? 'true' : undefined}
    >
      <h2 id="changes-title">{t.changesTitle}</h2>
      <FormProblems problems={problems} />
      {pending.basedOn === null ? (
        <p>{t.changesIntroFirst}</p>
      ) : nothing ? (
        <p>{t.noChanges}</p>
      ) : (
        <p>{t.changesIntro(pending.basedOn)}</p>
      )}
      {shown.length > 0 && <ChangeList changes={shown} stage={stage} locale={page.locale} />}
      <PagerLinks pager={pager} earlier={t.earlierChanges} later={t.moreChanges} />
      {!nothing && (
        <form method="post" action={`/stages/${stage.id}/publish`} class="publish-form">
          <CsrfField page={page} />
          <button type="submit" aria-describedby="publish-hint">
            {t.publish}
          </button>
          <p class="hint" id="publish-hint">
            {t.publishHint}
          </p>
        </form>
      )}
    </section>
  );
}

/** How many changes of each version the stage page shows; its own page shows them all. */
export const CHANGES_IN_HISTORY = 10;

const versionPath = (stageId: number, number: number) => `/stages/${stageId}/versions/${number}`;

function VersionSummary({
  stage,
  version,
  locale,
}: {
  stage: StageResponse;
  version: AgendaVersionSummary;
  locale: Locale;
}) {
  const t = stageTexts(locale);
  return (
    <>
      <strong>{t.version(version.number)}</strong>,{' '}
      {t.publishedAt(publishedText(version.publishedAt, stage.city, stage.timeZone, locale))}
      {' · '}
      {t.changeCount(version.changes.length)}
    </>
  );
}

function VersionHistory({
  stage,
  versions,
  pager,
  locale,
}: {
  stage: StageResponse;
  versions: ListPage<AgendaVersionSummary>;
  pager: Pager;
  locale: Locale;
}) {
  const t = stageTexts(locale);
  return (
    <section id="versions" class="stage-panel" aria-labelledby="versions-title">
      <h2 id="versions-title">{t.versionsTitle}</h2>
      {versions.total === 0 && <p>{t.noVersions}</p>}
      <ul class="version-list">
        {versions.items.map((version, index) => (
          <li key={version.number} id={`version-${version.number}`}>
            <details open={versions.offset === 0 && index === 0}>
              <summary>
                <VersionSummary stage={stage} version={version} locale={locale} />
              </summary>
              <ChangeList
                changes={version.changes.slice(0, CHANGES_IN_HISTORY)}
                stage={stage}
                locale={locale}
              />
              {version.changes.length > CHANGES_IN_HISTORY && (
                <p>
                  <a href={versionPath(stage.id, version.number)}>
                    {t.allChanges(version.number, version.changes.length)}
                  </a>
                </p>
              )}
            </details>
          </li>
        ))}
      </ul>
      <PagerLinks pager={pager} earlier={t.newer} later={t.older} />
    </section>
  );
}

/** One published version with every change it made, page by page. */
export function VersionPage({
  page,
  stage,
  version,
  shown,
  pager,
}: {
  page: PageContext;
  stage: StageResponse;
  version: AgendaVersionSummary;
  shown: AgendaVersionSummary['changes'];
  pager: Pager;
}) {
  const t = stageTexts(page.locale);
  return (
    <Layout page={page} title={`${t.version(version.number)} · ${stage.title}`}>
      <p>
        <a href={`/stages/${stage.id}#version-${version.number}`}>
          ← {t.backToStage}: {stage.title}
        </a>
      </p>
      <h1>{t.version(version.number)}</h1>
      <p>
        <VersionSummary stage={stage} version={version} locale={page.locale} />
      </p>
      <ChangeList changes={shown} stage={stage} locale={page.locale} />
      <PagerLinks pager={pager} earlier={t.earlierChanges} later={t.moreChanges} />
    </Layout>
  );
}

interface Day {
  date: string;
  sessions: SessionResponse[];
}

function daysOf(sessions: SessionResponse[]): Day[] {
  const days: Day[] = [];
  for (const session of sessions) {
    const date = session.startsAtLocal.slice(0, 10);
    const last = days.at(-1);
    if (last?.date === date) {
      last.sessions.push(session);
    } else {
      days.push({ date, sessions: [session] });
    }
  }
  return days;
}

export interface AddForm {
  values: SessionFormValues;
  errors?: FieldErrors;
  problems?: string[];
}

/** The host's page of one stage: its sessions to edit, overlaps, changes to publish, versions. */
export function StagePage({
  page,
  stage,
  sessions,
  sessionPager,
  conflicts,
  pending,
  shownChanges,
  changePager,
  versions,
  versionPager,
  notice,
  publishProblems,
  addForm,
}: {
  page: PageContext;
  stage: StageResponse;
  sessions: ListPage<SessionResponse>;
  sessionPager: Pager;
  conflicts: Conflict[];
  pending: PendingAgendaChanges;
  shownChanges: PendingAgendaChanges['changes'];
  changePager: Pager;
  versions: ListPage<AgendaVersionSummary>;
  versionPager: Pager;
  notice?: string;
  publishProblems?: string[];
  addForm: AddForm;
}) {
  const t = stageTexts(page.locale);
  const common = commonTexts(page.locale);
  const flags = conflictsBySession(conflicts);
  const zone = zoneOf(stage.city, `${stage.startDate}T12:00:00Z`, stage.timeZone);
  return (
    <Layout page={page} title={stage.title}>
      <h1>{stage.title}</h1>
      <dl class="stage-facts">
        <div>
          <dt>{t.dates}</dt>
          <dd>{localDates(stage.startDate, stage.endDate, page.locale)}</dd>
        </div>
        <div>
          <dt>{t.place}</dt>
          <dd>{placeOf(stage)}</dd>
        </div>
        <div>
          <dt>{t.timeZone}</dt>
          <dd>{zone}</dd>
        </div>
      </dl>
      {stage.isPublic && (
        <p>
          <a href={`/agenda/${stage.id}`}>{t.publicAgendaLink}</a>
        </p>
      )}
      {notice && <Notice>{notice}</Notice>}
      <nav class="in-page" aria-label={t.onThisPage}>
        <a href="#changes">{t.changesTitle}</a>
        <a href="#conflicts">{t.conflictsTitle}</a>
        <a href="#sessions">{t.sessionsTitle}</a>
        <a href="#add">{t.addTitle}</a>
        <a href="#versions">{t.versionsTitle}</a>
      </nav>
      <PendingChanges
        page={page}
        stage={stage}
        pending={pending}
        shown={shownChanges}
        pager={changePager}
        problems={publishProblems}
      />
      <ConflictSummary stage={stage} conflicts={conflicts} locale={page.locale} />
      <section id="sessions" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t.sessionsTitle}</h2>
        <p class="muted">{t.sessionsIntro(zone)}</p>
        {sessions.total === 0 && <p>{t.noSessions}</p>}
        <PagerLinks pager={sessionPager} earlier={t.earlierSessions} later={t.moreSessions} />
        {daysOf(sessions.items).map((day) => (
          <section key={day.date} class="day" aria-labelledby={`day-${day.date}`}>
            <h3 id={`day-${day.date}`}>{dayHeading(day.date, page.locale)}</h3>
            <ul class="session-rows">
              {day.sessions.map((session) => (
                <SessionRow
                  key={session.id}
                  session={session}
                  stage={stage}
                  conflicts={flags.get(session.id) ?? []}
                  locale={page.locale}
                />
              ))}
            </ul>
          </section>
        ))}
        {sessions.total > 0 && (
          <p class="muted">
            {common.pageOf(
              sessions.offset + 1,
              sessions.offset + sessions.items.length,
              sessions.total,
            )}
          </p>
        )}
        <PagerLinks pager={sessionPager} earlier={t.earlierSessions} later={t.moreSessions} />
      </section>
      <section id="add" class="stage-panel" aria-labelledby="add-title">
        <h2 id="add-title">{t.addTitle}</h2>
        <SessionForm
          page={page}
          stage={stage}
          prefix="new"
          action={`/stages/${stage.id}/sessions`}
          values={addForm.values}
          errors={addForm.errors}
          problems={addForm.problems}
          submitLabel={t.add}
        />
      </section>
      <VersionHistory stage={stage} versions={versions} pager={versionPager} locale={page.locale} />
    </Layout>
  );
}

/** One session's form on a page of its own: editing without JavaScript. */
export function EditSessionPage({
  page,
  stage,
  sessionId,
  values,
  shown,
  errors,
  problems,
}: {
  page: PageContext;
  stage: StageResponse;
  sessionId: number;
  values: SessionFormValues;
  /** The values as the form first showed them, to tell others' changes from this one's. */
  shown: SessionFormValues;
  errors?: FieldErrors;
  problems?: string[];
}) {
  const t = stageTexts(page.locale);
  return (
    <Layout page={page} title={t.editTitle(values.title)}>
      <p>
        <a href={`/stages/${stage.id}#${sessionAnchor(sessionId)}`}>
          ← {t.backToStage}: {stage.title}
        </a>
      </p>
      <h1>{t.editing}</h1>
      <p class="muted">{stageSummary(stage, page.locale)}</p>
      <SessionForm
        page={page}
        stage={stage}
        prefix={`s${sessionId}`}
        action={sessionPath(stage.id, sessionId)}
        values={values}
        shown={shown}
        errors={errors}
        problems={problems}
        submitLabel={commonTexts(page.locale).save}
        cancel={{
          href: `/stages/${stage.id}#${sessionAnchor(sessionId)}`,
          label: commonTexts(page.locale).cancel,
        }}
      />
    </Layout>
  );
}
