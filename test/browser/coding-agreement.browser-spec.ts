import type { Browser, Page } from 'playwright-core';
import { CodingQueryService } from '../../src/coding/coding-query.service';
import { CodingService } from '../../src/coding/coding.service';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp } from '../support/browser';
import { CodingFixture, createCodingStudy } from '../support/coding-factories';
import { createUser } from '../support/factories';
import { TestApp } from '../support/test-app';

describe('settling disagreements in Chromium, by keyboard', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let fx: CodingFixture;
  let researcher: { email: string; password: string };

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    fx = await createCodingStudy(t, { members: 2, slug: 'overeenstemming' });
    researcher = await createUser(t.dataSource, { role: 'researcher' });
    const a = await createUser(t.dataSource, { role: 'researcher', name: 'Coder A' });
    const b = await createUser(t.dataSource, { role: 'researcher', name: 'Coder B' });
    const code = (tekstId: string) => fx.codes.find((c) => c.tekstId === tekstId)!.id!;
    const apply = (coder: typeof a, i: number, question: string, tekstId: string) =>
      t.app.get(CodingService).apply(
        {
          studyId: fx.study.id,
          assignmentId: fx.assignments[i].id,
          question,
          start: 0,
          end: 5,
          codeId: code(tekstId),
          coderId: coder.id,
        },
        coder,
      );
    await apply(a, 0, 'contactMoments', 'OORZAAK_FOUT');
    await apply(b, 0, 'contactMoments', 'OORZAAK_SELFSERVICE');
    await apply(a, 1, 'goal', 'OORZAAK_NODIG');
    await apply(b, 1, 'goal', 'OORZAAK_NODIG');
  });
  afterAll(() => stopBrowserApp({ t, browser }));
  afterEach(() => page.close());

  async function open(width: number) {
    page = await browser.newPage({ bypassCSP: true, viewport: { width, height: 800 } });
    await loginInBrowser(page, base, researcher.email, researcher.password);
    await page.goto(`${base}/studies/overeenstemming/coding/agreement`);
  }

  it('shows the agreement on a phone without sideways scrolling, and passes axe', async () => {
    await open(375);
    expect(await page.textContent('main')).toContain('Krippendorffs alfa');
    expect(await page.textContent('main')).toContain('Cohens kappa');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // The figures per code are cards, each value named, not a table to scroll sideways inside its frame.
    const codes = page.locator('.table-wrap', { has: page.locator('table.agreement-codes') });
    expect(await codes.evaluate((wrap) => wrap.scrollWidth - wrap.clientWidth)).toBeLessThanOrEqual(0);
    expect(await codes.locator('td').first().getAttribute('data-label')).toBe('Krippendorffs alfa');
    // Each box stands before its code on the same line, not alone above it (a full-width box did).
    const box = (await page.getByRole('checkbox', { name: /OORZAAK_FOUT/ }).boundingBox())!;
    const label = (await page.locator('fieldset label', { hasText: 'OORZAAK_FOUT' }).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(label.x);
    expect(box.y + box.height / 2).toBeGreaterThan(label.y);
    expect(box.y + box.height / 2).toBeLessThan(label.y + label.height);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('refuses settling without a code next to the choices, then settles by keyboard', async () => {
    await open(1280);
    const settle = page.getByRole('button', { name: /Vastleggen/ });
    expect(await settle.count()).toBe(1);
    await settle.focus();
    await page.keyboard.press('Enter');
    await page.waitForLoadState('load');
    const problem = page.locator('.field-error');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('kies minstens één code');
    expect(await axeViolations(page)).toEqual([]);

    // Tab from the problem summary to the first choice, tick it with the space bar, and send the form.
    await page.getByRole('checkbox', { name: /OORZAAK_SELFSERVICE/ }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: /Vastleggen/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('De definitieve codering van het antwoord is vastgelegd.').waitFor();
    expect(await page.textContent('main')).toContain('Er zijn geen open verschillen.');
    expect(await axeViolations(page)).toEqual([]);

    const finals = await t.app.get(CodingQueryService).finalCodings(fx.study.id);
    const settled = finals.find((f) => f.assignmentId === fx.assignments[0].id && f.question === 'contactMoments');
    expect(settled?.codes.map((c) => c.tekstId)).toEqual(['OORZAAK_SELFSERVICE']);
  });
});
