import { readSessionTimes } from './session-timing';

const tyumen = { timeZone: 'Asia/Yekaterinburg', startDate: '2025-11-17', endDate: '2025-11-20' };

describe('session timing', () => {
  it('accepts a session inside the stage, from the first minute to the last', () => {
    const { times, problems } = readSessionTimes(
      { startsAt: '2025-11-17T00:00', endsAt: '2025-11-21T00:00' },
      tyumen,
    );
    expect(problems).toEqual([]);
    expect(times.startsAt.toISOString()).toBe('2025-11-16T19:00:00.000Z');
    expect(times.endsAt.toISOString()).toBe('2025-11-20T19:00:00.000Z');
  });

  it('names the field of each problem', () => {
    expect(
      readSessionTimes({ startsAt: '2025-11-16T23:59', endsAt: '2025-11-16T23:00' }, tyumen)
        .problems,
    ).toEqual([
      'endsAt must be after startsAt',
      "startsAt must lie inside the stage's dates 2025-11-17 – 2025-11-20 (Asia/Yekaterinburg)",
      "endsAt must lie inside the stage's dates 2025-11-17 – 2025-11-20 (Asia/Yekaterinburg)",
    ]);
    expect(
      readSessionTimes({ startsAt: '2025-11-20T23:00', endsAt: '2025-11-21T00:01' }, tyumen)
        .problems,
    ).toEqual([
      "endsAt must lie inside the stage's dates 2025-11-17 – 2025-11-20 (Asia/Yekaterinburg)",
    ]);
  });

  it('keeps stored instants as they are', () => {
    const startsAt = new Date('2025-11-18T05:00:00Z');
    const { times } = readSessionTimes({ startsAt, endsAt: '2025-11-18T11:00' }, tyumen);
    expect(times.startsAt).toBe(startsAt);
    expect(times.endsAt.toISOString()).toBe('2025-11-18T06:00:00.000Z');
  });
});
