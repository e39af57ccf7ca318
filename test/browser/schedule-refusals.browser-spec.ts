import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ScheduledSession } from '../../src/scheduling/session.entity';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp } from '../support/browser';
import { createStudy, createUser } from '../support/factories';
import { expectRefused, submitForm } from '../support/refused-form';
import { createGroupWithMembers, createModerator, createSession, createSlot } from '../support/scheduling-factories';
import { TestApp } from '../support/test-app';

const SHOTS = join(__dirname, '../../.tmp');

/**
 * The schedule page's forms answer a refusal as every page form does (issue 14, item 4): the page again, the form
 * open with what was chosen, the problem under the field it is about and a summary at that form, not at the top.
 */
describe('refusals of the schedule page forms in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let slug: string;
  let researcher: Awaited<ReturnType<typeof createUser>>;
  let sessions: { a: ScheduledSession; b: ScheduledSession; c: ScheduledSession; begun: ScheduledSession };
  let fullSlotId: number;
  let begunSlotId: number;
  let anna: number;

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    researcher = await createUser(t.dataSource, { role: 'researcher', name: 'Rita Researcher' });
    const fx = await createStudy(
      t.dataSource,
      { title: 'Planning met fouten' },
      { organisations: ['RET', 'Waternet', 'Vitens'], slots: 0 },
    );
    slug = fx.study.slug;
    const [morning, afternoon, nextDay] = [
      await createSlot(t.dataSource, fx.study.id, new Date('2027-01-12T09:00:00Z')),
      await createSlot(t.dataSource, fx.study.id, new Date('2027-01-12T13:00:00Z'), { capacity: 1 }),
      await createSlot(t.dataSource, fx.study.id, new Date('2027-01-13T09:00:00Z')),
    ];
    fullSlotId = afternoon.id;
    // A session under way since an hour ago: it keeps its slot and moderators, and its slot takes nobody else.
    const underWay = await createSlot(t.dataSource, fx.study.id, new Date(Date.now() - 3_600_000));
    begunSlotId = underWay.id;
    const everySlot = [morning.id, afternoon.id, nextDay.id];
    const [annaUser, bram, cor] = [
      await createModerator(t.dataSource, fx.study.id, everySlot, { name: 'Anna' }),
      await createModerator(t.dataSource, fx.study.id, everySlot, { name: 'Bram' }),
      await createModerator(t.dataSource, fx.study.id, everySlot, { name: 'Cor' }),
    ];
    anna = annaUser.id;
    // Dirk can only come on the second day, so a swap that brings him to the first day breaks a rule.
    const dirk = await createModerator(t.dataSource, fx.study.id, [nextDay.id], { name: 'Dirk' });
    const group = (i: number, quadrant: 'gemakzoeker' | 'informatiezoeker' | 'zekerheidszoeker') =>
      createGroupWithMembers(t.dataSource, fx.study.id, fx.organisations[i].id, { members: 3, quadrant });
    const [ga, gb, gc] = [
      await group(0, 'gemakzoeker'),
      await group(1, 'informatiezoeker'),
      await group(2, 'zekerheidszoeker'),
    ];
    const gd = await createGroupWithMembers(t.dataSource, fx.study.id, fx.organisations[0].id, {
      members: 3,
      quadrant: 'rust-in-je-hoofdzoeker',
    });
    const studyId = fx.study.id;
    sessions = {
      a: await createSession(t.dataSource, {
        studyId,
        groupId: ga.group.id,
        slot: morning,
        lead: annaUser,
        note: bram,
      }),
      b: await createSession(t.dataSource, { studyId, groupId: gb.group.id, slot: nextDay, lead: dirk, note: cor }),
      c: await createSession(t.dataSource, {
        studyId,
        groupId: gc.group.id,
        slot: afternoon,
        lead: cor,
        note: annaUser,
      }),
      begun: await createSession(
        t.dataSource,
        { studyId, groupId: gd.group.id, slot: underWay, lead: bram, note: cor },
        { invitedAt: new Date(Date.now() - 9 * 86_400_000), invitedLeadId: bram.id, invitedNoteId: cor.id },
      ),
    };
  });
  afterAll(() => stopBrowserApp({ t, browser }));
  afterEach(() => page.close());

  async function open(width: number) {
    page = await browser.newPage({ bypassCSP: true, viewport: { width, height: 800 } });
    await loginInBrowser(page, base, researcher.email, researcher.password);
    await page.goto(`${base}/studies/${slug}/schedule`);
  }
  const session = (id: number) => page.locator(`#session-${id}`);
  const unchanged = async () =>
    expect(
      (await t.dataSource.getRepository(ScheduledSession).find({ order: { id: 'ASC' } })).map((s) => [
        s.slotId,
        s.leadModeratorId,
        s.noteModeratorId,
      ]),
    ).toEqual(Object.values(sessions).map((s) => [s.slotId, s.leadModeratorId, s.noteModeratorId]));

  for (const width of [1280, 375]) {
    it(`moves to a full slot: the refusal is under the slot chosen, which stays chosen (${width} px)`, async () => {
      await open(width);
      const id = sessions.a.id;
      await session(id).getByText('Verplaatsen of andere moderatoren').click();
      await page.selectOption(`#move-slot-${id}`, String(fullSlotId));
      const status = await submitForm(page, () =>
        session(id).getByRole('button', { name: 'Wijziging opslaan' }).click(),
      );
      await expectRefused(
        page,
        status,
        [{ id: `move-slot-${id}`, typed: String(fullSlotId), label: 'Moment', problem: /zit vol \(max. 1 groep\)/ }],
        409,
      );
      expect(await page.locator('#refusal').count()).toBe(0);
      // The summary sits in the session's own form, which is open, not above the schedule.
      expect(await session(id).locator('details[open] #form-problems').count()).toBe(1);
      await unchanged();
    });

    it(`gives a session one moderator twice: the refusal is at the moderators, both kept (${width} px)`, async () => {
      await open(width);
      const id = sessions.a.id;
      await session(id).getByText('Verplaatsen of andere moderatoren').click();
      await page.selectOption(`#move-note-${id}`, String(anna));
      const status = await submitForm(page, () =>
        session(id).getByRole('button', { name: 'Wijziging opslaan' }).click(),
      );
      await expectRefused(
        page,
        status,
        [{ id: `move-moderators-${id}`, label: 'Moderatoren', problem: /twee verschillende moderatoren/ }],
        409,
      );
      expect(await page.inputValue(`#move-lead-${id}`)).toBe(String(anna));
      expect(await page.inputValue(`#move-note-${id}`)).toBe(String(anna));
      await unchanged();
    });

    it(`swaps with a session whose moderator cannot come: the refusal is at the choice, kept (${width} px)`, async () => {
      await open(width);
      const id = sessions.a.id;
      const other = String(sessions.b.id);
      await session(id).getByText('Moderatoren wisselen met een andere sessie').click();
      await page.selectOption(`#swap-${id}`, other);
      const status = await submitForm(page, () => session(id).getByRole('button', { name: 'Wisselen' }).click());
      await expectRefused(
        page,
        status,
        [{ id: `swap-${id}`, typed: other, label: 'Wisselen met', problem: /Dirk/ }],
        409,
      );
      expect(await session(id).locator('details[open] #form-problems').count()).toBe(1);
      await unchanged();
    });

    it(`offers no move, swap or invitation for a session that has begun, and says why (${width} px)`, async () => {
      await open(width);
      const begun = session(sessions.begun.id);
      const note = begun.locator(`#session-${sessions.begun.id}-begun`);
      expect(await note.textContent()).toContain('Deze sessie is al begonnen.');
      expect(await note.isVisible()).toBe(true);
      expect(await begun.locator('details, select, form[action$="/invitations"]').count()).toBe(0);
      // Only what still applies is left to reach by keyboard: attendance and cancelling.
      expect(await begun.getByRole('link', { name: /Aanwezigheid/ }).count()).toBe(1);
      await begun.screenshot({ path: join(SHOTS, `schedule-begun-${width}.png`) });

      // Another session's move form leaves the slot under way out, says so, and ties that to the list.
      const id = sessions.a.id;
      await session(id).getByText('Verplaatsen of andere moderatoren').click();
      const slot = page.locator(`#move-slot-${id}`);
      expect(await slot.locator(`option[value="${begunSlotId}"]`).count()).toBe(0);
      expect(await slot.locator('option').count()).toBe(3);
      const hint = page.locator(`#move-slot-${id}-hint`);
      expect(await hint.textContent()).toBe('Momenten die al begonnen zijn, staan niet in deze lijst.');
      expect(await slot.getAttribute('aria-describedby')).toBe(`move-slot-${id}-hint`);
      // Its swap choices leave the session that has begun out.
      await session(id).getByText('Moderatoren wisselen met een andere sessie').click();
      const others = await page
        .locator(`#swap-${id} option`)
        .evaluateAll((os) => os.map((o) => o.getAttribute('value')));
      expect(others.sort()).toEqual([String(sessions.b.id), String(sessions.c.id)].sort());
      await session(id).screenshot({ path: join(SHOTS, `schedule-begun-forms-${width}.png`) });
      expect(await axeViolations(page)).toEqual([]);
    });

    it(`runs the scheduler with a choice it does not know: the refusal is at its buttons (${width} px)`, async () => {
      await open(width);
      await page.locator('#run-mode button[value="save"]').evaluate((b) => b.setAttribute('value', 'everything'));
      const status = await submitForm(page, () => page.getByRole('button', { name: 'Inplannen en opslaan' }).click());
      await expectRefused(page, status, [{ id: 'run-mode', label: 'Groepen inplannen', problem: /kies een van/ }]);
      expect(await page.locator('.schedule-run #form-problems').count()).toBe(1);
      await unchanged();
    });
  }

  it('says the refusal of a session that is not on the page at the top, in English too', async () => {
    await open(1280);
    await page.goto(`${base}/studies/${slug}/schedule?lang=en`);
    const status = await submitForm(page, () =>
      page.evaluate((id) => {
        const form = document.querySelector<HTMLFormElement>(`form[action$="/sessions/${id}/move"]`)!;
        form.action = form.action.replace(`/sessions/${id}/`, '/sessions/999999/');
        form.submit();
      }, sessions.a.id),
    );
    expect(status).toBe(404);
    expect(await page.locator('#refusal').textContent()).toContain('Nothing changed.');
    await page.goto(`${base}/studies/${slug}/schedule?lang=nl`);
  });
});
