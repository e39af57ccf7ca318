// The action register as a file: CSV as Dutch Excel opens it (UTF-8 with BOM, ";", CRLF) or XLSX. The caller gives
// the column headings and status words in the reader's language.
import { stringify } from 'csv-stringify/sync';
import type { Locale, Quadrant } from '../common/domain';
import { translator } from '../common/view-engine';
import type { ActionStatus } from './action-rules';

/** A shareable quote linked as evidence; the respondent only as their pseudonym. */
export interface ExportQuote {
  pseudonym: string;
  quadrant: Quadrant | null;
  text: string;
  code: { tekstId: string | null; path: string[] };
}

export interface ExportRow {
  number: string;
  organisation: string;
  omschrijving: string;
  analyse: string;
  actie: string;
  actiehouders: { name: string }[];
  mijlpaal: string | null;
  status: ActionStatus;
  quotes: ExportQuote[];
}

export interface ExportWords {
  /** ID, organisation, omschrijving, analyse, actie, actiehouders, mijlpaal, status, quotes. */
  headings: string[];
  status: Record<ActionStatus, string>;
  locale: Locale;
}

/** One quote in a cell: R03 · Gemakzoeker · CONS_FACT_INFO: “…”. */
export function quoteLine(q: ExportQuote, locale: Locale): string {
  const code = q.code.tekstId ?? q.code.path.join(' › ');
  const quadrant = q.quadrant ? translator(locale)(`quadrant.${q.quadrant}`) : '—';
  return `${q.pseudonym} · ${quadrant} · ${code}: “${q.text}”`;
}

export function exportTable(rows: readonly ExportRow[], words: ExportWords): string[][] {
  return [
    words.headings,
    ...rows.map((r) => [
      r.number,
      r.organisation,
      r.omschrijving,
      r.analyse,
      r.actie,
      r.actiehouders.map((h) => h.name).join(', '),
      r.mijlpaal ?? '',
      words.status[r.status],
      r.quotes.map((q) => quoteLine(q, words.locale)).join('\n'),
    ]),
  ];
}

export function actionsToCsv(rows: readonly ExportRow[], words: ExportWords): Buffer {
  // csv-stringify quotes a cell with the record delimiter (CRLF) but not one with a bare line break: quote those too.
  const text = stringify(exportTable(rows, words), {
    delimiter: ';',
    record_delimiter: '\r\n',
    quoted_match: /[\r\n]/,
  });
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), Buffer.from(text, 'utf8')]);
}

export async function actionsToXlsx(
  rows: readonly ExportRow[],
  words: ExportWords,
  sheetName: string,
): Promise<Buffer> {
  // Loaded here, not on import: exceljs takes half a second, which every command-line start would pay.
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRows(exportTable(rows, words));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  [14, 24, 40, 50, 50, 30, 16, 16, 60].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  for (const col of [3, 4, 5, 9]) sheet.getColumn(col).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
