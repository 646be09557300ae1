import { Page } from '../../common/http/pagination';
import { ParticipantResponse } from '../../participants/participant.dto';
import { FieldErrors } from '../shared/forms';
import { FormProblems, Notice, SelectField, TextField } from '../shared/form-fields';
import { CsrfField, Layout } from '../shared/layout';
import { PageContext } from '../shared/page-context';
import { FormState } from './admin-forms';
import { ScrollTable } from './admin-parts';
import { Pager, hrefOf } from '../shared/pager';
import { participantTexts } from './participants.messages';

export const PARTICIPANT_FIELDS = [
  'fullName',
  'position',
  'municipality',
  'region',
  'email',
  'phone',
  'locale',
] as const;

function ParticipantForm({ page, form }: { page: PageContext; form: FormState }) {
  const t = participantTexts(page.locale);
  const { values, errors } = form;
  return (
    <section aria-labelledby="new-participant" class="admin-form">
      <h2 id="new-participant">{t.newParticipant}</h2>
      <FormProblems problems={form.problems ?? []} />
      <form method="post" action="/admin/participants" novalidate>
        <CsrfField page={page} />
        <div class="field-grid">
          <TextField
            name="fullName"
            label={t.fieldFullName}
            value={values.fullName}
            autocomplete="off"
            required
            errors={errors}
          />
          <TextField
            name="position"
            label={t.fieldPosition}
            hint={t.fieldPositionHint}
            value={values.position}
            required
            errors={errors}
          />
          <TextField
            name="municipality"
            label={t.fieldMunicipality}
            value={values.municipality}
            required
            errors={errors}
          />
          <TextField
            name="region"
            label={t.fieldRegion}
            value={values.region}
            required
            errors={errors}
          />
          <TextField
            name="email"
            label={t.fieldEmail}
            type="email"
            value={values.email}
            autocomplete="off"
            required
            errors={errors}
          />
          <TextField
            name="phone"
            label={t.fieldPhone}
            hint={t.fieldPhoneHint}
            type="text"
            inputMode="numeric"
            value={values.phone}
            autocomplete="off"
            errors={errors}
          />
          <SelectField
            name="locale"
            label={t.fieldLocale}
            value={values.locale || 'ru'}
            options={[
              { value: 'ru', label: t.localeRu },
              { value: 'en', label: t.localeEn },
            ]}
            errors={errors}
          />
        </div>
        <button type="submit">{t.add}</button>
      </form>
    </section>
  );
}

export function ParticipantsPage({
  page,
  search,
  searchErrors,
  participants,
  form,
  notice,
}: {
  page: PageContext;
  search: string;
  searchErrors?: FieldErrors;
  participants: Page<ParticipantResponse>;
  form: FormState;
  notice?: string;
}) {
  const t = participantTexts(page.locale);
  const searching = search.trim() !== '' && !searchErrors;
  return (
    <Layout page={page} title={t.title} wide>
      <h1>{t.title}</h1>
      {notice && <Notice>{notice}</Notice>}
      <form method="get" action="/admin/participants" role="search" class="search-form">
        <TextField
          name="search"
          label={t.searchLabel}
          hint={t.searchHint}
          type="search"
          value={search}
          errors={searchErrors}
        />
        <button type="submit">{t.search}</button>
        {searching && (
          <a href="/admin/participants" class="button secondary">
            {t.showAll}
          </a>
        )}
      </form>
      {searching && (
        <p role="status" class="muted">
          {t.found(participants.total, search)}
        </p>
      )}
      {participants.total === 0 ? (
        <p>{searching ? t.noneFound : t.empty}</p>
      ) : (
        <ScrollTable label={t.listLabel}>
          <thead>
            <tr>
              <th scope="col">{t.columnName}</th>
              <th scope="col">{t.columnPosition}</th>
              <th scope="col">{t.columnRegion}</th>
              <th scope="col">{t.columnContacts}</th>
              <th scope="col">{t.columnMail}</th>
            </tr>
          </thead>
          <tbody>
            {participants.items.map((participant) => (
              <tr key={participant.id}>
                <td>{participant.fullName}</td>
                <td>
                  {participant.position}
                  <br />
                  <span class="muted">{participant.municipality}</span>
                </td>
                <td>{participant.region}</td>
                <td>
                  {participant.email && (
                    <a href={`mailto:${participant.email}`}>{participant.email}</a>
                  )}
                  {participant.phone && (
                    <>
                      <br />
                      {participant.phone}
                    </>
                  )}
                </td>
                <td>
                  <a
                    href={hrefOf('/admin/notifications', { participantId: participant.id })}
                    aria-label={t.mailOf(participant.fullName)}
                  >
                    {t.mailLink}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <Pager
        list={participants}
        hrefAt={(offset) =>
          hrefOf('/admin/participants', { search: searching ? search : undefined, offset })
        }
        label={t.listLabel}
        locale={page.locale}
      />
      <ParticipantForm page={page} form={form} />
    </Layout>
  );
}
