import type { Browser, Page } from 'playwright-core';
import { ActionsService } from '../../src/actions/actions.service';
import { CodebookService } from '../../src/coding/codebook.service';
import { SessionSlot } from '../../src/studies/session-slot.entity';
import { loginInBrowser, startBrowserApp, stopBrowserApp } from '../support/browser';
import { createRespondent, createStudy, createUser } from '../support/factories';
import { expectRefused, flashText, submitForm } from '../support/refused-form';
import { TestApp } from '../support/test-app';

/**
 * Issue 14, item 4, continued from forms.browser-spec.ts: the researcher forms of the later steps (moderators,
 * quadrant override, codebook, action register, logo), each submitted with a mistake, come back as their page with
 * what was typed and each problem next to its field; mended, they redirect with a message. Once in English too.
 */
describe('refused research forms in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let researcher: { id: number; email: string; password: string };

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    researcher = await createUser(t.dataSource, { role: 'admin', name: 'Rosa Onderzoeker' });
  });
  afterAll(() => stopBrowserApp({ t, browser }));

  async function withPage(width: number, work: (page: Page) => Promise<void>, lang?: 'en'): Promise<void> {
    const page = await browser.newPage({ bypassCSP: true, viewport: { width, height: 900 } });
    try {
      await loginInBrowser(page, base, researcher.email, researcher.password);
      if (lang) await page.goto(`${base}/studies?lang=${lang}`);
      await work(page);
    } finally {
      await page.close();
    }
  }

  const createAction = async (slug: string, organisation: string) =>
    t.app.get(ActionsService).create(
      slug,
      {
        organisation,
        omschrijving: 'Aankondigingskaart',
        analyse: 'Bellers missen de datum van de monteur',
        actie: 'Drie ontwerpen proefdraaien',
        actiehouders: [researcher.id],
      },
      researcher as never,
    );

  describe.each([1280, 375])('at %i px', (width) => {
    it('new moderator: a slot a colleague removed meanwhile', async () => {
      const { study, slots } = await createStudy(t.dataSource, {}, { slots: 2 });
      const colleague = await createUser(t.dataSource, { role: 'researcher', name: `Collega ${width}` });
      await withPage(width, async (page) => {
        await page.goto(`${base}/studies/${study.slug}/moderators`);
        await page.locator('#add-user').selectOption(String(colleague.id));
        await page.locator(`#add-slot-${slots[1].id}`).check();
        await t.dataSource.getRepository(SessionSlot).delete({ id: slots[1].id });
        const status = await submitForm(page, () =>
          page.getByRole('button', { name: 'Toevoegen als moderator' }).click(),
        );
        await expectRefused(page, status, [
          {
            id: 'add-slots',
            label: 'Momenten waarop deze persoon kan',
            problem: 'kies sessiemomenten van dit onderzoek',
          },
        ]);
        expect(await page.locator('#add-user').inputValue()).toBe(String(colleague.id));
        await page.locator(`#add-slot-${slots[0].id}`).check();
        await submitForm(page, () => page.getByRole('button', { name: 'Toevoegen als moderator' }).click());
        expect(await flashText(page)).toBe('De moderator is toegevoegd.');
      });
    });

    it('logo: a file that is no picture', async () => {
      const { study } = await createStudy(t.dataSource);
      await withPage(width, async (page) => {
        await page.goto(`${base}/studies/${study.slug}/settings`);
        await page
          .getByLabel('Kies een logobestand')
          .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('geen plaatje') });
        const status = await submitForm(page, () => page.getByRole('button', { name: 'Logo opslaan' }).click());
        await expectRefused(page, status, [{ id: 'logo-file', label: 'Kies een logobestand', problem: /PNG|JPEG/ }]);
      });
    });

    it('quadrant override: a reason of two letters', async () => {
      const { study, organisations } = await createStudy(t.dataSource);
      const respondent = await createRespondent(t.dataSource, study.id, organisations[0].id);
      await withPage(width, async (page) => {
        await page.goto(`${base}/studies/${study.slug}/respondents`);
        await page.locator(`#quadrant-${respondent.id}`).locator('xpath=ancestor::details/summary').click();
        await page.locator(`#quadrant-${respondent.id}`).selectOption('informatiezoeker');
        await page.locator(`#reason-${respondent.id}`).fill('ok');
        const status = await submitForm(page, () =>
          page.locator(`#reason-${respondent.id}`).locator('xpath=ancestor::form//button').click(),
        );
        await expectRefused(page, status, [
          { id: `reason-${respondent.id}`, typed: 'ok', label: 'Reden', problem: /minstens 3 tekens/ },
        ]);
        expect(await page.locator(`#quadrant-${respondent.id}`).inputValue()).toBe('informatiezoeker');
        await page.locator(`#reason-${respondent.id}`).fill('Telefonisch nagevraagd');
        await submitForm(page, () =>
          page.locator(`#reason-${respondent.id}`).locator('xpath=ancestor::form//button').click(),
        );
        expect(await flashText(page)).toBe(`Het kwadrant van respondent ${respondent.id} is aangepast.`);
      });
    });

    it('codebook: a new code with a Tekst-ID in lower case and spaces, and an edit with a colour that is not one', async () => {
      const { study } = await createStudy(t.dataSource);
      await withPage(width, async (page) => {
        await page.goto(`${base}/studies/${study.slug}/codebook/codes/new`);
        await page.locator('#code-cat1').fill('Zakelijke klanten');
        await page.locator('#code-cat2').fill('Facturen');
        await page.locator('#code-tekst-id').fill('zak fact');
        await page.locator('#code-logtekst').fill('Klant: factuur:');
        const status = await submitForm(page, () => page.getByRole('button', { name: 'Toevoegen' }).click());
        await expectRefused(page, status, [
          { id: 'code-tekst-id', typed: 'zak fact', label: 'Tekst-ID', problem: /Tekst-ID ‘zak fact’ is niet goed/ },
        ]);
        expect(await page.locator('#code-cat1').inputValue()).toBe('Zakelijke klanten');
        expect(await page.locator('#code-cat2').inputValue()).toBe('Facturen');
        expect(await page.locator('#code-logtekst').inputValue()).toBe('Klant: factuur:');
        await page.locator('#code-tekst-id').fill(`ZAK_FACT_${width}`);
        await submitForm(page, () => page.getByRole('button', { name: 'Toevoegen' }).click());
        expect(await flashText(page)).toBe('De code is toegevoegd.');

        const code = (await t.app.get(CodebookService).codebook(study.slug)).codes.find(
          (c) => c.tekstId === `ZAK_FACT_${width}`,
        )!;
        await page.goto(`${base}/studies/${study.slug}/codebook/codes/${code.id}/edit`);
        await page.locator('#code-cat3').fill('Herinneringen');
        await page.locator('#code-colour').fill('rood');
        const edited = await submitForm(page, () => page.getByRole('button', { name: 'Opslaan' }).click());
        await expectRefused(page, edited, [{ id: 'code-colour', typed: 'rood', label: 'Kleur', problem: /#/ }]);
        expect(await page.locator('#code-cat3').inputValue()).toBe('Herinneringen');
      });
    });

    it('action register: a new action without a description, and an edit that empties its analysis', async () => {
      const { study, organisations } = await createStudy(t.dataSource);
      await withPage(width, async (page) => {
        await page.goto(`${base}/studies/${study.slug}/actions`);
        await page.locator('#new-organisation').selectOption(organisations[1].name);
        await page.locator('#new-analyse').fill('Bellers missen de datum van de monteur');
        await page.locator('#new-actie').fill('Drie ontwerpen proefdraaien');
        await page.locator(`#new-holders input[value="${researcher.id}"]`).check();
        await page.locator('#new-mijlpaal').fill('2038-03-15');
        const status = await submitForm(page, () => page.getByRole('button', { name: 'Actie registreren' }).click());
        await expectRefused(page, status, [
          { id: 'new-omschrijving', typed: '', label: 'Omschrijving', problem: 'vul dit in' },
        ]);
        expect(await page.locator('#new-organisation').inputValue()).toBe(organisations[1].name);
        expect(await page.locator('#new-analyse').inputValue()).toBe('Bellers missen de datum van de monteur');
        expect(await page.locator('#new-actie').inputValue()).toBe('Drie ontwerpen proefdraaien');
        expect(await page.locator(`#new-holders input[value="${researcher.id}"]`).isChecked()).toBe(true);
        expect(await page.locator('#new-mijlpaal').inputValue()).toBe('2038-03-15');
        await page.locator('#new-omschrijving').fill('Aankondigingskaart');
        await submitForm(page, () => page.getByRole('button', { name: 'Actie registreren' }).click());
        expect(await flashText(page)).toMatch(/^Actie \d{4}-\d{2}-\d{3} is geregistreerd\.$/);

        await page.getByRole('link', { name: 'Actie wijzigen' }).click();
        await page.locator('#edit-omschrijving').fill('Aankondigingskaart, tweede versie');
        await page.locator('#edit-analyse').fill('');
        const edited = await submitForm(page, () => page.getByRole('button', { name: 'Opslaan' }).click());
        await expectRefused(page, edited, [{ id: 'edit-analyse', typed: '', label: 'Analyse', problem: 'vul dit in' }]);
        expect(await page.locator('#edit-omschrijving').inputValue()).toBe('Aankondigingskaart, tweede versie');
      });
    });

    it('action status and measurement: a status a colleague set meanwhile, and a measurement with more contacts than reached', async () => {
      const { study, organisations } = await createStudy(t.dataSource);
      const action = await createAction(study.slug, organisations[0].name);
      await withPage(width, async (page) => {
        await page.goto(`${base}/studies/${study.slug}/action/${action.id}`);
        // A colleague starts the action while this page is open: the status chosen here is the one it now has.
        await page.locator('#status-new').selectOption('in_uitvoering');
        await page.locator('#status-note').fill('De kaarten zijn besteld');
        await t.app
          .get(ActionsService)
          .setStatus(study.slug, action.id, { status: 'in_uitvoering' }, researcher as never);
        const status = await submitForm(page, () => page.getByRole('button', { name: 'Status wijzigen' }).click());
        await expectRefused(page, status, [
          { id: 'status-new', label: 'Nieuwe status', problem: /heeft deze status al/ },
        ]);
        expect(await page.locator('#status-note').inputValue()).toBe('De kaarten zijn besteld');

        await page.locator('#measurement-name').fill('Pilot aankondigingskaart');
        await page.locator('#variant-name-0').fill('Zonder kaart');
        await page.locator('#variant-reached-0').fill('15000');
        await page.locator('#variant-contacts-0').fill('54');
        await page.locator('#variant-name-1').fill('Kaart A');
        await page.locator('#variant-reached-1').fill('100');
        await page.locator('#variant-contacts-1').fill('150');
        const measured = await submitForm(page, () => page.getByRole('button', { name: 'Meting opslaan' }).click());
        await expectRefused(page, measured, [
          {
            id: 'variant-contacts-1',
            typed: '150',
            label: 'Variant 2: contacten',
            problem: 'kan niet hoger zijn dan het aantal bereikt',
          },
        ]);
        expect(await page.locator('#measurement-name').inputValue()).toBe('Pilot aankondigingskaart');
        expect(await page.locator('#variant-reached-1').inputValue()).toBe('100');
        await page.locator('#variant-contacts-1').fill('12');
        await submitForm(page, () => page.getByRole('button', { name: 'Meting opslaan' }).click());
        expect(await flashText(page)).toMatch(/Pilot aankondigingskaart/);
      });
    });
  });

  it('in English: a new study with a short title comes back in English, and a mended one says so in English', async () => {
    await withPage(
      1280,
      async (page) => {
        await page.goto(`${base}/studies`);
        await page.locator('#new-title').fill('Kl');
        await page.locator('#new-slug').fill('customer journey');
        const status = await submitForm(page, () => page.getByRole('button', { name: 'Create study' }).click());
        await expectRefused(page, status, [
          { id: 'new-title', typed: 'Kl', label: 'Title', problem: 'too short: at least 3 characters' },
          {
            id: 'new-slug',
            typed: 'customer journey',
            label: 'Short name (in links)',
            problem: /only lowercase letters, digits and hyphens/,
          },
        ]);
        await page.locator('#new-title').fill('Customer journey');
        await page.locator('#new-slug').fill('customer-journey-en');
        await submitForm(page, () => page.getByRole('button', { name: 'Create study' }).click());
        expect(new URL(page.url()).pathname).toBe('/studies/customer-journey-en');
        expect(await flashText(page)).toBe('Study ‘Customer journey’ has been created.');
      },
      'en',
    );
  });
});
