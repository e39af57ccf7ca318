// PDF export: title, study, population and date, the composition table, then each organisation's
// overview on its own pages with the header row repeated on every page. Pages are flushed as they fill,
// so a 100,000-row report is not held in memory.
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { QUADRANTS, type Locale } from '../../common/domain';
import type { Disclosure } from '../anonymise';
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
import { BODY_SIZE, BOLD, CONTENT_BOTTOM, FONT, MARGIN, PAGE, PageWriter, ROW_HEIGHT } from './pdf-layout';
import { OrganisationSequence, type RowSource } from './row-source';

export interface PdfOptions {
  locale?: Locale;
  generatedAt?: Date;
  /** The study's title for the heading; the summary's slug when absent. */
  studyTitle?: string;
  /** The organisations whose rows follow (each on its own pages); by default every organisation of the composition. */
  rowOrganisations?: readonly string[];
  /** The disclosure check of these rows, noted under the composition when rows are unique. */
  disclosure?: Disclosure;
}

const ROW_COLUMN_WIDTHS = [47, 42, 124, 94, 104, 84];
const COMPOSITION_WIDTHS = [97, 90, 90, 90, 90, 38];
// Unread output beyond this makes the writer wait for the reader (a slow download).
const BACKLOG_LIMIT = 1 << 20;

/** Streams the report into `out`, ends it, and resolves once everything is flushed. */
export async function writePdf(
  summary: OverviewSummary,
  rows: RowSource,
  out: Writable,
  opts: PdfOptions = {},
): Promise<void> {
  const locale = opts.locale ?? 'nl';
  const t = text(locale);
  const date = opts.generatedAt ?? new Date();
  const study = studyName(summary, opts);
  // Loaded here, not on import: pdfkit takes over a tenth of a second, which every command-line start would pay.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: 20 },
    autoFirstPage: false,
    info: { Title: `${t.title} – ${study}`, CreationDate: date },
  });
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
  });
  finished.catch(() => undefined); // awaited below; keeps an early failure from counting as unhandled
  doc.pipe(out);
  const page = new PageWriter(doc, `${t.title} – ${study}`, t.page);

  try {
    page.add();
    doc.font(BOLD).fontSize(18).text(t.title, MARGIN, MARGIN);
    doc.moveDown(0.5).font(FONT).fontSize(11);
    doc.text(`${t.study}: ${study}`);
    doc.text(`${t.population}: ${populationLabel(summary.population, locale)}`);
    doc.text(`${t.date}: ${formatDate(date, locale)}`);
    doc.moveDown(1).font(BOLD).fontSize(13).text(t.composition);
    let y = doc.y + 6;
    y = page.tableRow(y, compositionHeaders(locale), COMPOSITION_WIDTHS, 'header', true);
    summary.organisations.forEach((line, i) => {
      const cells = [line.name, ...QUADRANTS.map((q) => showCount(line.counts[q])), showCount(line.total)];
      y = page.tableRow(y, cells, COMPOSITION_WIDTHS, i % 2 ? 'stripe' : 'plain', true);
    });
    const totals = summary.totals;
    y = page.tableRow(
      y,
      [t.total, ...QUADRANTS.map((q) => showCount(totals.counts[q])), showCount(totals.total)],
      COMPOSITION_WIDTHS,
      'total',
      true,
    );
    if (summary.suppressedBelow) {
      doc
        .font(FONT)
        .fontSize(8)
        .fillColor('black')
        .text(t.suppressed(summary.suppressedBelow), MARGIN, y + 6);
      y = doc.y;
    }
    if (opts.disclosure?.uniqueRows)
      doc
        .font(BOLD)
        .fontSize(9)
        .fillColor('black')
        .text(t.uniqueRows(opts.disclosure.uniqueRows), MARGIN, y + 10, { width: PAGE.width - 2 * MARGIN });

    const headers = COLUMN_HEADERS[locale];
    let heading = '';
    const startPage = (title: string) => {
      page.add();
      doc.font(BOLD).fontSize(13).fillColor('black').text(title, MARGIN, MARGIN);
      return page.tableRow(doc.y + 6, headers, ROW_COLUMN_WIDTHS, 'header');
    };
    const openOrganisation = (name: string) => {
      const total = summary.organisations.find((o) => o.name === name)?.total;
      heading = name;
      y = startPage(`${name} (n=${showCount(total ?? 0)})`);
      if (total === 0)
        doc
          .font(FONT)
          .fontSize(BODY_SIZE)
          .fillColor('black')
          .text(t.noRespondents, MARGIN, y + 6);
    };
    const sequence = new OrganisationSequence(rowOrganisations(summary, opts));
    let stripe = false;
    for await (const row of rows) {
      const opened = sequence.enter(row.organisation);
      for (const name of opened) openOrganisation(name);
      if (opened.length) stripe = false;
      if (y + ROW_HEIGHT > CONTENT_BOTTOM) y = startPage(heading);
      if (page.added()) await drained(doc, out);
      y = page.tableRow(y, rowCells(row, locale), ROW_COLUMN_WIDTHS, stripe ? 'stripe' : 'plain');
      stripe = !stripe;
    }
    for (const name of sequence.rest()) openOrganisation(name);
    doc.end();
    await finished;
  } catch (err) {
    doc.unpipe(out);
    out.destroy(); // without the error: an 'error' event nobody listens to would crash the process
    throw err;
  }
}

/** Lets a slow reader catch up before more pages are produced. */
async function drained(doc: PDFKit.PDFDocument, out: Writable): Promise<void> {
  await new Promise(setImmediate);
  while (doc.readableLength > BACKLOG_LIMIT && !out.destroyed) {
    const timeout = AbortSignal.timeout(50);
    await once(out, 'drain', { signal: timeout }).catch(() => undefined);
  }
}
