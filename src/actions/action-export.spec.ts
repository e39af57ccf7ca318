import { Workbook } from 'exceljs';
import { actionsToCsv, actionsToXlsx, ExportRow, ExportWords, quoteLine } from './action-export';

const words: ExportWords = {
  headings: [
    'ID',
    'Organisatie',
    'Omschrijving',
    'Analyse',
    'Actie',
    'Actiehouders',
    'Volgende mijlpaal',
    'Status',
    'Citaten',
  ],
  status: { open: 'open', in_uitvoering: 'in uitvoering', afgerond: 'afgerond', vervallen: 'vervallen' },
  locale: 'nl',
};
const row: ExportRow = {
  number: '2015-03-001',
  organisation: 'Vitens',
  omschrijving: 'Kaart; nieuw',
  analyse: 'Regel 1\nRegel 2',
  actie: 'Proef',
  actiehouders: [{ name: 'An' }, { name: 'Bo' }],
  mijlpaal: '2015-04-01',
  status: 'in_uitvoering',
  quotes: [
    { pseudonym: 'R03', quadrant: 'gemakzoeker', text: 'Ik belde', code: { tekstId: 'CONS_FACT_INFO', path: [] } },
    { pseudonym: 'R07', quadrant: null, text: 'Brief', code: { tekstId: null, path: ['Factuur', 'Informatie'] } },
  ],
};

describe(actionsToCsv.name, () => {
  it('writes UTF-8 with BOM, ";" and CRLF, quoting delimiters and line breaks', () => {
    const text = actionsToCsv([row], words).toString('utf8');
    expect(text.startsWith('\uFEFFID;Organisatie;')).toBe(true);
    expect(text).toContain(
      '2015-03-001;Vitens;"Kaart; nieuw";"Regel 1\nRegel 2";Proef;An, Bo;2015-04-01;in uitvoering;' +
        '"R03 · Gemakzoeker · CONS_FACT_INFO: “Ik belde”\nR07 · — · Factuur › Informatie: “Brief”"\r\n',
    );
  });
});

describe(actionsToXlsx.name, () => {
  it('writes one sheet with the headings and a row per action', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await actionsToXlsx([row], words, 'Acties')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Acties')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('ID');
    expect(sheet.getRow(2).getCell(1).value).toBe('2015-03-001');
    expect(sheet.getRow(2).getCell(6).value).toBe('An, Bo');
    expect(sheet.getRow(2).getCell(8).value).toBe('in uitvoering');
    expect(sheet.getRow(2).getCell(9).value).toBe(row.quotes.map((q) => quoteLine(q, 'nl')).join('\n'));
  });
});

describe(quoteLine.name, () => {
  it('names the pseudonym, the quadrant in the reader’s language and the code beside the text', () => {
    expect(quoteLine(row.quotes[0], 'en')).toBe('R03 · Convenience seeker · CONS_FACT_INFO: “Ik belde”');
  });
});
