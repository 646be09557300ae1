/** The integer columns of both engines are 32-bit. */
export const MAX_INTEGER = 2_147_483_647;
const MIN_INTEGER = -2_147_483_648;

/** With the `u` flag a surrogate pair is one code point; only a lone half is in class Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Keys that would reach an object's prototype when input is copied onto a class. */
const PROTOTYPE_KEYS = new Set([
  '__proto__',
  'prototype',
  ...Object.getOwnPropertyNames(Object.prototype),
]);

/** Blanks, and invisible format characters such as the zero-width space. */
const BLANK = /^[\p{White_Space}\p{Cf}]*$/u;

interface InputProblems {
  problems: string[];
  /** A prototype key: the input must not reach the DTO classes at all. */
  refuseAtOnce: boolean;
}

/**
 * What no field of any request may hold, named by field: NUL characters (PostgreSQL text
 * cannot store them), lone UTF-16 surrogates (not text), strings of blanks only, and keys that
 * would reach a prototype (refused like any unknown field).
 */
export function findInputProblems(input: unknown): InputProblems {
  const found: InputProblems = { problems: [], refuseAtOnce: false };
  walk(input, '', found);
  return found;
}

function walk(value: unknown, path: string, found: InputProblems): void {
  if (typeof value === 'string') {
    const problem = stringProblem(value);
    if (problem) {
      found.problems.push(`${path || 'value'} ${problem}`);
    }
    return;
  }
  if (value === null || typeof value !== 'object') {
    return;
  }
  for (const key of Object.keys(value)) {
    const field = path ? `${path}.${key}` : key;
    if (PROTOTYPE_KEYS.has(key)) {
      found.problems.push(`property ${field} should not exist`);
      found.refuseAtOnce = true;
      continue;
    }
    walk((value as Record<string, unknown>)[key], field, found);
  }
}

function stringProblem(value: string): string | undefined {
  if (value.includes('\u0000')) {
    return 'must not contain NUL characters';
  }
  if (LONE_SURROGATE.test(value)) {
    return 'must be well-formed Unicode text (it holds a lone surrogate)';
  }
  if (value.length > 0 && BLANK.test(value)) {
    return 'must not be blank';
  }
  return undefined;
}

/**
 * Numbers of an input (a validated DTO, or a body the rules refused) that no integer column (id,
 * count, offset) can hold.
 */
export function findNumbersOutOfRange(input: unknown, path = ''): string[] {
  if (typeof input === 'number') {
    if (input > MAX_INTEGER) {
      return [`${path || 'value'} must not be greater than ${MAX_INTEGER}`];
    }
    if (input < MIN_INTEGER) {
      return [`${path || 'value'} must not be less than ${MIN_INTEGER}`];
    }
    return [];
  }
  if (input === null || typeof input !== 'object' || input instanceof Date) {
    return [];
  }
  return Object.entries(input).flatMap(([key, value]) =>
    findNumbersOutOfRange(value, path ? `${path}.${key}` : key),
  );
}
