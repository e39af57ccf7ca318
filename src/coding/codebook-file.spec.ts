import { readFileSync } from 'fs';
import { join } from 'path';
import { Workbook } from 'exceljs';
import { checkCodebook, type Code } from './codebook';
import { codebookToCsv, codebookToXlsx, readCodebookFile } from './codebook-file';
import type { CodebookReadResult } from './codebook-table';

const SEED = join(__dirname, '../../test/fixtures/codebook/seed-contactredenen.csv');

const codesOf = (r: CodebookReadResult): Code[] => {
  if (!r.ok) throw new Error(`expected codes, got ${JSON.stringify(r.errors)}`);
  return r.codes;
};

describe(readCodebookFile.name, () => {
  it('imports the seed’s contact-reason table (Categorieën Nieuwe Stijl) as transcribed', async () => {
    const r = await readCodebookFile(readFileSync(SEED));
    const codes = codesOf(r);
    expect(checkCodebook(codes)).toEqual([]);
    const codable = codes.filter((c) => c.tekstId);
    // 35 codes of the seed (6 VZC, 16 INFO, 7 ISSUE, 6 MKV) and the three built-in cause codes.
    expect(codable).toHaveLength(38);
    // 4 groups in Categorie 1, 16 in Categorie 2, and the group Oorzaak.
    expect(codes.filter((c) => !c.tekstId)).toHaveLength(21);
    expect(codes.find((c) => c.tekstId === 'CONS_INFO_INST_EAN')).toEqual({
      path: ['Informatievoorziening / NAW mutaties', 'Installatie gegevens', 'EAN code'],
      tekstId: 'CONS_INFO_INST_EAN',
      logtekst: 'Naam beller: Klantvraag: Product: EAN-code doorgegeven:',
      colour: expect.stringMatching(/^#[0-9A-F]{6}$/),
    });
    expect(codes.find((c) => c.tekstId === 'CONS_VZC_FACT_TBV')!.path).toEqual([
      'Verbruik Zonder Contract',
      'Factuur',
      'Terugbelverzoek gemaakt',
    ]);
    expect(codes.find((c) => c.tekstId === 'CONS_MKV_TEC_TEC')!.path).toEqual([
      'Vaststellen meter(standen)',
      'Technische opname',
      'Technische opname',
    ]);
    // A log template over two lines in one cell stays one code with both lines.
    expect(codes.find((c) => c.tekstId === 'CONS_INFO_MUT_OMNU')!.logtekst).toMatch(
      /Meternummer\(s\):\nEAN-code\(s\):$/,
    );
    // The seed's "(lv)" placeholder for the supplier is taken as LV, with a warning per row.
    expect(codable.filter((c) => c.tekstId!.startsWith('CONS_ISSUE_')).map((c) => c.tekstId)).toEqual(
      ['HGV', 'COR', 'AAN', 'AFS', 'HAS', 'SJV', 'AND'].map((s) => `CONS_ISSUE_${s}_LV`),
    );
    expect(r.warnings.map((w) => w.code)).toEqual(Array(7).fill('tekst_id_normalised'));
    expect(r.warnings[0]).toEqual({
      line: 30,
      column: 'Tekst-ID',
      code: 'tekst_id_normalised',
      details: { value: 'CONS_ISSUE_HGV_(lv)', normalised: 'CONS_ISSUE_HGV_LV' },
    });
  });

  it('round-trips the seed’s codebook through CSV (either separator, either style) and XLSX', async () => {
    const codes = codesOf(await readCodebookFile(readFileSync(SEED)));
    for (const file of [
      codebookToCsv(codes),
      codebookToCsv(codes, { delimiter: ',', blankRepeats: true }),
      await codebookToXlsx(codes),
      await codebookToXlsx(codes, { blankRepeats: true }),
    ]) {
      const again = await readCodebookFile(file);
      expect(codesOf(again)).toEqual(codes);
      expect(again.warnings).toEqual([]);
    }
  });

  it('writes CSV for Dutch Excel: BOM, ";" and CRLF', () => {
    const csv = codebookToCsv([{ path: ['A'], tekstId: 'A', logtekst: 'Naam; beller', colour: '#0072B2' }]);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.toString('utf8').slice(1)).toBe(
      'Categorie 1;Categorie 2;Categorie 3;Tekst-ID;Logtekst;Kleur\r\nA;;;A;"Naam; beller";#0072B2\r\n',
    );
  });

  it('reads a comma CSV without BOM, and Windows-1252 from an older Excel', async () => {
    const comma = await readCodebookFile(
      Buffer.from('Categorie 1,Categorie 2,Categorie 3,Tekst-ID,Logtekst\nÉén,Twee,,EEN_TWEE,"a, b"\n', 'utf8'),
    );
    expect(codesOf(comma).find((c) => c.tekstId === 'EEN_TWEE')).toMatchObject({
      path: ['Één', 'Twee'],
      logtekst: 'a, b',
    });
    const latin = await readCodebookFile(
      Buffer.from('Categorie 1;Categorie 2;Categorie 3;Tekst-ID;Logtekst\r\nCatégorie;;;CAT;\r\n', 'latin1'),
    );
    expect(codesOf(latin)[0].path).toEqual(['Catégorie']);
  });

  it('honours Excel’s sep= hint line and still counts it as line 1', async () => {
    // Without the hint the commas of the second row would win over the header's semicolons.
    const r = await readCodebookFile(
      Buffer.from(
        'sep=;\r\nCategorie 1;Categorie 2;Categorie 3;Tekst-ID;Logtekst\r\nA, B, C, D, E, F;;;a!;\r\n',
        'utf8',
      ),
    );
    expect(codesOf(r)[0].path).toEqual(['A, B, C, D, E, F']);
    expect(r.warnings).toEqual([
      { line: 3, column: 'Tekst-ID', code: 'tekst_id_normalised', details: { value: 'a!', normalised: 'A' } },
    ]);
  });

  it('counts physical lines, also after a cell over several lines and blank lines', async () => {
    const r = await readCodebookFile(
      Buffer.from('Categorie 1;Categorie 2;Categorie 3;Tekst-ID;Logtekst\n\nA;;;A;"een\ntwee"\n\nB;;;b!;\n', 'utf8'),
    );
    expect(r.warnings).toEqual([
      { line: 6, column: 'Tekst-ID', code: 'tekst_id_normalised', details: { value: 'b!', normalised: 'B' } },
    ]);
  });

  it('reads the first sheet of a workbook with the table below a title, cells that are numbers and formulas', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Codes');
    sheet.addRow(['Contactredenen 2018']);
    sheet.addRow(['Categorie 1', 'Categorie 2', 'Categorie 3', 'Tekst-ID', 'Logtekst']);
    sheet.addRow(['Factuur', 2018, null, 'FACT_2018', null]);
    sheet.addRow([null, null, { formula: '"Kopie"', result: 'Kopie' }, 'FACT_2018_KOP', 'Naam beller:']);
    const codes = codesOf(await readCodebookFile(Buffer.from(await workbook.xlsx.writeBuffer())));
    expect(codes.filter((c) => c.tekstId?.startsWith('FACT')).map((c) => [c.path, c.tekstId])).toEqual([
      [['Factuur', '2018'], 'FACT_2018'],
      [['Factuur', '2018', 'Kopie'], 'FACT_2018_KOP'],
    ]);
  });

  it('says which format it could not read, and changes nothing', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(60)]);
    expect(await readCodebookFile(xls)).toMatchObject({
      ok: false,
      errors: [{ line: null, code: 'unreadable_file', details: { format: 'xls' } }],
    });
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]);
    expect(await readCodebookFile(brokenZip)).toMatchObject({
      ok: false,
      errors: [{ code: 'unreadable_file', details: { format: 'xlsx' } }],
    });
    expect(await readCodebookFile(Buffer.from('Categorie 1;Tekst-ID\n"open;X\n'))).toMatchObject({
      ok: false,
      errors: [{ code: 'unreadable_file', details: { format: 'csv' } }],
    });
  });
});
