import { readFileSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { GroupsService } from '../../src/groups/groups.service';
import { CodebookService } from '../../src/coding/codebook.service';
import { HomeworkService } from '../../src/homework/homework.service';
import { InvitationsService } from '../../src/scheduling/invitations.service';
import { SchedulingService } from '../../src/scheduling/scheduling.service';
import { DemoService } from '../../src/demo/demo.service';
import { StudiesService } from '../../src/studies/studies.service';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp } from '../support/browser';
import { englishErrorTextsIn } from '../support/english-error-texts';
import { createUser } from '../support/factories';
import { createModerator } from '../support/scheduling-factories';
import { TestApp } from '../support/test-app';

// Every page a researcher or a partner can reach by following links, on a phone (375 px: no sideways scrolling of
// the page, axe clean) and on a laptop (1280 px: no table cut off in its scroll box). Pages are found by following
// the links, so pages added later are visited too. All in Dutch, with no English error text on any of them.
const STAFF_START = ['/studies', '/audit', '/outbox', '/users', '/moderator'];
const PAGE_PATH = /^\/(studies|audit|outbox|users|moderator|partner)(\/|$)/;
const SKIP = /\/(print|pdf)$|[?&]format=/;
const MAX_PAGES = 60;

describe('every researcher and partner page at 375 and 1280 px', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    // A study well on its way: respondents, confirmed groups, a schedule, invitations and homework.
    const demo = t.app.get(DemoService);
    await demo.ensureDemoStudy();
    await demo.addDemoRespondents('wp2a', 3);
    const admin = { id: 0, email: 'system@example.org' } as never;
    const groups = t.app.get(GroupsService);
    const formed = await groups.form('wp2a', {}, admin);
    for (const g of formed.groups.slice(0, 6)) if (g.id) await groups.confirm(g.id, admin);
    const { slots } = await t.app.get(StudiesService).detail('wp2a');
    for (const name of ['Mona Moderator', 'Noor Notulist', 'Pim Planner'])
      await createModerator(
        t.dataSource,
        slots[0].studyId,
        slots.map((s) => s.id),
        { name },
      );
    const schedule = await t.app.get(SchedulingService).run('wp2a', {}, admin, 'nl');
    if (schedule.placed[0]) {
      await t.app.get(InvitationsService).sendForGroup('wp2a', schedule.placed[0].groupId, admin);
      await t.app.get(HomeworkService).sendForGroup('wp2a', schedule.placed[0].groupId, admin);
    }
    // The seed's codebook, so its tree, edit pages and history are crawled too.
    const seed = readFileSync(join(__dirname, '..', 'fixtures', 'codebook', 'seed-contactredenen.csv'));
    await t.app.get(CodebookService).import('wp2a', { buffer: seed, name: 'seed-contactredenen.csv' }, {}, admin, 'nl');
  }, 120_000);
  afterAll(() => stopBrowserApp({ t, browser }));

  /** Follows same-site links breadth first from the start pages; one visit per path. */
  async function crawl(page: Page, start: string[]): Promise<string[]> {
    const seen = new Set<string>();
    const queue = [...start];
    const found: string[] = [];
    while (queue.length && found.length < MAX_PAGES) {
      const url = queue.shift()!;
      // One visit per kind of page: /homework/groups/1 and /homework/groups/2 are the same page.
      const path = new URL(url, base).pathname.replace(/\/\d+(?=\/|$)/g, '/:id');
      if (seen.has(path)) continue;
      seen.add(path);
      const res = await page.goto(`${base}${url}`);
      if (!res || res.status() !== 200 || !res.headers()['content-type']?.includes('text/html')) continue;
      found.push(url);
      // Download links (exports, a .qdpx) are marked `download` and are not pages: following one starts a download.
      const hrefs = await page.$$eval('a[href]:not([download])', (as) =>
        as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''),
      );
      for (const href of hrefs) {
        const target = new URL(href, `${base}${url}`);
        if (target.origin !== base || !PAGE_PATH.test(target.pathname) || SKIP.test(target.pathname + target.search))
          continue;
        target.searchParams.delete('lang');
        queue.push(target.pathname + target.search);
      }
    }
    return found;
  }

  async function check(page: Page, urls: string[]): Promise<string[]> {
    const problems: string[] = [];
    for (const url of urls) {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(`${base}${url}`);
      problems.push(...(await checkShown(page, url)));
    }
    return problems;
  }

  /** The page as it is now (also one a refused form or a checked file left), at 375 and then 1280 px. */
  async function checkShown(page: Page, url: string): Promise<string[]> {
    const problems: string[] = [];
    await page.setViewportSize({ width: 375, height: 740 });
    const { scrollWidth, innerWidth, wide } = await page.evaluate(() => {
      // The outermost elements that stick out on the right, to say where the problem is.
      const out = Array.from(document.querySelectorAll('main *')).filter(
        (e) => e.getBoundingClientRect().right > window.innerWidth + 1,
      );
      const outermost = out.filter((e) => !out.includes(e.parentElement as Element));
      return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        wide: outermost.slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${Array.from(e.classList).join('.')}`),
      };
    });
    if (scrollWidth > innerWidth) problems.push(`${url} at 375 px: page ${scrollWidth} px wide (${wide.join(', ')})`);
    // A table in a scroll box hides columns on a phone: tables stack as cards instead.
    const hidden = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.table-wrap'))
        .filter((w) => w.scrollWidth > w.clientWidth + 1)
        .map((w) => w.querySelector('caption, th')?.textContent?.trim() ?? 'a table'),
    );
    for (const table of hidden) problems.push(`${url} at 375 px: table "${table}" hides columns in a scroll box`);
    for (const v of await axeViolations(page))
      problems.push(
        `${url} at 375 px: axe ${v.id} (${v.help}) at ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
      );
    await page.setViewportSize({ width: 1280, height: 900 });
    const cut = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.table-wrap'))
        .filter((w) => w.scrollWidth > w.clientWidth + 1)
        .map((w) => w.querySelector('caption, th')?.textContent?.trim() ?? 'a table'),
    );
    for (const table of cut) problems.push(`${url} at 1280 px: table "${table}" is cut off`);
    // Every page is Dutch here: no error text may reach it in English.
    for (const english of englishErrorTextsIn(await page.innerText('body')))
      problems.push(`${url}: English error text "${english}"`);
    return problems;
  }

  it('for a researcher (admin)', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    const admin = await createUser(t.dataSource, { role: 'admin' });
    await loginInBrowser(page, base, admin.email, admin.password);
    const urls = await crawl(page, [...STAFF_START, '/studies/wp2a']);
    const paths = urls.map((u) => new URL(u, base).pathname);
    for (const part of [
      'settings',
      'respondents',
      'respondents/import',
      'groups',
      'schedule',
      'moderators',
      'homework',
      'overview',
      'codebook',
      'codebook/import',
      'codebook/codes/new',
    ])
      expect(paths).toContain(`/studies/wp2a/${part}`);
    expect(paths.some((p) => /^\/studies\/wp2a\/codebook\/codes\/\d+\/edit$/.test(p))).toBe(true);
    expect(paths).toEqual(expect.arrayContaining(['/studies', '/audit', '/outbox', '/users', '/moderator']));
    expect(await check(page, urls)).toEqual([]);
    await page.close();
  }, 600_000);

  it('in the states a mistake leaves: a refused schedule change and a REFI-QDA codebook with problems', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    const admin = await createUser(t.dataSource, { role: 'admin' });
    await loginInBrowser(page, base, admin.email, admin.password);
    const problems: string[] = [];

    await page.goto(`${base}/studies/wp2a/schedule`);
    const session = page.locator('article.schedule-session').first();
    await session.getByText('Verplaatsen of andere moderatoren').click();
    const lead = await session.locator('select[name="leadModeratorId"]').inputValue();
    await session.locator('select[name="noteModeratorId"]').selectOption(lead);
    await Promise.all([page.waitForNavigation(), session.getByRole('button', { name: 'Wijziging opslaan' }).click()]);
    expect(await session.locator('.field-error').count()).toBe(1);
    problems.push(...(await checkShown(page, 'a refused move on /studies/wp2a/schedule')));

    await page.goto(`${base}/studies/wp2a/codebook/import`);
    const qdc = [
      '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>',
      '<Code guid="11111111-1111-4111-8111-111111111111" name="Kleurloos" color="paars?" isCodable="true"/>',
      '<Code guid="kapot" name="Zonder GUID" isCodable="true"/>',
      '</Codes></CodeBook>',
    ].join('');
    await page.setInputFiles('#codebook-file', {
      name: 'kapot.qdc',
      mimeType: 'application/xml',
      buffer: Buffer.from(qdc),
    });
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.locator('#codebook-import-result:not([hidden]) table').waitFor();
    expect(await page.locator('#codebook-import-result').innerText()).toContain('Code ‘Kleurloos’');
    problems.push(...(await checkShown(page, 'a .qdc with problems on /studies/wp2a/codebook/import')));
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);

  it('for a partner', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    const { organisations } = await t.app.get(StudiesService).detail('wp2a');
    const partner = await createUser(t.dataSource, {
      role: 'partner',
      organisationId: organisations[0].organisationId,
    });
    await loginInBrowser(page, base, partner.email, partner.password);
    const urls = await crawl(page, ['/partner']);
    expect(urls.length).toBeGreaterThanOrEqual(2);
    expect(await check(page, urls)).toEqual([]);
    await page.close();
  }, 300_000);
});
