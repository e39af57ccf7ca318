import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { Respondent } from '../../src/respondents/respondent.entity';
import { ScheduledSession } from '../../src/scheduling/session.entity';
import { DemoService } from '../../src/demo/demo.service';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp } from '../support/browser';
import { createUser } from '../support/factories';
import { TestApp } from '../support/test-app';

/**
 * The demo study from empty to the partner's download, through the pages only, as its users would: a researcher,
 * respondents (screener, invitation links, homework by keyboard), the moderators and a partner. Every page is checked
 * with axe at 1280 px and again at 375 px (also for sideways scrolling). One thing is not done through a page: the session is moved to yesterday, so attendance can be marked.
 */
describe('a whole study through the pages', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const slug = 'wp2a';

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    await t.app.get(DemoService).ensureDemoStudy();
  });
  afterAll(() => stopBrowserApp({ t, browser }));

  /** axe at 1280 px, then at 375 px with no sideways scrolling, then back. */
  async function check(page: Page): Promise<void> {
    expect([page.url(), await axeViolations(page)]).toEqual([page.url(), []]);
    await page.setViewportSize({ width: 375, height: 740 });
    expect([page.url(), await axeViolations(page)]).toEqual([page.url(), []]);
    // What sticks out of the page (not out of a box that scrolls on its own), to say why when it does.
    const wide = await page.evaluate(() => {
      const scrolls = (e: Element | null): boolean =>
        !!e &&
        e !== document.body &&
        (['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX) || scrolls(e.parentElement));
      return Array.from(document.querySelectorAll('body *'))
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !scrolls(e.parentElement))
        .slice(0, 3)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
    });
    expect([
      page.url(),
      wide,
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ]).toEqual([page.url(), [], true]);
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  const newContext = (): Promise<BrowserContext> =>
    browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
  const mails = (kind: string) =>
    t.dataSource.getRepository(OutboxMessage).find({ where: { kind }, order: { id: 'ASC' } });

  it('from an empty study to participants in the partner’s download', async () => {
    const researcher = await createUser(t.dataSource, { role: 'admin', name: 'Rita Onderzoeker' });
    const moderators = [
      await createUser(t.dataSource, { role: 'researcher', name: 'Anna Moderator' }),
      await createUser(t.dataSource, { role: 'researcher', name: 'Bram Moderator' }),
    ];
    const staff = await newContext();
    const page = await staff.newPage();
    await loginInBrowser(page, base, researcher.email, researcher.password);

    // 1. The study opens on its dashboard, which says how to get respondents.
    await page.goto(`${base}/studies`);
    await Promise.all([
      page.waitForURL(`${base}/studies/${slug}`),
      page.getByRole('link', { name: /Publieke dienstverlening/ }).click(),
    ]);
    await page.getByRole('heading', { name: 'Nog geen respondenten' }).waitFor();
    await check(page);

    // 2. A slot in person, on the settings page.
    await page.getByRole('link', { name: 'Opzet' }).click();
    await page.waitForURL(`${base}/studies/${slug}/settings`);
    await check(page);
    await page.getByLabel('Op locatie (met een adres)').check();
    const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Datum', { exact: true }).fill(day);
    await page.getByLabel('Begintijd', { exact: true }).fill('10:00');
    await page.getByLabel('Eindtijd', { exact: true }).fill('12:00');
    await page.getByLabel('Adres', { exact: true }).fill('Stadskantoor Utrecht, Stadsplateau 1');
    await Promise.all([page.waitForURL(/\/settings/), page.getByRole('button', { name: 'Moment toevoegen' }).click()]);
    expect(await page.getByText('Stadskantoor Utrecht, Stadsplateau 1').count()).toBeGreaterThan(0);
    await check(page);

    // 3. Two people fill in the screener: one can take part, one had contact too long ago.
    const publicContext = await newContext();
    const screener = await publicContext.newPage();
    const next = () => screener.getByRole('button', { name: 'Volgende' }).click();
    const choose = (text: string | RegExp) =>
      screener.locator('label.sd-selectbase__label', { hasText: text }).first().click();
    await screener.goto(`${base}/s/${slug}`);
    await screener.getByText('Ja, ik ga akkoord').click();
    await check(screener);
    await next();
    await choose('Vitens');
    await choose('Langer dan zes maanden geleden');
    await screener.locator('.sd-navigation__complete-btn').click();
    await screener.locator('#screener-result-body', { hasText: 'in de afgelopen zes maanden' }).waitFor();
    await check(screener);
    await screener.goto(`${base}/s/${slug}`);
    await screener.getByText('Ja, ik ga akkoord').click();
    await next();
    await choose('Vitens');
    await choose('In de afgelopen zes maanden');
    await next();
    await choose('Vrouw');
    await screener.getByRole('spinbutton', { name: 'Wat is uw leeftijd?' }).fill('81');
    await screener.keyboard.press('Tab');
    await choose('MBO (middelbaar beroepsonderwijs)');
    await screener.locator('label.sd-selectbase__label', { hasText: /^Oncomfortabel$/ }).click();
    await next();
    await screener.getByText('Hoe regelt u uw zaken?', { exact: true }).waitFor();
    await choose('om advies gevraagd');
    await next();
    await choose('Geen van deze momenten');
    await next();
    await screener.getByRole('textbox', { name: 'Voornaam' }).fill('Fatima');
    await screener.getByRole('textbox', { name: 'E-mailadres' }).fill('fatima@example.org');
    await choose('Per e-mail');
    await screener.locator('.sd-navigation__complete-btn').click();
    await screener.getByText('U kunt meedoen').waitFor();
    await check(screener);
    expect(await t.dataSource.getRepository(Respondent).countBy({ status: 'eligible' })).toBe(1);
    expect(await t.dataSource.getRepository(Respondent).countBy({ status: 'ineligible' })).toBe(1);

    // 4. Three more respondents for RET from a file, on the import page.
    await page.goto(`${base}/studies/${slug}/respondents/import`);
    await check(page);
    const csv = [
      'first_name,email,gender,age,education,digital_comfort,quadrant,organisation',
      'Ans,ans@example.org,v,34,hbo,comfortabel,gemakzoeker,RET',
      'Bert,bert@example.org,m,58,mbo,neutraal,gemakzoeker,RET',
      'Cor,cor@example.org,x,81,vmbo-mavo-lbo,zeer-oncomfortabel,gemakzoeker,RET',
    ].join('\n');
    await page.getByLabel('Bestand').setInputFiles({ name: 'ret.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByLabel('Alleen controleren (nog niets importeren)').uncheck();
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.getByText('3 respondenten geïmporteerd.').waitFor();
    await check(page);
    await page.goto(`${base}/studies/${slug}/respondents`);
    await check(page);

    // 5. Groups: formed on the groups page, confirmed all at once from the dashboard.
    await page.goto(`${base}/studies/${slug}/groups`);
    await Promise.all([
      page.waitForURL(/\/groups/),
      page.getByRole('button', { name: 'Groepen vormen en opslaan' }).click(),
    ]);
    await page.waitForLoadState();
    await check(page);
    await page.goto(`${base}/studies/${slug}`);
    await check(page);
    await page.getByRole('link', { name: 'Alle voorgestelde groepen bevestigen' }).first().click();
    await page.getByText('1 voorgestelde groep bevestigen (deelnemers: 3). Er gaan geen e-mails uit.').waitFor();
    await check(page);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Ja, groepen bevestigen' }).click()]);

    // 6. Two moderators, then the schedule.
    await page.goto(`${base}/studies/${slug}/moderators`);
    for (const m of moderators) {
      await page.getByLabel('Account').selectOption(String(m.id));
      await Promise.all([
        page.waitForURL(/\/moderators/),
        page.getByRole('button', { name: 'Toevoegen als moderator' }).click(),
      ]);
      await page.waitForLoadState();
    }
    await check(page);
    await page.goto(`${base}/studies/${slug}/schedule`);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Inplannen en opslaan' }).click()]);
    await check(page);
    const session = await t.dataSource.getRepository(ScheduledSession).findOneByOrFail({ status: 'scheduled' });

    // 7. Invitations for every scheduled group, from the dashboard, after it says how many e-mails.
    await page.goto(`${base}/studies/${slug}`);
    await page.getByRole('link', { name: 'Alle ingeplande groepen uitnodigen' }).first().click();
    await page
      .getByText('1 ingeplande groep uitnodigen (deelnemers: 3). E-mails aan deelnemers en moderatoren: 5.')
      .waitFor();
    await check(page);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Ja, uitnodigingen versturen' }).click(),
    ]);
    await check(page);

    // 8. Each member confirms through the link in their e-mail; confirming sends the homework letter.
    const invitations = (await mails('invitation')).filter(
      (m) => m.toAddress.endsWith('@example.org') && /ans|bert|cor/.test(m.toAddress),
    );
    expect(invitations).toHaveLength(3);
    const respondent = await publicContext.newPage();
    for (const [i, mail] of invitations.entries()) {
      const link = /(\/c\/[A-Za-z0-9_-]+\/confirm\?lang=nl)/.exec(mail.textBody)![1];
      await respondent.goto(`${base}${link}`);
      if (i === 0) await check(respondent);
      await Promise.all([
        respondent.waitForLoadState(),
        respondent.getByRole('button', { name: 'Ja, ik kom' }).click(),
      ]);
      await respondent.getByRole('heading', { level: 1 }).waitFor();
      if (i === 0) await check(respondent);
    }
    const letters = await mails('homework-letter');
    expect(letters.map((l) => l.toAddress).sort()).toEqual(['ans@example.org', 'bert@example.org', 'cor@example.org']);

    // 9. Cor (81) does the homework by keyboard only.
    const corLetter = letters.find((l) => l.toAddress === 'cor@example.org')!;
    const homeworkLink = /(\/h\/[A-Za-z0-9_-]{20,})/.exec(corLetter.textBody)![1];
    await respondent.goto(`${base}${homeworkLink}`);
    await respondent.locator('.sd-root-modern').waitFor();
    await check(respondent);
    await respondent.getByRole('textbox', { name: 'Wilt u allereerst hier uw voornaam noteren?' }).focus();
    await respondent.keyboard.type('Cor');
    await tabTo(respondent, 'Volgende');
    await respondent.keyboard.press('Enter');
    await respondent.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await respondent.keyboard.type('Ik heb gebeld over mijn OV-chipkaart.');
    await tabTo(respondent, 'Telefoon');
    await respondent.keyboard.press('Space');
    await tabTo(respondent, 'Positief');
    await respondent.keyboard.press('Tab');
    await respondent.keyboard.type('Ze hielpen me goed.');
    for (let step = 0; step < 4; step++) {
      await tabTo(respondent, 'Volgende');
      await respondent.keyboard.press('Enter');
      await respondent.waitForFunction(() => document.activeElement?.closest('.sd-question') !== null);
    }
    await respondent.getByText(/nog contact gehad met RET/).waitFor();
    await respondent.keyboard.press('ArrowRight');
    await tabTo(respondent, 'Versturen');
    await respondent.keyboard.press('Enter');
    await respondent.getByText('Hartelijk dank! Uw antwoorden zijn verstuurd.').waitFor();
    await check(respondent);
    const cor = await t.dataSource.getRepository(Respondent).findOneByOrFail({ email: 'cor@example.org' });
    expect(
      (await t.dataSource.getRepository(HomeworkAssignment).findOneByOrFail({ respondentId: cor.id })).submittedAt,
    ).not.toBeNull();

    // 10. After the session, the lead marks attendance from the schedule: Bert did not come.
    // The session is moved to yesterday in the database: the clock cannot be faked in the same process as the app,
    // because TypeORM recognises date columns by the global Date class and a fake one stops it reading dates.
    await t.dataSource.getRepository(ScheduledSession).update(session.id, {
      startsAt: new Date(Date.now() - 26 * 3_600_000),
      endsAt: new Date(Date.now() - 24 * 3_600_000),
    });
    const lead = moderators.find((m) => m.id === session.leadModeratorId)!;
    const leadContext = await newContext();
    const leadPage = await leadContext.newPage();
    await loginInBrowser(leadPage, base, lead.email, lead.password);
    await leadPage.goto(`${base}/studies/${slug}/schedule`);
    await Promise.all([
      leadPage.waitForURL(/\/attendance$/),
      leadPage
        .getByRole('link', { name: /Aanwezigheid/ })
        .first()
        .click(),
    ]);
    await check(leadPage);
    for (const [name, mark] of [
      ['Ans', 'Aanwezig'],
      ['Bert', 'Afwezig'],
      ['Cor', 'Aanwezig'],
    ] as const) {
      await leadPage
        .getByRole('group', { name: new RegExp(`^${name}`) })
        .getByLabel(mark)
        .check();
    }
    await Promise.all([
      leadPage.waitForNavigation(),
      leadPage.getByRole('button', { name: 'Aanwezigheid opslaan' }).click(),
    ]);
    await check(leadPage);

    // 11. The dashboard and the overview count the two participants.
    await page.goto(`${base}/studies/${slug}`);
    expect(await page.locator('tfoot td[data-label="Aanwezig"]').textContent()).toContain('2');
    await check(page);
    await page.goto(`${base}/studies/${slug}/overview`);
    await Promise.all([
      page.waitForURL(/population=participants/),
      page.getByRole('button', { name: 'Toon overzicht' }).click(),
    ]);
    expect(await page.getByRole('heading', { level: 3 }).allTextContents()).toContain('RET (n=2)');
    await check(page);

    // 12. RET's partner downloads its overview with the participants in it.
    const partner = await createUser(t.dataSource, { role: 'partner', organisationId: cor.organisationId });
    const partnerContext = await newContext();
    const partnerPage = await partnerContext.newPage();
    await loginInBrowser(partnerPage, base, partner.email, partner.password);
    await partnerPage.goto(`${base}/partner`);
    await check(partnerPage);
    await Promise.all([
      partnerPage.waitForURL(`${base}/partner/studies/${slug}`),
      partnerPage.getByRole('link', { name: /Publieke dienstverlening/ }).click(),
    ]);
    await check(partnerPage);
    const [download] = await Promise.all([
      partnerPage.waitForEvent('download'),
      partnerPage.getByRole('link', { name: 'CSV (puntkomma, voor Excel)' }).click(),
    ]);
    const file = await download.createReadStream().then(async (s) => {
      const chunks: Buffer[] = [];
      for await (const c of s) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    });
    const rows = file
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(rows.filter((r) => r.includes('RET'))).toHaveLength(2);
    expect(file).not.toContain('Cor');
    expect(file).not.toContain('@example.org');

    await Promise.all([staff.close(), publicContext.close(), leadContext.close(), partnerContext.close()]);
  }, 600_000);
});

/** Presses Tab until the focused element is named `name` (its label or its text). */
async function tabTo(page: Page, name: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const input = el as HTMLInputElement;
      const label = input.labels?.[0]?.textContent ?? '';
      return (el.getAttribute('aria-label') || label || input.value || el.textContent || '').trim();
    });
    if (focused === name) return;
  }
  throw new Error(`"${name}" was not reached by Tab`);
}
