import { LIFECYCLE_MOVES, movableFrom } from './lifecycle';

describe('movableFrom', () => {
  it('moves only those at the step before', () => {
    expect(movableFrom('placed-in-group', 'grouped')).toEqual(['eligible']);
    expect(movableFrom('declined', 'declined')).toEqual(['invited', 'confirmed', 'grouped']);
    expect(movableFrom('session-cancelled', 'grouped')).toEqual(['invited', 'confirmed']);
  });

  it('never moves anyone who is erased or ineligible', () => {
    for (const move of Object.values(LIFECYCLE_MOVES)) {
      expect(move.from).not.toContain('erased');
      expect(move.from).not.toContain('ineligible');
    }
  });

  it('lets attendance be corrected back, but does not count a move to the same status', () => {
    expect(movableFrom('attendance-marked', 'participated')).not.toContain('participated');
    expect(movableFrom('attendance-marked', 'confirmed')).toContain('participated');
  });

  it('refuses a reason that cannot lead to the status asked for', () => {
    expect(() => movableFrom('placed-in-group', 'eligible')).toThrow(
      'cannot become eligible because of placed-in-group',
    );
    expect(() => movableFrom('attendance-marked', 'erased')).toThrow();
    expect(() => movableFrom('attendance-marked', 'ineligible')).toThrow();
  });
});
