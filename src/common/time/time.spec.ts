import {
  endOfLocalDate,
  isValidDateTimeInput,
  isValidLocalDate,
  isValidTimeZone,
  parseInstant,
  startOfLocalDate,
  toLocalDate,
  toLocalDateTime,
} from './time';

describe('time rule', () => {
  it('reads a wall-clock time in the zone of the stage', () => {
    expect(parseInstant('2025-11-18T10:00', 'Europe/Moscow').toISOString()).toBe(
      '2025-11-18T07:00:00.000Z',
    );
    expect(parseInstant('2025-11-18T10:00', 'Asia/Yekaterinburg').toISOString()).toBe(
      '2025-11-18T05:00:00.000Z',
    );
    expect(parseInstant('2025-11-18T10:00', 'Asia/Vladivostok').toISOString()).toBe(
      '2025-11-18T00:00:00.000Z',
    );
  });

  it('takes a time with an offset or Z as that instant, whatever the zone', () => {
    expect(parseInstant('2025-11-18T10:00:00+05:00', 'Europe/Moscow').toISOString()).toBe(
      '2025-11-18T05:00:00.000Z',
    );
    expect(parseInstant('2025-11-18T10:00Z', 'Asia/Vladivostok').toISOString()).toBe(
      '2025-11-18T10:00:00.000Z',
    );
  });

  it('shows an instant as wall-clock time and date of a zone', () => {
    const instant = new Date('2025-11-18T20:30:00Z');
    expect(toLocalDateTime(instant, 'Europe/Moscow')).toBe('2025-11-18T23:30:00');
    expect(toLocalDateTime(instant, 'Asia/Vladivostok')).toBe('2025-11-19T06:30:00');
    expect(toLocalDate(instant, 'Asia/Vladivostok')).toBe('2025-11-19');
  });

  it('bounds a local day in its zone', () => {
    expect(startOfLocalDate('2025-11-18', 'Asia/Yekaterinburg').toISOString()).toBe(
      '2025-11-17T19:00:00.000Z',
    );
    expect(endOfLocalDate('2025-11-18', 'Asia/Yekaterinburg').toISOString()).toBe(
      '2025-11-18T19:00:00.000Z',
    );
  });

  it('validates zones, dates and date-times', () => {
    expect(isValidTimeZone('Asia/Yekaterinburg')).toBe(true);
    expect(isValidTimeZone('Asia/Vladivostok')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('europe/moscow')).toBe(false);
    expect(isValidTimeZone('UTC+5')).toBe(false);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidLocalDate('2025-02-28')).toBe(true);
    expect(isValidLocalDate('2025-02-30')).toBe(false);
    expect(isValidLocalDate('18.11.2025')).toBe(false);
    expect(isValidDateTimeInput('2025-11-18T10:00')).toBe(true);
    expect(isValidDateTimeInput('2025-11-18T10:00:00.000Z')).toBe(true);
    expect(isValidDateTimeInput('2025-11-18T25:00')).toBe(false);
    expect(isValidDateTimeInput('2025-11-18 10:00')).toBe(false);
  });
});
