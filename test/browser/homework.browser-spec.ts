import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { HomeworkService } from '../../src/homework/homework.service';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp, wordsBrokenIn } from '../support/browser';
import { createScheduledGroup, credentialsOf, HomeworkFixture } from '../support/homework-factories';
import { TestApp } from '../support/test-app';

describe('the homework form in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  let fx: HomeworkFixture;

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    fx = await createScheduledGroup(t.dataSource, {
      members: 4,
      organisation: 'Vitens',
      study: {
        returnAddress: 'Hogeschool Utrecht, lectoraat Klantgericht Organiseren, Antwoordnummer 5010, 3500 VB Utrecht',
      },
    });
    await t.app.get(HomeworkService).sendForGroup(fx.study.slug, fx.group.id, null);
  });
  afterAll(() => stopBrowserApp({ t, browser }));
  beforeEach(async () => {
    context = await browser.newContext({ bypassCSP: true, viewport: { width: 375, height: 800 } });
  });
  afterEach(() => context.close());

  const textbox = (page: Page, name: string) => page.getByRole('textbox', { name });
  const stored = (respondentId: number) =>
    t.dataSource.getRepository(HomeworkAssignment).findOneByOrFail({ respondentId });

  /** Waits (up to 10 s) until the server has this draft: saves are debounced and run in the background. */
  async function draftArrives(respondentId: number, expected: Record<string, unknown>): Promise<void> {
    const until = Date.now() + 10_000;
    for (;;) {
      const draft = (await stored(respondentId)).draft ?? {};
      if (Object.entries(expected).every(([k, v]) => draft[k] === v)) return;
      if (Date.now() > until)
        throw new Error(`draft is ${JSON.stringify(draft)}, expected ${JSON.stringify(expected)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function open(page: Page, key: string) {
    await page.goto(`${base}/h/${key}`);
    await page.locator('.sd-root-modern').waitFor();
  }

  it('keeps every word: type, close the tab, reopen the link and find the text and the page', async () => {
    const { token } = await credentialsOf(t, fx.members[0].id);
    let page = await context.newPage();
    await open(page, token);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Vitens');
    await textbox(page, 'Wilt u allereerst hier uw voornaam noteren?').fill('Ans');
    await page.getByRole('button', { name: 'Volgende' }).click();
    const story = 'Ik belde over mijn waterrekening en werd goed geholpen door een vriendelijke medewerker';
    await page.getByRole('textbox', { name: /Welk contactmoment/ }).pressSequentially(story, { delay: 5 });
    await page.getByText(/Opgeslagen om \d\d:\d\d/).waitFor();
    await page.close();

    page = await context.newPage();
    await open(page, token);
    expect(await page.getByRole('textbox', { name: /Welk contactmoment/ }).inputValue()).toBe(story);
    await page.getByRole('button', { name: 'Vorige' }).click();
    expect(await textbox(page, 'Wilt u allereerst hier uw voornaam noteren?').inputValue()).toBe('Ans');
    const row = await stored(fx.members[0].id);
    expect(row.draft).toMatchObject({ firstName: 'Ans', contactMoments: story });
  });

  it('after sending, a change is kept and the reopened page goes on editing and says to send again', async () => {
    const own = await createScheduledGroup(t.dataSource, { members: 1, organisation: 'Vitens' });
    await t.app.get(HomeworkService).sendForGroup(own.study.slug, own.group.id, null);
    const { token } = await credentialsOf(t, own.members[0].id);
    const complete = {
      firstName: 'Bep',
      contactMoments: 'Ik belde.',
      contactMomentsRating: 'positief',
      contactMomentsExplanation: 'Snel.',
      channels: ['telefoon'],
      afterwardsHad: 'no',
    };
    await t.app.get(HomeworkService).submit(token, { revision: 0, data: complete }, '127.0.0.1');
    let page = await context.newPage();
    await open(page, token);
    await page.getByText('Uw antwoorden zijn verstuurd', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Antwoorden veranderen' }).click();
    await textbox(page, 'Wilt u allereerst hier uw voornaam noteren?').fill('Bep B.');
    await draftArrives(own.members[0].id, { firstName: 'Bep B.' });
    await page.close();

    page = await context.newPage();
    await open(page, token);
    await page.getByText('nog niet verstuurd', { exact: false }).waitFor();
    expect(await page.locator('#homework-result').isHidden()).toBe(true);
    expect(await textbox(page, 'Wilt u allereerst hier uw voornaam noteren?').inputValue()).toBe('Bep B.');
    expect(await textbox(page, 'Wilt u allereerst hier uw voornaam noteren?').isEditable()).toBe(true);
    expect((await stored(own.members[0].id)).submitted).toMatchObject({ firstName: 'Bep' });
  });

  it('keeps the words typed just before the tab closed, before the debounce fired', async () => {
    const { token } = await credentialsOf(t, fx.members[3].id);
    let page = await context.newPage();
    await open(page, token);
    await textbox(page, 'Wilt u allereerst hier uw voornaam noteren?').pressSequentially('Door', { delay: 5 });
    await page.close({ runBeforeUnload: true });
    page = await context.newPage();
    await open(page, token);
    expect(await textbox(page, 'Wilt u allereerst hier uw voornaam noteren?').inputValue()).toBe('Door');
    // Sent as the tab closed (keepalive), or else restored from this device's copy and saved now.
    await draftArrives(fx.members[3].id, { firstName: 'Door' });
  });

  it('opens with the code typed at /h', async () => {
    const { code } = await credentialsOf(t, fx.members[2].id);
    const page = await context.newPage();
    await page.goto(`${base}/h`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Uw code').fill('nope');
    await page.getByRole('button', { name: 'Openen' }).click();
    await page.getByRole('alert').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Uw code').fill(`${code.slice(0, 4).toLowerCase()}-${code.slice(4).toLowerCase()}`);
    await Promise.all([page.waitForURL(`${base}/h/${code}`), page.getByRole('button', { name: 'Openen' }).click()]);
    await page.locator('.sd-root-modern').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Vitens');
  });

  it('fits a 375 px phone and asks nothing of any other server (no font host learns who opens the form)', async () => {
    const { token } = await credentialsOf(t, fx.members[3].id);
    const page = await context.newPage();
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) elsewhere.push(r.url());
    });
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.goto(`${base}/h`);
    expect(await overflow()).toBe(0);
    await open(page, token);
    await page.waitForLoadState('networkidle');
    expect(await overflow()).toBe(0);
    await page.goto(`${base}/h/${token}/print`);
    expect(await overflow()).toBe(0);
    expect(elsewhere).toEqual([]);
  });

  it('passes axe and can be completed by keyboard alone', async () => {
    const { token } = await credentialsOf(t, fx.members[2].id);
    const page = await context.newPage();
    await open(page, token);
    expect(await axeViolations(page)).toEqual([]);
    const name = textbox(page, 'Wilt u allereerst hier uw voornaam noteren?');
    await name.focus();
    await page.keyboard.type('Cor');
    // Tab to "Volgende" and press Enter: no mouse from here on.
    await tabTo(page, 'Volgende');
    await page.keyboard.press('Enter');
    // Focus moves to the first question of the new page.
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await page.keyboard.type('Ik heb online een vergunning aangevraagd.');
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, 'Website');
    await page.keyboard.press('Space');
    await tabTo(page, 'Positief');
    // The faces are drawn (not every device has emoji); the word is the radio button's name.
    const faces = await page
      .locator('.sd-question:has(input[value="positief"]) img.homework-face')
      .evaluateAll((imgs) =>
        imgs.map((i) => [
          (i as HTMLImageElement).getAttribute('src'),
          (i as HTMLImageElement).naturalWidth > 0,
          i.getAttribute('alt'),
        ]),
      );
    expect(faces.slice(0, 3)).toEqual(
      ['positief', 'neutraal', 'negatief'].map((f) => [`/assets/img/faces/${f}.svg`, true, '']),
    );
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Neutraal' }).first().isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Het duurde even.');
    for (let step = 0; step < 4; step++) {
      await tabTo(page, 'Volgende');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.closest('.sd-question') !== null);
    }
    await page.getByText(/nog contact gehad met Vitens/).waitFor();
    // Focus is on the first answer, "Ja"; the arrow key moves to "Nee" and chooses it, as in any radio group.
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Nee' }).isChecked()).toBe(true);
    await tabTo(page, 'Versturen');
    await page.keyboard.press('Enter');
    await page.getByText('Hartelijk dank! Uw antwoorden zijn verstuurd.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const row = await stored(fx.members[2].id);
    expect(row.submitted).toMatchObject({
      firstName: 'Cor',
      contactMoments: 'Ik heb online een vergunning aangevraagd.',
      channels: ['website'],
      contactMomentsRating: 'neutraal',
      afterwardsHad: 'no',
    });
    expect(row.late).toBe(false);
    // Reopening shows the answers, with the way back into editing.
    await open(page, token);
    await page.getByRole('button', { name: 'Antwoorden veranderen' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the print version, the unavailable page and the researchers’ pages pass axe', async () => {
    const { token } = await credentialsOf(t, fx.members[0].id);
    const page = await context.newPage();
    await page.goto(`${base}/h/${token}/print`);
    expect(await axeViolations(page)).toEqual([]);
    // Only the private link may break mid-word; the return address is copied onto an envelope as it stands.
    const link = (await page.locator('.homework-letter__emphasis').first().textContent())!;
    expect(link).toContain(`/h/${token}`);
    const broken = await wordsBrokenIn(page, '.homework-letter__emphasis');
    expect(broken.filter((word) => !link.includes(word))).toEqual([]);
    await page.goto(`${base}/h/unknown-link-for-sure`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Deze link of code kennen we niet');
    expect(await axeViolations(page)).toEqual([]);
    await loginInBrowser(page, base, fx.lead.email, fx.lead.password);
    await page.goto(`${base}/studies/${fx.study.slug}/homework`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Voorbereiding bekijken' }).click();
    await page.getByRole('heading', { name: 'Gespreksgids' }).waitFor();
    expect(await page.textContent('body')).toContain('Ik heb online een vergunning aangevraagd.');
    expect(await axeViolations(page)).toEqual([]);
    // On screen a wide table scrolls; paper cannot scroll, so in print nothing may clip a member's column.
    await page.emulateMedia({ media: 'print' });
    const clipping = await page.$$eval(
      '.homework-prep__scroll',
      (boxes) => boxes.filter((b) => getComputedStyle(b).overflowX !== 'visible').length,
    );
    expect(clipping).toBe(0);
    await page.emulateMedia({ media: 'screen' });
    const { assignment } = await credentialsOf(t, fx.members[3].id);
    await page.goto(`${base}/studies/${fx.study.slug}/homework/assignments/${assignment.id}/paper`);
    await page.locator('.sd-root-modern').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
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
