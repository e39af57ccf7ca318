import { groupSizeProblems, slotProblems } from './study-rules';

describe('study rules', () => {
  it('accepts min <= target <= max', () => {
    expect(groupSizeProblems({ groupMinSize: 2, groupTargetSize: 3, groupMaxSize: 4 })).toEqual({});
  });

  it('names the field that breaks min <= target <= max', () => {
    expect(Object.keys(groupSizeProblems({ groupMinSize: 4, groupTargetSize: 3, groupMaxSize: 4 }))).toEqual(['groupMinSize']);
    expect(Object.keys(groupSizeProblems({ groupMinSize: 2, groupTargetSize: 4, groupMaxSize: 3 }))).toEqual(['groupMaxSize']);
  });

  it('requires a slot to end after it starts and to fit a session', () => {
    const start = new Date('2026-12-08T09:00:00Z');
    expect(slotProblems(start, new Date('2026-12-08T11:00:00Z'), 120)).toEqual({});
    expect(slotProblems(start, start, 120).end[0]).toMatch(/after the start/);
    expect(slotProblems(start, new Date('2026-12-08T10:00:00Z'), 120).end[0]).toMatch(/60 minutes/);
    expect(slotProblems(new Date('x'), start, 120).start).toBeDefined();
  });
});
