import type { Browser, Page } from 'playwright-core';
import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp } from '../support/browser';
import { createScheduledGroup, HomeworkFixture, homeworkAnswersCsv } from '../support/homework-factories';
import { TestApp } from '../support/test-app';

const HEADER = ['email', 'firstName', 'contactMoments', 'channels', 'contactMomentsRating', 'afterwardsHad'];

describe('homework import page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let fx: HomeworkFixture;

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    fx = await createScheduledGroup(t.dataSource, { members: 2 });
  });
  afterAll(() => stopBrowserApp({ t, browser }));
  afterEach(() => page.close());

  async function open(width: number) {
    page = await browser.newPage({ bypassCSP: true, viewport: { width, height: 800 } });
    await loginInBrowser(page, base, fx.lead.email, fx.lead.password);
    await page.goto(`${base}/studies/${fx.study.slug}/homework/import?lang=nl`);
  }
  const file = (rows: string[][]) => ({
    name: 'papier.csv',
    mimeType: 'text/csv',
    buffer: homeworkAnswersCsv(HEADER, rows),
  });

  it('lists each problem on a phone as line, column, value and reason, offers no import, and stores nothing', async () => {
    await open(375);
    expect(await axeViolations(page)).toEqual([]);
    await page.setInputFiles(
      '#import-file',
      file([[fx.members[0].email!, 'Ans', 'Gebeld.', 'website; duif', 'positief', 'Nee']]),
    );
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    const report = page.locator('table.import-errors');
    await report.waitFor();
    const first = report.locator('tbody tr').first();
    expect(await first.locator('[data-label="Regel"]').textContent()).toBe('2');
    expect(await first.locator('[data-label="Kolom"]').textContent()).toBe('channels');
    expect(await first.locator('[data-label="Wat er mis is"]').textContent()).toContain(
      '‘duif’ is geen keuze van deze vraag',
    );
    expect(await page.locator('#import-confirm').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    expect(await t.dataSource.getRepository(HomeworkAssignment).countBy({ studyId: fx.study.id })).toBe(0);
  });

  it('previews a good file, then imports it when confirmed by keyboard', async () => {
    await open(1280);
    const rows = fx.members.map((m) => [
      m.email!,
      m.firstName!,
      'Gebeld over de meterstand.',
      'Telefoon',
      '🙂 Positief',
      'Nee',
    ]);
    await page.setInputFiles('#import-file', file(rows));
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await page.getByText('2 rijen kunnen worden geïmporteerd.').waitFor();
    expect(await page.textContent('#import-result-body')).toContain(
      '2 deelnemers krijgen een nieuwe huiswerkopdracht.',
    );
    expect(await page.locator('table.import-errors tbody tr').count()).toBe(2);
    expect(await page.locator('table.import-errors').textContent()).toContain(
      'nieuwe huiswerkopdracht met deze antwoorden',
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(await t.dataSource.getRepository(HomeworkAssignment).countBy({ studyId: fx.study.id })).toBe(0);

    await page.locator('#import-confirm').focus();
    await page.keyboard.press('Enter');
    await page.getByText('2 huiswerkopdrachten geïmporteerd.').waitFor();
    const stored = await t.dataSource.getRepository(HomeworkAssignment).findBy({ studyId: fx.study.id });
    expect(stored.map((a) => [a.answerSource, a.importedFrom])).toEqual([
      ['import', 'papier.csv'],
      ['import', 'papier.csv'],
    ]);

    await page.goto(`${base}/studies/${fx.study.slug}/homework`);
    expect(await page.locator(`#group-${fx.group.id}`).textContent()).toContain('Geïmporteerd uit papier.csv');
    expect(await axeViolations(page)).toEqual([]);
  });
});
