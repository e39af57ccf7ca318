import type { Browser, Page } from 'playwright-core';
import { hashToken, randomToken } from '../../src/common/tokens';
import { Invitation } from '../../src/scheduling/invitation.entity';
import { Study } from '../../src/studies/study.entity';
import { axeViolations, startBrowserApp, stopBrowserApp } from '../support/browser';
import { createUser } from '../support/factories';
import { createScheduledGroup } from '../support/homework-factories';
import { TestApp } from '../support/test-app';

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Pages that refuse kindly: a throttled login, and an invitation link that no longer works. */
describe('refusal pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
  });
  afterAll(() => stopBrowserApp({ t, browser }));

  it('tells a throttled login how long to wait, readable at 375 px and without axe violations', async () => {
    const user = await createUser(t.dataSource);
    const page = await browser.newPage({ bypassCSP: true, viewport: { width: 375, height: 800 } });
    try {
      for (let i = 0; i <= 5; i++) {
        await page.goto(`${base}/login`);
        await page.getByLabel('E-mailadres').fill(user.email);
        await page.getByLabel('Wachtwoord').fill(i < 5 ? 'wrong-password' : user.password);
        await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Inloggen' }).click()]);
      }
      await expect(page.getByRole('alert').textContent()).resolves.toContain(
        'Voor uw veiligheid kunt u het over een minuut opnieuw proberen.',
      );
      expect(await noSideScroll(page)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows an invitation link of a closed study as no longer working, with the helpline, at 1280 and 375 px', async () => {
    const fx = await createScheduledGroup(t.dataSource, { members: 1 });
    const token = randomToken();
    await t.dataSource.getRepository(Invitation).insert({
      studyId: fx.study.id,
      sessionId: fx.session.id,
      respondentId: fx.members[0].id,
      tokenHash: hashToken(token),
      status: 'sent',
      sequence: 0,
      sentAt: new Date(),
      respondedAt: null,
    });
    await t.dataSource.getRepository(Study).update({ id: fx.study.id }, { status: 'closed' });
    for (const width of [1280, 375]) {
      const page = await browser.newPage({ bypassCSP: true, viewport: { width, height: 800 } });
      try {
        const res = await page.goto(`${base}/c/${token}/decline`);
        expect(res?.status()).toBe(410);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Deze link werkt niet meer');
        await expect(page.locator('main').textContent()).resolves.toContain('030 111 22 33');
        expect(await noSideScroll(page)).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });
});
