import { pdfPageTexts } from '../overviews/exporters/read-back.fixture';
import { smallReport } from './journey-charts.fixture';
import { journeyPdf } from './journey-pdf';
import { suppressSmallCounts } from './journey-report';
import { stopRenderer } from './vega-renderer';

const DATE = new Date('2026-11-20T10:00:00Z');

afterAll(() => stopRenderer());

const lines = (page: string) => page.split('\n').map((l) => l.trim());

describe('journeyPdf', () => {
  const report = smallReport();

  it('is an A4 document: the cause classes first, then a page per organisation × quadrant', async () => {
    const pdf = await journeyPdf(report, 'nl', { generatedAt: DATE, studyTitle: 'Publieke dienstverlening' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const pages = await pdfPageTexts(pdf);
    expect(pages).toHaveLength(1 + report.groups.length);
    expect(lines(pages[0])).toEqual(
      expect.arrayContaining([
        'Klantreisrapport',
        'Onderzoek: Publieke dienstverlening',
        'Populatie: Deelnemers',
        'Datum: 20 november 2026',
      ]),
    );
  });

  it('places every picture as vectors, with its texts, and follows it with its table', async () => {
    const pdf = await journeyPdf(report, 'nl', { generatedAt: DATE });
    const pages = await pdfPageTexts(pdf);
    const first = lines(pages[0]);
    // The picture's own texts (drawn by vega, placed by svg-to-pdfkit): its legend and axis title.
    expect(first).toEqual(expect.arrayContaining(['Gecodeerde fragmenten en niet-gecodeerde antwoorden']));
    expect(pages[0]).toContain('Niet gecodeerd');
    // Its table after it: caption, header row and a row per group.
    const caption = first.lastIndexOf('Oorzaken van contact per kwadrant');
    expect(caption).toBeGreaterThan(first.indexOf('Oorzaken van contact per kwadrant'));
    expect(first.slice(caption)).toEqual(
      expect.arrayContaining(['Belastingdienst – Informatiezoeker 4 2 0 0 1', 'RET – Zekerheidszoeker 1 0 0 0 0']),
    );
    const map = lines(pages[1]);
    expect(map.filter((l) => l === 'Klantreis Belastingdienst – Informatiezoeker (n = 4)')).toHaveLength(2);
    expect(map).toEqual(expect.arrayContaining(['Beleving per stap', 'Gebruikte kanalen per stap']));
    expect(map).toEqual(
      expect.arrayContaining([
        'Positief 2 0 0 0 0',
        'Geen oordeel 1 3 4 4 4',
        'Post (brief) 0 niet gevraagd niet gevraagd niet gevraagd 1',
      ]),
    );
    // A header too narrow for its word sets it smaller instead of cutting it ("Contactmomen" / "ten").
    expect(map).toEqual(
      expect.arrayContaining(['Beleving of kanaal Contactmomenten Doel Oriëntatie Contact Achteraf']),
    );
    // Vector drawing, no embedded raster image.
    expect(pdf.toString('latin1')).not.toContain('/Subtype /Image');
  });

  it('names the study and the population on every page', async () => {
    const pages = await pdfPageTexts(await journeyPdf(report, 'en', { generatedAt: DATE, studyTitle: 'Study X' }));
    pages.forEach((page, i) =>
      expect(page).toContain(`Customer journey report – Study X – Participants – page ${i + 1}`),
    );
  });

  it('gives a one-page PDF for a report without groups (a filter nobody matches)', async () => {
    const empty = { study: 'publieke-dienstverlening', population: 'all', groups: [] };
    const pages = await pdfPageTexts(await journeyPdf(empty, 'nl', { generatedAt: DATE }));
    expect(pages).toHaveLength(1);
    expect(lines(pages[0])).toEqual(expect.arrayContaining(['Klantreisrapport', 'Populatie: Alle respondenten']));
  });

  it('renders a partner’s report with suppressed cells as "< k"', async () => {
    const partner = suppressSmallCounts(report, 3);
    const pages = await pdfPageTexts(await journeyPdf(partner, 'nl', { generatedAt: DATE, suppressedBelow: 3 }));
    expect(lines(pages[0])).toEqual(
      expect.arrayContaining([
        'Aantallen onder 3 zijn verborgen (< 3).',
        'Belastingdienst – Informatiezoeker 4 min. 1 0 0 min. 1',
        'RET – Zekerheidszoeker < 3 < 3 < 3 < 3 < 3',
      ]),
    );
    expect(lines(pages[1])).toEqual(expect.arrayContaining(['Positief < 3 0 0 0 0']));
    expect(lines(pages[2])).toEqual(expect.arrayContaining(['Klantreis RET – Zekerheidszoeker (n < 3)']));
    expect(pages[2]).not.toMatch(/Positief 1\b/);
  });
});
