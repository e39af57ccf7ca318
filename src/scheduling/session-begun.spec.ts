import { hasBegun } from './session-begun';

describe(hasBegun.name, () => {
  const startsAt = new Date('2026-03-10T10:00:00Z');

  it('counts a session as begun from its first minute on, as the scheduler counts a slot', () => {
    expect(hasBegun({ startsAt }, new Date('2026-03-10T09:59:59Z'))).toBe(false);
    expect(hasBegun({ startsAt }, startsAt)).toBe(true);
    expect(hasBegun({ startsAt }, new Date('2026-03-11T10:00:00Z'))).toBe(true);
  });
});
