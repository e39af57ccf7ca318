// Hostile Excel files for the import tests, made here rather than stored: a sheet that unpacks to gigabytes from a
// few megabytes, optionally with a central directory that claims it is small.
import { constants, deflateRawSync } from 'zlib';
import * as yazl from 'yazl';

const HEADER_ROW =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Geslacht</t></is></c><c r="B1" t="inlineStr"><is><t>Leeftijd</t></is></c><c r="C1" t="inlineStr"><is><t>Opleidingsniveau</t></is></c><c r="D1" t="inlineStr"><is><t>Mate comfortabel met digitale middelen</t></is></c><c r="E1" t="inlineStr"><is><t>Kwadrant</t></is></c><c r="F1" t="inlineStr"><is><t>Organisatie</t></is></c></row>';
/** A readable respondent row without numbers, so repeating it byte for byte gives a valid sheet. */
const DATA_ROW =
  '<row><c t="inlineStr"><is><t>v</t></is></c><c t="inlineStr"><is><t>47</t></is></c><c t="inlineStr"><is><t>hbo</t></is></c><c t="inlineStr"><is><t>neutraal</t></is></c><c t="inlineStr"><is><t>gemakzoeker</t></is></c><c t="inlineStr"><is><t>RET</t></is></c></row>';

/** Collects a yazl archive into one buffer. */
function archive(build: (zip: yazl.ZipFile) => void): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  build(zip);
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Respondenten" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const SHEET_START =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_END = '</sheetData></worksheet>';

/** A minimal workbook whose first sheet is `sheetXml`, deflated by yazl: the ordinary way an .xlsx is built. */
export function xlsxWithSheet(sheetXml: string, extraParts: { name: string; data: Buffer }[] = []): Promise<Buffer> {
  return archive((zip) => {
    zip.addBuffer(Buffer.from(CONTENT_TYPES), '[Content_Types].xml');
    zip.addBuffer(Buffer.from(WORKBOOK), 'xl/workbook.xml');
    zip.addBuffer(Buffer.from(WORKBOOK_RELS), 'xl/_rels/workbook.xml.rels');
    zip.addBuffer(Buffer.from(sheetXml), 'xl/worksheets/sheet1.xml');
    // Stored as they are: deflating thousands of tiny parts one by one is what takes the time here.
    for (const part of extraParts) zip.addBuffer(part.data, part.name, { compress: false });
  });
}

/** A sheet of `rows` repeated respondent rows below the Bijlage 5 header. */
export function sheetOfRows(rows: number): string {
  return SHEET_START + HEADER_ROW + DATA_ROW.repeat(rows) + SHEET_END;
}

export interface BombOptions {
  /** What the sheet really unpacks to, roughly (whole repeats of a 1 MB block). */
  unpackedBytes: number;
  /** What the central directory claims; by default the truth. */
  declaredBytes?: number;
}

/**
 * An .xlsx whose sheet unpacks to `unpackedBytes` of respondent rows from a few megabytes. The deflate stream is
 * built from one fully flushed block (byte-aligned, no back-references across it) repeated, so making a 4 GB
 * bomb takes milliseconds instead of deflating 4 GB. yazl writes the archive with that stream stored; the sheet's
 * entries are then marked deflated with the declared size (yauzl, like most readers, does not check the CRC
 * before reading).
 */
export async function xlsxBomb({ unpackedBytes, declaredBytes }: BombOptions): Promise<Buffer> {
  const flushed = (text: string) => deflateRawSync(Buffer.from(text), { finishFlush: constants.Z_FULL_FLUSH });
  const block = DATA_ROW.repeat(Math.ceil((1024 * 1024) / DATA_ROW.length));
  const repeats = Math.max(1, Math.round(unpackedBytes / block.length));
  const repeated = flushed(block);
  const stream = Buffer.concat([
    flushed(SHEET_START + HEADER_ROW),
    ...new Array<Buffer>(repeats).fill(repeated),
    deflateRawSync(Buffer.from(SHEET_END)),
  ]);
  const actual = SHEET_START.length + HEADER_ROW.length + repeats * block.length + SHEET_END.length;
  const zip = await archive((z) => {
    z.addBuffer(Buffer.from(CONTENT_TYPES), '[Content_Types].xml');
    z.addBuffer(Buffer.from(WORKBOOK), 'xl/workbook.xml');
    z.addBuffer(Buffer.from(WORKBOOK_RELS), 'xl/_rels/workbook.xml.rels');
    z.addBuffer(stream, 'xl/worksheets/sheet1.xml', { compress: false });
  });
  markDeflated(zip, 'xl/worksheets/sheet1.xml', Math.min(declaredBytes ?? actual, 0xfffffffe));
  return zip;
}

/** Sets compression method 8 and the uncompressed size in the part's local header and central directory entry. */
function markDeflated(zip: Buffer, name: string, uncompressedBytes: number): void {
  const nameBytes = Buffer.from(name);
  let patched = 0;
  for (let at = zip.indexOf(nameBytes); at >= 0; at = zip.indexOf(nameBytes, at + 1)) {
    if (at >= 30 && zip.readUInt32LE(at - 30) === 0x04034b50) {
      zip.writeUInt16LE(8, at - 30 + 8);
      zip.writeUInt32LE(uncompressedBytes, at - 30 + 22);
      patched++;
    } else if (at >= 46 && zip.readUInt32LE(at - 46) === 0x02014b50) {
      zip.writeUInt16LE(8, at - 46 + 10);
      zip.writeUInt32LE(uncompressedBytes, at - 46 + 24);
      patched++;
    }
  }
  if (patched !== 2) throw new Error(`expected a local header and a directory entry for ${name}, found ${patched}`);
}

/** An archive with `count` tiny parts besides a readable workbook. */
export function xlsxWithManyParts(count: number): Promise<Buffer> {
  return xlsxWithSheet(
    sheetOfRows(1),
    Array.from({ length: count }, (_, i) => ({ name: `xl/media/empty${i}.bin`, data: Buffer.alloc(0) })),
  );
}
