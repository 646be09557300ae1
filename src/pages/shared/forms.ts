import { BadRequestException, HttpException } from '@nestjs/common';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { ValidationError, validate } from 'class-validator';
import { Locale } from '../../common/i18n/locale';
import { findInputProblems } from '../../common/http/input-problems';
import { commonTexts } from './common.messages';
import { CSRF_FIELD } from './csrf';

/** The problems of a form, by field name. */
export type FieldErrors = Record<string, string[]>;

export type FormResult<T> =
  { value: T; errors?: undefined } | { value?: undefined; errors: FieldErrors };

/** What a class-validator constraint means, in the page's language. */
function explain(constraint: string, error: ValidationError, locale: Locale): string {
  const t = commonTexts(locale);
  const message = error.constraints?.[constraint] ?? '';
  const limit = Number(/(\d+)/.exec(message.replace(error.property, ''))?.[1]);
  switch (constraint) {
    case 'isNotEmpty':
    case 'isDefined':
      return t.required;
    case 'maxLength':
      return t.tooLong(limit);
    case 'minLength':
      return t.tooShort(limit);
    case 'isEmail':
      return t.notEmail;
    case 'isUrl':
      return t.notUrl;
    case 'isInt':
    case 'isNumber':
      return t.notNumber;
    case 'min':
    case 'max':
      return t.outOfRange;
    case 'isIn':
    case 'isEnum':
      return t.notInList;
    case 'isDateTimeInput':
    case 'isDateOrInstant':
      return t.notDateTime;
    case 'isLocalDate':
      return t.notDate;
    case 'isIanaTimeZone':
      return t.notTimeZone;
    case 'isNotBeforeDateIn':
      return t.notBeforeStart;
    default:
      return message || t.invalid;
  }
}

function collect(errors: ValidationError[], locale: Locale, into: FieldErrors, prefix = '') {
  for (const error of errors) {
    const field = `${prefix}${error.property}`;
    const constraints = Object.keys(error.constraints ?? {});
    if (constraints.length > 0) {
      // A value left out of a field that needs one is only missing (every other rule then fails
      // too); otherwise the first broken rule is the one to fix.
      into[field] = [
        error.value === undefined
          ? commonTexts(locale).required
          : explain(constraints[0], error, locale),
      ];
    }
    collect(error.children ?? [], locale, into, `${field}.`);
  }
}

/**
 * A submitted form as the API's input class, checked by the same rules as the API: each
 * field's problem in the page's language, or the value. Fields left empty (or blank) count as absent.
 */
export async function readForm<T extends object>(
  dtoClass: ClassConstructor<T>,
  input: Record<string, unknown>,
  locale: Locale,
): Promise<FormResult<T>> {
  const fields = Object.fromEntries(
    Object.entries(input).filter(
      ([key, value]) => key !== CSRF_FIELD && !(typeof value === 'string' && value.trim() === ''),
    ),
  );
  const errors: FieldErrors = {};
  const { problems } = findInputProblems(fields);
  for (const problem of problems) {
    errors[problem.split(' ')[0]] = [commonTexts(locale).invalid];
  }
  const value = plainToInstance(dtoClass, fields);
  collect(await validate(value, { whitelist: true, forbidNonWhitelisted: true }), locale, errors);
  return Object.keys(errors).length > 0 ? { errors } : { value };
}

/**
 * A service's refusal as form problems: a field named at the start of a message is marked
 * beside that field, the rest above the form. Anything else than a 400 or 409 is no form
 * problem and is thrown on.
 */
export function problemsOf(
  error: unknown,
  fields: readonly string[],
): { fields: FieldErrors; form: string[] } {
  if (
    !(error instanceof HttpException) ||
    !(
      error instanceof BadRequestException ||
      error.getStatus() === 409 ||
      error.getStatus() === 422
    )
  ) {
    throw error;
  }
  const body = error.getResponse() as { message?: string | string[] } | string;
  const messages = typeof body === 'string' ? [body] : [body.message ?? error.message].flat();
  const found: { fields: FieldErrors; form: string[] } = { fields: {}, form: [] };
  for (const message of messages.map(String)) {
    const field = fields.find((name) => message.startsWith(`${name} `));
    if (field) {
      (found.fields[field] ??= []).push(message);
    } else {
      found.form.push(message);
    }
  }
  return found;
}

/** A checkbox is sent only when ticked. */
export function checkbox(input: Record<string, unknown>, name: string): boolean {
  return input[name] === 'on';
}
