import { createHmac, randomBytes } from 'node:crypto';

/** Digits and capitals without the ones easily confused: 0/O, 1/I/L. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 6;

/** How long the previous rotating code is still accepted after the next one appears. */
export const MAX_GRACE_SECONDS = 30;

export function newCheckInSecret(): string {
  return randomBytes(32).toString('hex');
}

export interface CodeSettings {
  secret: string;
  rotateEverySeconds: number | null;
}

/** The code shown at `now`, and until when it is shown (null for a fixed code). */
export function currentCode(
  settings: CodeSettings,
  now: Date,
): { code: string; validUntil: Date | null } {
  if (settings.rotateEverySeconds === null) {
    return { code: codeOf(settings.secret, 'fixed'), validUntil: null };
  }
  const step = stepAt(now, settings.rotateEverySeconds);
  return {
    code: codeOf(settings.secret, `step:${step}`),
    validUntil: new Date((step + 1) * settings.rotateEverySeconds * 1000),
  };
}

/**
 * Whether `typed` is the code at `now`, or the previous rotating code within its grace period.
 * Case, spaces and dashes do not matter.
 */
export function acceptsCode(settings: CodeSettings, typed: string, now: Date): boolean {
  const code = normalizeCode(typed);
  if (settings.rotateEverySeconds === null) {
    return code === codeOf(settings.secret, 'fixed');
  }
  const period = settings.rotateEverySeconds;
  const step = stepAt(now, period);
  if (code === codeOf(settings.secret, `step:${step}`)) {
    return true;
  }
  const sinceStepBegan = now.getTime() / 1000 - step * period;
  return (
    sinceStepBegan < graceSeconds(period) && code === codeOf(settings.secret, `step:${step - 1}`)
  );
}

export function graceSeconds(rotateEverySeconds: number): number {
  return Math.min(rotateEverySeconds, MAX_GRACE_SECONDS);
}

/** Cyrillic letters that look like Latin ones, as typed on a Russian keyboard layout. */
const LOOK_ALIKES: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
};

/**
 * The code as meant: full-width forms folded (NFKC), blanks and dashes of any kind dropped,
 * upper case, Cyrillic look-alike letters read as the Latin ones.
 */
export function normalizeCode(typed: string): string {
  return typed
    .normalize('NFKC')
    .replace(/[\s\p{Pd}]+/gu, '')
    .toUpperCase()
    .replace(/[АВЕКМНОРСТУХ]/g, (letter) => LOOK_ALIKES[letter]);
}

function stepAt(now: Date, period: number): number {
  return Math.floor(now.getTime() / 1000 / period);
}

/** A short code drawn from the HMAC of `label` under the session's secret. */
function codeOf(secret: string, label: string): string {
  const digest = createHmac('sha256', secret).update(label).digest();
  let code = '';
  for (let index = 0; index < CODE_LENGTH; index++) {
    code += ALPHABET[digest.readUInt32BE(index * 4) % ALPHABET.length];
  }
  return code;
}
