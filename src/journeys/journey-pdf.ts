// The journey report as a PDF (A4): title, study, population and date, the cause classes per quadrant, then each
// organisation × quadrant's journey map on its own page. Every picture is placed as vectors and followed by its
// table; the footer of every page names the study and the population. Layout as the overview's PDF.
import SVGtoPDF from 'svg-to-pdfkit';
import type { Locale } from '../common/domain';
import { translator } from '../common/view-engine';
import { formatDate, populationLabel } from '../overviews/exporters/labels';
import {
  BOLD,
  CONTENT_BOTTOM,
  FONT,
  MARGIN,
  PAGE,
  PageWriter,
  ROW_HEIGHT,
  type RowKind,
} from '../overviews/exporters/pdf-layout';
import { POPULATIONS, type Population } from '../overviews/overview';
import { causeBarsTable, journeyMapTable, type ChartOptions, type ChartTable } from './journey-chart-data';
import { causeBarsSvg, journeyMapSvg } from './journey-charts';
import type { Count, JourneyReport } from './journey-report';

export interface JourneyPdfOptions extends ChartOptions {
  generatedAt?: Date;
  /** The study's title for the heading; the report's study (slug) when absent. */
  studyTitle?: string;
}

const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
/** The first column names a rating or channel (journey map), or an organisation and quadrant (causes). */
const MAP_FIRST_COLUMN = 125;
const CAUSES_FIRST_COLUMN = 195;
/** Room a table needs below its picture to start on the same page: its header and a few rows. */
const TABLE_START = 4 * ROW_HEIGHT + 30;

export async function journeyPdf(
  report: JourneyReport<Count>,
  locale: Locale,
  options: JourneyPdfOptions = {},
): Promise<Buffer> {
  const t = translator(locale);
  const date = options.generatedAt ?? new Date();
  const study = options.studyTitle?.trim() || report.study;
  const population = (POPULATIONS as readonly string[]).includes(report.population)
    ? populationLabel(report.population as Population, locale)
    : report.population;
  const title = t('journeyCharts.pdf.title');
  const charts = { suppressedBelow: options.suppressedBelow };
  // All pictures are asked for at once: the renderer works through them while nothing else waits.
  const [causes, ...maps] = await Promise.all([
    causeBarsSvg(report, locale, charts),
    ...report.groups.map((g) => journeyMapSvg(g, locale, charts)),
  ]);

  // Loaded here, not on import: pdfkit takes over a tenth of a second, which every command-line start would pay.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: 20 },
    autoFirstPage: false,
    info: { Title: `${title} – ${study}`, CreationDate: date },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const page = new PageWriter(doc, `${title} – ${study} – ${population}`, t('overviewExport.page'));

  page.add();
  doc.font(BOLD).fontSize(18).fillColor('black').text(title, MARGIN, MARGIN);
  doc.moveDown(0.5).font(FONT).fontSize(11);
  doc.text(`${t('overviewExport.study')}: ${study}`);
  doc.text(`${t('overviewExport.population')}: ${population}`);
  doc.text(`${t('overviewExport.date')}: ${formatDate(date, locale)}`);
  if (options.suppressedBelow !== undefined)
    doc.fontSize(9).text(t('journeyCharts.pdf.suppressed', { k: options.suppressedBelow }));
  let y = doc.y + 18;
  y = picture(doc, page, causes, y);
  table(doc, page, causeBarsTable(report, locale, charts), y, CAUSES_FIRST_COLUMN);

  report.groups.forEach((group, i) => {
    page.add();
    const below = picture(doc, page, maps[i], MARGIN);
    table(doc, page, journeyMapTable(group, locale, charts), below, MAP_FIRST_COLUMN);
  });

  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** Places an SVG as vectors at y, scaled to the content width (and to the page's height); returns the y below it. */
function picture(doc: PDFKit.PDFDocument, page: PageWriter, svg: string, y: number): number {
  const size = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  const [width, height] = size ? [Number(size[1]), Number(size[2])] : [CONTENT_WIDTH, CONTENT_WIDTH / 2];
  const fullPage = CONTENT_BOTTOM - MARGIN;
  const scale = Math.min(1, CONTENT_WIDTH / width, fullPage / height);
  if (y + height * scale > CONTENT_BOTTOM) {
    page.add();
    y = MARGIN;
  }
  // The SVG's own width and height would override the viewport given here; its viewBox then scales the drawing.
  const scaled = svg.replace(/^<svg\b[^>]*>/, (tag) =>
    tag
      .replace(/ width="[\d.]+"/, ` width="${width * scale}"`)
      .replace(/ height="[\d.]+"/, ` height="${height * scale}"`),
  );
  SVGtoPDF(doc, scaled, MARGIN, y, { assumePt: true });
  return y + height * scale + 12;
}

/** The picture's data: its caption, header row (repeated on a new page) and rows, numbers right-aligned. */
function table(doc: PDFKit.PDFDocument, page: PageWriter, data: ChartTable, y: number, first: number): number {
  const rest = (CONTENT_WIDTH - first) / (data.columns.length - 1);
  const widths = [first, ...data.columns.slice(1).map(() => rest)];
  const caption = (at: number) => {
    doc.font(BOLD).fontSize(10).fillColor('black').text(data.caption, MARGIN, at, { width: CONTENT_WIDTH });
    return page.tableRow(doc.y + 4, data.columns, widths, 'header', true);
  };
  if (y + TABLE_START > CONTENT_BOTTOM) {
    page.add();
    y = MARGIN;
  }
  y = caption(y);
  data.rows.forEach((row, i) => {
    if (y + ROW_HEIGHT > CONTENT_BOTTOM) {
      page.add();
      y = caption(MARGIN);
    }
    const kind: RowKind = i % 2 ? 'stripe' : 'plain';
    y = page.tableRow(y, [row.header, ...row.cells], widths, kind, true);
  });
  return y;
}
