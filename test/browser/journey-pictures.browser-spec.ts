// The journey pictures as a page shows them (templates/partials/journeys/picture.hbs with the site's stylesheets):
// visible, inside a desktop's and a phone's width, on A4 when printed, and without axe violations, for a
// researcher's report and a partner's with suppressed counts.
import { readFileSync } from 'fs';
import { join } from 'path';
import Handlebars from 'handlebars';
import type { Browser, Page } from 'playwright-core';
import type { Locale } from '../../src/common/domain';
import { registerTemplateHelpers } from '../../src/common/view-engine';
import { causeBarsTable, journeyMapTable, type ChartOptions } from '../../src/journeys/journey-chart-data';
import { smallReport } from '../../src/journeys/journey-charts.fixture';
import { causeBarsSvg, journeyMapSvg } from '../../src/journeys/journey-charts';
import { suppressSmallCounts, type Count, type JourneyReport } from '../../src/journeys/journey-report';
import { stopRenderer } from '../../src/journeys/vega-renderer';
import { axeViolations, launchBrowser } from '../support/browser';

const css = ['kwadrant.css', 'journey-pictures.css']
  .map((f) => readFileSync(join(__dirname, '../../public/css', f), 'utf8'))
  .join('\n');

async function picturesPage(report: JourneyReport<Count>, locale: Locale, options: ChartOptions = {}): Promise<string> {
  const hb = Handlebars.create();
  registerTemplateHelpers(hb);
  const picture = hb.compile('{{> journeys/picture svg=svg table=table}}');
  const parts = [
    picture({
      svg: await causeBarsSvg(report, locale, { ...options, id: 'picture-causes' }),
      table: causeBarsTable(report, locale, options),
    }),
    ...(await Promise.all(
      report.groups.map(async (g, i) =>
        picture({
          svg: await journeyMapSvg(g, locale, { ...options, id: `picture-${i}` }),
          table: journeyMapTable(g, locale, options),
        }),
      ),
    )),
  ];
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>Klantreis</title>
    <meta name="viewport" content="width=device-width, initial-scale=1"><style>${css}</style></head>
    <body><main id="main"><h1>Klantreis</h1>${parts.join('\n')}</main></body></html>`;
}

describe('journey pictures in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stopRenderer();
  });
  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(() => page.close());

  /** Each picture's box on the page, and how wide the page itself became. */
  const layout = () =>
    page.evaluate(() => ({
      pictures: Array.from(document.querySelectorAll('.journey-picture__image svg')).map((svg) => {
        const box = svg.getBoundingClientRect();
        return {
          name: svg.querySelector('title')?.textContent,
          width: box.width,
          height: box.height,
          right: box.right,
        };
      }),
      pageWidth: document.documentElement.scrollWidth,
    }));

  for (const [width, label] of [
    [1280, 'a desktop'],
    [375, 'a phone'],
  ] as const) {
    it(`shows every picture named and with its table on ${label}, without axe violations`, async () => {
      await page.setViewportSize({ width, height: 900 });
      const report = smallReport();
      await page.setContent(await picturesPage(report, 'nl'));
      const { pictures, pageWidth } = await layout();
      expect(pictures.map((p) => p.name)).toEqual([
        'Oorzaken van contact per kwadrant',
        'Klantreis Belastingdienst – Informatiezoeker (n = 4)',
        'Klantreis RET – Zekerheidszoeker (n = 1)',
      ]);
      for (const p of pictures) {
        expect(p.width).toBeGreaterThan(200);
        expect(p.height).toBeGreaterThan(100);
        expect(p.right).toBeLessThanOrEqual(width);
      }
      expect(pageWidth).toBeLessThanOrEqual(width); // tables scroll in their own box, the page does not
      // Each picture is one image named by its title; its numbers are in the table beside it.
      const images = page.getByRole('img');
      expect(await images.count()).toBe(3);
      await expect(
        page.getByRole('img', { name: 'Klantreis Belastingdienst – Informatiezoeker (n = 4)' }).count(),
      ).resolves.toBe(1);
      const table = page.getByRole('table', { name: 'Klantreis Belastingdienst – Informatiezoeker (n = 4)' });
      expect(await table.getByRole('row', { name: /Positief/ }).textContent()).toMatch(/Positief\s*2\s*0\s*0\s*0\s*0/);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(__dirname, '../../.tmp', `journey-pictures-${width}.png`), fullPage: true });
    });
  }

  it('shows a partner’s suppressed counts as "< k", in English, without axe violations', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const partner = suppressSmallCounts(smallReport(), 3);
    await page.setContent(await picturesPage(partner, 'en', { suppressedBelow: 3 }));
    expect(await page.getByRole('img', { name: 'Customer journey RET – Certainty seeker (n < 3)' }).count()).toBe(1);
    const table = page.getByRole('table', { name: 'Customer journey Belastingdienst – Information seeker (n = 4)' });
    expect(await table.getByRole('row', { name: /Positive/ }).textContent()).toMatch(/Positive\s*< 3\s*0/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('prints every picture within an A4 page', async () => {
    await page.setContent(await picturesPage(smallReport(), 'nl'));
    await page.emulateMedia({ media: 'print' });
    // A4 is 210 × 297 mm; at 96 px per inch and 15 mm margins the printable area is about 680 × 1010 px.
    await page.setViewportSize({ width: 680, height: 1010 });
    const { pictures } = await layout();
    for (const p of pictures) {
      expect(p.width).toBeLessThanOrEqual(680);
      expect(p.height).toBeLessThanOrEqual(1010);
    }
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
