// The codebook table as a file: CSV (";" or ",", told apart by content; UTF-8 with or without BOM) or XLSX
// (first sheet), to rows and back. The only part of the codebook that touches file formats; the layout rules
// are codebook-table.ts.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { CellValue } from 'exceljs';
import type { Code } from './codebook';
import { CodebookReadResult, TableRow, readCodebookTable, writeCodebookTable } from './codebook-table';
import { detectDelimiter } from '../common/csv-delimiter';

/** Reads a CSV or XLSX file in the seed's layout into codes, or the problems (file-level or per line). */
export async function readCodebookFile(buf: Buffer): Promise<CodebookReadResult> {
  let rows: TableRow[];
  try {
    rows = isZip(buf) ? await readXlsx(buf) : readCsv(buf);
  } catch (err) {
    const format = isZip(buf) ? 'xlsx' : isOldExcel(buf) ? 'xls' : 'csv';
    return {
      ok: false,
      errors: [
        { line: null, column: null, code: 'unreadable_file', details: { format, reason: (err as Error).message } },
      ],
      warnings: [],
    };
  }
  return readCodebookTable(rows);
}

/** CSV as Dutch Excel opens it: UTF-8 with BOM, ";" unless asked for ",", CRLF. */
export function codebookToCsv(
  codes: readonly Code[],
  opts: { delimiter?: ';' | ','; blankRepeats?: boolean } = {},
): Buffer {
  // csv-stringify quotes a cell with the record delimiter (CRLF) but not one with a bare line break: quote those too.
  const text = stringify(writeCodebookTable(codes, opts), {
    delimiter: opts.delimiter ?? ';',
    record_delimiter: '\r\n',
    quoted_match: /[\r\n]/,
  });
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), Buffer.from(text, 'utf8')]);
}

export async function codebookToXlsx(codes: readonly Code[], opts: { blankRepeats?: boolean } = {}): Promise<Buffer> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Codeboek');
  const rows = writeCodebookTable(codes, opts);
  sheet.addRows(rows);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  [28, 28, 32, 24, 60, 10].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

function isOldExcel(buf: Buffer): boolean {
  return buf.length >= 4 && buf.readUInt32BE(0) === 0xd0cf11e0;
}

function decode(buf: Buffer): string {
  if (isOldExcel(buf)) throw new Error('Excel 97-2003 (.xls) files cannot be read; save the file as .xlsx or CSV');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // Excel on Dutch Windows saves "CSV" in Windows-1252.
    return new TextDecoder('windows-1252').decode(buf);
  }
}

function readCsv(buf: Buffer): TableRow[] {
  // One line-ending style keeps csv-parse's line count equal to the physical lines.
  let text = decode(buf)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  let delimiter = detectDelimiter(
    text
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, 10),
  );
  const sep = /^sep=(.)[ \t]*(?:\n|$)/i.exec(text);
  if (sep) {
    // Excel's "sep=;" hint line: honour it, and blank it so that line numbers stay physical.
    delimiter = sep[1];
    text = text.replace(/^sep=.[ \t]*/i, '');
  }
  // csv-parse's types do not describe the shape that `info` and `raw` produce.
  const records = parse(text, {
    delimiter,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as unknown as {
    record: string[];
    info: { lines: number };
    raw: string;
  }[];
  // info.lines is where the record ends; a quoted cell may span lines, and raw carries skipped blank lines.
  return records.map(({ record, info, raw }) => {
    const own = raw.replace(/^\n+/, '').replace(/\n$/, '');
    return { line: info.lines - (own.match(/\n/g)?.length ?? 0), cells: record };
  });
}

async function readXlsx(buf: Buffer): Promise<TableRow[]> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheets');
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    rows.push({ line, cells: (row.values as CellValue[]).slice(1).map(cellText) });
  });
  return rows;
}

/** Loaded when a workbook is read or written, not on import: exceljs takes half a second, which every command-line start would pay. */
function loadExcelJs(): Promise<typeof import('exceljs')> {
  return import('exceljs');
}

function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  return '';
}
