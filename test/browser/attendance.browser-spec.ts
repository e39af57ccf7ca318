import type { Browser, Page } from 'playwright-core';
import { Respondent } from '../../src/respondents/respondent.entity';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp } from '../support/browser';
import { createScheduledGroup, HomeworkFixture } from '../support/homework-factories';
import { TestApp } from '../support/test-app';

describe('the attendance page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let fx: HomeworkFixture;

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    fx = await createScheduledGroup(t.dataSource, { members: 3, daysAhead: -1, organisation: 'Vitens', invited: true });
  });
  afterAll(() => stopBrowserApp({ t, browser }));

  const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it.each([
    [1280, 800],
    [375, 740],
  ])(
    'the lead marks each member by keyboard at %i px, and a correction sticks, with no axe violations',
    async (width, height) => {
      const page = await browser.newPage({ viewport: { width, height }, bypassCSP: true });
      try {
        await loginInBrowser(page, base, fx.lead.email, fx.lead.password);
        await page.goto(`${base}/studies/${fx.study.slug}/schedule`);
        await Promise.all([page.waitForURL(/\/attendance$/), page.getByRole('link', { name: /Aanwezigheid/ }).click()]);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Aanwezigheid');
        expect(await axeViolations(page)).toEqual([]);
        expect(await noSideScroll(page)).toBe(true);

        const [ans, bert, cor] = fx.members;
        // Keyboard only: Tab into a member's radio group, arrows choose within it.
        await page
          .getByRole('group', { name: new RegExp(ans.firstName!) })
          .getByLabel('Aanwezig')
          .focus();
        await page.keyboard.press('Space');
        await page
          .getByRole('group', { name: new RegExp(bert.firstName!) })
          .getByLabel('Aanwezig')
          .focus();
        await page.keyboard.press('Space');
        await page.keyboard.press('ArrowDown');
        await page
          .getByRole('group', { name: new RegExp(cor.firstName!) })
          .getByLabel('Aanwezig')
          .focus();
        await page.keyboard.press('Space');
        await page.getByRole('button', { name: 'Aanwezigheid opslaan' }).focus();
        await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
        expect(await page.getByRole('status').textContent()).toContain('De aanwezigheid is opgeslagen.');
        expect(
          await page
            .getByRole('group', { name: new RegExp(bert.firstName!) })
            .getByLabel('Afwezig')
            .isChecked(),
        ).toBe(true);
        const statuses = async () =>
          (await t.dataSource.getRepository(Respondent).findBy(fx.members.map((m) => ({ id: m.id }))))
            .sort((a, b) => a.id - b.id)
            .map((r) => r.status);
        expect(await statuses()).toEqual(['participated', 'confirmed', 'participated']);
        expect(await axeViolations(page)).toEqual([]);
        expect(await noSideScroll(page)).toBe(true);

        // Bert came after all: the correction makes him a participant too; English on request.
        await page.goto(`${page.url()}?lang=en`);
        await page
          .getByRole('group', { name: new RegExp(bert.firstName!) })
          .getByLabel('Present')
          .check();
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save attendance' }).click()]);
        expect(await statuses()).toEqual(['participated', 'participated', 'participated']);
        expect(await axeViolations(page)).toEqual([]);
        // Back to the starting point for the other width.
        await page
          .getByRole('group', { name: new RegExp(ans.firstName!) })
          .getByLabel('Absent')
          .check();
        await page
          .getByRole('group', { name: new RegExp(bert.firstName!) })
          .getByLabel('Absent')
          .check();
        await page
          .getByRole('group', { name: new RegExp(cor.firstName!) })
          .getByLabel('Absent')
          .check();
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save attendance' }).click()]);
        expect(await statuses()).toEqual(['confirmed', 'confirmed', 'confirmed']);
        await page.goto(`${base}/studies/${fx.study.slug}/schedule?lang=nl`);
      } finally {
        await page.close();
      }
    },
  );
});
