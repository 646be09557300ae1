import { FieldErrors } from '../shared/forms';

/** What was typed in a form, field by field: shown again beside the problems. */
export type Typed = Record<string, string>;

/** The named fields of a submitted form as text; anything else sent is left out. */
export function typedFields(body: unknown, names: readonly string[]): Typed {
  const form = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    names.map((name) => [name, typeof form[name] === 'string' ? form[name] : '']),
  );
}

/**
 * Whole-number fields as numbers, as a JSON client sends them, so the DTO's integer rules
 * apply unchanged; anything else stays text and those rules refuse it.
 */
export function withNumbers(typed: Typed, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(typed).map(([name, value]) => [
      name,
      names.includes(name) && /^-?\d{1,10}$/.test(value.trim()) ? Number(value) : value,
    ]),
  );
}

/**
 * A filled field's problem in this page's own words, where the shared ones are not specific
 * enough (or are the API's English message). An empty field keeps "required".
 */
export function reword(errors: FieldErrors, typed: Typed, field: string, text: string): void {
  if (errors[field] && (typed[field] ?? '').trim() !== '') {
    errors[field] = [text];
  }
}

/** A form as the page shows it again: what was typed, and what is wrong with it. */
export interface FormState {
  values: Typed;
  errors?: FieldErrors;
  problems?: string[];
}
