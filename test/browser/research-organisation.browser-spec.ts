import type { Browser, Page } from 'playwright-core';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp } from '../support/browser';
import { createStudy, createUser } from '../support/factories';
import { TestApp } from '../support/test-app';

/** Issue 11, item 7: who stands behind a study, set on the settings page and shown to respondents. */
describe('who stands behind a study, in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
    await createStudy(t.dataSource, { slug: 'achter', title: 'Klantreis 2026' }, { organisations: ['RET', 'Vitens'] });
  });
  afterAll(() => stopBrowserApp({ t, browser }));

  /** A logo as a real PNG, drawn by the browser: a green block with the lectorate's initials. */
  async function drawnLogo(page: Page): Promise<Buffer> {
    const url = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [240, 80];
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#0a6650';
      ctx.fillRect(0, 0, 240, 80);
      ctx.fillStyle = '#ffffff';
      ctx.font = 'bold 40px sans-serif';
      ctx.fillText('LKO', 70, 55);
      return canvas.toDataURL('image/png');
    });
    return Buffer.from(url.split(',')[1], 'base64');
  }

  it('a researcher sets the organisation, privacy statement, helpline and logo, and respondents see them at 375 and 1280 px', async () => {
    const researcher = await createUser(t.dataSource, { role: 'researcher' });
    const page = await browser.newPage({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    await loginInBrowser(page, base, researcher.email, researcher.password);
    await page.goto(`${base}/studies/achter/settings`);
    await page.getByLabel('Onderzoeksorganisatie').fill('Lectoraat Klantgericht Organiseren, Hogeschool Domstad');
    await page.getByLabel('Adres van de privacyverklaring').fill('https://www.hogeschooldomstad.nl/privacy/klantreis');
    await page.getByLabel('Telefoonnummer voor hulp').fill('030 252 76 18');
    await page.getByLabel('E-mailadres voor vragen').fill('klantreis@hogeschooldomstad.nl');
    await Promise.all([
      page.waitForURL(`${base}/studies/achter/settings`),
      page.locator('#details-heading ~ form button[type=submit]').click(),
    ]);
    await page
      .getByLabel('Kies een logobestand')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: await drawnLogo(page) });
    await Promise.all([
      page.waitForURL(/\/studies\/achter\/settings#behind$/),
      page.getByRole('button', { name: 'Logo opslaan' }).click(),
    ]);
    const current = page.getByRole('img', { name: 'Het huidige logo' });
    expect(await current.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();

    for (const width of [375, 1280]) {
      const respondent = await browser.newPage({ bypassCSP: true, viewport: { width, height: 900 } });
      await respondent.goto(`${base}/s/achter`);
      await respondent.getByText('Gaat u hiermee akkoord?').waitFor();
      const logo = respondent.locator('.behind-top img');
      await logo.evaluate((img: HTMLImageElement) => img.decode());
      expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
      expect(await respondent.locator('.behind-top').textContent()).toContain(
        'Een onderzoek van Lectoraat Klantgericht Organiseren, Hogeschool Domstad',
      );
      const about = respondent.getByRole('complementary', { name: 'Wie doet dit onderzoek?' });
      expect(await about.getByRole('link', { name: /privacyverklaring/ }).getAttribute('href')).toBe(
        'https://www.hogeschooldomstad.nl/privacy/klantreis',
      );
      expect(await about.getByRole('link', { name: '030 252 76 18' }).getAttribute('href')).toBe('tel:0302527618');
      expect(await about.getByRole('link', { name: 'klantreis@hogeschooldomstad.nl' }).getAttribute('href')).toBe(
        'mailto:klantreis@hogeschooldomstad.nl',
      );
      expect(
        await respondent.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBe(0);
      expect(await axeViolations(respondent)).toEqual([]);
      await respondent.close();
    }
  });
});
