import { sheetOfRows, xlsxBomb, xlsxWithManyParts, xlsxWithSheet } from '../../../test/support/zip-bombs';
import { ImportLimitError } from './import-limits';
import { checkDeclaredParts, ZipArchive, ZipReadError } from './zip-archive';

const MB = 1024 * 1024;
const limits = { maxUnpackedBytes: 100 * MB, maxCompressionRatio: 100 };

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const all: Buffer[] = [];
  for await (const c of chunks) all.push(c);
  return Buffer.concat(all);
}

describe(checkDeclaredParts.name, () => {
  const part = (unpackedBytes: number, packedBytes: number, name = 'xl/worksheets/sheet1.xml') => ({
    name,
    unpackedBytes,
    packedBytes,
  });

  it('lets an ordinary workbook through', () => {
    expect(() =>
      checkDeclaredParts([part(30 * MB, 2 * MB), part(2000, 10, 'xl/styles.xml')], 'a.xlsx', limits),
    ).not.toThrow();
  });

  it('refuses more unpacked bytes than the limit, counting every part', () => {
    expect(() =>
      checkDeclaredParts([part(60 * MB, 6 * MB), part(60 * MB, 6 * MB, 'xl/worksheets/sheet2.xml')], 'a.xlsx', limits),
    ).toThrow(
      expect.objectContaining({
        code: 'import.unpacked_too_large',
        message:
          'a.xlsx unpacks to 120 MB, more than the 100 MB an import may unpack to. It was not unpacked; split it into smaller files.',
      }),
    );
  });

  it('refuses a large part packed tighter than the ratio allows, but not a small one', () => {
    expect(() => checkDeclaredParts([part(50 * MB, 50 * 1024)], 'a.xlsx', limits)).toThrow(
      expect.objectContaining({ code: 'import.zip_bomb', details: expect.objectContaining({ ratio: 1024 }) }),
    );
    expect(() => checkDeclaredParts([part(MB - 1, 10)], 'a.xlsx', limits)).not.toThrow();
  });

  it('refuses thousands of parts', () => {
    expect(() =>
      checkDeclaredParts(
        Array.from({ length: 1001 }, (_, i) => part(10, 10, `p${i}`)),
        'a.xlsx',
        limits,
      ),
    ).toThrow(expect.objectContaining({ code: 'import.zip_bomb', details: { parts: 1001, maxParts: 1000 } }));
  });
});

describe(ZipArchive.name, () => {
  it('reads the parts of an ordinary workbook', async () => {
    const archive = await ZipArchive.open(await xlsxWithSheet(sheetOfRows(3)), 'a.xlsx', limits);
    expect(archive.has('xl/workbook.xml')).toBe(true);
    expect((await collect(archive.read('xl/worksheets/sheet1.xml'))).toString()).toBe(sheetOfRows(3));
    archive.close();
  });

  it('refuses a bomb from its central directory, before any part is read', async () => {
    const bomb = await xlsxBomb({ unpackedBytes: 3.9e9 });
    await expect(ZipArchive.open(bomb, 'bom.xlsx', limits)).rejects.toMatchObject({
      code: 'import.unpacked_too_large',
      details: { maxUnpackedBytes: 100 * MB },
    });
  });

  it('stops inflating a part that unpacks to more than it declares', async () => {
    const archive = await ZipArchive.open(
      await xlsxBomb({ unpackedBytes: 3.9e9, declaredBytes: 900_000 }),
      'bom.xlsx',
      limits,
    );
    let read = 0;
    await expect(
      (async () => {
        for await (const chunk of archive.read('xl/worksheets/sheet1.xml')) read += chunk.length;
      })(),
    ).rejects.toMatchObject({
      code: 'import.zip_bomb',
      message:
        'bom.xlsx looks like a zip bomb: its part xl/worksheets/sheet1.xml unpacks to more than it declares. Reading stopped there.',
    });
    expect(read).toBeLessThanOrEqual(900_000);
    archive.close();
  });

  it('counts every part read against one budget', async () => {
    const sheet = sheetOfRows(2000);
    const archive = await ZipArchive.open(await xlsxWithSheet(sheet), 'a.xlsx', {
      maxUnpackedBytes: Math.ceil(sheet.length * 1.5),
      maxCompressionRatio: 1000,
    });
    await collect(archive.read('xl/worksheets/sheet1.xml'));
    await expect(collect(archive.read('xl/worksheets/sheet1.xml'))).rejects.toBeInstanceOf(ImportLimitError);
    archive.close();
  });

  it('refuses an archive with thousands of parts before listing them', async () => {
    await expect(ZipArchive.open(await xlsxWithManyParts(1500), 'veel.xlsx', limits)).rejects.toMatchObject({
      code: 'import.zip_bomb',
      details: { parts: 1504 },
    });
  });

  it('says plainly when the bytes are no zip archive, or a part is missing', async () => {
    await expect(
      ZipArchive.open(Buffer.from('PK\u0003\u0004 not really'), 'kapot.xlsx', limits),
    ).rejects.toBeInstanceOf(ZipReadError);
    const archive = await ZipArchive.open(await xlsxWithSheet(sheetOfRows(1)), 'a.xlsx', limits);
    await expect(collect(archive.read('xl/missing.xml'))).rejects.toBeInstanceOf(ZipReadError);
    archive.close();
  });
});
