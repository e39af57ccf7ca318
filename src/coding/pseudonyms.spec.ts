import { pseudonyms } from './pseudonyms';

describe('pseudonyms', () => {
  it('numbers respondents in ascending id order with two digits', () => {
    expect([...pseudonyms([42, 7, 19])]).toEqual([
      [7, 'R01'],
      [19, 'R02'],
      [42, 'R03'],
    ]);
  });

  it('counts a respondent once', () => {
    expect(pseudonyms([5, 5, 3]).size).toBe(2);
  });

  it('uses more digits past 99 respondents, the same width for all', () => {
    const names = pseudonyms(Array.from({ length: 120 }, (_, i) => 1000 - i));
    expect(names.get(881)).toBe('R001');
    expect(names.get(1000)).toBe('R120');
    expect(pseudonyms(Array.from({ length: 99 }, (_, i) => i + 1)).get(99)).toBe('R99');
  });

  it('is empty for a study without submitted homework', () => {
    expect(pseudonyms([]).size).toBe(0);
  });
});
