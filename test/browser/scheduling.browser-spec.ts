import type { Browser, Page } from 'playwright-core';
import { InvitationResponsesService } from '../../src/study-flow/invitation-responses.service';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { createStudy, createUser } from '../support/factories';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp } from '../support/browser';
import { createGroupWithMembers, createModerator, createSlot, GroupFixture } from '../support/scheduling-factories';
import { TestApp } from '../support/test-app';

describe('schedule, moderator and invitation pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let slug: string;
  let researcher: Awaited<ReturnType<typeof createUser>>;
  let groups: GroupFixture[];

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    researcher = await createUser(t.dataSource, { role: 'researcher', name: 'Rita Researcher' });
    const fx = await createStudy(
      t.dataSource,
      { title: 'Planning in de browser' },
      { organisations: ['RET', 'Waternet'], slots: 0 },
    );
    slug = fx.study.slug;
    const slots = [
      await createSlot(t.dataSource, fx.study.id, new Date('2037-12-08T09:00:00Z')),
      await createSlot(t.dataSource, fx.study.id, new Date('2037-12-08T13:00:00Z'), {
        onlineUrl: null,
        location: 'Stadhuis Rotterdam',
        capacity: 1,
      }),
      await createSlot(t.dataSource, fx.study.id, new Date('2037-12-09T09:00:00Z')),
    ];
    for (const name of ['Anna', 'Bram', 'Cor'])
      await createModerator(
        t.dataSource,
        fx.study.id,
        slots.map((s) => s.id),
        { name },
      );
    groups = [
      await createGroupWithMembers(t.dataSource, fx.study.id, fx.organisations[0].id, { members: 3, reserves: 1 }),
      await createGroupWithMembers(t.dataSource, fx.study.id, fx.organisations[1].id, {
        members: 3,
        quadrant: 'informatiezoeker',
      }),
      await createGroupWithMembers(t.dataSource, fx.study.id, fx.organisations[1].id, {
        members: 2,
        availability: [],
        quadrant: 'zekerheidszoeker',
      }),
    ];
  });
  afterAll(() => stopBrowserApp({ t, browser }));
  beforeEach(async () => {
    page = await browser.newPage({ bypassCSP: true });
  });
  afterEach(() => page.close());

  it('previews and saves the schedule by keyboard, shows why a group cannot be placed, with no axe violations', async () => {
    await loginInBrowser(page, base, researcher.email, researcher.password);
    await page.goto(`${base}/studies/${slug}/schedule`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Planning van de gesprekken');
    expect(await page.getByText('Geen moment waarop alle twee leden beschikbaar zijn.').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Voorstel bekijken' }).focus();
    await Promise.all([page.waitForURL(/preview=1/), page.keyboard.press('Enter')]);
    expect(await page.getByRole('heading', { name: 'Voorstel (nog niet opgeslagen)' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Inplannen en opslaan' }).focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await page.getByRole('status').first().textContent()).toContain('De planning is opgeslagen.');
    expect(await page.locator('article.schedule-session').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("sends invitations from the page and shows each member's status after a confirm and a decline", async () => {
    await loginInBrowser(page, base, researcher.email, researcher.password);
    await page.goto(`${base}/studies/${slug}/schedule`);
    const session = page.locator('article.schedule-session', {
      has: page.getByRole('heading', { name: /RET × Gemakzoeker/ }),
    });
    await Promise.all([
      page.waitForNavigation(),
      session.getByRole('button', { name: /Uitnodigingen versturen/ }).click(),
    ]);
    const responses = t.app.get(InvitationResponsesService);
    const mails = await t.dataSource.getRepository(OutboxMessage).find({ order: { id: 'ASC' } });
    const tokenFor = (email: string, action: string) =>
      new RegExp(`/c/([A-Za-z0-9_-]+)/${action}`).exec(mails.find((m) => m.toAddress === email)!.textBody)![1];
    await responses.confirm(tokenFor(groups[0].members[0].email!, 'confirm'));
    await responses.decline(tokenFor(groups[0].members[1].email!, 'decline'));
    await page.reload();
    const rows = page
      .locator('article.schedule-session', { has: page.getByRole('heading', { name: /RET × Gemakzoeker/ }) })
      .locator('tbody tr');
    expect(await rows.filter({ hasText: groups[0].members[0].firstName! }).textContent()).toContain('bevestigd');
    expect(await rows.filter({ hasText: groups[0].members[1].firstName! }).textContent()).toContain('afgemeld');
    expect(await rows.filter({ hasText: groups[0].reserves[0].firstName! }).textContent()).toContain('verstuurd');
    await page
      .getByText(/Verplaatsen of andere moderatoren/)
      .first()
      .click();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the schedule fits a phone, and a refused move is explained at its form', async () => {
    await loginInBrowser(page, base, researcher.email, researcher.password);
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${base}/studies/${slug}/schedule`);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    const session = page.locator('article.schedule-session').first();
    await session.getByText(/Verplaatsen of andere moderatoren/).click();
    const lead = await session.locator('select[name="leadModeratorId"]').inputValue();
    await session.locator('select[name="noteModeratorId"]').selectOption(lead);
    await Promise.all([page.waitForNavigation(), session.getByRole('button', { name: 'Wijziging opslaan' }).click()]);
    expect(await page.locator('#form-problems').textContent()).toContain('Niet gewijzigd.');
    const refused = page.locator('article.schedule-session').first();
    expect(await refused.locator('.field-error').textContent()).toContain('twee verschillende moderatoren');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Planning van de gesprekken');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the public confirm page is readable on a phone, works by keyboard and has no axe violations', async () => {
    const mails = await t.dataSource.getRepository(OutboxMessage).find();
    const mail = mails.find((m) => m.toAddress === groups[0].members[2].email)!;
    const token = /\/c\/([A-Za-z0-9_-]+)\/confirm/.exec(mail.textBody)![1];
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${base}/c/${token}/confirm`);
    expect(await axeViolations(page)).toEqual([]);
    // The length as the invitation e-mail says it ("Hoe lang: 2 uur"), not in minutes.
    expect(await page.locator('.invitation-facts').textContent()).toContain(
      'Online, 2 uur. De link staat in de e-mail.',
    );
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Ja, ik kom' }).focus();
    await Promise.all([
      page.waitForLoadState('load'),
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.keyboard.press('Enter'),
    ]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dank u wel!');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${base}/c/${token}/decline?lang=en`);
    expect(await page.getByRole('button', { name: 'No, I cannot come' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("the moderators page and the moderator's own page have no axe violations", async () => {
    await loginInBrowser(page, base, researcher.email, researcher.password);
    await page.goto(`${base}/studies/${slug}/moderators`);
    expect(await page.getByRole('heading', { name: /Anna/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${base}/moderator`);
    await Promise.all([
      page.waitForLoadState('load'),
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Maak een agendalink' }).click(),
    ]);
    expect(await page.getByLabel('Jouw privélink').inputValue()).toMatch(/\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await axeViolations(page)).toEqual([]);
  });
});
