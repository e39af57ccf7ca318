import { ActionsService, Viewer } from '../../src/actions/actions.service';
import { OutboxWorker } from '../../src/mail/outbox.worker';
import { createStudy, createUser } from '../support/factories';
import { startSmtpServer, TestSmtpServer } from '../support/smtp-server';
import { createTestApp, TestApp } from '../support/test-app';

/** Noon in Amsterdam on a calendar day, as the reminder tick would see it. */
const dutchNoon = (day: string) => new Date(`${day}T11:00:00Z`);

describe('milestone reminders of actions (outbox, real SMTP)', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let actions: ActionsService;
  let worker: OutboxWorker;
  let researcher: Viewer;
  let holders: string[];
  let slug: string;

  const deliver = async () => {
    worker.clock = () => new Date(Date.now() + 1000);
    const before = smtp.received.length;
    const pass = await worker.runOnce();
    await smtp.waitFor(before + pass.sent);
    return smtp.received.slice(before);
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({
      smtpUrl: smtp.url,
      baseUrl: 'https://kwadrant.example',
      // Configurable: three days ahead here, where the default is seven.
      actions: { reminderDays: 3, reminderIntervalMinutes: 60 },
    });
    actions = t.app.get(ActionsService);
    worker = t.app.get(OutboxWorker);
    const { study, organisations } = await createStudy(t.dataSource, { slug: 'mijlpalen', title: 'Mijlpalen' });
    slug = study.slug;
    const r = await createUser(t.dataSource, { role: 'researcher', email: 'onderzoeker@example.org', name: 'Ria' });
    const p = await createUser(t.dataSource, {
      role: 'partner',
      email: 'partner@example.org',
      name: 'Piet',
      organisationId: organisations[0].id,
    });
    researcher = { id: r.id, email: r.email, name: r.name, role: 'researcher', organisationId: null };
    holders = [r.email, p.email];
    await actions.create(
      slug,
      {
        organisation: organisations[0].name,
        omschrijving: 'Aankondigingskaart',
        analyse: 'Veel bellers over de meterwissel.',
        actie: 'Drie ontwerpen proefdraaien.',
        actiehouders: [r.id, p.id],
        mijlpaal: '2027-03-15',
      },
      researcher,
    );
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('e-mails every holder once, the configured number of days before the milestone', async () => {
    expect(await actions.sendMilestoneReminders({ now: dutchNoon('2027-03-11') })).toMatchObject({ sent: 0 });
    expect(await actions.sendMilestoneReminders({ now: dutchNoon('2027-03-12') })).toMatchObject({ sent: 2 });
    const mails = await deliver();
    expect(mails.flatMap((m) => m.recipients).sort()).toEqual([...holders].sort());
    const mail = mails.find((m) => m.recipients.includes('partner@example.org'))!;
    expect(mail.parsed.subject).toMatch(/^Mijlpaal van actie \d{4}-\d{2}-001 op maandag 15 maart 2027$/);
    expect(mail.parsed.text).toContain('Beste Piet,');
    expect(mail.parsed.text).toContain('Drie ontwerpen proefdraaien.');
    expect(mail.parsed.text).toMatch(/https:\/\/kwadrant\.example\/studies\/mijlpalen\/action\/\d+/);

    // Once per milestone date: later ticks, and the day itself, send nothing more.
    expect(await actions.sendMilestoneReminders({ now: dutchNoon('2027-03-13') })).toMatchObject({ sent: 0 });
    expect(await actions.sendMilestoneReminders({ now: dutchNoon('2027-03-15') })).toMatchObject({ sent: 0 });
    expect(await deliver()).toEqual([]);
  });

  it('reminds again when the milestone moves, and never for a finished action', async () => {
    const [action] = (await actions.list(slug, researcher, { offset: 0, limit: 10 })).items;
    await actions.update(slug, action.id, { mijlpaal: '2027-04-01' }, researcher);
    expect(await actions.sendMilestoneReminders({ now: dutchNoon('2027-03-29') })).toMatchObject({ sent: 2 });
    const mails = await deliver();
    expect(mails).toHaveLength(2);
    expect(mails[0].parsed.subject).toContain('1 april 2027');

    await actions.update(slug, action.id, { mijlpaal: '2027-05-01' }, researcher);
    await actions.setStatus(slug, action.id, { status: 'afgerond' }, researcher);
    expect(await actions.sendMilestoneReminders({ now: dutchNoon('2027-04-29') })).toMatchObject({ sent: 0 });
  });
});
