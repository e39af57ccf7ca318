// The short code printed in the homework letter, for people who read it on paper and type it at /h.
// Pure: node built-ins only.
import { createHmac } from 'crypto';

/** No 0/O, 1/I/L: characters that look alike on paper or to tired eyes. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

/** Maps random bytes onto the alphabet without modulo bias (rejection sampling), so every code is equally likely. */
export function codeFromBytes(bytes: Uint8Array): string | null {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let code = '';
  for (const b of bytes) {
    if (b >= limit) continue;
    code += CODE_ALPHABET[b % CODE_ALPHABET.length];
    if (code.length === CODE_LENGTH) return code;
  }
  return null;
}

/** "abcd efgh", "ABCD-EFGH" and " abcdefgh " all mean ABCDEFGH; null when it cannot be a code. */
export function normaliseCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s\-.]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  return [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

/** Printed as two groups of four, which is easier to copy correctly. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * Deterministic from the assignment's secret nonce and the server secret, so a reminder or a reprinted letter
 * can show the same code again while the database only holds its hash.
 */
export function deriveCode(secret: string, nonce: string): string {
  for (let round = 0; ; round++) {
    const code = codeFromBytes(createHmac('sha256', secret).update(`homework-code:${nonce}:${round}`).digest());
    if (code) return code;
  }
}

export function deriveToken(secret: string, nonce: string): string {
  return createHmac('sha256', secret).update(`homework-token:${nonce}`).digest('base64url');
}

/** Codes are hashed with the server secret: 40 bits could be brute-forced from a plain hash of a leaked database. */
export function hashCode(secret: string, code: string): string {
  return createHmac('sha256', secret).update(`homework-code-hash:${code}`).digest('hex');
}
