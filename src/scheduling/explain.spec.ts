import { translator } from '../common/view-engine';
import {
  describeSlotDiagnosis,
  describeUnplaced,
  formatSlotLabel,
  localDayKey,
  SlotDiagnosis,
  unplacedNeed,
} from './explain';

describe('formatSlotLabel', () => {
  it('names the slot in Amsterdam time, in winter and in summer', () => {
    expect(formatSlotLabel(new Date('2026-03-10T09:00:00Z'))).toBe('di 10 mrt 10:00');
    expect(formatSlotLabel(new Date('2026-06-09T08:00:00Z'), 'en')).toBe('Tue 9 Jun 10:00');
  });
});

describe('localDayKey', () => {
  it('gives the Amsterdam calendar date, which can differ from the UTC date', () => {
    expect(localDayKey(new Date('2026-03-10T23:30:00Z'))).toBe('2026-03-11');
    expect(localDayKey(new Date('2026-03-10T23:30:00Z'), 'UTC')).toBe('2026-03-10');
  });
});

describe('describeUnplaced', () => {
  it('writes large member counts as digits', () => {
    expect(describeUnplaced('no-common-slot', 12, translator('en'))).toBe(
      'No slot where all 12 members are available.',
    );
  });
});

describe('describeSlotDiagnosis', () => {
  it('names at most three blocked moderators and counts the rest', () => {
    const blocked = ['Eva', 'Jan', 'Piet', 'Kim', 'Lot'].map((name, i) => ({
      moderatorId: i + 1,
      name,
      cause: 'overlap' as const,
      limit: 0,
    }));
    const text = describeSlotDiagnosis(
      {
        slotId: 1,
        slotLabel: 'di 10 mrt 10:00',
        capacity: 2,
        capacityFull: true,
        moderatorsListing: 5,
        freeModeratorIds: [],
        blocked,
      },
      translator('nl'),
    );
    expect(text).toBe(
      'di 10 mrt 10:00 zit vol (max. 2 groepen) en mist twee moderatoren ' +
        '(Eva: al in een sessie op dat moment; Jan: al in een sessie op dat moment; Piet: al in een sessie op dat moment; en nog 2)',
    );
  });
});

describe(unplacedNeed.name, () => {
  const closest = (over: Partial<SlotDiagnosis>): SlotDiagnosis => ({
    slotId: 1,
    slotLabel: 'di 10 mrt 10:00',
    capacity: null,
    capacityFull: false,
    moderatorsListing: 2,
    freeModeratorIds: [1, 2],
    blocked: [],
    ...over,
  });

  it('waits for moderators when fewer than two are free at the closest slot, full or not', () => {
    expect(unplacedNeed('no-free-slot', closest({ freeModeratorIds: [1] }))).toBe('moderators');
    expect(unplacedNeed('no-free-slot', closest({ moderatorsListing: 0, freeModeratorIds: [] }))).toBe('moderators');
    expect(unplacedNeed('no-free-slot', closest({ capacityFull: true, freeModeratorIds: [] }))).toBe('moderators');
  });

  it('waits for slots when the members share none that has not begun, or the closest is only full', () => {
    expect(unplacedNeed('no-common-slot')).toBe('slots');
    expect(unplacedNeed('slots-started')).toBe('slots');
    expect(unplacedNeed('no-free-slot', closest({ capacity: 1, capacityFull: true }))).toBe('slots');
  });
});
