import type { Browser, Page } from 'playwright-core';
import { FocusGroup } from '../../src/groups/group.entity';
import { GroupsService } from '../../src/groups/groups.service';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp } from '../support/browser';
import { createStudy, createUser } from '../support/factories';
import { createBucket, MIXED } from '../support/groups-factories';
import { createScheduledGroup } from '../support/homework-factories';
import { TestApp } from '../support/test-app';

describe('the study dashboard in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
  });
  afterAll(() => stopBrowserApp({ t, browser }));

  const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it.each([
    [1280, 800],
    [375, 740],
  ])(
    'at %i px: the empty state, then the pipeline and a bulk confirmation by keyboard, with no axe violations',
    async (width, height) => {
      const researcher = await createUser(t.dataSource, { role: 'researcher' });
      const { study, organisations } = await createStudy(
        t.dataSource,
        { title: `Dashboard ${width}`, groupsPerQuadrant: 1, reservesPerGroup: 0 },
        { organisations: ['RET', 'Vitens'] },
      );
      const page = await browser.newPage({ viewport: { width, height }, bypassCSP: true });
      try {
        await loginInBrowser(page, base, researcher.email, researcher.password);
        await page.getByRole('link', { name: `Dashboard ${width}` }).click();
        await page.waitForURL(`${base}/studies/${study.slug}`);
        expect(await page.getByRole('heading', { name: 'Nog geen respondenten' }).count()).toBe(1);
        expect(await page.getByText('kwadrant demo --with-respondents').count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);
        expect(await noSideScroll(page)).toBe(true);

        await createBucket(t.dataSource, study.id, organisations[0].id, 'gemakzoeker', MIXED);
        await createBucket(t.dataSource, study.id, organisations[1].id, 'informatiezoeker', MIXED);
        await t.app.get(GroupsService).form(study.slug, {}, null);
        await page.reload();
        expect(await page.getByText('2 groepen voorgesteld, nog niet bevestigd.').count()).toBe(1);
        expect(await page.getByRole('rowheader', { name: 'RET × Gemakzoeker' }).count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);
        expect(await noSideScroll(page)).toBe(true);

        const confirmLink = page.getByRole('link', { name: 'Alle voorgestelde groepen bevestigen' }).first();
        await confirmLink.focus();
        await Promise.all([page.waitForURL(/\/actions\/confirm-groups$/), page.keyboard.press('Enter')]);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
          'Alle voorgestelde groepen bevestigen?',
        );
        expect(
          await page.getByText('2 voorgestelde groepen bevestigen (deelnemers: 6). Er gaan geen e-mails uit.').count(),
        ).toBe(1);
        expect(await axeViolations(page)).toEqual([]);
        expect(await noSideScroll(page)).toBe(true);
        await page.getByRole('button', { name: 'Ja, groepen bevestigen' }).focus();
        await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
        expect(await page.getByRole('status').textContent()).toContain('2 groepen bevestigd.');
        expect(await t.dataSource.getRepository(FocusGroup).countBy({ studyId: study.id, status: 'confirmed' })).toBe(
          2,
        );
        expect(await axeViolations(page)).toEqual([]);

        await page.goto(`${base}/studies/${study.slug}?lang=en`);
        expect(await page.getByRole('heading', { name: 'From screener to conversation' }).count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);
        await page.getByRole('link', { name: 'Set-up' }).click();
        await page.waitForURL(`${base}/studies/${study.slug}/settings`);
        expect(await noSideScroll(page)).toBe(true);
        await page.goto(`${base}/studies/${study.slug}?lang=nl`);
      } finally {
        await page.close();
      }
    },
  );

  it.each([
    [1280, 800],
    [375, 740],
  ])('at %i px: the page per respondent, opened from the pool, with no axe violations', async (width, height) => {
    const fx = await createScheduledGroup(t.dataSource, { members: 2, daysAhead: -1 });
    const page = await browser.newPage({ viewport: { width, height }, bypassCSP: true });
    try {
      await loginInBrowser(page, base, fx.lead.email, fx.lead.password);
      await page.goto(`${base}/studies/${fx.study.slug}/respondents`);
      await Promise.all([
        page.waitForURL(new RegExp(`/respondents/${fx.members[0].id}$`)),
        page.getByRole('link', { name: fx.members[0].firstName!, exact: true }).click(),
      ]);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(fx.members[0].firstName!);
      for (const heading of [
        'Gegevens',
        'Verloop',
        'Groep en gesprek',
        'Huiswerk',
        'Verstuurde e-mails',
        'Logboek over deze respondent',
      ]) {
        expect(await page.getByRole('heading', { level: 2, name: heading }).count()).toBe(1);
      }
      expect(await axeViolations(page)).toEqual([]);
      expect(await noSideScroll(page)).toBe(true);
    } finally {
      await page.close();
    }
  });
});
