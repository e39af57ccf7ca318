import ExcelJS from 'exceljs';
import { QUADRANTS } from '../../common/domain';
import { buildOverview, overviewRows, type Overview } from '../overview';
import { BIJLAGE_5_ORGANISATIONS, bijlage5Respondents } from './bijlage-5.fixture';
import { MemorySink, rowFromCells } from './read-back.fixture';
import { writeXlsx } from './xlsx';

const DATE = new Date('2026-11-20T10:00:00Z');
const ORGANISATIONS = [...BIJLAGE_5_ORGANISATIONS, 'Waterschap'];

async function exportXlsx(
  o: Overview,
  opts: Parameters<typeof writeXlsx>[3] = { generatedAt: DATE },
  rows: Parameters<typeof writeXlsx>[1] = overviewRows(o),
) {
  const sink = new MemorySink();
  await writeXlsx(o, rows, sink, opts);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(sink.buffer() as unknown as ArrayBuffer);
  return workbook;
}

const texts = (row: ExcelJS.Row) => (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return String(v);
  // Rich text, formulas and the like would read as "[object Object]": show what they hold.
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

describe('writeXlsx', () => {
  const overview = buildOverview('Publieke dienstverlening', 'participants', ORGANISATIONS, bijlage5Respondents(), {
    ageBands: false,
  });

  it('has the composition sheet first, then one sheet per organisation', async () => {
    const workbook = await exportXlsx(overview);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Samenstelling', ...ORGANISATIONS]);
  });

  it('puts the composition of the JSON on the composition sheet', async () => {
    const sheet = (await exportXlsx(overview)).getWorksheet('Samenstelling')!;
    expect(texts(sheet.getRow(1))).toEqual(['Respondentenoverzicht']);
    expect(texts(sheet.getRow(2))).toEqual(['Onderzoek', 'Publieke dienstverlening']);
    expect(texts(sheet.getRow(3))).toEqual(['Populatie', 'Deelnemers']);
    expect(texts(sheet.getRow(4))).toEqual(['Datum', '20 november 2026']);
    expect(texts(sheet.getRow(6))).toEqual([
      'Organisatie',
      'Informatiezoekers',
      'Zekerheidszoekers',
      'Rust-in-je-hoofdzoekers',
      'Gemakzoekers',
      'Totaal',
    ]);
    overview.organisations.forEach((o, i) => {
      expect(sheet.getRow(7 + i).values).toEqual([undefined, o.name, ...QUADRANTS.map((q) => o.counts[q]), o.total]);
    });
    expect(sheet.getRow(7 + ORGANISATIONS.length).values).toEqual([undefined, 'Totaal', 13, 12, 12, 7, 44]);
  });

  it('gives each organisation sheet the rows of the JSON, with a styled, frozen header and set widths', async () => {
    const workbook = await exportXlsx(overview);
    for (const o of overview.organisations) {
      const sheet = workbook.getWorksheet(o.name)!;
      const header = sheet.getRow(1);
      expect(texts(header)).toEqual([
        'Geslacht',
        'Leeftijd',
        'Opleidingsniveau',
        'Mate comfortabel met digitale middelen',
        'Kwadrant',
        'Organisatie',
      ]);
      expect(header.getCell(1).font?.bold).toBe(true);
      expect(header.getCell(1).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(20);
      const rows: string[][] = [];
      sheet.eachRow((row, n) => n > 1 && rows.push(texts(row)));
      expect(rows.map((cells) => rowFromCells(cells))).toEqual(o.rows.map((r) => ({ ...r, organisation: o.name })));
    }
  });

  it('stores a whole-year age as a number and a range as text', async () => {
    const sheet = (await exportXlsx(overview)).getWorksheet('RET')!;
    expect(sheet.getCell('B2').value).toBe('45-54');
    expect(sheet.getCell('B5').value).toBe(70);
  });

  it('marks suppressed counts with * and explains them', async () => {
    const suppressed = buildOverview('S', 'participants', ORGANISATIONS, bijlage5Respondents(), {
      ageBands: true,
      suppressBelow: 3,
    });
    const sheet = (await exportXlsx(suppressed)).getWorksheet('Samenstelling')!;
    expect(sheet.getRow(7).getCell(5).value).toBe('*');
    const notes: string[] = [];
    sheet.eachRow((row) => notes.push(texts(row).join(' ')));
    expect(notes.some((n) => n.startsWith('* = minder dan 3 respondenten'))).toBe(true);
  });

  it('neutralises formula-like text and makes valid, unique sheet names', async () => {
    const names = [
      '=cmd|calc',
      'A/B: [test]?',
      "'quoted'",
      'Een heel erg lange organisatienaam die niet past',
      'Een heel erg lange organisatienaam die ook niet past',
    ];
    const respondents = names.map((organisation) => ({ ...bijlage5Respondents()[0], organisation }));
    const workbook = await exportXlsx(buildOverview('=1+1', 'all', names, respondents, { ageBands: true }), {
      locale: 'en',
      generatedAt: DATE,
    });
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Composition',
      '=cmd|calc',
      'A B   test',
      'quoted',
      'Een heel erg lange organisatien',
      'Een heel erg lange organisa (2)',
    ]);
    expect(workbook.getWorksheet('Composition')!.getCell('B2').value).toBe("'=1+1");
    expect(workbook.worksheets[1].getCell('F2').value).toBe("'=cmd|calc");
  });

  it('refuses rows that come back to an organisation already written', async () => {
    const rows = [...overviewRows(overview)];
    const shuffled = [rows[0], rows[20], rows[1]];
    await expect(exportXlsx(overview, { generatedAt: DATE }, shuffled)).rejects.toThrow(/grouped by organisation/);
  });

  it("heads the composition sheet with the study's title and notes unique rows", async () => {
    const sheet = (
      await exportXlsx(overview, { generatedAt: DATE, studyTitle: 'Klantreizen', disclosure: overview.disclosure })
    ).getWorksheet('Samenstelling')!;
    expect(texts(sheet.getRow(2))).toEqual(['Onderzoek', 'Klantreizen']);
    const notes: string[] = [];
    sheet.eachRow((row) => notes.push(texts(row).join(' ')));
    expect(notes).toContain('Let op: 44 rijen komen maar één keer voor; zo iemand kan herkenbaar zijn.');
  });

  it("keeps every organisation on the composition sheet but gives only the given organisations a sheet (a partner's file)", async () => {
    const ret = [...overviewRows(overview)].filter((r) => r.organisation === 'RET');
    const workbook = await exportXlsx(overview, { generatedAt: DATE, rowOrganisations: ['RET'] }, ret);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Samenstelling', 'RET']);
    const composition: string[] = [];
    workbook.getWorksheet('Samenstelling')!.eachRow((row) => composition.push(texts(row)[0]));
    expect(composition).toEqual(expect.arrayContaining(ORGANISATIONS));
  });
});
