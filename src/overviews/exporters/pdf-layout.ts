// The page layout of the PDF exports (A4, Helvetica): a footer on every page and tables whose header row wraps
// and whose cells are cut to fit. The overview and the journey report share it.

export const MARGIN = 50;
export const PAGE = { width: 595.28, height: 841.89 }; // A4
export const CONTENT_BOTTOM = PAGE.height - 70;
export const FOOTER_Y = PAGE.height - 45;
export const FONT = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
export const BODY_SIZE = 9;
const MIN_HEADER_SIZE = 6;
export const ROW_HEIGHT = 15;
export const PAD = 4;
export const HEADER_FILL = '#dce6f2';
export const STRIPE_FILL = '#f3f4f6';
export const RULE = '#6b7280';

export type RowKind = 'header' | 'plain' | 'stripe' | 'total';

export class PageWriter {
  private number = 0;
  private reported = 0;
  private readonly fitted = new Map<string, string>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly footer: string,
    private readonly pageWord: string,
  ) {}

  add(): void {
    this.doc.addPage();
    this.number++;
    this.doc.font(FONT).fontSize(8).fillColor(RULE);
    this.doc.text(`${this.footer} – ${this.pageWord} ${this.number}`, MARGIN, FOOTER_Y, { lineBreak: false });
    this.doc.fillColor('black');
  }

  /** Whether a page was added since the last call. */
  added(): boolean {
    const added = this.number !== this.reported;
    this.reported = this.number;
    return added;
  }

  /** Draws one table row at y and returns the y below it. Header cells wrap; body cells are cut to fit. */
  tableRow(y: number, cells: readonly string[], widths: readonly number[], kind: RowKind, numeric = false): number {
    const doc = this.doc;
    const bold = kind === 'header' || kind === 'total';
    doc.font(bold ? BOLD : FONT).fontSize(BODY_SIZE);
    const tableWidth = widths.reduce((a, b) => a + b, 0);
    // A header wraps between words only: a word wider than its column is set smaller rather than cut in two
    // ("Contactmomen / ten").
    const sizes = cells.map((c, i) => (kind === 'header' ? this.headerSize(c, widths[i] - 2 * PAD) : BODY_SIZE));
    const height =
      kind === 'header'
        ? Math.max(...cells.map((c, i) => doc.fontSize(sizes[i]).heightOfString(c, { width: widths[i] - 2 * PAD }))) +
          2 * PAD
        : ROW_HEIGHT;
    if (kind === 'header') doc.rect(MARGIN, y, tableWidth, height).fill(HEADER_FILL);
    if (kind === 'stripe') doc.rect(MARGIN, y, tableWidth, height).fill(STRIPE_FILL);
    doc.fillColor('black');
    let x = MARGIN;
    cells.forEach((cell, i) => {
      const width = widths[i] - 2 * PAD;
      const right = numeric && i > 0;
      if (kind === 'header')
        doc.fontSize(sizes[i]).text(cell, x + PAD, y + PAD, { width, align: right ? 'right' : 'left' });
      else {
        const fitted = this.truncateToWidth(cell, width, bold);
        const indent = right ? width - doc.widthOfString(fitted) : 0;
        doc.text(fitted, x + PAD + indent, y + (ROW_HEIGHT - BODY_SIZE) / 2, { lineBreak: false });
      }
      x += widths[i];
    });
    if (kind === 'header' || kind === 'total') {
      const ruleY = kind === 'header' ? y + height : y;
      doc
        .moveTo(MARGIN, ruleY)
        .lineTo(MARGIN + tableWidth, ruleY)
        .lineWidth(0.75)
        .strokeColor(RULE)
        .stroke();
    }
    return y + height;
  }

  /** The header font size at which the cell's widest word fits its column; never below MIN_HEADER_SIZE. */
  private headerSize(cell: string, width: number): number {
    this.doc.fontSize(BODY_SIZE);
    const widest = Math.max(0, ...cell.split(/\s+/).map((word) => this.doc.widthOfString(word)));
    return widest <= width ? BODY_SIZE : Math.max(MIN_HEADER_SIZE, Math.floor((BODY_SIZE * width * 10) / widest) / 10);
  }

  /** Cuts text that would run into the next column, ending it with an ellipsis; cached, values repeat a lot. */
  private truncateToWidth(value: string, width: number, bold: boolean): string {
    const key = `${bold ? 'b' : 'r'}${width}|${value}`;
    let fitted = this.fitted.get(key);
    if (fitted === undefined) {
      fitted = value;
      while (fitted.length > 1 && this.doc.widthOfString(fitted === value ? fitted : `${fitted}…`) > width)
        fitted = fitted.slice(0, -1);
      if (fitted !== value) fitted = `${fitted.trimEnd()}…`;
      if (this.fitted.size < 10_000) this.fitted.set(key, fitted);
    }
    return fitted;
  }
}
