import { localDates } from '../../common/time/local-time';
import { DateTime } from 'luxon';
import { Page } from '../../common/http/pagination';
import { StageResponse } from '../../stages/stage.dto';
import { CheckboxField, FormProblems, SelectField, TextField } from '../shared/form-fields';
import { CsrfField } from '../shared/layout';
import { PageContext } from '../shared/page-context';
import { cityAndOffset } from '../shared/time';
import { FormState } from './admin-forms';
import { ScrollTable } from './admin-parts';
import { Pager } from '../shared/pager';
import { cohortTexts } from './cohort.messages';
import { russianZoneOptions } from './russian-zones';

export const STAGE_FIELDS = [
  'sequence',
  'title',
  'city',
  'region',
  'timeZone',
  'venue',
  'address',
  'startDate',
  'endDate',
  'hostOrganization',
  'isPublic',
] as const;

/** `Тюмень (UTC+5)`, with the offset the zone has on the stage's first day. */
function cityOf(stage: StageResponse): string {
  const firstDay = DateTime.fromISO(stage.startDate, { zone: stage.timeZone }).toJSDate();
  return cityAndOffset(stage.city, firstDay, stage.timeZone);
}

/** Folded once the cohort has stages, unless it comes back with problems. */
function StageForm({
  page,
  cohortId,
  form,
  now,
  open,
}: {
  page: PageContext;
  cohortId: number;
  form: FormState;
  now: Date;
  open: boolean;
}) {
  const t = cohortTexts(page.locale);
  const { values, errors } = form;
  return (
    <details class="admin-form" id="new-stage" open={open}>
      <summary>{t.newStage}</summary>
      <FormProblems problems={form.problems ?? []} />
      <form method="post" action={`/admin/cohorts/${cohortId}/stages`} novalidate>
        <CsrfField page={page} />
        <div class="field-grid">
          <TextField
            name="sequence"
            label={t.fieldSequence}
            type="number"
            inputMode="numeric"
            value={values.sequence}
            required
            errors={errors}
          />
          <TextField
            name="title"
            label={t.fieldStageTitle}
            value={values.title}
            required
            errors={errors}
          />
          <TextField name="city" label={t.fieldCity} value={values.city} required errors={errors} />
          <TextField
            name="region"
            label={t.fieldRegion}
            value={values.region}
            required
            errors={errors}
          />
        </div>
        {/* The shared select does not show a hint: it stands before the field instead. */}
        <p class="hint">{t.fieldTimeZoneHint}</p>
        <SelectField
          name="timeZone"
          label={t.fieldTimeZone}
          value={values.timeZone}
          options={[{ value: '', label: '—' }, ...russianZoneOptions(page.locale, now)]}
          required
          errors={errors}
        />
        <div class="field-grid">
          <TextField
            name="startDate"
            label={t.fieldStartDate}
            type="date"
            value={values.startDate}
            required
            errors={errors}
          />
          <TextField
            name="endDate"
            label={t.fieldEndDate}
            type="date"
            value={values.endDate}
            required
            errors={errors}
          />
          <TextField name="venue" label={t.fieldVenue} value={values.venue} errors={errors} />
          <TextField name="address" label={t.fieldAddress} value={values.address} errors={errors} />
        </div>
        <TextField
          name="hostOrganization"
          label={t.fieldHostOrganization}
          value={values.hostOrganization}
          errors={errors}
        />
        <CheckboxField
          name="isPublic"
          label={t.fieldIsPublic}
          checked={values.isPublic === 'on'}
          errors={errors}
        />
        <button type="submit">{t.addStage}</button>
      </form>
    </details>
  );
}

export function StagesSection({
  page,
  cohortId,
  stages,
  form,
  now,
  hrefAt,
}: {
  page: PageContext;
  cohortId: number;
  stages: Page<StageResponse>;
  form: FormState;
  now: Date;
  hrefAt: (offset: number) => string;
}) {
  const t = cohortTexts(page.locale);
  return (
    <section aria-labelledby="stages">
      <h2 id="stages">{t.stages}</h2>
      {stages.total === 0 ? (
        <p>{t.stagesEmpty}</p>
      ) : (
        <ScrollTable label={t.stages}>
          <thead>
            <tr>
              <th scope="col">{t.columnSequence}</th>
              <th scope="col">{t.columnStage}</th>
              <th scope="col">{t.columnCity}</th>
              <th scope="col">{t.columnDates}</th>
              <th scope="col">{t.columnAgenda}</th>
            </tr>
          </thead>
          <tbody>
            {stages.items.map((stage) => (
              <tr key={stage.id}>
                <td>{stage.sequence}</td>
                <td>
                  <a href={`/stages/${stage.id}`}>{stage.title}</a>
                </td>
                <td>
                  {cityOf(stage)}
                  <br />
                  <span class="muted">{stage.region}</span>
                </td>
                <td>{localDates(stage.startDate, stage.endDate, page.locale)}</td>
                <td>{stage.isPublic ? t.publicAgenda : t.privateAgenda}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <Pager list={stages} hrefAt={hrefAt} label={t.stages} locale={page.locale} />
      <StageForm
        page={page}
        cohortId={cohortId}
        form={form}
        now={now}
        open={stages.total === 0 || Boolean(form.errors) || (form.problems ?? []).length > 0}
      />
    </section>
  );
}
