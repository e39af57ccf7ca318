import type { Page } from 'playwright-core';
import { axeViolations } from './browser';
import { englishErrorTextsIn } from './english-error-texts';

/** A field as a refused page must show it: what was typed, and its problem next to it. */
export interface RefusedField {
  id: string;
  typed?: string;
  label: string;
  problem: string | RegExp;
}

/** Submits with `submit` and returns the status of the page the browser lands on. */
export async function submitForm(page: Page, submit: () => Promise<unknown>): Promise<number | undefined> {
  const [response] = await Promise.all([page.waitForNavigation(), submit()]);
  return response?.status();
}

/**
 * The one way a refused form comes back (issue 14, item 4): the form's page again with the refusal's status (not
 * the error page, not JSON), each field as typed, marked invalid and described by its problem, a summary that takes
 * the focus and names each field by its label (never its internal name) with a link that puts the focus in it;
 * no sideways scrolling and no axe violations; on a Dutch page, no English problem text anywhere.
 */
export async function expectRefused(
  page: Page,
  status: number | undefined,
  fields: RefusedField[],
  expectedStatus = 400,
): Promise<void> {
  expect(status).toBe(expectedStatus);
  expect(await page.evaluate(() => document.contentType)).toBe('text/html');
  const summary = page.locator('#form-problems');
  expect(await summary.isVisible()).toBe(true);
  await page.waitForFunction(() => document.activeElement?.id === 'form-problems');
  for (const field of fields) {
    const input = page.locator(`#${field.id}`);
    if (field.typed !== undefined) expect(await input.inputValue()).toBe(field.typed);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    const problem = page.locator(`#${field.id}-error`);
    expect(await problem.textContent()).toMatch(field.problem);
    expect((await input.getAttribute('aria-describedby'))?.split(' ')).toContain(`${field.id}-error`);
    const link = summary.getByRole('link', { name: field.label, exact: true });
    expect(await link.getAttribute('href')).toBe(`#${field.id}`);
  }
  await summary.getByRole('link', { name: fields[0].label, exact: true }).click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(fields[0].id);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);
  if ((await page.getAttribute('html', 'lang')) === 'nl')
    expect(englishErrorTextsIn(await page.innerText('body'))).toEqual([]);
}

/** The message a successful post leaves for the page it redirects to. */
export const flashText = async (page: Page) => page.locator('#flash').textContent();
