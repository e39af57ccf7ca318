import { readFileSync } from 'fs';
import type { AddressInfo } from 'net';
import { chromium, Browser, Page } from 'playwright-core';
import { createTestApp, TestApp } from './test-app';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's Chromium, headless, with nothing that reaches outside this machine (Playwright gives it a fresh profile). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Starts the test app on a free port and returns its base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const address = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** WCAG 2.1 A and AA rules of axe-core on the current page. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

export async function loginInBrowser(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/login')),
    page.getByRole('button', { name: 'Inloggen' }).click(),
  ]);
}

/** A test app served on a free port and a browser for it: the set-up every browser spec shares. */
export async function startBrowserApp(): Promise<{ t: TestApp; browser: Browser; base: string }> {
  const t = await createTestApp();
  const base = await listen(t);
  const browser = await launchBrowser();
  return { t, browser, base };
}

export async function stopBrowserApp(app: { t?: TestApp; browser?: Browser }): Promise<void> {
  await app.browser?.close();
  await app.t?.close();
}

/**
 * Inputs in a row of fields (.field-row) that do not stand level with the others beside them: "label: 12 px lower".
 * Fields side by side start at the same height; their inputs must too, whatever wraps or shows above them.
 */
export async function misalignedInputs(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const row of Array.from(document.querySelectorAll('.field-row'))) {
      const byLine = new Map<number, { name: string; top: number }[]>();
      for (const field of Array.from(row.children)) {
        const control = field.querySelector(':scope > input:not([type=hidden]), :scope > select, :scope > textarea');
        if (!control) continue;
        const line = Math.round(field.getBoundingClientRect().top);
        const name = field.querySelector('label')?.textContent?.trim() ?? control.id;
        byLine.set(line, [...(byLine.get(line) ?? []), { name, top: control.getBoundingClientRect().top }]);
      }
      for (const fields of byLine.values()) {
        const highest = Math.min(...fields.map((f) => f.top));
        for (const f of fields) if (f.top - highest > 1) out.push(`${f.name}: ${Math.round(f.top - highest)} px lower`);
      }
    }
    return out;
  });
}

/** Words cut in two across lines inside the cells matching `cells` (hyphenated words may break at their hyphens). */
export async function wordsBrokenIn(page: Page, cells: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const broken: string[] = [];
    for (const cell of Array.from(document.querySelectorAll(selector))) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^\s-]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          if (range.getClientRects().length > 1) broken.push(match[0]);
        }
      }
    }
    return [...new Set(broken)];
  }, cells);
}
