import { textOf } from './text-of';

describe('textOf', () => {
  it('writes out plain values and leaves nothing for a missing one', () => {
    expect(textOf('RET')).toBe('RET');
    expect(textOf(47)).toBe('47');
    expect(textOf(false)).toBe('false');
    expect(textOf(null)).toBe('');
    expect(textOf(undefined)).toBe('');
  });

  it('writes objects as JSON, never as [object Object]', () => {
    expect(textOf({ code: 'x' })).toBe('{"code":"x"}');
    expect(textOf(['a', 1])).toBe('["a",1]');
    expect(textOf(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
    expect(textOf(new Error('broken'))).toBe('broken');
  });
});
