import { readMeetingTimes } from './meeting-timing';

describe('meeting times', () => {
  it('reads wall-clock input in the meeting’s zone, and an offset as that instant', () => {
    const tyumen = readMeetingTimes({
      startsAt: '2025-11-19T01:30',
      endsAt: '2025-11-19T02:00+05:00',
      timeZone: 'Asia/Yekaterinburg',
    });
    expect(tyumen.problems).toEqual([]);
    expect(tyumen.times).toEqual({
      startsAt: new Date('2025-11-18T20:30:00Z'),
      endsAt: new Date('2025-11-18T21:00:00Z'),
      timeZone: 'Asia/Yekaterinburg',
      localDate: '2025-11-19',
    });
  });

  it('keeps the wall clock when only the zone changes, and reads new times in the new zone', () => {
    const current = {
      startsAt: new Date('2025-11-18T07:00:00Z'),
      endsAt: new Date('2025-11-18T08:00:00Z'),
      timeZone: 'Europe/Moscow',
    };
    expect(readMeetingTimes({ timeZone: 'Asia/Yekaterinburg' }, current).times).toEqual({
      startsAt: new Date('2025-11-18T05:00:00Z'),
      endsAt: new Date('2025-11-18T06:00:00Z'),
      timeZone: 'Asia/Yekaterinburg',
      localDate: '2025-11-18',
    });
    const moved = readMeetingTimes({ startsAt: '2025-11-18T09:00' }, current);
    expect(moved.times.startsAt).toEqual(new Date('2025-11-18T06:00:00Z'));
    expect(moved.times.endsAt).toEqual(current.endsAt);
  });

  it('lists every broken rule', () => {
    const zone = 'Europe/Moscow';
    expect(
      readMeetingTimes({ startsAt: '2025-11-18T10:00', endsAt: '2025-11-18T10:00', timeZone: zone })
        .problems,
    ).toEqual(['endsAt must be after startsAt']);
    expect(
      readMeetingTimes({ startsAt: '0001-01-01T01:00', endsAt: '0001-01-01T00:30', timeZone: zone })
        .problems,
    ).toEqual([
      'startsAt must lie in the years 1 to 9999 in UTC',
      'endsAt must lie in the years 1 to 9999 in UTC',
      'endsAt must be after startsAt',
    ]);
    expect(
      readMeetingTimes({
        startsAt: '9999-12-31T23:00Z',
        endsAt: '9999-12-31T23:30Z',
        timeZone: 'Pacific/Kiritimati',
      }).problems,
    ).toEqual(['startsAt must lie in the years 1 to 9999 in Pacific/Kiritimati']);
  });
});
