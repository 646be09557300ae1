import { CohortResponse } from '../../cohorts/cohort.dto';
import { Page } from '../../common/http/pagination';
import { ProgramResponse } from '../../programs/program.dto';
import { EXCUSED_ABSENCE_RULES, PROGRAM_STATUSES } from '../../programs/program.entity';
import { FormProblems, Notice, SelectField, TextArea, TextField } from '../shared/form-fields';
import { CsrfField, Layout } from '../shared/layout';
import { PageContext } from '../shared/page-context';
import { FormState } from './admin-forms';
import { Breadcrumbs, ScrollTable } from './admin-parts';
import { Pager, hrefOf } from '../shared/pager';
import { adminTexts } from './admin.messages';
import { programTexts } from './programs.messages';

export const PROGRAM_FIELDS = [
  'title',
  'description',
  'organizer',
  'status',
  'requiredAttendancePercent',
  'excusedAbsences',
] as const;

export const NEW_PROGRAM: FormState = {
  values: { status: 'draft', requiredAttendancePercent: '80', excusedAbsences: 'excluded' },
};

/** The program statuses, named in the page's language. */
function statusOptions(page: PageContext) {
  const a = adminTexts(page.locale);
  return PROGRAM_STATUSES.map((status) => ({ value: status, label: a.programStatus(status) }));
}

function ProgramForm({ page, form }: { page: PageContext; form: FormState }) {
  const t = programTexts(page.locale);
  const a = adminTexts(page.locale);
  const { values, errors } = form;
  return (
    <section aria-labelledby="new-program">
      <h2 id="new-program">{t.newProgram}</h2>
      <FormProblems problems={form.problems ?? []} />
      <form method="post" action="/admin/programs" class="narrow" novalidate>
        <CsrfField page={page} />
        <TextField
          name="title"
          label={t.fieldTitle}
          hint={t.fieldTitleHint}
          value={values.title}
          required
          errors={errors}
        />
        <TextField
          name="organizer"
          label={t.fieldOrganizer}
          hint={t.fieldOrganizerHint}
          value={values.organizer}
          required
          errors={errors}
        />
        <TextArea
          name="description"
          label={t.fieldDescription}
          value={values.description}
          errors={errors}
        />
        <SelectField
          name="status"
          label={t.fieldStatus}
          value={values.status}
          options={statusOptions(page)}
          errors={errors}
        />
        <TextField
          name="requiredAttendancePercent"
          label={t.fieldRequiredPercent}
          hint={t.fieldRequiredPercentHint}
          type="number"
          inputMode="numeric"
          value={values.requiredAttendancePercent}
          errors={errors}
        />
        <SelectField
          name="excusedAbsences"
          label={t.fieldExcusedAbsences}
          value={values.excusedAbsences}
          options={EXCUSED_ABSENCE_RULES.map((rule) => ({
            value: rule,
            label: a.excusedAbsences(rule),
          }))}
          errors={errors}
        />
        <button type="submit">{t.create}</button>
      </form>
    </section>
  );
}

export function ProgramsPage({
  page,
  programs,
  form,
}: {
  page: PageContext;
  programs: Page<ProgramResponse>;
  form: FormState;
}) {
  const t = programTexts(page.locale);
  const a = adminTexts(page.locale);
  return (
    <Layout page={page} title={t.title}>
      <h1>{t.title}</h1>
      {programs.total === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <ScrollTable label={t.listLabel}>
          <thead>
            <tr>
              <th scope="col">{t.columnTitle}</th>
              <th scope="col">{t.columnStatus}</th>
              <th scope="col">{t.columnOrganizer}</th>
            </tr>
          </thead>
          <tbody>
            {programs.items.map((program) => (
              <tr key={program.id}>
                <td>
                  <a href={`/admin/programs/${program.id}`}>{program.title}</a>
                </td>
                <td>{a.programStatus(program.status)}</td>
                <td>{program.organizer}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <Pager
        list={programs}
        hrefAt={(offset) => hrefOf('/admin', { offset })}
        label={t.listLabel}
        locale={page.locale}
      />
      <ProgramForm page={page} form={form} />
    </Layout>
  );
}

export function ProgramPage({
  page,
  program,
  cohorts,
  form,
  notice,
}: {
  page: PageContext;
  program: ProgramResponse;
  cohorts: Page<CohortResponse>;
  form: FormState;
  notice?: string;
}) {
  const t = programTexts(page.locale);
  const a = adminTexts(page.locale);
  return (
    <Layout page={page} title={program.title}>
      <Breadcrumbs
        steps={[{ href: '/admin', label: a.programs }]}
        current={program.title}
        locale={page.locale}
      />
      <h1>{program.title}</h1>
      {notice && <Notice>{notice}</Notice>}
      <ul class="facts">
        <li>
          <span class="badge">{a.programStatus(program.status)}</span> {program.organizer}
        </li>
        <li>{t.requiredPercent(program.requiredAttendancePercent)}</li>
        <li>{t.excused(a.excusedAbsences(program.excusedAbsences))}</li>
      </ul>
      {program.description && <p class="description">{program.description}</p>}
      <form method="post" action={`/admin/programs/${program.id}/status`} class="inline-form">
        <CsrfField page={page} />
        <SelectField
          name="status"
          label={t.statusLabel}
          value={program.status}
          options={statusOptions(page)}
        />
        <button type="submit" class="secondary">
          {t.changeStatus}
        </button>
      </form>

      <section aria-labelledby="cohorts">
        <h2 id="cohorts">{t.cohorts}</h2>
        {cohorts.total === 0 ? (
          <p>{t.cohortsEmpty}</p>
        ) : (
          <ul class="link-list">
            {cohorts.items.map((cohort) => (
              <li key={cohort.id}>
                <a href={`/admin/cohorts/${cohort.id}`}>{cohort.title}</a>
              </li>
            ))}
          </ul>
        )}
        <Pager
          list={cohorts}
          hrefAt={(offset) => hrefOf(`/admin/programs/${program.id}`, { offset }, 'cohorts')}
          label={t.cohorts}
          locale={page.locale}
        />
      </section>

      <section aria-labelledby="new-cohort">
        <h2 id="new-cohort">{t.newCohort}</h2>
        <FormProblems problems={form.problems ?? []} />
        <form
          method="post"
          action={`/admin/programs/${program.id}/cohorts`}
          class="narrow"
          novalidate
        >
          <CsrfField page={page} />
          <TextField
            name="title"
            label={t.fieldCohortTitle}
            hint={t.fieldCohortTitleHint}
            value={form.values.title}
            required
            errors={form.errors}
          />
          <button type="submit">{t.addCohort}</button>
        </form>
      </section>
    </Layout>
  );
}
