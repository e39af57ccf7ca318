import { normaliseColour } from './colour';

describe(normaliseColour.name, () => {
  it.each([
    ['#46AA00', '#46AA00'],
    ['#46aa00', '#46AA00'],
    ['46aa00', '#46AA00'],
    [' #46aa00 ', '#46AA00'],
    ['#4a0', '#44AA00'],
    ['#FF46AA00', '#46AA00'],
    ['ff46aa00', '#46AA00'],
    ['#46aa00ff', '#46AA00'],
    ['#8046AA00', '#46AA00'],
    ['#ffffffff', '#FFFFFF'],
  ])('reads %p as %p', (raw, expected) => {
    expect(normaliseColour(raw)).toBe(expected);
  });

  it.each(['', '#', '#12', '#12345', '#1234567', 'red', 'rgb(1,2,3)', '#GG0000'])('refuses %p', (raw) => {
    expect(normaliseColour(raw)).toBeNull();
  });

  it('refuses values that are not strings', () => {
    expect(normaliseColour(undefined)).toBeNull();
  });
});
