import { Page } from '../../common/http/pagination';
import { EnrollmentResponse } from '../../enrollments/enrollment.dto';
import { MentorAssignmentResponse } from '../../mentors/mentor-assignment.dto';
import { MentorResponse } from '../../mentors/mentor.dto';
import { FormProblems, SelectField } from '../shared/form-fields';
import { CsrfField } from '../shared/layout';
import { PageContext } from '../shared/page-context';
import { FormState } from './admin-forms';
import { Pager } from '../shared/pager';
import { cohortTexts } from './cohort.messages';

/** A mentor chosen on the page, with its mentees in this cohort. */
export interface ChosenMentor {
  mentor: MentorResponse;
  mentees: Page<MentorAssignmentResponse>;
}

function MenteesOf({
  page,
  cohortId,
  chosen,
  hrefAt,
}: {
  page: PageContext;
  cohortId: number;
  chosen: ChosenMentor;
  hrefAt: (offset: number) => string;
}) {
  const t = cohortTexts(page.locale);
  const { mentor, mentees } = chosen;
  return (
    <section aria-labelledby="mentees">
      <h3 id="mentees">{t.menteesOf(mentor.fullName)}</h3>
      {mentees.total === 0 ? (
        <p>{t.noMentees}</p>
      ) : (
        <ul class="found">
          {mentees.items.map((assignment) => (
            <li key={assignment.id}>
              <span>
                <strong>{assignment.participant.fullName}</strong>
                <br />
                <span class="muted">
                  {assignment.participant.position}, {assignment.participant.municipality}
                </span>
              </span>
              <form
                method="post"
                action={`/admin/cohorts/${cohortId}/assignments/${assignment.id}/remove`}
                class="inline"
              >
                <CsrfField page={page} />
                <input type="hidden" name="mentorId" value={mentor.id} />
                <button
                  type="submit"
                  class="secondary small"
                  aria-label={`${t.unassign}: ${assignment.participant.fullName}`}
                >
                  {t.unassign}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <Pager
        list={mentees}
        hrefAt={hrefAt}
        label={t.menteesOf(mentor.fullName)}
        locale={page.locale}
      />
    </section>
  );
}

export function MentorsSection({
  page,
  cohortId,
  mentors,
  active,
  chosen,
  form,
  hrefAt,
}: {
  page: PageContext;
  cohortId: number;
  /** The mentors to choose from. */
  mentors: MentorResponse[];
  /** The cohort's active enrollments: who may get a mentor. */
  active: EnrollmentResponse[];
  chosen: ChosenMentor | null;
  form: FormState;
  hrefAt: (offset: number) => string;
}) {
  const t = cohortTexts(page.locale);
  const mentorOptions = mentors.map((mentor) => ({
    value: String(mentor.id),
    label: `${mentor.fullName} (${mentor.organization})`,
  }));
  if (mentors.length === 0) {
    return (
      <section aria-labelledby="mentors">
        <h2 id="mentors">{t.mentors}</h2>
        <p>{t.noMentors}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="mentors">
      <h2 id="mentors">{t.mentors}</h2>
      <form method="get" action={`/admin/cohorts/${cohortId}#mentors`} class="search-form">
        <SelectField
          name="mentor"
          label={t.mentorToShow}
          value={chosen ? String(chosen.mentor.id) : null}
          options={mentorOptions}
        />
        <button type="submit" class="secondary">
          {t.showMentees}
        </button>
      </form>
      {chosen && <MenteesOf page={page} cohortId={cohortId} chosen={chosen} hrefAt={hrefAt} />}

      <section aria-labelledby="assign" class="admin-form">
        <h3 id="assign">{t.assignTitle}</h3>
        <FormProblems problems={form.problems ?? []} />
        {active.length === 0 ? (
          <p>{t.noActive}</p>
        ) : (
          <form method="post" action={`/admin/cohorts/${cohortId}/assignments`} novalidate>
            <CsrfField page={page} />
            <div class="field-grid">
              <SelectField
                name="mentorId"
                label={t.fieldMentor}
                value={form.values.mentorId ?? (chosen ? String(chosen.mentor.id) : null)}
                options={mentorOptions}
                required
                errors={form.errors}
              />
              <SelectField
                name="participantId"
                label={t.fieldMentee}
                value={form.values.participantId}
                options={active.map((enrollment) => ({
                  value: String(enrollment.participantId),
                  label: `${enrollment.participant.fullName} (${enrollment.participant.municipality})`,
                }))}
                required
                errors={form.errors}
              />
            </div>
            <button type="submit">{t.assign}</button>
          </form>
        )}
      </section>
    </section>
  );
}
