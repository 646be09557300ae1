import { ComponentChildren } from 'preact';
import { Locale } from '../../common/i18n/locale';
import { CreateSessionDto, SessionResponse } from '../../sessions/session.dto';
import { SESSION_STATUSES, SESSION_TYPES } from '../../sessions/session.entity';
import { StageResponse } from '../../stages/stage.dto';
import { localDates } from '../../common/time/local-time';
import { FormProblems } from '../shared/form-fields';
import { FieldErrors, FormResult, checkbox, problemsOf, readForm } from '../shared/forms';
import { CsrfField } from '../shared/layout';
import { PageContext } from '../shared/page-context';
import { cityAndOffset } from '../shared/time';
import { sessionLabels, stageTexts } from './stages.messages';

/** A session form as typed: what it shows again when it has problems. */
export interface SessionFormValues {
  title: string;
  type: string;
  status: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  address: string;
  onlineUrl: string;
  track: string;
  isMandatory: boolean;
}

const TEXT_FIELDS = [
  'title',
  'type',
  'status',
  'startsAt',
  'endsAt',
  'venue',
  'address',
  'onlineUrl',
  'track',
] as const;

/** `2025-11-18T10:00`: the wall clock a `datetime-local` field shows. */
const minutesOf = (local: string) => local.slice(0, 16);

export function valuesOfSession(session: SessionResponse): SessionFormValues {
  return {
    title: session.title,
    type: session.type,
    status: session.status,
    startsAt: minutesOf(session.startsAtLocal),
    endsAt: minutesOf(session.endsAtLocal),
    venue: session.venue ?? '',
    address: session.address ?? '',
    onlineUrl: session.onlineUrl ?? '',
    track: session.track ?? '',
    isMandatory: session.isMandatory,
  };
}

/** A new session: on the stage's first day, at the stage's venue. */
export function valuesOfNewSession(stage: StageResponse): SessionFormValues {
  return {
    title: '',
    type: 'lecture',
    status: 'scheduled',
    startsAt: `${stage.startDate}T10:00`,
    endsAt: `${stage.startDate}T11:00`,
    venue: stage.venue ?? '',
    address: stage.address ?? '',
    onlineUrl: '',
    track: '',
    isMandatory: true,
  };
}

/**
 * A submitted session form, read by the API's own rules (`CreateSessionDto`: every field the
 * form shows must be valid, an edit included). An emptied optional field clears it.
 */
export async function readSessionForm(
  form: Record<string, unknown>,
  locale: Locale,
): Promise<{ values: SessionFormValues; result: FormResult<CreateSessionDto> }> {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
  const values = {
    ...(Object.fromEntries(TEXT_FIELDS.map((name) => [name, text(name)])) as Omit<
      SessionFormValues,
      'isMandatory'
    >),
    isMandatory: checkbox(form, 'isMandatory'),
  };
  return { values, result: await checkSessionValues(values, locale) };
}

/** A session form's values checked by the API's rules for a session. */
export function checkSessionValues(
  values: SessionFormValues,
  locale: Locale,
): Promise<FormResult<CreateSessionDto>> {
  const orNull = (value: string) => (value.trim() === '' ? null : value);
  return readForm(
    CreateSessionDto,
    {
      title: values.title,
      type: values.type,
      status: values.status,
      startsAt: values.startsAt,
      endsAt: values.endsAt,
      venue: orNull(values.venue),
      address: orNull(values.address),
      onlineUrl: orNull(values.onlineUrl),
      track: orNull(values.track),
      isMandatory: values.isMandatory,
    },
    locale,
  );
}

/** The values of a form's `shown` field, if it holds them. */
export function shownValues(form: Record<string, unknown>): SessionFormValues | null {
  try {
    const shown: unknown = JSON.parse(String(form.shown ?? ''));
    const complete =
      typeof shown === 'object' &&
      shown !== null &&
      TEXT_FIELDS.every((name) => typeof (shown as Record<string, unknown>)[name] === 'string') &&
      typeof (shown as Record<string, unknown>).isMandatory === 'boolean';
    return complete ? (shown as SessionFormValues) : null;
  } catch {
    return null;
  }
}

