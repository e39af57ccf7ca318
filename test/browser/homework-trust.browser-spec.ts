import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { HomeworkService } from '../../src/homework/homework.service';
import { axeViolations, startBrowserApp, stopBrowserApp } from '../support/browser';
import { createScheduledGroup, credentialsOf, HomeworkFixture } from '../support/homework-factories';
import { choiceDifference, controlPixels } from '../support/pixels';
import { TestApp } from '../support/test-app';

/** Issue 11, item 5: a homework form respondents can trust (visible choices, saving, two tabs, sent answers). */
describe('the homework form respondents can trust, in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  let fx: HomeworkFixture;

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    fx = await createScheduledGroup(t.dataSource, { members: 4, organisation: 'Vitens' });
    await t.app.get(HomeworkService).sendForGroup(fx.study.slug, fx.group.id, null);
  });
  afterAll(() => stopBrowserApp({ t, browser }));
  beforeEach(async () => {
    context = await browser.newContext({ bypassCSP: true, viewport: { width: 375, height: 800 } });
  });
  afterEach(() => context.close());

  const NAME = 'Wilt u allereerst hier uw voornaam noteren?';
  const stored = (respondentId: number) =>
    t.dataSource.getRepository(HomeworkAssignment).findOneByOrFail({ respondentId });

  async function open(page: Page, key: string) {
    await page.goto(`${base}/h/${key}`);
    await page.locator('.sd-root-modern').waitFor();
  }

  async function toContactMoments(page: Page) {
    await page.getByRole('textbox', { name: NAME }).fill('Ans');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('textbox', { name: /Welk contactmoment/ }).waitFor();
  }

  it('shows what was chosen, in a contrasting mark, for a checkbox, a radio button and a face, after focus has moved on', async () => {
    const { token } = await credentialsOf(t, fx.members[0].id);
    const page = await context.newPage();
    await open(page, token);
    await toContactMoments(page);
    const item = (text: string) => page.locator('label.sd-selectbase__label', { hasText: text }).first();
    async function chooseAndCompare(text: string) {
      const control = item(text).locator('.sd-item__decorator');
      await control.scrollIntoViewIfNeeded();
      await page.mouse.move(1, 1);
      const before = await controlPixels(page, control);
      await item(text).click();
      await page.mouse.move(1, 1);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.waitForTimeout(300);
      return choiceDifference(before, await controlPixels(page, control));
    }
    await page.getByRole('textbox', { name: /Welk contactmoment/ }).fill('Ik belde over mijn waterrekening.');
    for (const text of ['Website', 'Positief']) {
      const difference = await chooseAndCompare(text);
      expect([
        text,
        difference.changedShare > 0.3,
        difference.strongestChange > 3,
        difference.markContrast > 3,
      ]).toEqual([text, true, true, true]);
    }
    await page.locator('textarea').nth(1).fill('Ik werd snel geholpen.');
    for (let step = 0; step < 4; step++) await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByText(/nog contact gehad met Vitens/).waitFor();
    const radio = await chooseAndCompare('Nee');
    expect([radio.changedShare > 0.3, radio.strongestChange > 3, radio.markContrast > 3]).toEqual([true, true, true]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('saves at least every 5 seconds while the respondent keeps typing', async () => {
    const { token } = await credentialsOf(t, fx.members[1].id);
    const page = await context.newPage();
    await open(page, token);
    const story =
      'Ik belde de klantenservice over mijn rekening en moest lang wachten voordat ik iemand sprak. '.repeat(3);
    const box = page.getByRole('textbox', { name: NAME });
    await box.focus();
    const started = Date.now();
    // About 12 s of typing without any pause of 1.5 s.
    const typing = page.keyboard.type(story, { delay: 45 });
    let firstSave: number | null = null;
    while (firstSave === null && Date.now() - started < 8000) {
      const draft = (await stored(fx.members[1].id)).draft;
      if (typeof draft?.firstName === 'string' && draft.firstName.length > 0) firstSave = Date.now() - started;
      else await new Promise((r) => setTimeout(r, 100));
    }
    const typedWhenSaved = await box.inputValue();
    await typing;
    expect(firstSave).not.toBeNull();
    expect(firstSave!).toBeLessThanOrEqual(5000);
    // It was typing still going on, not the end of it, that was saved.
    expect(typedWhenSaved.length).toBeLessThan(story.length);
  });

  it('two tabs: the older one is read-only until the respondent chooses, and every word of both tabs is kept', async () => {
    const { token } = await credentialsOf(t, fx.members[2].id);
    const first = await context.newPage();
    const second = await context.newPage();
    await open(first, token);
    await open(second, token);
    await first.getByRole('textbox', { name: NAME }).fill('Bert uit tab een');
    await first.getByText(/Opgeslagen om/).waitFor();
    await second.getByRole('textbox', { name: NAME }).fill('Bert uit tab twee');
    await second.getByRole('heading', { name: 'Ook in een ander venster veranderd' }).waitFor();
    expect(await second.getByLabel('Uw tekst uit dit venster').inputValue()).toContain('Bert uit tab twee');
    // Nothing can be typed now that would be neither saved nor in the copy.
    expect(await second.getByRole('textbox', { name: NAME }).isEditable()).toBe(false);
    expect(await axeViolations(second)).toEqual([]);
    await second.getByRole('button', { name: 'Laad de nieuwste versie, met mijn tekst erbij' }).click();
    await second.getByText('De nieuwste versie is geladen, met uw tekst uit dit venster erbij.').waitFor();
    expect(await second.getByRole('textbox', { name: NAME }).inputValue()).toBe('Bert uit tab een / Bert uit tab twee');
    expect(await second.getByRole('textbox', { name: NAME }).isEditable()).toBe(true);
    await expect(waitForDraft(fx.members[2].id, 'Bert uit tab een / Bert uit tab twee')).resolves.toBe(true);
    // Words typed in the first tab later are merged in the same way when it saves next.
    await first.getByRole('textbox', { name: NAME }).fill('Bert uit tab een, later');
    await first.getByRole('button', { name: 'Laad de nieuwste versie, met mijn tekst erbij' }).click();
    await expect(
      waitForDraft(fx.members[2].id, 'Bert uit tab een / Bert uit tab twee / Bert uit tab een, later'),
    ).resolves.toBe(true);
  });

  it('opening a sent homework saves nothing', async () => {
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
    const before = await stored(own.members[0].id);
    const page = await context.newPage();
    await open(page, token);
    await page.getByText('Uw antwoorden zijn verstuurd', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Antwoorden veranderen' }).click();
    await page.waitForTimeout(2500);
    const after = await stored(own.members[0].id);
    expect([after.revision, after.draftSavedAt?.getTime() ?? null, after.currentPage]).toEqual([
      before.revision,
      before.draftSavedAt?.getTime() ?? null,
      before.currentPage,
    ]);
  });

  it('the save line never covers the field in focus when the respondent tabs back up, and nothing scrolls sideways at 375 px', async () => {
    const { token } = await credentialsOf(t, fx.members[3].id);
    const page = await context.newPage();
    await open(page, token);
    await toContactMoments(page);
    await page.getByRole('textbox', { name: /Welk contactmoment/ }).fill('Ik belde over mijn waterrekening.');
    await page.getByText(/Opgeslagen om/).waitFor();
    await page.getByRole('button', { name: 'Volgende' }).focus();
    const covered: string[] = [];
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Shift+Tab');
      const overlap = await page.evaluate(() => {
        const bar = document.getElementById('homework-status')!.getBoundingClientRect();
        const el = document.activeElement as HTMLElement;
        // A visually hidden radio or checkbox is shown by its decorator next to it.
        const shown = (el.closest('label') ?? el).getBoundingClientRect();
        return shown.top < bar.bottom && shown.bottom > bar.top
          ? `${el.tagName} ${el.getAttribute('aria-label') ?? el.id} at ${Math.round(shown.top)} under a bar ending at ${Math.round(bar.bottom)}`
          : '';
      });
      if (overlap) covered.push(overlap);
    }
    expect(covered).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
  });

  async function waitForDraft(respondentId: number, firstName: string): Promise<boolean> {
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      if ((await stored(respondentId)).draft?.firstName === firstName) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(
      `the draft's first name is ${JSON.stringify((await stored(respondentId)).draft?.firstName)}, expected ${JSON.stringify(firstName)}`,
    );
  }
});
