import type { Browser, Page } from 'playwright-core';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { OutboxService } from '../../src/mail/outbox.service';
import { axeViolations, loginInBrowser, startBrowserApp, stopBrowserApp } from '../support/browser';
import { createStudy, createUser } from '../support/factories';
import { enqueueMail } from '../support/outbox-factories';
import { inTransaction, TestApp } from '../support/test-app';

describe('outbox page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
  });
  afterAll(() => stopBrowserApp({ t, browser }));
  beforeEach(async () => {
    page = await browser.newPage({ bypassCSP: true });
  });
  afterEach(() => page.close());

  it('shows every status without axe violations, and retries an unknown message from the button', async () => {
    const { study } = await createStudy(t.dataSource, { title: 'Browser outbox' });
    const outbox = t.app.get(OutboxService);
    const repo = t.dataSource.getRepository(OutboxMessage);
    const statuses = ['pending', 'sending', 'sent', 'failed', 'unknown'] as const;
    const ids: Record<string, number> = {};
    for (const status of statuses) {
      const m = await inTransaction(t, () =>
        enqueueMail(outbox, { studyId: study.id, to: `${status}@example.org`, subject: `Bericht ${status}` }),
      );
      await repo.update(m.id, {
        status,
        attempts: status === 'pending' ? 0 : 1,
        lastError: status === 'failed' ? '550 Mailbox unavailable' : null,
        sentAt: status === 'sent' ? new Date() : null,
      });
      ids[status] = m.id;
    }
    const u = await createUser(t.dataSource, { role: 'researcher' });
    await loginInBrowser(page, base, u.email, u.password);
    await page.getByRole('link', { name: 'E-mail' }).click();
    await page.waitForURL(`${base}/outbox`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Uitgaande e-mail');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.getByRole('button', { name: /Opnieuw versturen/ }).count()).toBe(2);

    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: /Opnieuw versturen aan unknown@example\.org/ }).click(),
    ]);
    expect(await page.getByRole('status').textContent()).toContain('Het bericht staat weer klaar om te versturen.');
    expect((await repo.findOneByOrFail({ id: ids.unknown })).status).toBe('pending');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${base}/outbox?lang=en`);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${base}/outbox`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
