import {
  CODE_ALPHABET,
  CODE_LENGTH,
  codeFromBytes,
  deriveCode,
  deriveToken,
  formatCode,
  hashCode,
  normaliseCode,
} from './short-code';

describe('short codes', () => {
  it('leave out characters that look alike on paper', () => {
    for (const c of ['0', 'O', '1', 'I', 'L']) expect(CODE_ALPHABET).not.toContain(c);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
  });

  it('map random bytes onto the alphabet without bias, skipping bytes above the last full cycle', () => {
    const limit = 256 - (256 % CODE_ALPHABET.length);
    expect(codeFromBytes(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7]))).toBe('23456789');
    expect(codeFromBytes(Uint8Array.from([limit, 0, 1, 2, 3, 4, 5, 6, 7]))).toBe('23456789');
    expect(codeFromBytes(Uint8Array.from([0, 1, 2]))).toBeNull();
  });

  it('derive the same code and token from the same nonce, and different ones for another nonce or secret', () => {
    const code = deriveCode('secret', 'nonce-1');
    expect(code).toHaveLength(CODE_LENGTH);
    expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
    expect(deriveCode('secret', 'nonce-1')).toBe(code);
    expect(deriveCode('secret', 'nonce-2')).not.toBe(code);
    expect(deriveCode('other', 'nonce-1')).not.toBe(code);
    const token = deriveToken('secret', 'nonce-1');
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(deriveToken('secret', 'nonce-2')).not.toBe(token);
  });

  it('accept a code typed in small letters, with spaces or a dash, and refuse anything else', () => {
    expect(normaliseCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(normaliseCode('ab cd ef gh')).toBe('ABCDEFGH');
    expect(normaliseCode('ABCDEFG')).toBeNull();
    expect(normaliseCode('ABCDEFGO')).toBeNull();
    expect(normaliseCode('a'.repeat(43))).toBeNull();
  });

  it('are printed in two groups of four and hashed with the secret', () => {
    expect(formatCode('ABCDEFGH')).toBe('ABCD-EFGH');
    expect(hashCode('s', 'ABCDEFGH')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode('s', 'ABCDEFGH')).not.toBe(hashCode('t', 'ABCDEFGH'));
  });
});
