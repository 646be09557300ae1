import { DateTime } from 'luxon';
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

  it('formats local times as luxon does, across zones, DST changes and old offsets', () => {
    const zones = [
      'Europe/Moscow',
      'Asia/Yekaterinburg',
      'Asia/Vladivostok',
      'America/Los_Angeles',
      'Europe/London',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
    ];
    const instants = [
      '2025-03-30T00:59:59Z',
      '2025-03-30T01:00:00Z',
      '2025-03-09T09:59:59.999Z',
      '2025-03-09T10:00:00Z',
      '2025-11-02T08:30:00Z',
      '2025-10-05T15:30:00Z',
      '2011-03-26T22:59:59Z',
      '2011-03-26T23:00:00Z',
      '2014-10-25T21:59:59Z',
      '2014-10-25T22:00:00Z',
      '1900-06-01T12:00:00Z',
      '0001-01-01T10:00:00Z',
      '9999-12-31T10:00:00Z',
    ];
    for (const zone of zones) {
      for (const iso of instants) {
        const instant = new Date(iso);
        const expected = DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
        expect([zone, iso, toLocalDateTime(instant, zone)]).toEqual([zone, iso, expected]);
      }
    }
  });
});
