import type { Browser, Page } from 'playwright-core';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp } from '../support/browser';
import { createStudy, createUser, StudyFixture } from '../support/factories';
import { createBucket, MIXED } from '../support/groups-factories';
import { GroupsService } from '../../src/groups/groups.service';
import { TestApp } from '../support/test-app';

describe('the groups page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let fx: StudyFixture;
  let email: string;
  let password: string;

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    const u = await createUser(t.dataSource, { role: 'researcher' });
    ({ email, password } = u);
    fx = await createStudy(
      t.dataSource,
      { slug: 'groepen-browser', title: 'Groepen in de browser' },
      { organisations: ['RET', 'Vitens'] },
    );
    await createBucket(t.dataSource, fx.study.id, fx.organisations[0].id, 'gemakzoeker', [
      ...MIXED,
      MIXED[1],
      MIXED[2],
    ]);
    await createBucket(t.dataSource, fx.study.id, fx.organisations[1].id, 'informatiezoeker', MIXED.slice(0, 1));
  });
  afterAll(() => stopBrowserApp({ t, browser }));
  beforeEach(async () => {
    page = await browser.newPage({ bypassCSP: true });
    await loginInBrowser(page, base, email, password);
  });
  afterEach(() => page.close());

  it('previews, forms, confirms and promotes by keyboard, with no axe violations on the way', async () => {
    await page.goto(`${base}/studies/${fx.study.slug}/groups?lang=nl`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Voorstel bekijken' }).focus();
    await Promise.all([page.waitForURL(/preview=1/), page.keyboard.press('Enter')]);
    expect(await page.getByRole('heading', { name: 'Voorstel (nog niet opgeslagen)' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Groepen vormen en opslaan' }).focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /^Groepen gevormd: 1; tekorten: \d+\.$/ })
      .waitFor();
    expect(await page.getByText('Vitens × Informatiezoeker: 1 van 3 nodig').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    // Open a reserve's small forms by keyboard and promote them, a member becoming the reserve in exchange.
    const summary = page.locator('details.person-actions summary').last();
    await summary.focus();
    await page.keyboard.press('Enter');
    const promote = page.locator('details[open] form[action$="/promote"]');
    await promote.getByRole('combobox').selectOption({ index: 1 });
    await promote.getByRole('button', { name: 'Deelnemer maken' }).focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /Reserve \d+ is nu deelnemer van groep \d+/ })
      .waitFor();

    await page
      .getByRole('button', { name: /^Bevestigen/ })
      .first()
      .focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /Groep \d+ is bevestigd/ })
      .waitFor();
    expect(await page.locator('.group-card .badge').first().textContent()).toBe('bevestigd');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a refusal as an alert, and fits a phone screen', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${base}/studies/${fx.study.slug}/groups?lang=nl`);
    await page
      .getByRole('button', { name: /^Vastzetten/ })
      .first()
      .click();
    await page.getByRole('status').filter({ hasText: 'is vastgezet' }).waitFor();
    expect(await page.locator('.group-card details.person-actions').count()).toBe(0);
    await page
      .getByRole('button', { name: /^Niet meer vastzetten/ })
      .first()
      .click();
    await page.getByRole('status').filter({ hasText: 'niet meer vastgezet' }).waitFor();
    // Removing a member from a group of three with a minimum of two is fine; from two it is refused.
    for (let i = 0; i < 2; i++) {
      const details = page.locator('.group-card details.person-actions').first();
      await details.locator('summary').click();
      await details.getByRole('button', { name: /^Uit de groep halen/ }).click();
      await page
        .locator('#flash, #refusal')
        .filter({ hasText: i === 0 ? 'is uit groep' : 'Deze wijziging kan niet' })
        .waitFor();
    }
    expect(await page.getByRole('alert').textContent()).toMatch(
      /Deze wijziging kan niet:.*zou 1 deelnemer hebben; het onderzoek vraagt er minstens 2/s,
    );
    // Counts of one in the singular: "1 groep", not "1 groepen" or "1 deelnemer(s)".
    expect(await page.locator('#groups-summary').textContent()).toBe(
      '1 groep, 8 tekorten, 3 respondenten zonder groep.',
    );
    expect(await axeViolations(page)).toEqual([]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it("shows every member's four attributes inside the card, on a phone and on a desktop, without sideways scrolling", async () => {
    await t.app.get(GroupsService).form(fx.study.slug, {}, null);
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${base}/studies/${fx.study.slug}/groups?lang=nl`);
      const tables = page.locator('.group-card .table-wrap');
      expect(await tables.count()).toBeGreaterThan(0);
      const hidden = await tables.evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).length);
      expect([width, hidden]).toEqual([width, 0]);
      expect(await page.locator('.group-card td[data-label="Digitaal comfort"]').first().isVisible()).toBe(true);
    }
    expect(await axeViolations(page)).toEqual([]);
  });
});
