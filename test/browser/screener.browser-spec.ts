import type { Browser, Page } from 'playwright-core';
import { Respondent } from '../../src/respondents/respondent.entity';
import { ScreenerSubmission } from '../../src/respondents/screener-submission.entity';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp } from '../support/browser';
import { createStudy, createUser } from '../support/factories';
import { TestApp } from '../support/test-app';

describe('the public screener in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    await createStudy(
      t.dataSource,
      { slug: 'klantreis', title: 'Klantreis 2026', helpPhone: '030 111 22 33' },
      { organisations: ['RET', 'Vitens'] },
    );
  });
  afterAll(() => stopBrowserApp({ t, browser }));
  beforeEach(async () => {
    page = await browser.newPage({ bypassCSP: true, viewport: { width: 375, height: 800 } });
  });
  afterEach(() => page.close());

  const next = () => page.getByRole('button', { name: 'Volgende' }).click();
  const choose = (text: string) => page.locator('label.sd-selectbase__label', { hasText: text }).first().click();
  async function fill(label: string, value: string) {
    await page.getByRole(label === 'Wat is uw leeftijd?' ? 'spinbutton' : 'textbox', { name: label }).fill(value);
    await page.keyboard.press('Tab');
  }

  it('has no axe violations, also when it shows errors', async () => {
    await page.goto(`${base}/s/klantreis`);
    await page.getByText('Gaat u hiermee akkoord?').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Klantreis 2026');
    // The consent text's own heading is a sub-heading: smaller than the page's title, not the biggest words on it.
    const fontSize = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(await fontSize('.sd-html h3')).toBeLessThan(await fontSize('h1'));
    expect(await page.textContent('body')).toContain('030 111 22 33');
    expect(await axeViolations(page)).toEqual([]);
    await next();
    await page.locator('.sd-question__erbox').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('an older respondent on a phone: visible controls, a tappable help number, and a kind end when not eligible', async () => {
    await page.goto(`${base}/s/klantreis`);
    await page.getByText('Gaat u hiermee akkoord?').waitFor();
    expect(await page.getByRole('link', { name: '030 111 22 33' }).first().getAttribute('href')).toBe('tel:0301112233');
    await page.getByText('Ja, ik ga akkoord').click();
    await next();
    // WCAG 1.4.11: a radio circle needs a visible edge, not white on near-white.
    const edge = await page
      .locator('.sd-item__decorator')
      .first()
      .evaluate((el) => getComputedStyle(el));
    expect([edge.borderTopWidth, edge.borderTopColor]).toEqual(['2px', 'rgb(107, 107, 107)']);
    // The knock-out questions come before anything personal: no name is asked of someone who cannot take part.
    await choose('RET');
    await choose('Langer dan zes maanden geleden');
    await page.getByText('Daarom kunt u deze keer helaas niet meedoen').first().waitFor();
    await page.locator('.sd-navigation__complete-btn').click();
    await page.locator('#screener-result-body', { hasText: 'in de afgelopen zes maanden' }).waitFor();
    expect(await page.textContent('#screener-result-body')).toContain('Fijn dat u wilde helpen!');
    expect(await page.locator('#screener-intro').isHidden()).toBe(true);
    expect(await page.getByRole('link', { name: '030 111 22 33' }).first().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.getByRole('textbox', { name: 'Voornaam' }).count()).toBe(0);
    const r = await t.dataSource.getRepository(Respondent).findOneByOrFail({ statusReason: 'contact-too-long-ago' });
    expect(r).toMatchObject({ status: 'ineligible', quadrant: null, firstName: null, email: null });
  });

  it.each([375, 1280])(
    'at %i px shows answers the server refused under their questions, by title, with the linked summary',
    async (width) => {
      await page.setViewportSize({ width, height: 800 });
      // An older tab sent an answer the server no longer accepts (a real request, changed on its way).
      await page.route('**/api/studies/klantreis/screener', async (route) => {
        const body = JSON.parse(route.request().postData() ?? '{}') as { answers: Record<string, unknown> };
        body.answers.consent = false;
        await route.continue({ postData: JSON.stringify(body) });
      });
      await page.goto(`${base}/s/klantreis`);
      await page.getByText('Ja, ik ga akkoord').click();
      await next();
      await choose('RET');
      await choose('Langer dan zes maanden geleden');
      await page.locator('.sd-navigation__complete-btn').click();
      const summary = page.locator('#form-problems');
      await summary.getByRole('link', { name: 'Gaat u hiermee akkoord?' }).waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'form-problems');
      expect(await summary.textContent()).toContain('U kunt alleen meedoen als u akkoord gaat.');
      expect(
        await page.locator('.sd-question__erbox', { hasText: 'U kunt alleen meedoen als u akkoord gaat.' }).isVisible(),
      ).toBe(true);
      expect(await page.innerText('main')).not.toContain('consent');
      // The answers are all still there (the tab's copy too), on the page of the refused question.
      const kept = await page.evaluate(
        () =>
          (JSON.parse(sessionStorage.getItem('kwadrant.screener.klantreis') ?? '{}') as { data?: object }).data ?? {},
      );
      expect(Object.keys(kept).length).toBeGreaterThan(1);
      expect(await page.locator('.sd-question__title', { hasText: 'Gaat u hiermee akkoord?' }).isVisible()).toBe(true);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
    },
  );

  it('is in English with ?lang=en', async () => {
    await page.goto(`${base}/s/klantreis?lang=en`);
    await page.getByText('Do you agree to this?').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a respondent completes it and appears in the pool with the quadrant of the chosen statement', async () => {
    await page.goto(`${base}/s/klantreis`);
    await page.getByText('Ja, ik ga akkoord').click();
    await next();
    await choose('RET');
    await choose('In de afgelopen zes maanden');
    await next();
    await choose('Vrouw');
    await fill('Wat is uw leeftijd?', '67');
    await choose('MBO (middelbaar beroepsonderwijs)');
    await page.locator('label.sd-selectbase__label', { hasText: /^Oncomfortabel$/ }).click();
    await next();
    await page.getByText('Hoe regelt u uw zaken?', { exact: true }).waitFor();
    expect(await page.textContent('body')).toContain('mijn doel kon bereiken bij RET');
    await choose('om advies gevraagd');
    await next();
    expect(await axeViolations(page)).toEqual([]);
    await choose('Geen van deze momenten');
    await next();
    await fill('Voornaam', 'Fatima');
    await fill('E-mailadres', 'fatima@example.org');
    await choose('Per e-mail');
    await page.locator('.sd-navigation__complete-btn').click();
    await page.getByText('U kunt meedoen').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const r = await t.dataSource.getRepository(Respondent).findOneByOrFail({ email: 'fatima@example.org' });
    expect(r).toMatchObject({
      quadrant: 'zekerheidszoeker',
      status: 'eligible',
      age: '67',
      education: 'mbo',
      digitalComfort: 'oncomfortabel',
      availability: [],
      consentVersion: '2026-12',
    });
    expect(await t.dataSource.getRepository(ScreenerSubmission).countBy({ respondentId: r.id })).toBe(1);

    const u = await createUser(t.dataSource, { role: 'researcher' });
    await loginInBrowser(page, base, u.email, u.password);
    await page.goto(`${base}/studies/klantreis/respondents`);
    const row = page.locator(`#respondent-${r.id}`);
    expect(await row.textContent()).toContain('Zekerheidszoeker');
    expect(await row.textContent()).toContain('Fatima');
    expect(await axeViolations(page)).toEqual([]);
  });
});
