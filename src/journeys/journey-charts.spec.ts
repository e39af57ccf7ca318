import { causeBarsTable, causeTotals, journeyMapCells, journeyMapTable } from './journey-chart-data';
import { causeBarsSvg, journeyMapSvg } from './journey-charts';
import { smallReport } from './journey-charts.fixture';
import { suppressSmallCounts } from './journey-report';
import { stopRenderer } from './vega-renderer';

/**
 * The marks of one kind the layers draw (not axes, titles or headers): mark groups hold only their items, so a lazy
 * match finds a group's end.
 */
function marks(svg: string, kind: 'rect' | 'text'): string[][] {
  const open = `<g class="mark-${kind} role-mark [^"]*_layer_\\d+_marks"[^>]*?`;
  const groups = [...svg.matchAll(new RegExp(`${open}(?:/>|>(.*?)</g>)`, 'g'))];
  const item = kind === 'rect' ? /<path\b[^>]*>/g : /<text\b[^>]*>([^<]*)<\/text>/g;
  return groups.map((g) => [...(g[1] ?? '').matchAll(item)].map((m) => (kind === 'text' ? unescape(m[1]) : m[0])));
}

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(+c));

/** Every text of the SVG, in document order. */
const texts = (svg: string) => [...svg.matchAll(/<(?:text|title)\b[^>]*>([^<]*)</g)].map((m) => unescape(m[1]));

afterAll(() => stopRenderer());

describe('journeyMapSvg', () => {
  const report = smallReport();
  const group = report.groups[0];

  it('is one named image: role="img" labelled by its title, which names organisation, quadrant and n', async () => {
    const svg = await journeyMapSvg(group, 'nl');
    const open = /^<svg\b[^>]*>/.exec(svg)![0];
    expect(open).toContain('role="img"');
    const id = /aria-labelledby="([^"]+)"/.exec(open)![1];
    expect(svg).toContain(`<title id="${id}">Klantreis Belastingdienst – Informatiezoeker (n = 4)</title>`);
    // Nothing inside it is an image or object of its own.
    expect(svg.slice(open.length)).not.toMatch(/\brole=|aria-roledescription=/);
    // The title is drawn too, for sighted readers and in the PDF.
    expect(texts(svg).filter((t) => t === 'Klantreis Belastingdienst – Informatiezoeker (n = 4)')).toHaveLength(2);
  });

  it('draws one cell per step and rating and per step and channel where the step asks, its count as its label', async () => {
    const svg = await journeyMapSvg(group, 'nl');
    const [ratingCells, channelCells] = marks(svg, 'rect');
    expect(ratingCells).toHaveLength(5 * 4);
    expect(channelCells).toHaveLength(2 * 10); // contact moments and afterwards ask for channels
    const [ratingLabels, channelLabels] = marks(svg, 'text');
    // Step by step, positief / neutraal / negatief / geen oordeel: contact moments 2, 0, 1, 1 and goal 0, 1, 0, 3.
    expect(ratingLabels.slice(0, 8)).toEqual(['2', '0', '1', '1', '0', '1', '0', '3']);
    expect(ratingLabels).toEqual(
      journeyMapCells(group, 'nl')
        .filter((c) => c.part === 'ratings')
        .map((c) => c.label),
    );
    // Contact moments: website 2, mijn-omgeving 0, social media 0, chat 1, telefoon 1, …; afterwards: post 1.
    expect(channelLabels.slice(0, 5)).toEqual(['2', '0', '0', '1', '1']);
    expect(channelLabels.slice(10)).toEqual(['0', '0', '0', '0', '0', '0', '0', '1', '0', '0']);
    // Ratings in their colours; the row names say the same, so colour is never the only sign.
    expect(ratingCells[0]).toContain('fill="#0072B2"');
    expect(ratingCells[2]).toContain('fill="#D55E00"');
    expect(texts(svg)).toEqual(expect.arrayContaining(['Positief', 'Geen oordeel', 'Website', 'Oriëntatie']));
  });

  it('speaks the reader’s language', async () => {
    const svg = await journeyMapSvg(group, 'en');
    expect(texts(svg)).toEqual(
      expect.arrayContaining([
        'Customer journey Belastingdienst – Information seeker (n = 4)',
        'Positive',
        'No rating',
        'Phone',
        'Afterwards',
      ]),
    );
    expect(texts(svg)).not.toContain('Positief');
  });

  it('shows suppressed counts as "< k", never as 0', async () => {
    const partner = suppressSmallCounts(report, 3);
    const svg = await journeyMapSvg(partner.groups[0], 'nl', { suppressedBelow: 3 });
    const [ratingLabels] = marks(svg, 'text');
    // 2 positief and 1 negatief are under k; 1 geen oordeel too; 0 neutraal stays 0.
    expect(ratingLabels.slice(0, 4)).toEqual(['< 3', '0', '< 3', '< 3']);
    const alone = await journeyMapSvg(partner.groups[1], 'nl', { suppressedBelow: 3 });
    expect(texts(alone)).toContain('Klantreis RET – Zekerheidszoeker (n < 3)');
    const [aloneRatings, aloneChannels] = marks(alone, 'text');
    expect(new Set([...aloneRatings, ...aloneChannels])).toEqual(new Set(['< 3']));
  });

  it('gives every picture of a page its own title id', async () => {
    const ids = await Promise.all(
      report.groups.map(async (g) => /aria-labelledby="([^"]+)"/.exec(await journeyMapSvg(g, 'nl'))![1]),
    );
    expect(new Set(ids).size).toBe(report.groups.length);
    const named = await journeyMapSvg(group, 'nl', { id: 'picture-7' });
    expect(named).toContain('<title id="picture-7">');
  });
});

