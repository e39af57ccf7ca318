import type { Browser, Page } from 'playwright-core';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp } from '../support/browser';
import { createUser } from '../support/factories';
import { createBijlage5Study } from '../support/overview-factories';
import { TestApp } from '../support/test-app';

describe('overview pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let slug: string;
  let retId: number;

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    const fixture = await createBijlage5Study(t.dataSource, { title: 'Publieke dienstverlening' });
    slug = fixture.study.slug;
    retId = fixture.organisations.find((o) => o.name === 'RET')!.id;
  });
  afterAll(() => stopBrowserApp({ t, browser }));
  beforeEach(async () => {
    page = await browser.newPage({ bypassCSP: true });
  });
  afterEach(() => page.close());

  it('the researcher overview page has no axe violations, filtered, with suppression, in Dutch and English, and fits a phone', async () => {
    const u = await createUser(t.dataSource, { role: 'researcher' });
    await loginInBrowser(page, base, u.email, u.password);
    await page.goto(`${base}/studies/${slug}`);
    await page.getByRole('link', { name: 'Respondentenoverzicht' }).click();
    await page.waitForURL(`${base}/studies/${slug}/overview`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Respondentenoverzicht');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Organisatie', { exact: true }).selectOption('Vitens');
    await page.getByLabel('Leeftijd', { exact: true }).selectOption('true');
    await page.getByLabel('Kleine aantallen afschermen onder').fill('3');
    await Promise.all([
      page.waitForURL(/organisation=Vitens/),
      page.getByRole('button', { name: 'Toon overzicht' }).click(),
    ]);
    expect(await page.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Vitens (n=12)']);
    expect(await axeViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${base}/studies/${slug}/overview?lang=en`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Respondent overview');
    expect(await axeViolations(page)).toEqual([]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('the partner pages have no axe violations and download their own CSV', async () => {
    const partner = await createUser(t.dataSource, { role: 'partner', organisationId: retId });
    await loginInBrowser(page, base, partner.email, partner.password);
    await page.goto(`${base}/partner?lang=nl`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Publieke dienstverlening' }).click();
    await page.waitForURL(`${base}/partner/studies/${slug}`);
    expect(await page.getByRole('heading', { level: 2, name: 'Respondenten van RET' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV (puntkomma, voor Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`respondentenoverzicht-${slug}-ret-participants.csv`);
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${base}/partner/studies/${slug}?lang=en`);
    expect(await axeViolations(page)).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
  });
});
