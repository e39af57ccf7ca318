import type { Browser, Page } from 'playwright-core';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp } from '../support/browser';
import { createStudy, createUser } from '../support/factories';
import { TestApp } from '../support/test-app';

describe('researcher pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
  });
  afterAll(() => stopBrowserApp({ t, browser }));
  beforeEach(async () => {
    page = await browser.newPage({ bypassCSP: true });
  });
  afterEach(() => page.close());

  it('the login page has no axe violations, in Dutch and English', async () => {
    await page.goto(`${base}/login`);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${base}/login?lang=en`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Log in to kwadrant');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('logs in by keyboard and shows the study page without axe violations', async () => {
    const u = await createUser(t.dataSource, { role: 'researcher' });
    const { study } = await createStudy(
      t.dataSource,
      { title: 'Browser study' },
      { organisations: ['Belastingdienst', 'RET'] },
    );
    await page.goto(`${base}/login?lang=nl`);
    await page.getByLabel('E-mailadres').fill(u.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(u.password);
    await Promise.all([page.waitForURL(`${base}/studies`), page.keyboard.press('Enter')]);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Browser study' }).click();
    await page.waitForURL(`${base}/studies/${study.slug}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Browser study');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('works on a phone-sized screen without horizontal scrolling', async () => {
    const u = await createUser(t.dataSource, { role: 'researcher' });
    const { study } = await createStudy(t.dataSource);
    await page.setViewportSize({ width: 375, height: 740 });
    await loginInBrowser(page, base, u.email, u.password);
    await page.goto(`${base}/studies/${study.slug}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
