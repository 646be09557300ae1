import { acceptsCode, currentCode, newCheckInSecret, normalizeCode } from './check-in-codes';

describe('check-in codes', () => {
  const fixed = { secret: newCheckInSecret(), rotateEverySeconds: null };
  const rotating = { secret: fixed.secret, rotateEverySeconds: 60 };
  const at = (iso: string) => new Date(iso);

  it('are six characters without look-alikes, the same for one secret', () => {
    const { code, validUntil } = currentCode(fixed, at('2025-11-18T05:00:00Z'));
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(validUntil).toBeNull();
    expect(currentCode(fixed, at('2026-01-01T00:00:00Z')).code).toBe(code);
    expect(
      currentCode({ ...fixed, secret: newCheckInSecret() }, at('2025-11-18T05:00:00Z')).code,
    ).not.toBe(code);
  });

  it('take the code as people type it: any case, blanks, dashes, full-width and Cyrillic look-alikes', () => {
    expect(normalizeCode(' k7m-2qx ')).toBe('K7M2QX');
    expect(normalizeCode('К7М–2ТХ')).toBe('K7M2TX'); // Cyrillic К, М, Т, Х and an en dash
    expect(normalizeCode('ＡＢ３')).toBe('AB3');
    const { code } = currentCode(fixed, at('2025-11-18T05:00:00Z'));
    expect(
      acceptsCode(fixed, code.toLowerCase().split('').join(' '), at('2025-11-18T05:00:00Z')),
    ).toBe(true);
  });

  it('rotate every period and keep the previous code for the grace period', () => {
    const first = currentCode(rotating, at('2025-11-18T05:00:05Z'));
    expect(first.validUntil).toEqual(at('2025-11-18T05:01:00Z'));
    const next = currentCode(rotating, at('2025-11-18T05:01:05Z')).code;
    expect(next).not.toBe(first.code);
    expect(acceptsCode(rotating, first.code, at('2025-11-18T05:00:59Z'))).toBe(true);
    expect(acceptsCode(rotating, first.code, at('2025-11-18T05:01:29Z'))).toBe(true);
    expect(acceptsCode(rotating, first.code, at('2025-11-18T05:01:30Z'))).toBe(false);
    expect(acceptsCode(rotating, next, at('2025-11-18T05:01:30Z'))).toBe(true);
    expect(
      acceptsCode(
        rotating,
        currentCode(fixed, at('2025-11-18T05:00:05Z')).code,
        at('2025-11-18T05:00:05Z'),
      ),
    ).toBe(false);
  });
});
