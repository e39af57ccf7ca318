import type { Browser, Page } from 'playwright-core';
import { axeViolations, loginInBrowser, misalignedInputs, startBrowserApp, stopBrowserApp } from '../support/browser';
import { expectRefused, flashText as flash, submitForm as submit } from '../support/refused-form';
import { createStudy, createUser } from '../support/factories';
import { createScheduledGroup, HomeworkFixture } from '../support/homework-factories';
import { createModerator } from '../support/scheduling-factories';
import { TestApp } from '../support/test-app';

/**
 * Issue 14, item 4: every researcher form, submitted with a mistake, comes back as the same page (not a redirect)
 * with everything typed and each problem next to its field, named by the field's label in the summary that takes
 * the focus; at 1280 and 375 px, without axe violations. A mended form then redirects with a message.
 */
describe('refused researcher forms in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let admin: { email: string; password: string };
  let fx: HomeworkFixture;

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    admin = await createUser(t.dataSource, { role: 'admin' });
    fx = await createScheduledGroup(t.dataSource, { members: 2, daysAhead: -1, organisation: 'Vitens' });
  });
  afterAll(() => stopBrowserApp({ t, browser }));

  async function withPage(width: number, work: (page: Page) => Promise<void>): Promise<void> {
    const page = await browser.newPage({ bypassCSP: true, viewport: { width, height: 900 } });
    try {
      await loginInBrowser(page, base, admin.email, admin.password);
      await work(page);
    } finally {
      await page.close();
    }
  }

  describe.each([1280, 375])('at %i px', (width) => {
    it('new study: a short title and a slug with capitals and spaces', async () => {
      await withPage(width, async (page) => {
        await page.goto(`${base}/studies`);
        await page.getByLabel('Titel').fill('Kl');
        await page.getByLabel('Korte naam (in links)').fill('Klant Reis');
        const status = await submit(page, () => page.getByRole('button', { name: 'Onderzoek aanmaken' }).click());
        await expectRefused(page, status, [
          { id: 'new-title', typed: 'Kl', label: 'Titel', problem: 'te kort: minstens 3 tekens' },
          {
            id: 'new-slug',
            typed: 'Klant Reis',
            label: 'Korte naam (in links)',
            problem: /alleen kleine letters, cijfers en streepjes/,
          },
        ]);
        await page.getByLabel('Titel').fill('Klantreis gemeente');
        await page.getByLabel('Korte naam (in links)').fill(`klantreis-${width}`);
        await submit(page, () => page.getByRole('button', { name: 'Onderzoek aanmaken' }).click());
        expect(new URL(page.url()).pathname).toBe(`/studies/klantreis-${width}`);
        expect(await flash(page)).toBe('Onderzoek ‘Klantreis gemeente’ is aangemaakt.');
      });
    });

    it('study settings and who stands behind it: group sizes that do not fit, a privacy address and a help address that are not addresses', async () => {
      const { study } = await createStudy(t.dataSource, { title: 'Instellingen' });
      await withPage(width, async (page) => {
        await page.goto(`${base}/studies/${study.slug}/settings`);
        // A label on two lines ("Groepen per kwadrant per organisatie") or a hint above an input keeps it level.
        expect(await misalignedInputs(page)).toEqual([]);
        await page.locator('#title').fill('Instellingen, nieuwe titel');
        await page.locator('#groupMinSize').fill('4');
        await page.locator('#privacyUrl').fill('hogeschool.nl/privacy');
        await page.locator('#helpEmail').fill('vragen-at-hogeschool');
        const status = await submit(page, () => page.locator('#details-heading ~ form button[type=submit]').click());
        await expectRefused(page, status, [
          {
            id: 'privacyUrl',
            typed: 'hogeschool.nl/privacy',
            label: 'Adres van de privacyverklaring',
            problem: 'dit is geen webadres; het begint met https://',
          },
          {
            id: 'helpEmail',
            typed: 'vragen-at-hogeschool',
            label: 'E-mailadres voor vragen',
            problem: 'dit is geen e-mailadres',
          },
        ]);
        expect(await page.locator('#title').inputValue()).toBe('Instellingen, nieuwe titel');
        expect(await page.locator('#groupMinSize').inputValue()).toBe('4');
        expect(await misalignedInputs(page)).toEqual([]);
        // Mended addresses, but a minimum above the group size: the service's refusal, next to its field too.
        await page.locator('#privacyUrl').fill('https://hogeschool.nl/privacy');
        await page.locator('#helpEmail').fill('vragen@hogeschool.nl');
        const again = await submit(page, () => page.locator('#details-heading ~ form button[type=submit]').click());
        await expectRefused(page, again, [
          {
            id: 'groupMinSize',
            typed: '4',
            label: 'Minimaal',
            problem: 'mag niet groter zijn dan de groepsgrootte (3)',
          },
        ]);
        await page.locator('#groupMinSize').fill('2');
        await submit(page, () => page.locator('#details-heading ~ form button[type=submit]').click());
        expect(await flash(page)).toBe('De gegevens zijn opgeslagen.');
        expect(await page.locator('#title').inputValue()).toBe('Instellingen, nieuwe titel');
      });
    });

    it('organisations: a new one with a one-letter name and a wrong address, and a contact phone that is not a number', async () => {
      const { study } = await createStudy(t.dataSource, {}, { organisations: [`RET ${width}`] });
      await withPage(width, async (page) => {
        await page.goto(`${base}/studies/${study.slug}/settings`);
        await page.locator('#org-name').fill('X');
        await page.locator('#org-contact').fill('Petra Jansen');
        await page.locator('#org-email').fill('petra@');
        const status = await submit(page, () => page.getByRole('button', { name: 'Organisatie toevoegen' }).click());
        await expectRefused(page, status, [
          { id: 'org-name', typed: 'X', label: 'Organisatie', problem: 'te kort: minstens 2 tekens' },
          { id: 'org-email', typed: 'petra@', label: 'E-mail contactpersoon', problem: 'dit is geen e-mailadres' },
        ]);
        expect(await page.locator('#org-contact').inputValue()).toBe('Petra Jansen');

        const row = page.locator('#organisations tbody tr').first();
        await row.locator('summary').click();
        const phone = row.getByLabel('Telefoon contactpersoon');
        const phoneId = await phone.getAttribute('id');
        await phone.fill('bel me');
        const edited = await submit(page, () => row.getByRole('button', { name: 'Opslaan' }).click());
        await expectRefused(page, edited, [
          { id: phoneId!, typed: 'bel me', label: 'Telefoon contactpersoon', problem: /dit is geen telefoonnummer/ },
        ]);
        // The other forms on the page show what is stored, not the refused form's values.
        expect(await page.locator('#org-name').inputValue()).toBe('');
      });
    });

    it('session slot: a start without a date and an online link that is not a web address', async () => {
      const { study } = await createStudy(t.dataSource);
      await withPage(width, async (page) => {
        await page.goto(`${base}/studies/${study.slug}/settings`);
        await page.locator('#slot-start').fill('10:00');
        await page.locator('#slot-end').fill('12:00');
        await page.locator('#slot-url').fill('meet.example.org/sessie');
        const status = await submit(page, () => page.getByRole('button', { name: 'Moment toevoegen' }).click());
        await expectRefused(page, status, [
          { id: 'slot-date', typed: '', label: 'Datum', problem: 'vul dit in' },
          {
            id: 'slot-url',
            typed: 'meet.example.org/sessie',
            label: 'Online link',
            problem: 'dit is geen webadres; het begint met https://',
          },
        ]);
        expect(await page.locator('#slot-start').inputValue()).toBe('10:00');
        // The browser shows the date in its own order (03/04/2027 in an American one): the page writes it out in
        // Dutch under the field, and the field is described by it.
        await page.locator('#slot-date').fill('2027-03-04');
        expect(await page.locator('#slot-date-words').textContent()).toBe('Gekozen datum: donderdag 4 maart 2027');
        expect(await page.getByLabel('Datum').getAttribute('aria-describedby')).toContain('slot-date-words');
      });
    });

    it('new account: an address without @ and a short password (which is never sent back)', async () => {
      await withPage(width, async (page) => {
        await page.goto(`${base}/users`);
        await page.locator('#u-email').fill('nieuw.hogeschool.nl');
        await page.locator('#u-name').fill('Nieuwe Onderzoeker');
        await page.locator('#u-password').fill('kort');
        const status = await submit(page, () => page.getByRole('button', { name: 'Account aanmaken' }).click());
        await expectRefused(page, status, [
          { id: 'u-email', typed: 'nieuw.hogeschool.nl', label: 'E-mailadres', problem: 'dit is geen e-mailadres' },
          { id: 'u-password', typed: '', label: 'Wachtwoord', problem: 'te kort: minstens 10 tekens' },
        ]);
        expect(await page.locator('#u-name').inputValue()).toBe('Nieuwe Onderzoeker');
      });
    });

    it('moderator: zero sessions a day and a rest longer than a working day', async () => {
      const { study, slots } = await createStudy(t.dataSource, {}, { slots: 2 });
      const moderator = await createModerator(t.dataSource, study.id, [slots[0].id], { name: `Moderator ${width}` });
      await withPage(width, async (page) => {
        await page.goto(`${base}/studies/${study.slug}/moderators`);
        await page.locator(`#max-${moderator.id}`).fill('0');
        await page.locator(`#rest-${moderator.id}`).fill('999');
        await page.locator(`#slot-${moderator.id}-${slots[1].id}`).check();
        const status = await submit(page, () =>
          page
            .locator(`#moderator-${moderator.id} form`)
            .first()
            .getByRole('button', { name: /Opslaan/ })
            .click(),
        );
        await expectRefused(page, status, [
          {
            id: `max-${moderator.id}`,
            typed: '0',
            label: 'Maximaal aantal sessies per dag',
            problem: 'te klein: minstens 1',
          },
          {
            id: `rest-${moderator.id}`,
            typed: '999',
            label: 'Minimale rust tussen sessies (minuten)',
            problem: 'te groot: hoogstens 480',
          },
        ]);
        expect(await page.locator(`#slot-${moderator.id}-${slots[1].id}`).isChecked()).toBe(true);
      });
    });

    it('homework reminder: more days than the limit', async () => {
      await withPage(width, async (page) => {
        await page.goto(`${base}/studies/${fx.study.slug}/homework`);
        await page.locator('#reminderDays').fill('99');
        const status = await submit(page, () => page.locator('.homework-settings form button[type=submit]').click());
        await expectRefused(page, status, [
          { id: 'reminderDays', typed: '99', label: 'Dagen voor de uiterste datum', problem: 'te groot: hoogstens 60' },
        ]);
      });
    });

    it('attendance: saved without a choice for anyone', async () => {
      await withPage(width, async (page) => {
        await page.goto(`${base}/studies/${fx.study.slug}/sessions/${fx.session.id}/attendance`);
        const status = await submit(page, () => page.getByRole('button', { name: 'Aanwezigheid opslaan' }).click());
        expect(status).toBe(400);
        await page.waitForFunction(() => document.activeElement?.id === 'form-problems');
        expect(await page.locator('#form-problems').textContent()).toContain(
          'Kies bij minstens één deelnemer ‘Aanwezig’ of ‘Afwezig’.',
        );
        expect(await axeViolations(page)).toEqual([]);
      });
    });
  });
});
