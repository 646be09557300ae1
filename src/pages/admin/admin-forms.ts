import { ClassConstructor } from 'class-transformer';
import { Locale } from '../../common/i18n/locale';
import { commonTexts } from '../shared/common.messages';
import { FieldErrors, FormResult, readForm } from '../shared/forms';

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
 * `readForm`, where a field left empty that the DTO needs says so: class-validator reports
 * every rule of a missing value, and the first one is not always `isNotEmpty`.
 */
export async function readAdminForm<T extends object>(
  dtoClass: ClassConstructor<T>,
  input: Record<string, unknown>,
  typed: Typed,
  locale: Locale,
): Promise<FormResult<T>> {
  const result = await readForm(dtoClass, input, locale);
  if (result.errors) {
    for (const field of Object.keys(result.errors)) {
      if (typed[field] !== undefined && typed[field].trim() === '') {
        result.errors[field] = [commonTexts(locale).required];
      }
    }
  }
  return result;
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
