import { groupSizeProblems, resolveSlot } from './study-rules';

describe('study rules', () => {
  it('accepts min <= target <= max', () => {
    expect(groupSizeProblems({ groupMinSize: 2, groupTargetSize: 3, groupMaxSize: 4 })).toEqual({});
  });

  it('names the field that breaks min <= target <= max', () => {
    expect(Object.keys(groupSizeProblems({ groupMinSize: 4, groupTargetSize: 3, groupMaxSize: 4 }))).toEqual([
      'groupMinSize',
    ]);
    expect(Object.keys(groupSizeProblems({ groupMinSize: 2, groupTargetSize: 4, groupMaxSize: 3 }))).toEqual([
      'groupMaxSize',
    ]);
  });
});

describe(resolveSlot.name, () => {
  const NOW = new Date('2026-11-01T12:00:00Z');
  const online = { onlineUrl: 'https://meet.example.org/a' };

  it('reads a slot typed on a Dutch clock, in winter and in summer', () => {
    expect(resolveSlot({ date: '2026-12-08', startTime: '10:00', endTime: '12:00', ...online }, 120, NOW)).toEqual({
      slot: {
        startsAt: new Date('2026-12-08T09:00:00Z'),
        endsAt: new Date('2026-12-08T11:00:00Z'),
        onlineUrl: 'https://meet.example.org/a',
        location: null,
      },
    });
    expect(
      resolveSlot({ date: '2027-06-08', startTime: '10:00', endTime: '12:00', ...online }, 120, NOW),
    ).toMatchObject({
      slot: { startsAt: new Date('2027-06-08T08:00:00Z') },
    });
  });

  it('takes instants from the API', () => {
    expect(
      resolveSlot({ start: '2026-12-08T10:00:00+01:00', end: '2026-12-08T12:00:00+01:00', ...online }, 120, NOW),
    ).toMatchObject({ slot: { startsAt: new Date('2026-12-08T09:00:00Z') } });
  });

  it('makes a slot in person with an address and no link, and an online one with a link and no address', () => {
    const times = { date: '2026-12-08', startTime: '10:00', endTime: '12:00' };
    expect(
      resolveSlot({ ...times, mode: 'in_person', location: ' Stadhuis, Utrecht ', onlineUrl: '' }, 120, NOW),
    ).toMatchObject({ slot: { location: 'Stadhuis, Utrecht', onlineUrl: null } });
    expect(resolveSlot({ ...times, mode: 'online', location: 'Stadhuis', ...online }, 120, NOW)).toMatchObject({
      slot: { location: null, onlineUrl: online.onlineUrl },
    });
    expect(resolveSlot({ ...times, location: 'Stadhuis' }, 120, NOW)).toMatchObject({
      slot: { location: 'Stadhuis', onlineUrl: null },
    });
  });

  it('refuses a start in the past or right now, on the date typed on a page and on the API start', () => {
    const times = { startTime: '10:00', endTime: '12:00', ...online };
    expect(resolveSlot({ date: '2025-12-08', ...times }, 120, NOW)).toEqual({ problems: { date: ['inPast'] } });
    expect(
      resolveSlot({ start: '2026-11-01T13:00:00+01:00', end: '2026-11-01T15:00:00+01:00', ...online }, 120, NOW),
    ).toEqual({ problems: { start: ['inPast'] } });
    expect(
      resolveSlot({ start: '2026-11-01T13:01:00+01:00', end: '2026-11-01T15:01:00+01:00', ...online }, 120, NOW),
    ).toMatchObject({ slot: { startsAt: new Date('2026-11-01T12:01:00Z') } });
  });

  it('names what is missing for each kind', () => {
    const times = { date: '2026-12-08', startTime: '10:00', endTime: '12:00' };
    expect(resolveSlot({ ...times, mode: 'in_person', location: '  ' }, 120, NOW)).toEqual({
      problems: { location: ['requiredInPerson'] },
    });
    expect(resolveSlot({ ...times, mode: 'online', onlineUrl: '' }, 120, NOW)).toEqual({
      problems: { onlineUrl: ['requiredOnline'] },
    });
    expect(resolveSlot({ ...times }, 120, NOW)).toEqual({ problems: { mode: ['required'] } });
  });

  it('refuses times that do not make a session', () => {
    const slot = (startTime: string, endTime: string, date = '2026-12-08') =>
      resolveSlot({ date, startTime, endTime, ...online }, 120, NOW);
    expect(slot('12:00', '10:00')).toEqual({ problems: { endTime: ['beforeStart'] } });
    expect(slot('10:00', '11:00')).toEqual({ problems: { endTime: ['tooShort'] } });
    expect(slot('02:30', '05:00', '2026-03-29')).toEqual({ problems: { startTime: ['skippedHour'] } });
    expect(slot('10:00', '12:00', '2026-02-30')).toEqual({ problems: { date: ['invalid'] } });
    expect(resolveSlot({ date: '2026-12-08', ...online }, 120, NOW)).toEqual({
      problems: { startTime: ['required'], endTime: ['required'] },
    });
    expect(resolveSlot({ start: 'x', end: '2026-12-08T12:00:00Z', ...online }, 120, NOW)).toEqual({
      problems: { start: ['invalid'] },
    });
    expect(resolveSlot({ start: '2026-12-08T06:00:00Z', end: '2026-12-08T19:00:00Z', ...online }, 120, NOW)).toEqual({
      problems: { end: ['tooLong'] },
    });
  });
});
