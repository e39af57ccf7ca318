import { xlsxBomb } from '../../test/support/zip-bombs';
import { checkCodebook } from './codebook';
import { codebookToXlsx } from './codebook-file';
import { detectFormat, MAX_CODES, readImportFile } from './codebook-import';

const csv = (...lines: string[]) => Buffer.from(lines.join('\n'));

describe(detectFormat.name, () => {
  it('tells XLSX and .qdc by their first bytes, whatever the name', () => {
    expect(detectFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]), 'codes.csv')).toBe('xlsx');
    expect(detectFormat(Buffer.from('\uFEFF  <?xml version="1.0"?><CodeBook/>'), 'codes.csv')).toBe('qdc');
    expect(detectFormat(Buffer.from('Categorie 1;Tekst-ID'), 'codes.txt')).toBe('csv');
    expect(detectFormat(Buffer.from(''), 'codes.qdc')).toBe('qdc');
  });
});

describe(readImportFile.name, () => {
  it('reads the seed layout and completes the cause group', async () => {
    const read = await readImportFile(
      csv('Categorie 1;Categorie 2;Categorie 3;Tekst-ID;Logtekst', 'A;B;C;A_B_C;Naam beller:'),
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.codes.map((c) => c.tekstId)).toEqual([
      null,
      null,
      'A_B_C',
      null,
      'OORZAAK_FOUT',
      'OORZAAK_SELFSERVICE',
      'OORZAAK_NODIG',
    ]);
    expect(checkCodebook(read.codes)).toEqual([]);
  });

  it('gives each problem of a table its line and column, and of a .qdc the code it is about', async () => {
    const table = await readImportFile(
      csv('Categorie 1;Categorie 2;Categorie 3;Tekst-ID;Logtekst', 'A;B;;A1;', ';C;;A1;'),
    );
    expect(table).toMatchObject({
      ok: false,
      format: 'csv',
      errors: [{ line: 3, column: 'Tekst-ID', key: 'codebook.error.duplicate_tekst_id' }],
    });
    const qdc = await readImportFile(
      Buffer.from(
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="nope" name="A" isCodable="true"/><Code guid="11111111-1111-4111-8111-111111111111" name="B" isCodable="true"/></Codes></CodeBook>',
      ),
    );
    expect(qdc).toMatchObject({
      ok: false,
      format: 'qdc',
      errors: [{ line: null, key: 'codebook.error.qdc.bad-guid', where: null, place: { kind: 'code', name: 'A' } }],
    });
    expect(await readImportFile(Buffer.from('<Project/>'))).toMatchObject({
      ok: false,
      errors: [{ key: 'codebook.error.qdc.not-a-codebook' }],
    });
    expect(await readImportFile(Buffer.from([0x3c, 0xff, 0xfe]))).toMatchObject({
      ok: false,
      errors: [{ key: 'codebook.error.unreadable_file' }],
    });
  });

  it('reads a workbook row by row, and refuses a zip bomb before inflating it', async () => {
    const first = await readImportFile(
      csv('Categorie 1;Categorie 2;Categorie 3;Tekst-ID;Logtekst', 'A;B;C;A_B_C;Naam beller:'),
    );
    if (!first.ok) throw new Error('the table must read');
    const again = await readImportFile(await codebookToXlsx(first.codes), 'codes.xlsx');
    expect(again).toMatchObject({ ok: true, format: 'xlsx', codes: first.codes });
    const bomb = await xlsxBomb({ unpackedBytes: 1024 * 1024, declaredBytes: 200 * 1024 * 1024 });
    expect(await readImportFile(bomb, 'bomb.xlsx')).toMatchObject({
      ok: false,
      errors: [{ key: 'codebook.error.too_large_unpacked' }],
    });
    expect(await readImportFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx')).toMatchObject({
      ok: false,
      errors: [{ key: 'codebook.error.unreadable_file' }],
    });
  });

  it('refuses a file with more codes than a codebook has', async () => {
    const lines = Array.from({ length: MAX_CODES }, (_, i) => `A;B${i};;C_${i};`);
    const read = await readImportFile(csv('Categorie 1;Categorie 2;Categorie 3;Tekst-ID;Logtekst', ...lines));
    expect(read).toMatchObject({
      ok: false,
      errors: [{ key: 'codebook.error.too_many_codes', details: { max: MAX_CODES, count: MAX_CODES + 5 } }],
    });
  });

  it('refuses control characters, which cannot be stored or written as XML', async () => {
    const read = await readImportFile(csv('Categorie 1;Tekst-ID', 'A\u0000B;AB'));
    expect(read).toMatchObject({ ok: false, errors: [{ key: 'codebook.error.control_character', where: 'AB' }] });
  });
});
