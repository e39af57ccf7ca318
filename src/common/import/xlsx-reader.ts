// Reads the first sheet of an Excel (.xlsx) file row by row while it unpacks, in bounded memory: the sheet's XML
// is cut at each </row> and only that row is parsed, so a file of any size never sits in memory unpacked. The
// archive's limits are ZipArchive's. Only what an import needs: cell texts, no styles or formulas (a formula's
// last result is read). Pure: no framework imports.
import { StringDecoder } from 'string_decoder';
import type { ImportLimits } from './import-limits';
import { ZipArchive, ZipReadError } from './zip-archive';

/** Cell texts of one non-blank row; `line` is the row number Excel shows. */
export interface SheetLine {
  line: number;
  cells: string[];
}

/** The file is a zip but not a workbook this reader understands. */
export class XlsxReadError extends Error {}

/** One row's XML beyond this is no respondent file (a cell of a million characters): refused, not buffered. */
const MAX_ELEMENT_CHARS = 1024 * 1024;
/** Cells per row beyond this (Excel's own maximum is 16,384 columns) are ignored. */
const MAX_COLUMNS = 16_384;

export async function* readXlsxLines(
  buf: Buffer,
  fileName: string,
  limits: Pick<ImportLimits, 'maxUnpackedBytes' | 'maxCompressionRatio'>,
): AsyncGenerator<SheetLine> {
  let archive: ZipArchive;
  try {
    archive = await ZipArchive.open(buf, fileName, limits);
  } catch (err) {
    if (err instanceof ZipReadError)
      throw new XlsxReadError(`${fileName}: cannot read as an Excel (.xlsx) file: ${err.message}`);
    throw err;
  }
  try {
    const { sheet, sharedStringsPart } = await locateParts(archive, fileName);
    const sharedStrings: string[] = [];
    if (sharedStringsPart) {
      for await (const si of elements(archive.read(sharedStringsPart), 'si', fileName))
        sharedStrings.push(richText(si));
    }
    let previous = 0;
    for await (const row of elements(archive.read(sheet), 'row', fileName)) {
      const r = /^<(?:\w+:)?row\b[^>]*?\sr="(\d+)"/.exec(row);
      const line = r ? Number(r[1]) : previous + 1;
      previous = line;
      const cells = rowCells(row, sharedStrings);
      if (cells.some((c) => c.trim())) yield { line, cells };
    }
  } catch (err) {
    if (err instanceof ZipReadError)
      throw new XlsxReadError(`${fileName}: cannot read as an Excel (.xlsx) file: ${err.message}`);
    throw err;
  } finally {
    archive.close();
  }
}

/** The workbook's first sheet (in tab order) and its shared strings, through the workbook's relationships. */
async function locateParts(
  archive: ZipArchive,
  fileName: string,
): Promise<{ sheet: string; sharedStringsPart?: string }> {
  if (!archive.has('xl/workbook.xml'))
    throw new XlsxReadError(`${fileName}: is a zip archive but not an Excel (.xlsx) workbook`);
  const workbook = await archive.readText('xl/workbook.xml');
  const rels = archive.has('xl/_rels/workbook.xml.rels') ? await archive.readText('xl/_rels/workbook.xml.rels') : '';
  const targets = new Map<string, { type: string; target: string }>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attribute(m[1], 'Id');
    const target = attribute(m[1], 'Target');
    if (id && target) targets.set(id, { type: attribute(m[1], 'Type') ?? '', target: partName(target) });
  }
  const firstSheet = /<(?:\w+:)?sheet\b([^>]*)>/.exec(workbook);
  const relId = firstSheet
    ? /\b(?:\w+:)?id="([^"]*)"/.exec(firstSheet[1].replace(/\bsheetId="[^"]*"/, ''))?.[1]
    : undefined;
  const sheet = (relId && targets.get(relId)?.target) || 'xl/worksheets/sheet1.xml';
  if (!archive.has(sheet)) throw new XlsxReadError(`${fileName}: the workbook has no sheets`);
  const shared = [...targets.values()].find((t) => t.type.endsWith('/sharedStrings'))?.target ?? 'xl/sharedStrings.xml';
  return { sheet, sharedStringsPart: archive.has(shared) ? shared : undefined };
}

