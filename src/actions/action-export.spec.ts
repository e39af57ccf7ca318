import { Workbook } from 'exceljs';
import { actionsToCsv, actionsToXlsx, ExportRow, ExportWords } from './action-export';

const words: ExportWords = {
  headings: ['ID', 'Organisatie', 'Omschrijving', 'Analyse', 'Actie', 'Actiehouders', 'Volgende mijlpaal', 'Status'],
  status: { open: 'open', in_uitvoering: 'in uitvoering', afgerond: 'afgerond', vervallen: 'vervallen' },
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
};

describe(actionsToCsv.name, () => {
  it('writes UTF-8 with BOM, ";" and CRLF, quoting delimiters and line breaks', () => {
    const text = actionsToCsv([row], words).toString('utf8');
    expect(text.startsWith('\uFEFFID;Organisatie;')).toBe(true);
    expect(text).toContain(
      '2015-03-001;Vitens;"Kaart; nieuw";"Regel 1\nRegel 2";Proef;An, Bo;2015-04-01;in uitvoering\r\n',
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
  });
});
