import { batchEnd, emailKey } from './import-batches';

describe(batchEnd.name, () => {
  it('takes up to the batch size', () => {
    expect(batchEnd(['a', 'b', undefined, 'c', 'd'], 0, new Map(), 3)).toBe(3);
    expect(batchEnd(['a', 'b', undefined, 'c', 'd'], 3, new Map(), 3)).toBe(5);
  });

  it('ends before a row repeating an address first seen in the same batch', () => {
    expect(batchEnd(['a', 'b', 'a', 'c'], 0, new Map(), 10)).toBe(2);
    // Once "a" is stored (and known), the repeat goes in the next batch with everything after it.
    expect(
      batchEnd(
        ['a', 'b', 'a', 'c'],
        2,
        new Map([
          ['a', 1],
          ['b', 2],
        ]),
        10,
      ),
    ).toBe(4);
  });

  it('keeps repeats of addresses the study already has, and rows without an address, in one batch', () => {
    expect(batchEnd(['a', 'a', undefined, undefined, 'a'], 0, new Map([['a', 7]]), 10)).toBe(5);
  });

  it('always makes progress', () => {
    expect(batchEnd(['a', 'a'], 1, new Map(), 10)).toBe(2);
  });
});

describe(emailKey.name, () => {
  it('matches addresses whatever their case and spacing', () => {
    expect(emailKey(' Anna@Example.ORG ')).toBe('anna@example.org');
    expect(emailKey(undefined)).toBeUndefined();
    expect(emailKey('')).toBeUndefined();
  });
});
