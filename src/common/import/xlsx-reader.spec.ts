import * as yazl from 'yazl';
import { xlsxWithSheet } from '../../../test/support/zip-bombs';
import { DEFAULT_IMPORT_LIMITS } from './import-limits';
import { readXlsxLines, SheetLine, XlsxReadError } from './xlsx-reader';

async function lines(buf: Buffer): Promise<SheetLine[]> {
  const out: SheetLine[] = [];
  for await (const l of readXlsxLines(buf, 'a.xlsx', DEFAULT_IMPORT_LIMITS)) out.push(l);
  return out;
}

const sheet = (rows: string, prefix = '') =>
  `<?xml version="1.0"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${prefix}sheetData>${rows}</${prefix}sheetData></${prefix}worksheet>`;

function zip(parts: Record<string, string>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, text] of Object.entries(parts)) z.addBuffer(Buffer.from(text), name);
  z.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

describe(readXlsxLines.name, () => {
  it('reads shared strings (rich text without phonetic guides), inline strings, numbers and booleans by column', async () => {
    const shared =
      '<sst><si><t>Vrouw</t></si><si><r><t>Gemeente </t></r><r><rPr><b/></rPr><t xml:space="preserve">Utrecht</t></r><rPh><t>X</t></rPh></si><si><t>A &amp; B_x000D_</t></si></sst>';
    const rows =
      '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="C3"><v>47</v></c><c r="D3" t="s"><v>1</v></c><c r="E3" t="b"><v>1</v></c></row>' +
      '<row r="4"><c r="B4" t="inlineStr"><is><t>&#x2640; &lt;x&gt;</t></is></c><c r="C4" t="str"><f>A1</f><v>formule</v></c><c r="D4" t="s"><v>2</v></c></row>' +
      '<row r="5"/><row r="6"><c r="A6"/></row>';
    const buf = await xlsxWithSheet(sheet(rows), [{ name: 'xl/sharedStrings.xml', data: Buffer.from(shared) }]);
    expect(await lines(buf)).toEqual([
      { line: 3, cells: ['Vrouw', '', '47', 'Gemeente Utrecht', 'true'] },
      { line: 4, cells: ['', '♀ <x>', 'formule', 'A & B\r'] },
    ]);
  });

  it('reads elements with a namespace prefix, and rows and cells without references', async () => {
    const rows =
      '<x:row><x:c t="inlineStr"><x:is><x:t>m</x:t></x:is></x:c><x:c><x:v>35</x:v></x:c></x:row><x:row><x:c><x:v>1</x:v></x:c></x:row>';
    expect(await lines(await xlsxWithSheet(sheet(rows, 'x:')))).toEqual([
      { line: 1, cells: ['m', '35'] },
      { line: 2, cells: ['1'] },
    ]);
  });

  it('reads the first sheet in tab order, wherever its part is', async () => {
    const buf = await zip({
      'xl/workbook.xml':
        '<workbook><sheets><sheet name="Eerste" sheetId="2" r:id="rId7"/><sheet name="Tweede" sheetId="1" r:id="rId1"/></sheets></workbook>',
      'xl/_rels/workbook.xml.rels':
        '<Relationships><Relationship Id="rId1" Type="http://x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Type="http://x/worksheet" Target="/xl/worksheets/blad.xml"/></Relationships>',
      'xl/worksheets/sheet1.xml': sheet('<row r="1"><c t="inlineStr"><is><t>tweede</t></is></c></row>'),
      'xl/worksheets/blad.xml': sheet('<row r="1"><c t="inlineStr"><is><t>eerste</t></is></c></row>'),
    });
    expect(await lines(buf)).toEqual([{ line: 1, cells: ['eerste'] }]);
  });

  it('reads rows cut anywhere by the inflater', async () => {
    const many = Array.from(
      { length: 3000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>rij ${i + 1} é</t></is></c></row>`,
    ).join('');
    const read = await lines(await xlsxWithSheet(sheet(many)));
    expect(read).toHaveLength(3000);
    expect(read[2999]).toEqual({ line: 3000, cells: ['rij 3000 é'] });
  });

  it('refuses a row of more than a megabyte instead of buffering it', async () => {
    // Counting digits, so it does not compress like a bomb would.
    let text = '';
    for (let i = 0; text.length < 1100 * 1024; i++) text += i.toString(36);
    const huge = `<row r="1"><c t="inlineStr"><is><t>${text}</t></is></c></row>`;
    await expect(lines(await xlsxWithSheet(sheet(huge)))).rejects.toThrow(
      new XlsxReadError('a.xlsx: a row in the sheet is larger than 1 MB; this is not a respondent file'),
    );
  });

  it('says so when a zip archive is no workbook', async () => {
    await expect(lines(await zip({ 'word/document.xml': '<document/>' }))).rejects.toThrow(
      'a.xlsx: is a zip archive but not an Excel (.xlsx) workbook',
    );
  });
});
