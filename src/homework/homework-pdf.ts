// The paper route as a PDF: the personal letter, then the whole form with room to write. pdfkit's built-in
// Helvetica has no emoji, so the three faces are drawn.
import type { Writable } from 'stream';
import { FormQuestion } from './homework-form';
import { letterParagraphs, Translate } from './letter-text';
import type { PrintView } from './homework-views.service';

const MARGIN = 56;
const BODY_SIZE = 13;
const LINE_GAP = 22;

export async function writeHomeworkPdf(view: PrintView, t: Translate, out: Writable): Promise<void> {
  // Loaded here, not on import: pdfkit takes over a tenth of a second, which every command-line start would pay.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: t('homework.print.title'), Author: 'kwadrant' },
  });
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  doc.pipe(out);
  const width = doc.page.width - 2 * MARGIN;

  if (view.logo) drawLogo(doc, view.logo);
  doc.font('Helvetica-Bold').fontSize(18).text(t('homework.print.letterHeading'), { width });
  doc.moveDown(0.5);
  for (const paragraph of letterParagraphs(view.letter, t)) {
    doc
      .font(paragraph.emphasis ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(BODY_SIZE)
      .text(paragraph.text, { width });
    doc.moveDown(0.5);
  }

  doc.addPage();
  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(t('homework.print.formHeading', { organisation: view.letter.organisation }), { width });
  doc.font('Helvetica').fontSize(BODY_SIZE).text(t('homework.print.formIntro', view.letter), { width });
  for (const page of view.pages) {
    doc.moveDown(0.8);
    ensureSpace(doc, 80);
    doc.font('Helvetica-Bold').fontSize(15).text(page.title, { width });
    if (page.description) doc.font('Helvetica').fontSize(BODY_SIZE).text(page.description, { width });
    for (const q of page.questions) question(doc, q, view.answers[q.name] ?? '', width, t);
  }
  doc.end();
  return done;
}

/** The logo above the letter. Its type was checked on upload; a file pdfkit still cannot read is left out, not fatal. */
function drawLogo(doc: PDFKit.PDFDocument, logo: Buffer): void {
  const y = doc.y;
  try {
    doc.image(logo, MARGIN, y, { fit: [180, 56] });
    doc.y = y + 56 + 12;
  } catch {
    doc.y = y;
  }
}

function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function question(doc: PDFKit.PDFDocument, q: FormQuestion, answer: string, width: number, t: Translate): void {
  doc.moveDown(0.6);
  ensureSpace(doc, 90);
  const title = q.conditional ? `${q.title} ${t('homework.print.onlyIfYes')}` : q.title;
  doc.font('Helvetica-Bold').fontSize(BODY_SIZE).text(title, { width });
  if (q.description) doc.font('Helvetica').fontSize(11).text(q.description, { width });
  doc.moveDown(0.3);
  if (q.isRating) return ratingFaces(doc, q, answer);
  if (q.choices.length) return choiceBoxes(doc, q, answer, width);
  if (answer) {
    doc.font('Helvetica').fontSize(BODY_SIZE).text(answer, { width });
    return;
  }
  const lines = q.type === 'comment' ? 4 : 1;
  for (let i = 0; i < lines; i++) {
    ensureSpace(doc, LINE_GAP);
    const y = doc.y + LINE_GAP - 4;
    doc
      .moveTo(doc.x, y)
      .lineTo(doc.x + width, y)
      .lineWidth(0.5)
      .strokeColor('#555555')
      .stroke();
    doc.y += LINE_GAP;
  }
}

function choiceBoxes(doc: PDFKit.PDFDocument, q: FormQuestion, answer: string, width: number): void {
  const chosen = new Set(answer.split(', '));
  for (const choice of q.choices) {
    ensureSpace(doc, 20);
    const x = doc.x;
    const y = doc.y;
    doc
      .rect(x, y + 2, 11, 11)
      .lineWidth(1)
      .strokeColor('#222222')
      .stroke();
    if (chosen.has(choice.text))
      doc
        .font('Helvetica-Bold')
        .fontSize(11)
        .text('X', x + 2, y + 2, { lineBreak: false });
    doc
      .font('Helvetica')
      .fontSize(BODY_SIZE)
      .text(choice.text, x + 20, y, { width: width - 20 });
    doc.x = x;
  }
}

function ratingFaces(doc: PDFKit.PDFDocument, q: FormQuestion, answer: string): void {
  ensureSpace(doc, 40);
  const startX = doc.x;
  const y = doc.y + 12;
  q.choices.forEach((choice, i) => {
    const cx = startX + 14 + i * 150;
    face(doc, cx, y, choice.value);
    if (answer === choice.text) doc.circle(cx, y, 15).lineWidth(2).strokeColor('#000000').stroke();
    doc
      .font('Helvetica')
      .fontSize(BODY_SIZE)
      .fillColor('#000000')
      .text(choice.text, cx + 20, y - 7, { lineBreak: false });
  });
  doc.x = startX;
  doc.y = y + 22;
}

/** A face of 11 pt radius: two eyes and a mouth that smiles, stays straight or frowns. */
function face(doc: PDFKit.PDFDocument, cx: number, cy: number, mood: string): void {
  doc.lineWidth(1.2).strokeColor('#222222');
  doc.circle(cx, cy, 11).stroke();
  doc.circle(cx - 4, cy - 3, 1.3).fill('#222222');
  doc.circle(cx + 4, cy - 3, 1.3).fill('#222222');
  if (mood === 'positief')
    doc
      .moveTo(cx - 5, cy + 3)
      .quadraticCurveTo(cx, cy + 8, cx + 5, cy + 3)
      .stroke();
  else if (mood === 'negatief')
    doc
      .moveTo(cx - 5, cy + 7)
      .quadraticCurveTo(cx, cy + 2, cx + 5, cy + 7)
      .stroke();
  else
    doc
      .moveTo(cx - 5, cy + 5)
      .lineTo(cx + 5, cy + 5)
      .stroke();
}
