import { dutchParts, endOfDutchDay, fromDutchTime, isCalendarDate, startOfDutchDay } from './dutch-time';

const instant = (date: string, time: string) => {
  const result = fromDutchTime(date, time);
  if (!('instant' in result)) throw new Error(`expected an instant for ${date} ${time}, got ${result.problem}`);
  return result.instant.toISOString();
};

describe(fromDutchTime.name, () => {
  it('reads winter time as UTC+1 and summer time as UTC+2', () => {
    expect(instant('2026-12-08', '10:00')).toBe('2026-12-08T09:00:00.000Z');
    expect(instant('2026-07-01', '10:00')).toBe('2026-07-01T08:00:00.000Z');
  });

  it('crosses the change to summer time (last Sunday of March) correctly', () => {
    expect(instant('2026-03-29', '01:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(instant('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('refuses the hour that a Dutch clock skips in spring', () => {
    expect(fromDutchTime('2026-03-29', '02:00')).toEqual({ problem: 'skipped' });
    expect(fromDutchTime('2026-03-29', '02:59')).toEqual({ problem: 'skipped' });
  });

  it('takes the first (summer time) of the autumn hour that happens twice', () => {
    expect(instant('2026-10-25', '01:59')).toBe('2026-10-24T23:59:00.000Z');
    expect(instant('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(instant('2026-10-25', '03:00')).toBe('2026-10-25T02:00:00.000Z');
  });

  it('refuses what is not a date or a time', () => {
    expect(fromDutchTime('2026-02-30', '10:00')).toEqual({ problem: 'date' });
    expect(fromDutchTime('08-12-2026', '10:00')).toEqual({ problem: 'date' });
    expect(fromDutchTime('2026-12-08', '24:00')).toEqual({ problem: 'time' });
    expect(fromDutchTime('2026-12-08', '10:00:00')).toEqual({ problem: 'time' });
    expect(fromDutchTime('2026-12-08', '')).toEqual({ problem: 'time' });
  });
});

describe(dutchParts.name, () => {
  it('gives back what was typed, in both seasons and around both changes', () => {
    for (const [date, time] of [
      ['2026-12-08', '10:00'],
      ['2026-07-01', '23:30'],
      ['2026-03-29', '03:00'],
      ['2026-10-25', '02:30'],
      ['2026-10-25', '00:00'],
    ]) {
      expect(dutchParts(new Date(instant(date, time)))).toEqual({ date, time });
    }
  });
});

describe(isCalendarDate.name, () => {
  it('knows leap years', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
  });
});

describe('Dutch day bounds', () => {
  it('spans 23 hours on the spring change day and 25 on the autumn one', () => {
    const hours = (date: string) => (endOfDutchDay(date)!.getTime() - startOfDutchDay(date)!.getTime()) / 3_600_000;
    expect(hours('2026-03-29')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
    expect(hours('2026-12-08')).toBe(24);
    expect(startOfDutchDay('2026-12-31')!.toISOString()).toBe('2026-12-30T23:00:00.000Z');
    expect(endOfDutchDay('2026-12-31')!.toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(startOfDutchDay('nope')).toBeNull();
  });
});
