import { readFileSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { Respondent } from '../../src/respondents/respondent.entity';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp, wordsBrokenIn } from '../support/browser';
import { createRespondents, createStudy, createUser } from '../support/factories';
import { TestApp } from '../support/test-app';
import { xlsxBomb } from '../support/zip-bombs';

const FIXTURES = join(__dirname, '..', 'fixtures', 'import');

describe('respondent import and pool pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let researcher: { email: string; password: string };

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    await createStudy(
      t.dataSource,
      { slug: 'import-ui', title: 'Import UI' },
      { organisations: ['RET', 'Vitens', 'Belastingdienst', 'Gemeente Utrecht'] },
    );
    researcher = await createUser(t.dataSource, { role: 'researcher' });
  });
  afterAll(() => stopBrowserApp({ t, browser }));
  afterEach(() => page.close());

  async function open(width: number, path: string) {
    page = await browser.newPage({ bypassCSP: true, viewport: { width, height: 800 } });
    await loginInBrowser(page, base, researcher.email, researcher.password);
    await page.goto(`${base}${path}`);
  }

  it('reports unreadable rows on a phone as line, column, value and reason, and imports nothing', async () => {
    await open(375, '/studies/import-ui/respondents/import');
    await page.setInputFiles('#import-file', join(FIXTURES, 'errors-semicolon.csv'));
    await page.getByLabel('Alleen controleren (nog niets importeren)').uncheck();
    await page.getByRole('button', { name: 'Importeren' }).click();
    const report = page.locator('table.import-errors');
    await report.waitFor();
    // The refusal in the page's language, by its code (the API's own message is English).
    expect(await page.textContent('#import-result-body')).toMatch(
      /Niet te lezen rijen: \d+\. Er is dus niets geïmporteerd\./,
    );
    const first = report.locator('tbody tr').first();
    expect(await first.locator('[data-label="Regel"]').textContent()).toBe('3');
    expect(await first.locator('[data-label="Kolom"]').textContent()).toBe('Geslacht');
    expect(await first.locator('[data-label="Waarde in het bestand"]').textContent()).toBe('q');
    // Why, in the page's language too.
    expect(await first.locator('[data-label="Wat er mis is"]').textContent()).toBe(
      'onbekend geslacht "q"; verwacht m (man), v (vrouw) of x (anders / zeg ik liever niet)',
    );
    expect(await report.textContent()).toContain(
      'de organisaties van dit onderzoek zijn: RET, Vitens, Belastingdienst, Gemeente Utrecht',
    );
    // Stacked rows: nothing sticks out of a 375 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    expect(await t.dataSource.getRepository(Respondent).count()).toBe(0);
  });

  it('imports the Bijlage 5 table, shows shortfalls, and shows an audited quadrant override', async () => {
    await open(1280, '/studies/import-ui/respondents/import');
    // Checked first, one row of it (the page checks only, by default): said in the singular.
    const [header, first] = readFileSync(join(FIXTURES, 'bijlage5-respondentenoverzicht.csv'), 'utf8').split('\n');
    const oneRow = Buffer.from(`${header}\n${first}\n`, 'utf8');
    await page.setInputFiles('#import-file', { name: 'een-rij.csv', mimeType: 'text/csv', buffer: oneRow });
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.getByText('1 rij kan worden geïmporteerd.').waitFor();
    await page.setInputFiles('#import-file', join(FIXTURES, 'bijlage5-respondentenoverzicht.csv'));
    await page.getByLabel('Alleen controleren (nog niets importeren)').uncheck();
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.getByText('44 respondenten geïmporteerd.').waitFor();

    await page.goto(`${base}/studies/import-ui/respondents`);
    const shortCells = page.locator('table.count-table td.shortfall');
    expect(await shortCells.count()).toBeGreaterThan(0);
    const colour = await shortCells
      .first()
      .locator('span')
      .evaluate((el) => getComputedStyle(el).color);
    expect(colour).toBe('rgb(143, 20, 20)');
    expect(await page.locator('table.respondent-table tbody tr').first().textContent()).toContain('import');

    // The file's only 65-70 is its first row: RET, Gemakzoeker.
    const r = await t.dataSource.getRepository(Respondent).findOneByOrFail({ age: '65-70' });
    const row = page.locator(`#respondent-${r.id}`);
    // On a laptop the pool's columns keep whole words ("Belastingdienst", "Informatiezoeker"; only e-mail addresses
    // break), and a row's open actions keep every column as wide as it was.
    const columnWidths = () =>
      page.locator('table.respondent-table thead th').evaluateAll((ths) => ths.map((th) => th.clientWidth));
    expect(await wordsBrokenIn(page, 'table.respondent-table td')).toEqual([]);
    const closed = await columnWidths();
    await row.locator('summary').click();
    expect(await columnWidths()).toEqual(closed);
    expect(await row.getByLabel('Reden').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(250);
    // Erasing cannot be undone: its button is red, not the blue of every other button.
    const erase = row.getByRole('button', { name: 'Persoonsgegevens wissen' });
    expect(await erase.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(165, 14, 14)');
    // The open actions lie over the rows below: tabbing out of them closes them, so the next row's "Acties" is not
    // hidden under them; Escape closes them and returns to their own "Acties"; what was typed stays.
    const details = row.locator('details');
    const isOpen = () => details.evaluate((d: HTMLDetailsElement) => d.open);
    await erase.focus();
    await page.keyboard.press('Tab');
    expect(await isOpen()).toBe(false);
    await row.locator('summary').focus();
    await page.keyboard.press('Enter');
    await row.getByLabel('Reden').fill('Bij het nabellen');
    await page.keyboard.press('Escape');
    expect(await isOpen()).toBe(false);
    expect(await row.locator('summary').evaluate((s) => s === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await row.getByLabel('Reden').inputValue()).toBe('Bij het nabellen');
    await row.getByLabel('Nieuw kwadrant').selectOption('informatiezoeker');
    await row.getByLabel('Reden').fill('Bij het nabellen bleek dat zij alles zelf uitzoekt');
    await Promise.all([page.waitForURL(/#respondent-/), row.getByRole('button', { name: 'Aanpassen' }).click()]);
    const shown = await page.locator(`#respondent-${r.id}`).textContent();
    expect(shown).toContain('Informatiezoeker');
    expect(shown).toContain(`aangepast door ${researcher.email} op `);
    expect(shown).toContain('Bij het nabellen bleek dat zij alles zelf uitzoekt');
    const event = await t.dataSource
      .getRepository(AuditEvent)
      .findOneByOrFail({ action: 'respondent.quadrant_override', subjectId: String(r.id) });
    expect(event.details).toMatchObject({ from: 'gemakzoeker', to: 'informatiezoeker' });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('refuses a zip bomb on the page in Dutch, and stores nothing', async () => {
    await open(375, '/studies/import-ui/respondents/import');
    expect(await page.textContent('main')).toContain(
      'Een bestand mag hoogstens 20 MB groot zijn en 100.000 rijen hebben.',
    );
    const before = await t.dataSource.getRepository(Respondent).count();
    await page.setInputFiles('#import-file', {
      name: 'bom.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await xlsxBomb({ unpackedBytes: 2e9 }),
    });
    await page.getByLabel('Alleen controleren (nog niets importeren)').uncheck();
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.getByText('Het Excelbestand wordt uitgepakt groter dan 100 MB.', { exact: false }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    expect(await t.dataSource.getRepository(Respondent).count()).toBe(before);
  });

  it('pages through a large pool on a phone with links that keep the filter', async () => {
    const study = await createStudy(
      t.dataSource,
      { slug: 'groot-ui', title: 'Grote pool' },
      { organisations: ['RET'] },
    );
    await createRespondents(t.dataSource, study.study.id, study.organisations[0].id, 120, { quadrant: 'gemakzoeker' });
    await open(375, '/studies/groot-ui/respondents?quadrant=gemakzoeker');
    const pager = page.getByRole('navigation', { name: "Pagina's" });
    expect(await pager.textContent()).toContain('1–50 van 120');
    expect(await page.locator('tr[data-respondent]').count()).toBe(50);
    await pager.getByRole('link', { name: 'Laatste pagina' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/offset=100/);
    expect(page.url()).toContain('quadrant=gemakzoeker');
    expect(await page.locator('tr[data-respondent]').count()).toBe(20);
    // On the card each cell is named by its column, except the actions, whose summary names itself.
    const card = page.locator('tr[data-respondent]').first();
    const named = (cell: string) =>
      card.locator(cell).evaluate((td) => getComputedStyle(td, '::before').content.replace(/^"|"$/g, ''));
    expect(await named('td:nth-child(3)')).toBe('Organisatie: ');
    expect(await named('td:last-child')).toBe('none');
    expect(await page.getByRole('navigation', { name: "Pagina's" }).textContent()).toContain('101–120 van 120');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
  });
});
