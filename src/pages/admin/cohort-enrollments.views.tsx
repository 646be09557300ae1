import { Page } from '../../common/http/pagination';
import { EnrollmentResponse } from '../../enrollments/enrollment.dto';
import { ParticipantResponse } from '../../participants/participant.dto';
import { FieldErrors } from '../shared/forms';
import { FormProblems, TextField } from '../shared/form-fields';
import { CsrfField } from '../shared/layout';
import { PageContext } from '../shared/page-context';
import { ScrollTable } from './admin-parts';
import { Pager } from '../shared/pager';
import { adminTexts } from './admin.messages';
import { cohortTexts } from './cohort.messages';

/** What the enroll box searched for, and whom it found. */
export interface ParticipantSearch {
  text: string;
  errors?: FieldErrors;
  found: Page<ParticipantResponse> | null;
}

function EnrollButton({
  page,
  cohortId,
  participantId,
  name,
  label,
}: {
  page: PageContext;
  cohortId: number;
  participantId: number;
  name: string;
  label: string;
}) {
  return (
    <form method="post" action={`/admin/cohorts/${cohortId}/enrollments`} class="inline">
      <CsrfField page={page} />
      <input type="hidden" name="participantId" value={participantId} />
      <button type="submit" class="secondary small" aria-label={`${label}: ${name}`}>
        {label}
      </button>
    </form>
  );
}

/** The participants the enroll box found; also the answer to its htmx search. */
export function FoundParticipants({
  page,
  cohortId,
  search,
}: {
  page: PageContext;
  cohortId: number;
  search: ParticipantSearch;
}) {
  const t = cohortTexts(page.locale);
  const found = search.found;
  return (
    <div id="found" aria-live="polite">
      {found && found.total === 0 && <p>{t.noneFound}</p>}
      {found && found.total > 0 && (
        <>
          <h4>{t.found}</h4>
          <ul class="found">
            {found.items.map((participant) => (
              <li key={participant.id}>
                <span>
                  <strong>{participant.fullName}</strong>
                  <br />
                  <span class="muted">
                    {participant.position}, {participant.municipality}
                  </span>
                </span>
                <EnrollButton
                  page={page}
                  cohortId={cohortId}
                  participantId={participant.id}
                  name={participant.fullName}
                  label={t.enroll}
                />
              </li>
            ))}
          </ul>
          {found.total > found.items.length && <p class="hint">{t.moreFound(found.total)}</p>}
        </>
      )}
    </div>
  );
}

export function EnrollmentsSection({
  page,
  cohortId,
  enrollments,
  search,
  problems,
  hrefAt,
}: {
  page: PageContext;
  cohortId: number;
  enrollments: Page<EnrollmentResponse>;
  search: ParticipantSearch;
  problems: string[];
  hrefAt: (offset: number) => string;
}) {
  const t = cohortTexts(page.locale);
  const a = adminTexts(page.locale);
  return (
    <section aria-labelledby="enrollments">
      <h2 id="enrollments">{t.enrollments}</h2>
      <FormProblems problems={problems} />
      {enrollments.total === 0 ? (
        <p>{t.enrollmentsEmpty}</p>
      ) : (
        <ScrollTable label={t.enrollments}>
          <thead>
            <tr>
              <th scope="col">{t.columnParticipant}</th>
              <th scope="col">{t.columnPosition}</th>
              <th scope="col">{t.columnStatus}</th>
              <th scope="col">{t.columnAction}</th>
            </tr>
          </thead>
          <tbody>
            {enrollments.items.map((enrollment) => (
              <tr key={enrollment.id}>
                <td>{enrollment.participant.fullName}</td>
                <td>
                  {enrollment.participant.position}
                  <br />
                  <span class="muted">{enrollment.participant.municipality}</span>
                </td>
                <td>{a.enrollmentStatus(enrollment.status)}</td>
                <td>
                  {enrollment.status === 'active' && (
                    <form
                      method="post"
                      action={`/admin/cohorts/${cohortId}/enrollments/${enrollment.participantId}/withdraw`}
                      class="inline"
                    >
                      <CsrfField page={page} />
                      <button
                        type="submit"
                        class="secondary small"
                        aria-label={`${t.withdraw}: ${enrollment.participant.fullName}`}
                      >
                        {t.withdraw}
                      </button>
                    </form>
                  )}
                  {enrollment.status === 'withdrawn' && (
                    <EnrollButton
                      page={page}
                      cohortId={cohortId}
                      participantId={enrollment.participantId}
                      name={enrollment.participant.fullName}
                      label={t.enrollAgain}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <Pager list={enrollments} hrefAt={hrefAt} label={t.enrollments} locale={page.locale} />

      <section aria-labelledby="enroll" class="admin-form">
        <h3 id="enroll">{t.enrollTitle}</h3>
        <form
          method="get"
          action={`/admin/cohorts/${cohortId}#enroll`}
          role="search"
          class="search-form"
          hx-get={`/admin/cohorts/${cohortId}/participant-search`}
          hx-target="#found"
          hx-swap="outerHTML"
          hx-trigger="submit, input changed delay:400ms from:#find"
        >
          <TextField
            name="find"
            label={t.findLabel}
            hint={t.findHint}
            type="search"
            value={search.text}
            errors={search.errors}
          />
          <button type="submit">{t.find}</button>
        </form>
        <FoundParticipants page={page} cohortId={cohortId} search={search} />
      </section>
    </section>
  );
}
