// The rules every request body is read by, whichever way the request is served (Express and Nest, or a direct
// route ahead of them): one set of refusals with one set of codes, and no parser text ever reaches a client.
// Pure: bytes and header values in, a value or an AppError out.
import { AppError } from './app-error';

/** Largest request body in bytes (JSON and forms; imports have their own limit). */
export const BODY_LIMIT_BYTES = 256 * 1024;
/** Deepest nesting of objects and arrays in a JSON body; answers and settings need fewer than ten levels. */
export const MAX_JSON_DEPTH = 32;

export type BodyKind = 'json' | 'form' | 'other';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;

export function bodyKind(contentType: string | undefined): BodyKind {
  if (!contentType) return 'other';
  if (JSON_TYPE.test(contentType)) return 'json';
  if (FORM_TYPE.test(contentType)) return 'form';
  return 'other';
}

export const notJson = (): AppError =>
  AppError.invalid('request.not_json', 'The request body must be JSON in UTF-8 (Content-Type: application/json).');

export const tooLarge = (): AppError =>
  new AppError(
    'payload_too_large',
    'request.too_large',
    `The request body is too large (at most ${BODY_LIMIT_BYTES / 1024} kB).`,
    undefined,
    { kb: BODY_LIMIT_BYTES / 1024 },
  );

/**
 * The headers of a body that will be read: a charset other than UTF-8, or a compressed body, is refused before
 * a byte is read (decoding other charsets would turn what a person typed into something else without a word).
 */
export function checkBodyHeaders(
  contentType: string | undefined,
  contentEncoding: string | undefined,
  contentLength: string | undefined,
): void {
  const charset = CHARSET.exec(contentType ?? '')?.[1];
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
    throw AppError.invalid(
      'request.charset',
      'The request body must be UTF-8 (charset=utf-8); other character sets are not accepted.',
    );
  }
  if (contentEncoding !== undefined && contentEncoding.trim().toLowerCase() !== 'identity') {
    throw AppError.invalid('request.encoding', 'The request body must be sent uncompressed (no Content-Encoding).');
  }
  if (contentLength !== undefined && Number(contentLength) > BODY_LIMIT_BYTES) throw tooLarge();
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The bytes as text; invalid UTF-8 is refused rather than silently turned into U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw invalidUtf8();
  }
}

const invalidUtf8 = () =>
  AppError.invalid('request.invalid_utf8', 'The request contains bytes that are not valid UTF-8.');

const invalidText = () =>
  AppError.invalid(
    'request.invalid_text',
    'The request contains characters that text cannot hold (a NUL character or half of a surrogate pair).',
  );

/** A JSON body: an object, nested at most MAX_JSON_DEPTH deep, every key and string valid text. Empty means {}. */
export function parseJsonBody(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  // Checked on the text first: a parser walking something nested thousands deep is what we want to avoid.
  if (nestingDepth(text) > MAX_JSON_DEPTH) throw tooDeep();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw AppError.invalid('request.invalid_json', 'The request body is not valid JSON.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw AppError.invalid('request.not_object', 'The request body must be a JSON object ({ … }).');
  }
  checkText(value);
  return value as Record<string, unknown>;
}

const tooDeep = () =>
  AppError.invalid(
    'request.too_deep',
    `The request body is nested too deeply (at most ${MAX_JSON_DEPTH} levels).`,
    undefined,
    { depth: MAX_JSON_DEPTH },
  );

/**
 * The deepest nesting of [ and { in JSON text, brackets inside strings not counted. Strings are skipped with
 * indexOf rather than read character by character: they are most of an autosave's text, and reading them one by
 * one took longer than JSON.parse itself.
 */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = closingQuote(text, i);
      if (i < 0) break; // an unterminated string runs to the end
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > deepest) deepest = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** The quote that ends the string opened at `open`, or -1: a quote after an odd number of backslashes is escaped. */
function closingQuote(text: string, open: number): number {
  let quote = open;
  for (;;) {
    quote = text.indexOf('"', quote + 1);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
}

/** Refuses NUL characters and lone surrogates anywhere in a parsed value (keys included). */
export function checkText(value: unknown): void {
  if (typeof value === 'string') {
    if (!isCleanText(value)) throw invalidText();
  } else if (Array.isArray(value)) {
    for (const item of value) checkText(item);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isCleanText(key)) throw invalidText();
      checkText(item);
    }
  }
}

// String.prototype.isWellFormed (Node 20+) is not in the TypeScript library this project targets.
type WellFormedString = string & { isWellFormed(): boolean };

function isCleanText(s: string): boolean {
  return !s.includes('\0') && (s as WellFormedString).isWellFormed();
}

/**
 * A form body (application/x-www-form-urlencoded) as fields, a repeated name as a list, like Express's simple
 * parser; percent-escapes that are not UTF-8 are refused instead of becoming U+FFFD.
 */
export function parseFormBody(text: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  if (text === '') return fields;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeFormComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decodeFormComponent(pair.slice(eq + 1));
    const before = fields[name];
    fields[name] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
  }
  return fields;
}

function decodeFormComponent(raw: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    throw invalidUtf8();
  }
  if (!isCleanText(decoded)) throw invalidText();
  return decoded;
}

/** The query string of a URL checked by the same text rules (strict UTF-8, no NUL), so no route sees a broken one. */
export function checkQuery(url: string): void {
  const start = url.indexOf('?');
  if (start < 0) return;
  for (const pair of url.slice(start + 1).split('&')) {
    if (pair.includes('%')) for (const part of pair.split('=')) decodeFormComponent(part);
    else if (pair.includes('\0')) throw invalidText();
  }
}
