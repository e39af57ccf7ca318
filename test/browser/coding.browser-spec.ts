import type { Browser, Page } from 'playwright-core';
import { CodingQueryService } from '../../src/coding/coding-query.service';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp } from '../support/browser';
import { codingAnswers, CodingFixture, createCodingStudy } from '../support/coding-factories';
import { createUser } from '../support/factories';
import { TestApp } from '../support/test-app';

describe('the coding workspace in Chromium, by keyboard', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let fx: CodingFixture;
  let coder: { id: number; email: string; password: string };

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    fx = await createCodingStudy(t, { members: 3, slug: 'codeerwerk' });
    coder = await createUser(t.dataSource, { role: 'researcher', name: 'Carla Codeur' });
  });
  afterAll(() => stopBrowserApp({ t, browser }));
  afterEach(() => page.close());

  async function open(width: number, path: string) {
    page = await browser.newPage({ bypassCSP: true, viewport: { width, height: 800 } });
    await loginInBrowser(page, base, coder.email, coder.password);
    await page.goto(`${base}${path}`);
  }

  const mine = () => t.app.get(CodingQueryService).codings(fx.study.id, { layer: 'coder', coderId: coder.id });

  it('codes a span chosen with shift+arrows and a code typed by Tekst-ID, then writes a memo, all by keyboard', async () => {
    await open(1280, '/studies/codeerwerk/coding?r=R02');
    expect(await page.textContent('#coding-respondent-heading')).toBe('R02');
    expect(await axeViolations(page)).toEqual([]);

    // "Ik belde" is the first 8 characters of R02's first answer.
    await page.focus('#text-contactMoments');
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('code-contactMoments');
    await page.keyboard.type('oorzaak_fout');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#answer-contactMoments .coding-item');

    // The answer stays as the respondent wrote it, whatever the coder types into it.
    await page.focus('#text-contactMoments');
    await page.keyboard.type('xyz');
    await page.keyboard.press('Backspace');
    expect(await page.inputValue('#text-contactMoments')).toBe(codingAnswers(2).contactMoments);

    const [made] = await mine();
    expect(made).toMatchObject({ question: 'contactMoments', start: 0, end: 8, text: 'Ik belde' });
    expect(made.codes.map((c) => c.tekstId)).toEqual(['OORZAAK_FOUT']);
    expect(await page.textContent('#coding-status')).not.toBe('');
    // Focus comes back to the answer the coder was working in.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('text-contactMoments');
    expect(await page.textContent('#answer-contactMoments .coding-quote')).toBe('Ik belde');

    const memo = page.locator('#answer-contactMoments .coding-memo').first();
    await memo.focus();
    await page.keyboard.type('Aanslag onduidelijk');
    // Saving reads the page again, with focus back on the memo.
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('coding-memo'))).toBe(true);
    expect((await mine())[0].codes[0].memo).toBe('Aanslag onduidelijk');
    expect(await axeViolations(page)).toEqual([]);

    // Marking the quote shareable (what partners and an action's evidence read) is done here too, by Space.
    const share = page.getByRole('checkbox', { name: 'Deelbaar met partners: OORZAAK_FOUT' });
    expect(await share.isChecked()).toBe(false);
    await share.focus();
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Space')]);
    expect((await mine())[0].codes[0].shareable).toBe(true);
    expect(await share.isChecked()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('coding-shareable-box'))).toBe(true);
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Space')]);
    expect((await mine())[0].codes[0].shareable).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('codes a whole answer when nothing is selected, refuses an unknown code, and moves on with ]', async () => {
    await open(1280, '/studies/codeerwerk/coding?r=R03');
    await page.focus('#code-goal');
    await page.keyboard.type('bestaat niet');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.getElementById('coding-status')?.textContent ?? '') !== '');
    const before = (await mine()).length;

    await page.fill('#code-goal', '');
    await page.focus('#code-goal');
    await page.keyboard.type('selfservice');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#answer-goal .coding-item');
    const whole = (codingAnswers(3).goal as string).length;
    const after = await mine();
    expect(after).toHaveLength(before + 1);
    expect(after.find((c) => c.question === 'goal')).toMatchObject({ start: 0, end: whole });

    // "[" from the answer text goes to the previous respondent (R03 is the last, so "]" has nowhere to go).
    await page.focus('#text-goal');
    await page.keyboard.press('[');
    await page.waitForURL(/coding\?r=R02$/);
  });

  it('removes a coding by keyboard and moves on with ]', async () => {
    await open(1280, '/studies/codeerwerk/coding?r=R02');
    const count = (await mine()).length;
    await page.locator('#answer-contactMoments .coding-remove').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('#answer-contactMoments .coding-item'));
    expect(await mine()).toHaveLength(count - 1);
    await page.focus('#text-contactMoments');
    await page.keyboard.press(']');
    await page.waitForURL(/coding\?r=R03$/);
  });

  it('fits a phone and never shows a respondent name or e-mail', async () => {
    await open(375, '/studies/codeerwerk/coding?r=R01');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const text = await page.textContent('body');
    for (const m of fx.members) {
      expect(text).not.toContain(m.email!);
      expect(text).not.toContain(`naam is ${m.firstName!}`);
    }
    expect(await axeViolations(page)).toEqual([]);
  });
});