/** A relationship target as a part name: relative to xl/, or absolute from the archive's root. */
function partName(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts: string[] = ['xl'];
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece && piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

function attribute(attributes: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(attributes);
  return m ? decodeXml(m[1]) : undefined;
}

/**
 * Each complete <name …>…</name> (or <name …/>) element in a stream of XML, as text. Only the element being read
 * is kept; what lies between elements (the sheet's other parts) is dropped as it passes.
 */
async function* elements(chunks: AsyncIterable<Buffer>, name: string, fileName: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  const open = new RegExp(`<(?:\\w+:)?${name}[\\s/>]`, 'g');
  const close = new RegExp(`</(?:\\w+:)?${name}\\s*>`, 'g');
  let text = '';
  const drain = function* (): Generator<string> {
    let consumed = 0;
    for (;;) {
      open.lastIndex = consumed;
      const start = open.exec(text);
      if (!start) {
        // A start tag cut in two by the chunk boundary begins at the last "<": keep from there, drop the rest.
        const last = text.lastIndexOf('<');
        consumed = Math.max(consumed, last >= 0 ? last : text.length);
        break;
      }
      const tagEnd = text.indexOf('>', start.index);
      if (tagEnd < 0) {
        consumed = start.index;
        break;
      }
      if (text[tagEnd - 1] === '/') {
        yield text.slice(start.index, tagEnd + 1);
        consumed = tagEnd + 1;
        continue;
      }
      close.lastIndex = tagEnd;
      const end = close.exec(text);
      if (!end) {
        consumed = start.index;
        break;
      }
      yield text.slice(start.index, end.index + end[0].length);
      consumed = end.index + end[0].length;
    }
    text = text.slice(Math.max(0, consumed));
    if (text.length > MAX_ELEMENT_CHARS)
      throw new XlsxReadError(
        `${fileName}: a ${name === 'row' ? 'row' : 'text'} in the sheet is larger than ${MAX_ELEMENT_CHARS / 1024 / 1024} MB; this is not a respondent file`,
      );
  };
  for await (const chunk of chunks) {
    text += decoder.write(chunk);
    yield* drain();
  }
  text += decoder.end();
  yield* drain();
}

/** The texts of a row's cells by column (A = 0), gaps filled with "". */
function rowCells(row: string, sharedStrings: readonly string[]): string[] {
  const cells: string[] = [];
  let column = -1;
  for (const m of row.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
    const ref = attribute(m[1], 'r');
    const letters = ref ? /^([A-Z]+)/i.exec(ref)?.[1] : undefined;
    column = letters ? columnIndex(letters) : column + 1;
    if (column >= MAX_COLUMNS) break;
    const value = cellText(attribute(m[1], 't'), m[2] ?? '', sharedStrings);
    while (cells.length < column) cells.push('');
    cells[column] = value;
  }
  return cells;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function cellText(type: string | undefined, inner: string, sharedStrings: readonly string[]): string {
  if (type === 'inlineStr') {
    const is = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner);
    return is ? richText(is[1]) : '';
  }
  const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner);
  const value = v ? decodeXml(v[1]) : '';
  switch (type) {
    case 's':
      return sharedStrings[Number(value)] ?? '';
    case 'b':
      return value === '1' ? 'true' : value === '0' ? 'false' : value;
    case 'd':
      // An ISO date-time cell: the day is what a person typed.
      return value.slice(0, 10);
    default:
      return value;
  }
}

/** The text of a string item: its <t> runs joined, leaving out phonetic guides (<rPh>). */
function richText(xml: string): string {
  const withoutGuides = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let text = '';
  for (const m of withoutGuides.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += decodeXml(m[1]);
  return text;
}

function decodeXml(text: string): string {
  return (
    text
      .replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, entity: string) => {
        if (entity[0] === '#') {
          const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
          return code <= 0x10ffff ? String.fromCodePoint(code) : '';
        }
        return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[entity as 'lt'];
      })
      // Excel writes control characters as _xHHHH_.
      .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  );
}
