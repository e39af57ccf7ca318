// The journey report and the action register as people use them in Chromium: a researcher's journey page with the
// four quadrants side by side and with one quadrant across organisations, a partner's journey page, and the action
// register, an action and its edit page for a researcher and a partner, at a desktop's and a phone's width, axe
// clean and never wider than the screen; the evidence quotes are picked with the keyboard alone.
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { ActionsService } from '../../src/actions/actions.service';
import { Coding } from '../../src/coding/coding.entity';
import { stopRenderer } from '../../src/journeys/vega-renderer';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp } from '../support/browser';
import { createStudy, createUser } from '../support/factories';
import { codeJourneyStudy, createJourneyStudy } from '../support/journey-factories';
import type { TestApp } from '../support/test-app';

const SHOTS = join(__dirname, '../../.tmp');
const slug = 'klantreis-browser';

describe('the journey and action pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let page: Page;
  let researcher: { email: string; password: string; id: number };
  let partner: { email: string; password: string; id: number };
  let actionId: number;
  let quotes: number[];

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    const fx = await createJourneyStudy(t.dataSource, slug);
    researcher = await createUser(t.dataSource, { role: 'researcher', name: 'Ria' });
    partner = await createUser(t.dataSource, { role: 'partner', organisationId: fx.ret, name: 'Piet' });
    await codeJourneyStudy(t, fx, researcher.id);
    quotes = (await t.dataSource.getRepository(Coding).findBy({ studyId: fx.study.id, shareable: true })).map(
      (c) => c.id,
    );
    const viewer = {
      id: researcher.id,
      email: researcher.email,
      name: 'Ria',
      role: 'researcher' as const,
      organisationId: null,
    };
    ({ id: actionId } = await t.app.get(ActionsService).create(
      slug,
      {
        organisation: 'RET',
        omschrijving: 'Terugbellen na een vraag over de factuur, zoals beloofd aan de klant',
        analyse: 'Gemakzoekers bellen opnieuw als ze niet worden teruggebeld (CONS_FACT_TBV, OORZAAK_FOUT).',
        actie: 'Terugbelbelofte in het belscript en een dagelijkse lijst van openstaande terugbelverzoeken.',
        actiehouders: [researcher.id, partner.id],
        mijlpaal: '2038-03-15',
        quadrants: ['gemakzoeker'],
        quotes: [quotes[0]],
      },
      viewer,
    ));
  });
  afterAll(async () => {
    await stopBrowserApp({ t, browser });
    await stopRenderer();
  });
  afterEach(() => page?.close());

  async function open(width: number, who: { email: string; password: string }, path: string) {
    page = await browser.newPage({ bypassCSP: true, viewport: { width, height: 900 } });
    await loginInBrowser(page, base, who.email, who.password);
    const res = await page.goto(`${base}${path}`);
    expect(res?.status()).toBe(200);
  }

  /** Nothing wider than the screen (tables scroll in their own box), pictures within it, and axe clean. */
  async function fitsAndPassesAxe(width: number, shot: string) {
    const layout = await page.evaluate(() => ({
      pageWidth: document.documentElement.scrollWidth,
      pictures: Array.from(document.querySelectorAll('svg')).map((s) => s.getBoundingClientRect().right),
    }));
    expect(layout.pageWidth).toBeLessThanOrEqual(width);
    for (const right of layout.pictures) expect(right).toBeLessThanOrEqual(width);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `${shot}-${width}.png`), fullPage: true });
  }

  for (const width of [1280, 375]) {
    it(`shows a researcher the journey side by side and across organisations at ${width} px`, async () => {
      await open(width, researcher, `/studies/${slug}/journey?organisation=RET`);
      expect(await page.textContent('main')).toContain('Gemakzoeker');
      await fitsAndPassesAxe(width, 'journey-organisation');
      await page.goto(`${base}/studies/${slug}/journey?quadrant=gemakzoeker`);
      expect(await page.textContent('main')).toContain('Vitens');
      await fitsAndPassesAxe(width, 'journey-quadrant');
    });

    it(`shows a partner their journey report at ${width} px`, async () => {
      await open(width, partner, `/partner/studies/${slug}/journey`);
      expect(await page.textContent('main')).toContain('Ik belde over mijn factuur');
      await fitsAndPassesAxe(width, 'journey-partner');
    });

    for (const [who, label] of [
      ['researcher', 'a researcher'],
      ['partner', 'a partner'],
    ] as const) {
      it(`shows ${label} the register, the action with its quote and the edit page at ${width} px`, async () => {
        await open(width, who === 'researcher' ? researcher : partner, `/studies/${slug}/actions`);
        await fitsAndPassesAxe(width, `actions-register-${who}`);
        await page.goto(`${base}/studies/${slug}/action/${actionId}`);
        expect(await page.textContent('.quote-list')).toContain('“Ik belde over mijn factuur”');
        await fitsAndPassesAxe(width, `action-${who}`);
        await page.goto(`${base}/studies/${slug}/action/${actionId}/edit`);
        expect(await page.locator('#edit-quotes input[type=checkbox]').count()).toBe(quotes.length);
        await fitsAndPassesAxe(width, `action-edit-${who}`);
      });
    }
  }

  it('says that nobody has handed in homework yet, instead of pictures and tables that are all zeros', async () => {
    await createStudy(t.dataSource, { slug: 'klantreis-leeg' }, { organisations: ['RET', 'Vitens'] });
    await open(375, researcher, '/studies/klantreis-leeg/journey');
    expect(await page.locator('#journey-nobody-yet').textContent()).toContain(
      'Nog niemand in deze selectie heeft huiswerk ingeleverd',
    );
    expect(await page.locator('svg, .journey-block').count()).toBe(0);
    await fitsAndPassesAxe(375, 'journey-nobody-yet');
    await page.close();
    await open(375, partner, '/partner/studies/klantreis-leeg/journey');
    expect(await page.locator('#journey-nobody-yet').textContent()).toBe(
      'Nog niemand van RET in deze selectie heeft huiswerk ingeleverd, dus er is nog niets te zien.',
    );
    expect(await page.textContent('main')).toContain('Nog niemand in het consortium heeft in deze selectie huiswerk');
    expect(await page.locator('svg, .journey-block').count()).toBe(0);
    await fitsAndPassesAxe(375, 'journey-partner-nobody-yet');
  });

  it('lets a researcher pick the evidence quotes with the keyboard alone', async () => {
    await open(1280, researcher, `/studies/${slug}/action/${actionId}/edit`);
    const boxes = page.locator('#edit-quotes input[type=checkbox]');
    expect(await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked))).toEqual([true, false]);
    // Tab from the field before the list reaches each quote's box in turn; space ticks and unticks it.
    await page.focus('#edit-codes input[type=checkbox] >> nth=-1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(String(quotes[0]));
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(String(quotes[1]));
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.locator('#flash').waitFor();
    expect(await page.textContent('.quote-list')).toContain('OORZAAK_FOUT');
    const saved = await t.app.get(ActionsService).get(slug, actionId, null);
    expect(saved.evidence.quotes.map((q) => q.codingId)).toEqual([quotes[1]]);
  });
});
