import { writeFileSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { CodebookService } from '../../src/coding/codebook.service';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp } from '../support/browser';
import { createStudy, createUser } from '../support/factories';
import { TestApp } from '../support/test-app';
import { runDir } from '../support/test-database';

const SEED = join(__dirname, '..', 'fixtures', 'codebook', 'seed-contactredenen.csv');

describe('the codebook pages in Chromium, by keyboard', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let researcher: { email: string; password: string };

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    await createStudy(t.dataSource, { slug: 'codeboek', title: 'Codeboek' });
    researcher = await createUser(t.dataSource, { role: 'researcher' });
  });
  afterAll(() => stopBrowserApp({ t, browser }));
  afterEach(() => page.close());

  async function open(width: number, path: string) {
    page = await browser.newPage({ bypassCSP: true, viewport: { width, height: 800 } });
    await loginInBrowser(page, base, researcher.email, researcher.password);
    await page.goto(`${base}${path}`);
  }

  const codebook = () => t.app.get(CodebookService).codebook('codeboek');

  it('refuses a bad file on a phone with its lines and reasons, then checks and imports the seed table', async () => {
    await open(375, '/studies/codeboek/codebook/import');
    const bad = join(runDir(), 'codeboek-fout.csv');
    writeFileSync(bad, 'Categorie 1;Categorie 2;Categorie 3;Tekst-ID;Logtekst\nA;B;C;A_B;\n;;D;A_B;\n');
    await page.setInputFiles('#codebook-file', bad);
    await page.focus('#codebook-file');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const row = page.locator('table.import-errors tbody tr').first();
    await row.waitFor();
    expect(await row.locator('[data-label="Regel"]').textContent()).toBe('3');
    expect(await row.locator('[data-label="Kolom of code"]').textContent()).toBe('Tekst-ID');
    expect(await row.locator('[data-label="Probleem"]').textContent()).toBe(
      'Tekst-ID A_B staat ook al op regel 2. Elke Tekst-ID mag maar één keer voorkomen.',
    );
    expect(await page.isVisible('#codebook-import-confirm')).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    expect((await codebook()).version).toBe(1);

    await page.setInputFiles('#codebook-file', SEED);
    await page.focus('#codebook-file');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Het bestand is in orde.').waitFor();
    expect(await page.textContent('#codebook-import-result-body')).toContain(
      '55 nieuw, 0 gewijzigd, 0 verwijderd, 4 gelijk',
    );
    // The seed's CONS_ISSUE_HGV_(lv) is taken in its regular form, and the page says so.
    expect(await page.textContent('#codebook-import-result-body')).toContain('CONS_ISSUE_HGV_LV');
    expect(await axeViolations(page)).toEqual([]);
    expect((await codebook()).version).toBe(1);
    await page.focus('#codebook-import-confirm');
    await page.keyboard.press('Enter');
    await page.getByText('Geïmporteerd als versie 2').waitFor();
    const { codes } = await codebook();
    expect(codes.filter((c) => c.tekstId !== null)).toHaveLength(38);
  });

  it('adds a code by keyboard, shows a refusal next to its field, and lists it in the tree', async () => {
    await open(1280, '/studies/codeboek/codebook');
    expect(await page.textContent('main')).toContain('CONS_INFO_INST_EAN');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Code toevoegen' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/codebook\/codes\/new$/);
    await page.getByLabel('Categorie 1').focus();
    await page.keyboard.type('Zakelijke klanten');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Facturen');
    await page.getByLabel('Tekst-ID').focus();
    await page.keyboard.type('zak fact');
    await page.getByRole('button', { name: 'Toevoegen' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForLoadState();
    expect(await page.textContent('#code-tekst-id-error')).toContain('Tekst-ID ‘zak fact’ is niet goed');
    expect(await page.inputValue('#code-cat2')).toBe('Facturen');
    expect(await page.getAttribute('#code-tekst-id', 'aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#code-tekst-id', 'ZAK_FACT');
    await page.focus('#code-tekst-id');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/codebook#code-\d+$/);
    expect(await page.textContent('[role="status"]')).toContain('De code is toegevoegd.');
    expect(await page.textContent('main')).toContain('ZAK_FACT');
    const added = (await codebook()).codes.filter((c) => c.path[0] === 'Zakelijke klanten');
    expect(added.map((c) => [c.path.join(' / '), c.tekstId])).toEqual([
      ['Zakelijke klanten', null],
      ['Zakelijke klanten / Facturen', 'ZAK_FACT'],
    ]);
  });
});
