import { AgendaChange, FieldChange } from '../../agendas/agenda-changes';
import { Locale } from '../../common/i18n/locale';
import { clockOf } from '../shared/time';
import { wallClockText, zoneOf } from './local-times';
import { changeTexts, sessionLabels } from './stages.messages';

interface StageZone {
  city: string;
  timeZone: string;
}

const TIME_FIELDS = new Set(['startsAt', 'endsAt']);

function valueText(field: string, value: FieldChange['from'], locale: Locale): string {
  const t = changeTexts(locale);
  const labels = sessionLabels(locale) as Record<string, string | ((name: string) => string)>;
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return t.none;
  }
  if (typeof value === 'boolean') {
    return value ? t.yes : t.no;
  }
  if (Array.isArray(value)) {
    return value.join(', ');
  }
  const text = String(value);
  if ((field === 'type' || field === 'status') && typeof labels[text] === 'string') {
    return labels[text] as string;
  }
  // A long description is named as changed, not reprinted.
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function fieldLabel(field: string, locale: Locale): string {
  const texts = changeTexts(locale) as Record<string, unknown>;
  const label = texts[`field_${field}`];
  return typeof label === 'string' ? label : field;
}

/** What one change says beyond its kind and title, in the stage's local time. */
function detailOf(change: AgendaChange, stage: StageZone, locale: Locale): string {
  const t = changeTexts(locale);
  const times = change.fields.filter((field) => TIME_FIELDS.has(field.field));
  if (change.kind === 'session_added' || change.kind === 'session_removed') {
    const side = change.kind === 'session_added' ? 'to' : 'from';
    const start = times.find((field) => field.field === 'startsAt');
    const end = times.find((field) => field.field === 'endsAt');
    const startLocal = side === 'to' ? start?.toLocal : start?.fromLocal;
    const endLocal = side === 'to' ? end?.toLocal : end?.fromLocal;
    const instant = side === 'to' ? start?.to : start?.from;
    if (!startLocal || !endLocal || typeof instant !== 'string') {
      return '';
    }
    return `${wallClockText(startLocal, locale)}–${clockOf(endLocal)}, ${zoneOf(stage.city, instant, stage.timeZone)}`;
  }
  const parts = change.fields.map((field) => {
    if (TIME_FIELDS.has(field.field) && field.fromLocal && field.toLocal) {
      return `${fieldLabel(field.field, locale)}: ${t.fromTo(
        wallClockText(field.fromLocal, locale),
        wallClockText(field.toLocal, locale),
      )}`;
    }
    return `${fieldLabel(field.field, locale)}: ${t.fromTo(
      valueText(field.field, field.from, locale),
      valueText(field.field, field.to, locale),
    )}`;
  });
  const moved = times.find((field) => typeof field.to === 'string');
  if (moved) {
    parts.push(zoneOf(stage.city, moved.to as string, stage.timeZone));
  }
  return parts.join('; ');
}

/** The changes of a version (or of the next publish), each with its old and new values. */
export function ChangeList({
  changes,
  stage,
  locale,
}: {
  changes: AgendaChange[];
  stage: StageZone;
  locale: Locale;
}) {
  const t = changeTexts(locale);
  return (
    <ul class="change-list">
      {changes.map((change, index) => {
        const detail = detailOf(change, stage, locale);
        return (
          <li key={index} class={`change change-${change.kind}`}>
            <span class="change-kind">{t[change.kind]}</span>{' '}
            <span class="change-title">{change.title}</span>
            {detail && <span class="change-detail"> — {detail}</span>}
          </li>
        );
      })}
    </ul>
  );
}
