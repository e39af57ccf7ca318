// XLSX export: the composition sheet first, then one sheet per organisation, written with exceljs's
// streaming WorkbookWriter so rows go out as they come (inline strings: a shared-strings table would grow
// with every distinct value and be held until the end).
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type ExcelJS from 'exceljs';
import { QUADRANTS, type Locale } from '../../common/domain';
import { neutraliseCell, type Disclosure } from '../anonymise';
import type { OverviewSummary } from '../overview';
import {
  COLUMN_HEADERS,
  compositionHeaders,
  formatDate,
  populationLabel,
  rowCells,
  rowOrganisations,
  showCount,
  studyName,
  text,
} from './labels';
import { OrganisationSequence, type RowSource } from './row-source';

export interface XlsxOptions {
  locale?: Locale;
  generatedAt?: Date;
  /** The study's title for the heading; the summary's slug when absent. */
  studyTitle?: string;
  /** The organisations whose rows follow (one sheet each); by default every organisation of the composition. */
  rowOrganisations?: readonly string[];
  /** The disclosure check of these rows, noted under the composition when rows are unique. */
  disclosure?: Disclosure;
}

const ROW_COLUMN_WIDTHS = [10, 10, 24, 22, 24, 26];
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FF1F2937' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } },
  alignment: { vertical: 'middle', wrapText: true },
  border: { bottom: { style: 'thin', color: { argb: 'FF6B7280' } } },
};
// How often to check the zip's backlog, and how much unzipped sheet XML may wait.
const CHECK_EVERY = 500;
const BACKLOG_LIMIT = 1 << 20;

type Cell = string | number | null;

/** Streams the workbook into `out`, ends it, and resolves once everything is flushed. */
export async function writeXlsx(
  summary: OverviewSummary,
  rows: RowSource,
  out: Writable,
  opts: XlsxOptions = {},
): Promise<void> {
  const locale = opts.locale ?? 'nl';
  // Loaded here, not on import: exceljs takes half a second, which every command-line start would pay.
  const { stream } = await import('exceljs');
  const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
  });
  finished.catch(() => undefined); // awaited below; keeps an early failure from counting as unhandled
  try {
    workbook.creator = 'kwadrant';
    workbook.created = opts.generatedAt ?? new Date();
    writeComposition(workbook, summary, locale, opts.generatedAt ?? new Date(), opts);

    const names = new SheetNames(text(locale).composition);
    const sequence = new OrganisationSequence(rowOrganisations(summary, opts));
    let sheet: ExcelJS.Worksheet | undefined;
    const open = (organisation: string) => {
      sheet?.commit();
      sheet = workbook.addWorksheet(names.take(organisation), { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = ROW_COLUMN_WIDTHS.map((width) => ({ width }));
      sheet.autoFilter = 'A1:F1';
      addRow(sheet, COLUMN_HEADERS[locale], HEADER_STYLE);
    };
    let written = 0;
    for await (const row of rows) {
      for (const organisation of sequence.enter(row.organisation)) open(organisation);
      addRow(
        sheet!,
        rowCells(row, locale).map((c, i) => (i === 1 && /^\d+$/.test(c) ? Number(c) : c)),
      );
      if (++written % CHECK_EVERY === 0) await zipCaughtUp(sheet!);
    }
    for (const organisation of sequence.rest()) open(organisation);
    sheet?.commit();
    await workbook.commit();
    await finished;
  } catch (err) {
    out.destroy(); // without the error: an 'error' event nobody listens to would crash the process
    throw err;
  }
}

function writeComposition(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  summary: OverviewSummary,
  locale: Locale,
  date: Date,
  opts: XlsxOptions,
): void {
  const t = text(locale);
  const sheet = workbook.addWorksheet(t.composition);
  sheet.columns = [{ width: 28 }, ...QUADRANTS.map(() => ({ width: 18 })), { width: 10 }];
  addRow(sheet, [t.title], { font: { bold: true, size: 14 } });
  addRow(sheet, [t.study, studyName(summary, opts)]);
  addRow(sheet, [t.population, populationLabel(summary.population, locale)]);
  addRow(sheet, [t.date, formatDate(date, locale)]);
  addRow(sheet, []);
  addRow(sheet, compositionHeaders(locale), HEADER_STYLE);
  const count = (n: number | null): Cell => (n === null ? showCount(n) : n);
  for (const line of summary.organisations)
    addRow(sheet, [line.name, ...QUADRANTS.map((q) => count(line.counts[q])), count(line.total)]);
  const totals = summary.totals;
  addRow(sheet, [t.total, ...QUADRANTS.map((q) => count(totals.counts[q])), count(totals.total)], {
    font: { bold: true },
  });
  if (summary.suppressedBelow) {
    addRow(sheet, []);
    addRow(sheet, [t.suppressed(summary.suppressedBelow)]);
  }
  if (opts.disclosure?.uniqueRows) {
    addRow(sheet, []);
    addRow(sheet, [t.uniqueRows(opts.disclosure.uniqueRows)], { font: { bold: true, color: { argb: 'FF9B1C1C' } } });
  }
  sheet.commit();
}

function addRow(sheet: ExcelJS.Worksheet, cells: readonly Cell[], style?: Partial<ExcelJS.Style>): void {
  const row = sheet.addRow(cells.map((c) => (typeof c === 'string' ? neutraliseCell(c) : c)));
  if (style) row.eachCell((cell) => (cell.style = style));
  row.commit();
}

type ZipEntry = Writable & { _writableState?: { length: number } };

/**
 * exceljs 4.4 hands committed rows to the sheet's zip entry (a PassThrough) without waiting for it, so
 * when deflate is slower than the rows come, the XML piles up in memory. Wait until the entry drains.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  await new Promise(setImmediate);
  // The entry is a readable-stream 2 PassThrough: it has _writableState but no writableLength.
  const entry = (sheet as unknown as { stream?: { pipes?: ZipEntry[] } }).stream?.pipes?.[0];
  while (entry && (entry._writableState?.length ?? 0) > BACKLOG_LIMIT && !entry.destroyed) {
    await once(entry, 'drain', { signal: AbortSignal.timeout(50) }).catch(() => undefined);
  }
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, no quote at either end, unique. */
class SheetNames {
  private readonly taken = new Set<string>();

  constructor(...reserved: string[]) {
    for (const name of reserved) this.taken.add(name.toLowerCase());
  }

  take(organisation: string): string {
    const base =
      organisation
        .replace(/[[\]:*?/\\]/g, ' ')
        .replace(/^'+|'+$/g, '')
        .trim()
        .slice(0, 31) || 'Organisatie';
    let name = base;
    for (let i = 2; this.taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - ` (${i})`.length)} (${i})`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
