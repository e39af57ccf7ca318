import { parse } from 'csv-parse/sync';
import { buildOverview, overviewRows, type Overview } from '../overview';
import { BIJLAGE_5_ORGANISATIONS, bijlage5Respondents } from './bijlage-5.fixture';
import { writeCsv } from './csv';
import { MemorySink, rowFromCells } from './read-back.fixture';

const overview = (): Overview =>
  buildOverview('Studie', 'participants', BIJLAGE_5_ORGANISATIONS, bijlage5Respondents(), { ageBands: false });

async function exportCsv(o: Overview, opts: Parameters<typeof writeCsv>[3] = {}): Promise<Buffer> {
  const sink = new MemorySink();
  await writeCsv(o, overviewRows(o), sink, opts);
  return sink.buffer();
}

describe('writeCsv', () => {
  it('writes UTF-8 with a BOM and ; so Dutch Excel opens it, with the Bijlage 5 headers', async () => {
    const csv = await exportCsv(overview());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').slice(1).split('\r\n')[0]).toBe(
      'Geslacht;Leeftijd;Opleidingsniveau;Mate comfortabel met digitale middelen;Kwadrant;Organisatie',
    );
    expect(csv.toString('utf8')).toContain('m;45-54;Universiteit of hoger;Zeer comfortabel;Informatiezoeker;RET\r\n');
  });

  it.each([';', ','] as const)(
    'reads back with csv-parse (delimiter %j) to the rows of the JSON',
    async (delimiter) => {
      const o = overview();
      const records: string[][] = parse(await exportCsv(o, { delimiter }), { bom: true, delimiter });
      expect(records[0]).toHaveLength(6);
      expect(records.slice(1).map((cells) => rowFromCells(cells))).toEqual([...overviewRows(o)]);
    },
  );

  it('uses English headers and labels for locale en', async () => {
    const o = overview();
    const records: string[][] = parse(await exportCsv(o, { locale: 'en', delimiter: ',' }), { bom: true });
    expect(records[0]).toEqual(['Gender', 'Age', 'Education', 'Digital comfort', 'Quadrant', 'Organisation']);
    expect(records.slice(1).map((cells) => rowFromCells(cells, 'en'))).toEqual([...overviewRows(o)]);
  });

  it('neutralises formulas and quotes delimiters, quotes and line breaks', async () => {
    const names = ['=HYPERLINK("http://x","klik")', 'Gemeente; Utrecht', 'Water\nschap'];
    const respondents = names.map((organisation) => ({ ...bijlage5Respondents()[0], organisation }));
    const o = buildOverview('S', 'all', names, respondents, { ageBands: true });
    const records: string[][] = parse(await exportCsv(o), { bom: true, delimiter: ';' });
    expect(records.slice(1).map((r) => r[5])).toEqual([
      '\'=HYPERLINK("http://x","klik")',
      'Gemeente; Utrecht',
      'Water\nschap',
    ]);
  });

  it('streams rows from an async source with back-pressure, in more than one write', async () => {
    const base = bijlage5Respondents()[0];
    async function* rows() {
      for (let i = 0; i < 20_000; i++) {
        // Like a database cursor: a batch at a time, each after a wait.
        if (i % 1000 === 0) await Promise.resolve();
        yield { ...base, age: String(20 + (i % 60)) };
      }
    }
    const summary = buildOverview('S', 'all', ['RET'], [], { ageBands: false });
    const sink = new MemorySink(true);
    await writeCsv(summary, rows(), sink);
    expect(sink.chunks.length).toBeGreaterThan(5);
    expect(sink.writableFinished).toBe(true);
    expect(parse(sink.buffer(), { bom: true, delimiter: ';' })).toHaveLength(20_001);
  });

  it('refuses a row of an organisation outside the overview and fails the stream', async () => {
    const summary = buildOverview('S', 'all', ['RET'], [], { ageBands: false });
    const sink = new MemorySink();
    await expect(writeCsv(summary, [{ ...bijlage5Respondents()[0], organisation: 'Vitens' }], sink)).rejects.toThrow(
      /"Vitens" is not part/,
    );
    expect(sink.destroyed).toBe(true);
  });
});