/**
 * A save of an edit form over what the session is now: the fields this person changed, and
 * what others changed meanwhile for the rest. A field both changed differently is a conflict.
 */
export function mergeEdit(
  typed: SessionFormValues,
  shown: SessionFormValues,
  now: SessionFormValues,
): { merged: SessionFormValues; conflicting: (keyof SessionFormValues)[] } {
  const merged = { ...typed };
  const conflicting: (keyof SessionFormValues)[] = [];
  for (const name of [...TEXT_FIELDS, 'isMandatory'] as (keyof SessionFormValues)[]) {
    const changedHere = typed[name] !== shown[name];
    const changedThere = now[name] !== shown[name];
    if (changedThere && !changedHere) {
      (merged as Record<string, unknown>)[name] = now[name];
    } else if (changedThere && changedHere && typed[name] !== now[name]) {
      conflicting.push(name);
    }
  }
  return { merged, conflicting };
}

/**
 * A refusal of the sessions service as form problems in the page's language: the time rules
 * beside the time fields, anything else above the form.
 */
export function sessionProblems(
  error: unknown,
  stage: StageResponse,
  locale: Locale,
): { fields: FieldErrors; form: string[] } {
  const t = stageTexts(locale);
  const found = problemsOf(error, TEXT_FIELDS);
  const dates = localDates(stage.startDate, stage.endDate, locale);
  for (const [field, messages] of Object.entries(found.fields)) {
    found.fields[field] = messages.map((message) =>
      message.includes('must be after')
        ? t.endBeforeStart
        : message.includes("stage's dates")
          ? t.outsideStage(dates)
          : message,
    );
  }
  return found;
}

interface FieldProps {
  /** Ids are unique on a page of many forms: `s12-title`. */
  prefix: string;
  name: string;
  label: string;
  errors?: FieldErrors;
  hint?: string;
}

