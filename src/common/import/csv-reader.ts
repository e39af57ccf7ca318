// Reads a CSV file line by line in slices, so a file of any length neither sits in memory as parsed records nor
// holds the event loop: each slice is decoded and parsed, its records handed on, and then other work gets its turn.
// Pure: no framework imports (csv-parse's stream parser).
import { isUtf8 } from 'buffer';
import { parse } from 'csv-parse';
import { setImmediate as nextTurn } from 'timers/promises';
import { detectDelimiter } from '../csv-delimiter';

export interface CsvLine {
  /** Physical line in the file where the record starts (1-based). */
  line: number;
  cells: string[];
}

/** The file as a whole is no CSV this reader can read. */
export class CsvReadError extends Error {}

/** Bytes decoded and parsed before other work gets a turn: about a millisecond of parsing. */
const SLICE_BYTES = 16 * 1024;
/** One record beyond this (a quote never closed) is no respondent row: refused instead of buffered. */
const MAX_RECORD_CHARS = 1024 * 1024;
/** How far down a title or blank rows the header may sit: the lines the separator is guessed from. */
const SEPARATOR_SAMPLE_LINES = 10;

export async function* readCsvLines(buf: Buffer, fileName: string): AsyncGenerator<CsvLine> {
  const decoder = textDecoder(buf, fileName);
  let offset = 0;
  let pendingCr = false;
  // Decoded text with one line-ending style ("\n"), so csv-parse's line count equals the physical lines.
  const nextText = (): string | undefined => {
    if (offset === Infinity) return undefined;
    if (offset >= buf.length) {
      offset = Infinity;
      return (decoder.decode() + (pendingCr ? '\n' : '')).replace(/\r\n?/g, '\n') || undefined;
    }
    const end = Math.min(buf.length, offset + SLICE_BYTES);
    let text = (pendingCr ? '\r' : '') + decoder.decode(buf.subarray(offset, end), { stream: end < buf.length });
    offset = end;
    // A "\r" at the end may be the first half of "\r\n" in the next slice.
    pendingCr = text.endsWith('\r') && end < buf.length;
    if (pendingCr) text = text.slice(0, -1);
    return text.replace(/\r\n?/g, '\n');
  };

  // The separator is guessed from the first lines, so read until there are enough of them.
  let head = '';
  for (let text = nextText(); text !== undefined; text = nextText()) {
    head += text;
    if (head.split('\n').filter((l) => l.trim()).length > SEPARATOR_SAMPLE_LINES) break;
    await nextTurn();
  }
  head = head.replace(/^\uFEFF/, '');
  const firstLines = head
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, SEPARATOR_SAMPLE_LINES);
  let delimiter = detectDelimiter(firstLines);
  const sep = /^sep=(.)\s*$/i.exec(firstLines[0] ?? '');
  if (sep) {
    // Excel's "sep=;" hint line: honour it, and blank it so line numbers stay physical.
    delimiter = sep[1];
    head = head.replace(/^sep=.[ \t]*$/im, '');
  }

  const parser = parse({
    delimiter,
    info: true,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const records: { record: string[]; info: { lines: number }; raw: string }[] = [];
  let failure: Error | undefined;
  parser.on('data', (r) => records.push(r as (typeof records)[number]));
  parser.on('error', (err: Error) => (failure = err));
  const ended = new Promise<void>((resolve) => parser.on('end', resolve).on('error', () => resolve()));

  const handOn = function* (): Generator<CsvLine> {
    if (failure) throw new CsvReadError(`${fileName}: cannot read as CSV: ${failure.message}`);
    for (const { record, info, raw } of records.splice(0)) {
      if (!record.some((c) => c.trim())) continue;
      // info.lines is where the record ends; a quoted cell may span lines, and raw carries skipped blank lines.
      const own = raw.replace(/^\n+/, '').replace(/\n$/, '');
      yield { line: info.lines - (own.match(/\n/g)?.length ?? 0), cells: record };
    }
  };

  for (let text: string | undefined = head; text !== undefined; text = nextText()) {
    parser.write(text);
    // The parser hands its records on in the next ticks; this also gives other requests their turn.
    await nextTurn();
    yield* handOn();
  }
  parser.end();
  await ended;
  yield* handOn();
}

function textDecoder(buf: Buffer, fileName: string): TextDecoder {
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0xd0cf11e0) {
    throw new CsvReadError(`${fileName}: old Excel 97-2003 (.xls) files cannot be read; save it as .xlsx or CSV`);
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be');
  // Excel on Dutch Windows saves "CSV" in Windows-1252.
  return new TextDecoder(isUtf8(buf) ? 'utf-8' : 'windows-1252');
}