describe('journeyMapTable', () => {
  it('holds the picture’s numbers: a row per rating and channel, a column per step', () => {
    const table = journeyMapTable(smallReport().groups[0], 'nl');
    expect(table.caption).toBe('Klantreis Belastingdienst – Informatiezoeker (n = 4)');
    expect(table.columns).toEqual([
      'Beleving of kanaal',
      'Contactmomenten',
      'Doel',
      'Oriëntatie',
      'Contact',
      'Achteraf',
    ]);
    expect(table.rows[0]).toEqual({ header: 'Positief', cells: ['2', '0', '0', '0', '0'] });
    expect(table.rows[3]).toEqual({ header: 'Geen oordeel', cells: ['1', '3', '4', '4', '4'] });
    expect(table.rows.find((r) => r.header === 'Post (brief)')).toEqual({
      header: 'Post (brief)',
      cells: ['0', 'niet gevraagd', 'niet gevraagd', 'niet gevraagd', '1'],
    });
  });
});

describe('causeBarsSvg', () => {
  const report = smallReport();

  it('stacks the four cause classes of every group, titled, with its organisations and counts', async () => {
    const svg = await causeBarsSvg(report, 'nl');
    expect(svg).toMatch(/^<svg role="img" aria-labelledby="journey-causes"/);
    expect(svg).toContain('<title id="journey-causes">Oorzaken van contact per kwadrant</title>');
    // A facet per organisation, a bar per cause class in each.
    expect(marks(svg, 'rect').flat()).toHaveLength(report.groups.length * 4);
    expect(texts(svg)).toEqual(
      expect.arrayContaining(['Belastingdienst', 'RET', 'Informatiezoeker (n = 4)', 'Fout', 'Niet gecodeerd']),
    );
    // Belastingdienst: two segments coded fout; contactWhat of respondent 2 answered without a cause code.
    expect(marks(svg, 'text')).toEqual([['2', '1'], []]);
  });

  it('shows a sum with a suppressed part as a lower bound, and a suppressed group without bars', async () => {
    const partner = suppressSmallCounts(report, 3);
    expect(causeTotals(partner.groups[0]).fout).toEqual({ value: 1, atLeast: true });
    expect(causeTotals(partner.groups[1]).fout).toEqual({ value: null, atLeast: false });
    const table = causeBarsTable(partner, 'nl', { suppressedBelow: 3 });
    expect(table.columns).toEqual([
      'Organisatie en kwadrant',
      'Aantal (n)',
      'Fout',
      'Selfservice',
      'Nodig',
      'Niet gecodeerd',
    ]);
    expect(table.rows).toEqual([
      { header: 'Belastingdienst – Informatiezoeker', cells: ['4', 'min. 1', '0', '0', 'min. 1'] },
      { header: 'RET – Zekerheidszoeker', cells: ['< 3', '< 3', '< 3', '< 3', '< 3'] },
    ]);
    const svg = await causeBarsSvg(partner, 'en', { suppressedBelow: 3 });
    expect(texts(svg)).toEqual(expect.arrayContaining(['Certainty seeker (n < 3)', 'Causes of contact per quadrant']));
    expect(marks(svg, 'text')).toEqual([['min. 1', 'min. 1'], []]);
  });
});
