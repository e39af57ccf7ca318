import * as ical from 'node-ical';
import type { AuthUser } from '../../src/auth/auth-user';
import { OutboxWorker } from '../../src/mail/outbox.worker';
import { InvitationsService } from '../../src/scheduling/invitations.service';
import { SchedulingService } from '../../src/scheduling/scheduling.service';
import { createStudy, createUser } from '../support/factories';
import { createGroupWithMembers, createModerator, createSlot } from '../support/scheduling-factories';
import { startSmtpServer, TestSmtpServer } from '../support/smtp-server';
import { createTestApp, TestApp } from '../support/test-app';

// A session in person: the invitation, the moderators' e-mail and the calendar file give the address, never a link.
describe('invitation to a session in person', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({
      smtpUrl: smtp.url,
      mailFrom: 'Onderzoek <onderzoek@kwadrant.example>',
      baseUrl: 'https://kwadrant.example',
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('tells members and moderators where to come, in the e-mail and the calendar file', async () => {
    const researcher = await createUser(t.dataSource, { role: 'researcher' });
    const actor: AuthUser = {
      id: researcher.id,
      email: researcher.email,
      name: researcher.name,
      role: 'researcher',
      organisationId: null,
    };
    const { study, organisations } = await createStudy(
      t.dataSource,
      { locale: 'nl' },
      { organisations: ['Gemeente Utrecht'], slots: 0 },
    );
    const address = 'Stadskantoor, Stadsplateau 1, Utrecht';
    const slot = await createSlot(t.dataSource, study.id, new Date('2037-12-10T09:00:00Z'), {
      onlineUrl: null,
      location: address,
    });
    for (const name of ['Anna', 'Bram']) await createModerator(t.dataSource, study.id, [slot.id], { name });
    const { group, members } = await createGroupWithMembers(t.dataSource, study.id, organisations[0].id, {
      members: 2,
    });
    await t.app.get(SchedulingService).run(study.slug, {}, actor, 'nl');
    await t.app.get(InvitationsService).sendForGroup(study.slug, group.id, actor);

    const worker = t.app.get(OutboxWorker);
    worker.clock = () => new Date(Date.now() + 1000);
    const pass = await worker.runOnce();
    await smtp.waitFor(pass.sent);
    expect(pass.sent).toBe(4);
    for (const mail of smtp.received) {
      expect(mail.parsed.text).toContain(address);
      expect(mail.parsed.text).not.toMatch(/Waar: online|Online:|https:\/\/meet/);
    }
    const memberMail = smtp.received.find((m) => m.recipients.includes(members[0].email!))!;
    expect(memberMail.parsed.text).toContain(`Waar: ${address}`);
    expect(memberMail.parsed.text).toContain('Kom een paar minuten voor het begin naar het adres hierboven.');
    const calendar = memberMail.parsed.attachments.find((a) => a.contentType === 'text/calendar')!;
    const event = Object.values(ical.sync.parseICS(calendar.content.toString('utf8'))).find(
      (c): c is ical.VEvent => c?.type === 'VEVENT',
    )!;
    expect(event.location).toBe(address);
    expect(event.url).toBeFalsy();
  });
});
