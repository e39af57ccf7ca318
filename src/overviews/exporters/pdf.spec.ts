import { buildOverview, overviewRows, type Overview } from '../overview';
import { BIJLAGE_5_ORGANISATIONS, bijlage5Respondents } from './bijlage-5.fixture';
import { QUADRANTS } from '../../common/domain';
import { rowCells, showCount } from './labels';
import { writePdf } from './pdf';
import { MemorySink, pdfPageTexts } from './read-back.fixture';

const DATE = new Date('2026-11-20T10:00:00Z');
const ORGANISATIONS = [...BIJLAGE_5_ORGANISATIONS, 'Waterschap'];

async function exportPdf(o: Overview, opts: Parameters<typeof writePdf>[3] = { generatedAt: DATE }): Promise<string[]> {
  const sink = new MemorySink(true);
  await writePdf(o, overviewRows(o), sink, opts);
  const pdf = sink.buffer();
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  return pdfPageTexts(pdf);
}

/** Table rows start with the gender column; headings, headers and footers do not. */
const rowLines = (pages: string[]) => pages.flatMap((p) => p.split('\n')).filter((line) => /^[mvx] /.test(line));

describe('writePdf', () => {
  const overview = buildOverview('Publieke dienstverlening', 'participants', ORGANISATIONS, bijlage5Respondents(), {
    ageBands: false,
  });

  it('opens with title, study, population, date and the composition table of the JSON', async () => {
    const [first] = await exportPdf(overview);
    const lines = first.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Respondentenoverzicht',
        'Onderzoek: Publieke dienstverlening',
        'Populatie: Deelnemers',
        'Datum: 20 november 2026',
        'Samenstelling',
        'Belastingdienst 3 3 3 2 11',
        'RET 4 3 3 2 12',
        'Vitens 3 3 3 3 12',
        'Gemeente Utrecht 3 3 3 0 9',
        'Waterschap 0 0 0 0 0',
        'Totaal 13 12 12 7 44',
      ]),
    );
  });

  it('gives each organisation its own page with the rows of the JSON, in order', async () => {
    const pages = await exportPdf(overview);
    expect(pages).toHaveLength(1 + ORGANISATIONS.length);
    overview.organisations.forEach((o, i) => expect(pages[1 + i]).toContain(`${o.name} (n=${o.total})`));
    expect(rowLines(pages)).toEqual([...overviewRows(overview)].map((r) => rowCells(r, 'nl').join(' ')));
    expect(pages[5]).toContain('Geen respondenten.');
  });

  it('repeats the header row on every page of a long organisation, and numbers the pages', async () => {
    const many = Array.from({ length: 150 }, (_, i) => ({
      ...bijlage5Respondents()[0],
      age: String(18 + (i % 70)),
      ageMin: 18 + (i % 70),
      ageMax: 18 + (i % 70),
    }));
    const long = buildOverview('S', 'all', ['RET'], many, { ageBands: false });
    const pages = await exportPdf(long);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.slice(1).forEach((page, i) => {
      expect(page).toContain('Geslacht Leeftijd Opleidingsniveau');
      expect(page).toContain(`pagina ${i + 2}`);
    });
    expect(rowLines(pages)).toHaveLength(150);
  });

  it('speaks English for locale en and marks suppressed counts', async () => {
    const suppressed = buildOverview('S', 'invited', ORGANISATIONS, bijlage5Respondents(), {
      ageBands: true,
      suppressBelow: 3,
    });
    const [first, second] = await exportPdf(suppressed, { locale: 'en', generatedAt: DATE });
    expect(first).toContain('Respondent overview');
    expect(first).toContain('Population: Invited');
    expect(first).toContain('Date: 20 November 2026');
    for (const o of suppressed.organisations) {
      expect(first).toContain([o.name, ...QUADRANTS.map((q) => showCount(o.counts[q])), showCount(o.total)].join(' '));
    }
    expect(first).toContain('Belastingdienst * * 3 * 11');
    expect(first).toContain('* = fewer than 3 respondents');
    expect(second).toContain('Gender Age Education Digital comfort Quadrant Organisation');
    expect(second).toContain('Information seeker');
  });

  it('cuts a value that does not fit its column instead of running into the next', async () => {
    const name = 'Gemeenschappelijke Regeling Belastingsamenwerking West-Brabant';
    const o = buildOverview('S', 'all', [name], [{ ...bijlage5Respondents()[0], organisation: name }], {
      ageBands: false,
    });
    const pages = await exportPdf(o);
    expect(rowLines(pages)[0]).toMatch(/^v 65-70 MBO Comfortabel Gemakzoeker Gemeensch\w*…$/);
  });

  it("heads the report with the study's title, and notes unique rows under the composition", async () => {
    const slugged = buildOverview('wp2a', 'all', ORGANISATIONS, bijlage5Respondents(), { ageBands: false });
    const pages = await exportPdf(slugged, {
      generatedAt: DATE,
      studyTitle: 'Klantreizen publieke dienstverlening',
      disclosure: slugged.disclosure,
    });
    expect(pages[0]).toContain('Onderzoek: Klantreizen publieke dienstverlening');
    expect(pages[0]).toContain('Let op: 44 rijen komen maar één keer voor');
    expect(pages[1]).toContain('Respondentenoverzicht – Klantreizen publieke dienstverlening – pagina 2');
    expect((await exportPdf(slugged))[0]).toContain('Onderzoek: wp2a');
    expect((await exportPdf(slugged))[0]).not.toContain('Let op');
  });

  it("shows every organisation's counts but only the rows of the organisations it is given (a partner's file)", async () => {
    const sink = new MemorySink(true);
    const ret = [...overviewRows(overview)].filter((r) => r.organisation === 'RET');
    await writePdf(overview, ret, sink, { generatedAt: DATE, rowOrganisations: ['RET'] });
    const pages = await pdfPageTexts(sink.buffer());
    expect(pages[0]).toContain('Vitens 3 3 3 3 12');
    expect(pages[0]).toContain('Totaal 13 12 12 7 44');
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain('RET (n=12)');
    expect(rowLines(pages)).toEqual(ret.map((r) => rowCells(r, 'nl').join(' ')));
    const leak = [...overviewRows(overview)].filter((r) => r.organisation === 'Vitens');
    await expect(writePdf(overview, leak, new MemorySink(true), { rowOrganisations: ['RET'] })).rejects.toThrow(
      /"Vitens" is not part/,
    );
  });
});
