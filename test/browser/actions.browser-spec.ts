import type { Browser, Page } from 'playwright-core';
import { ActionsService } from '../../src/actions/actions.service';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp } from '../support/browser';
import { createStudy, createUser } from '../support/factories';
import { TestApp } from '../support/test-app';

describe('the action register pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let researcher: { email: string; password: string; id: number };
  let partner: { email: string; password: string };
  let orgA: string;

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    const { organisations } = await createStudy(t.dataSource, { slug: 'register', title: 'Register' });
    orgA = organisations[0].name;
    researcher = await createUser(t.dataSource, { role: 'researcher', name: 'Ria' });
    partner = await createUser(t.dataSource, { role: 'partner', organisationId: organisations[0].id });
  });
  afterAll(() => stopBrowserApp({ t, browser }));
  afterEach(() => page.close());

  async function open(width: number, who: { email: string; password: string }, path: string) {
    page = await browser.newPage({ bypassCSP: true, viewport: { width, height: 800 } });
    await loginInBrowser(page, base, who.email, who.password);
    await page.goto(`${base}${path}`);
  }

  const fitsAndPassesAxe = async (width: number) => {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await axeViolations(page)).toEqual([]);
  };

  it('registers an action on a phone: a refusal keeps what was typed and focuses the problems, then it is saved', async () => {
    await open(375, researcher, '/studies/register/actions');
    await fitsAndPassesAxe(375);
    await page.fill('#new-analyse', 'Bellers missen de datum van de monteur');
    await page.click('form.action-form button[type=submit]');
    await page.locator('#form-problems').waitFor();
    expect(await page.inputValue('#new-analyse')).toBe('Bellers missen de datum van de monteur');
    expect(await page.textContent('#form-problems')).toContain('Omschrijving');
    await fitsAndPassesAxe(375);

    await page.fill('#new-omschrijving', 'Aankondigingskaart');
    await page.fill('#new-actie', 'Drie ontwerpen proefdraaien');
    await page.check(`#new-holders input[value="${researcher.id}"]`);
    await page.fill('#new-mijlpaal', '2038-03-15');
    await page.click('form.action-form button[type=submit]');
    await page.locator('#flash').waitFor();
    expect(await page.textContent('h1')).toMatch(/^Actie \d{4}-\d{2}-001$/);
    await fitsAndPassesAxe(375);
  });

  it('shows measurements and the status history at 1280 px, and a partner their own register, axe clean', async () => {
    const actions = t.app.get(ActionsService);
    const viewer = {
      id: researcher.id,
      email: researcher.email,
      name: 'Ria',
      role: 'researcher' as const,
      organisationId: null,
    };
    const [action] = (await actions.list('register', viewer, { offset: 0, limit: 1 })).items;
    await actions.addMeasurement(
      'register',
      action.id,
      {
        name: 'Pilot',
        variants: [
          { name: 'Huidige kaart', reached: 44000, contacts: 158, reference: true },
          { name: 'Kaart B', reached: 15000, contacts: 17 },
        ],
      },
      viewer,
    );
    await open(1280, researcher, `/studies/register/action/${action.id}`);
    await page.selectOption('#status-new', 'in_uitvoering');
    await page.fill('#status-note', 'Kaarten besteld');
    await page.click('#status-note');
    await page.keyboard.press('Enter');
    await page.locator('#flash').waitFor();
    expect(await page.textContent('#history + .table-wrap')).toContain('Kaarten besteld');
    expect(await page.textContent('.measurement-table')).toContain('0,11%');
    await fitsAndPassesAxe(1280);

    await page.close();
    await open(375, partner, '/studies/register/actions');
    expect(await page.textContent('main')).toContain(orgA);
    await fitsAndPassesAxe(375);
  });
});