function Field({
  prefix,
  name,
  label,
  errors,
  hint,
  children,
}: FieldProps & { children: ComponentChildren }) {
  const problems = errors?.[name];
  return (
    <div class={`field${problems ? ' has-error' : ''}`}>
      <label for={`${prefix}-${name}`}>{label}</label>
      {hint && (
        <p class="hint" id={`${prefix}-${name}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {problems && (
        <p class="field-error" id={`${prefix}-${name}-error`}>
          {problems.join('; ')}
        </p>
      )}
    </div>
  );
}

/** The attributes that tie a control to its label, hint and problems. */
function controlOf({ prefix, name, errors, hint }: FieldProps) {
  const described = [
    hint ? `${prefix}-${name}-hint` : '',
    errors?.[name] ? `${prefix}-${name}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    id: `${prefix}-${name}`,
    name,
    'aria-invalid': errors?.[name] ? ('true' as const) : undefined,
    'aria-describedby': described || undefined,
  };
}

function Input(
  props: FieldProps & {
    value: string;
    type?: 'text' | 'url' | 'datetime-local';
    min?: string;
    max?: string;
    maxLength?: number;
    required?: boolean;
    autofocus?: boolean;
  },
) {
  return (
    <Field {...props}>
      <input
        {...controlOf(props)}
        type={props.type ?? 'text'}
        value={props.value}
        min={props.min}
        max={props.max}
        maxLength={props.maxLength}
        required={props.required}
        autofocus={props.autofocus}
      />
    </Field>
  );
}

function Select(
  props: FieldProps & { value: string; options: { value: string; label: string }[] },
) {
  return (
    <Field {...props}>
      <select {...controlOf(props)}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * The form of one session, to add or to edit. It posts as a plain form; given `htmxTarget`,
 * htmx posts it and swaps the answer into that element instead.
 */
export function SessionForm({
  page,
  stage,
  prefix,
  action,
  values,
  errors,
  problems = [],
  submitLabel,
  htmxTarget,
  cancel,
  autofocus = false,
  shown,
}: {
  page: PageContext;
  stage: StageResponse;
  prefix: string;
  action: string;
  values: SessionFormValues;
  errors?: FieldErrors;
  problems?: string[];
  submitLabel: string;
  htmxTarget?: string;
  cancel?: { href: string; label: string; htmxGet?: string };
  autofocus?: boolean;
  /** Editing: the values as first shown, sent back so that a save keeps others' changes. */
  shown?: SessionFormValues;
}) {
  const t = stageTexts(page.locale);
  const labels = sessionLabels(page.locale);
  const field = { prefix, errors };
  // The offset of the stage's first day: the zone's name for the hint, not a time of its own.
  const zone = cityAndOffset(stage.city, `${stage.startDate}T12:00:00Z`, stage.timeZone);
  const timeHint = t.localTimeHint(zone);
  // The stage's days, for the browser's date picker; the service checks them anyway.
  const days = { min: `${stage.startDate}T00:00`, max: `${stage.endDate}T23:59` };
  return (
    <form
      method="post"
      action={action}
      class="session-form"
      novalidate
      hx-post={htmxTarget ? action : undefined}
      hx-target={htmxTarget}
      hx-swap={htmxTarget ? 'outerHTML' : undefined}
    >
      <CsrfField page={page} />
      {shown && <input type="hidden" name="shown" value={JSON.stringify(shown)} />}
      <FormProblems problems={problems} />
      <Input
        {...field}
        name="title"
        label={t.title}
        value={values.title}
        maxLength={300}
        required
        autofocus={autofocus}
      />
      <div class="field-row">
        <Select
          {...field}
          name="type"
          label={t.type}
          value={values.type}
          options={SESSION_TYPES.map((type) => ({ value: type, label: labels[type] }))}
        />
        <Select
          {...field}
          name="status"
          label={t.status}
          value={values.status}
          options={SESSION_STATUSES.map((status) => ({ value: status, label: labels[status] }))}
        />
      </div>
      <div class="field-row">
        <Input
          {...field}
          name="startsAt"
          label={t.startsAt}
          type="datetime-local"
          value={values.startsAt}
          hint={timeHint}
          {...days}
          required
        />
        <Input
          {...field}
          name="endsAt"
          label={t.endsAt}
          type="datetime-local"
          value={values.endsAt}
          hint={timeHint}
          {...days}
          required
        />
      </div>
      <div class="field-row">
        <Input {...field} name="venue" label={t.venue} value={values.venue} maxLength={300} />
        <Input {...field} name="address" label={t.address} value={values.address} maxLength={500} />
      </div>
      <Input
        {...field}
        name="onlineUrl"
        label={t.onlineUrl}
        type="url"
        value={values.onlineUrl}
        hint={t.onlineUrlHint}
        maxLength={500}
      />
      <Input
        {...field}
        name="track"
        label={t.trackField}
        value={values.track}
        hint={t.trackHint}
        maxLength={100}
      />
      <div class="field checkbox">
        <input
          id={`${prefix}-isMandatory`}
          name="isMandatory"
          type="checkbox"
          value="on"
          checked={values.isMandatory}
        />
        <label for={`${prefix}-isMandatory`}>{t.isMandatory}</label>
      </div>
      <div class="form-actions">
        <button type="submit">{submitLabel}</button>
        {cancel && (
          <a
            class="button secondary"
            href={cancel.href}
            hx-get={cancel.htmxGet}
            hx-target={cancel.htmxGet ? htmxTarget : undefined}
            hx-swap={cancel.htmxGet ? 'outerHTML' : undefined}
          >
            {cancel.label}
          </a>
        )}
      </div>
    </form>
  );
}
