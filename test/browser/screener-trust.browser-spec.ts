import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Respondent } from '../../src/respondents/respondent.entity';
import { axeViolations, startBrowserApp, stopBrowserApp } from '../support/browser';
import { createStudy } from '../support/factories';
import { choiceDifference, controlPixels } from '../support/pixels';
import { TestApp } from '../support/test-app';

/** Issue 11, item 5: a screener respondents can trust (visible choices, problems, progress, answers kept). */
describe('the screener respondents can trust, in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    await createStudy(
      t.dataSource,
      { slug: 'vertrouwen', title: 'Klantreis 2026', helpPhone: '030 111 22 33' },
      { organisations: ['RET', 'Vitens'] },
    );
  });
  afterAll(() => stopBrowserApp({ t, browser }));
  beforeEach(async () => {
    context = await browser.newContext({ bypassCSP: true, viewport: { width: 375, height: 800 } });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  const next = () => page.getByRole('button', { name: 'Volgende' }).click();
  const item = (text: string | RegExp) => page.locator('label.sd-selectbase__label', { hasText: text }).first();
  const progress = () => page.locator('#screener-progress-text').textContent();

  async function startEligible() {
    await page.goto(`${base}/s/vertrouwen`);
    await page.getByText('Ja, ik ga akkoord').click();
    await next();
    await item('RET').click();
    await item('In de afgelopen zes maanden').click();
    await next();
  }

  /** Pixels of the control before and after choosing it, once pointer and focus have moved elsewhere. */
  async function chooseAndCompare(text: string | RegExp) {
    const control = item(text).locator('.sd-item__decorator');
    await control.scrollIntoViewIfNeeded();
    await page.mouse.move(1, 1);
    const before = await controlPixels(page, control);
    await item(text).click();
    await page.mouse.move(1, 1);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.waitForTimeout(300);
    return choiceDifference(before, await controlPixels(page, control));
  }

  it('shows what was chosen, in a contrasting mark, for a radio button and a checkbox, after focus has moved on', async () => {
    await page.goto(`${base}/s/vertrouwen`);
    await page.getByText('Ja, ik ga akkoord').click();
    await next();
    const radio = await chooseAndCompare('RET');
    // Most of the inside of the circle changes, strongly, and the dot stands out from its fill (WCAG 1.4.11: 3:1).
    expect(radio.changedShare).toBeGreaterThan(0.3);
    expect(radio.strongestChange).toBeGreaterThan(3);
    expect(radio.markContrast).toBeGreaterThan(3);
    await item('In de afgelopen zes maanden').click();
    await next();
    await item('Vrouw').click();
    await page.getByRole('spinbutton', { name: 'Wat is uw leeftijd?' }).fill('81');
    await item('Basisschool of lagere school').click();
    await item(/^Neutraal$/).click();
    await next();
    await item('om advies gevraagd').click();
    await next();
    const checkbox = await chooseAndCompare('Geen van deze momenten');
    expect(checkbox.changedShare).toBeGreaterThan(0.3);
    expect(checkbox.strongestChange).toBeGreaterThan(3);
    expect(checkbox.markContrast).toBeGreaterThan(3);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says where the respondent is, and the total never grows on the way', async () => {
    await page.goto(`${base}/s/vertrouwen`);
    await page.getByText('Ja, ik ga akkoord').click();
    expect(await progress()).toBe('Stap 1 van 6: Meedoen aan ons onderzoek');
    expect(await page.locator('#screener-progress-bar').evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual(
      [1, 6],
    );
    await next();
    expect(await progress()).toBe('Stap 2 van 6: Uw contact met een organisatie');
    await item('RET').click();
    await item('In de afgelopen zes maanden').click();
    const seen = [await progress()];
    await next();
    seen.push(await progress());
    await item('Man').click();
    await page.getByRole('spinbutton', { name: 'Wat is uw leeftijd?' }).fill('70');
    await item('HBO (hogeschool)').click();
    await item(/^Comfortabel$/).click();
    await next();
    seen.push(await progress());
    await item('om advies gevraagd').click();
    await next();
    seen.push(await progress());
    await item('Geen van deze momenten').click();
    await next();
    seen.push(await progress());
    expect(seen).toEqual([
      'Stap 2 van 6: Uw contact met een organisatie',
      'Stap 3 van 6: Over u',
      'Stap 4 van 6: Hoe regelt u uw zaken?',
      'Stap 5 van 6: Wanneer kunt u?',
      'Stap 6 van 6: Uw gegevens',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    // Someone turned away ends early; the count does not jump.
    await page.getByRole('button', { name: 'Vorige' }).click();
    await page.getByRole('button', { name: 'Vorige' }).click();
    await page.getByRole('button', { name: 'Vorige' }).click();
    await page.getByRole('button', { name: 'Vorige' }).click();
    await item('Langer dan zes maanden geleden').click();
    expect(await progress()).toBe('Stap 2 van 6: Uw contact met een organisatie');
    await page.locator('.sd-navigation__complete-btn').click();
    await page.locator('#screener-result-body', { hasText: 'zes maanden' }).waitFor();
    expect(await page.locator('#screener-progress').isHidden()).toBe(true);
  });

  it('lists the problems at the top at body size, with links to the questions, when the respondent tries to go on', async () => {
    await startEligible();
    await page.getByRole('spinbutton', { name: 'Wat is uw leeftijd?' }).fill('67');
    await next();
    const summary = page.locator('#form-problems');
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('form-problems');
    expect(await summary.getByRole('heading').textContent()).toBe('Kijk deze vragen nog eens na');
    const links = summary.getByRole('link');
    expect(await links.allTextContents()).toEqual([
      'Wat is uw geslacht?',
      'Wat is de hoogste opleiding die u heeft afgemaakt?',
      'Hoe comfortabel voelt u zich bij het gebruik van digitale middelen?',
    ]);
    // Errors are read at the size of the body text (18 px on a phone), not 12 px.
    const sizes = await page.$$eval('.sd-question__erbox .sd-error__item, .form-problems li', (els) =>
      els.map((e) => parseFloat(getComputedStyle(e).fontSize)),
    );
    expect(sizes.length).toBe(6);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
    expect(await axeViolations(page)).toEqual([]);
    await links.nth(1).click();
    await page.waitForFunction(
      () =>
        (document.activeElement as HTMLInputElement | null)?.name?.length !== undefined &&
        document.activeElement?.closest('.sd-question')?.textContent?.includes('hoogste opleiding'),
    );
    await item('Man').click();
    await item('MBO (middelbaar beroepsonderwijs)').click();
    await item(/^Oncomfortabel$/).click();
    expect(await summary.isHidden()).toBe(true);
    await next();
    await page.getByText('Hoe regelt u uw zaken?').first().waitFor();
  });

  it('keeps the answers across a reload, switching language and Back, never in the address, and forgets them once sent', async () => {
    await startEligible();
    await item('Vrouw').click();
    await page.getByRole('spinbutton', { name: 'Wat is uw leeftijd?' }).fill('72');
    await page.reload();
    await page.getByText('Stap 3 van 6').waitFor();
    expect(await page.getByRole('radio', { name: 'Vrouw' }).isChecked()).toBe(true);
    expect(await page.getByRole('spinbutton', { name: 'Wat is uw leeftijd?' }).inputValue()).toBe('72');
    await Promise.all([page.waitForURL(/lang=en/), page.getByRole('link', { name: 'English' }).click()]);
    await page.getByText('Step 3 of 6: About you').waitFor();
    expect(await page.getByRole('radio', { name: 'Woman' }).isChecked()).toBe(true);
    expect(page.url()).not.toMatch(/72|Woman|vrouw/i);
    await page.goto(`${base}/h`);
    await page.goBack();
    await page.getByText('Step 3 of 6: About you').waitFor();
    expect(await page.getByRole('spinbutton', { name: 'How old are you?' }).inputValue()).toBe('72');

    await item('University of applied sciences (hbo)').click();
    await item(/^Neutral$/).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await item('for advice on how best').click();
    await page.getByRole('button', { name: 'Next' }).click();
    await item('None of these moments').click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('textbox', { name: 'First name' }).fill('Wilma');
    await page.getByRole('textbox', { name: 'E-mail address' }).fill('wilma@example.org');
    await item('By e-mail').click();
    await page.locator('.sd-navigation__complete-btn').click();
    await page.locator('#screener-result-body', { hasText: /take part/ }).waitFor();
    expect(await t.dataSource.getRepository(Respondent).countBy({ email: 'wilma@example.org' })).toBe(1);
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
    await page.reload();
    await page.getByText('Step 1 of 6').waitFor();
    expect(await page.getByRole('spinbutton', { name: 'How old are you?' }).count()).toBe(0);
  });
});
