import * as ical from 'node-ical';
import type { ParsedMail } from 'mailparser';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { formatDate } from '../../src/common/format';
import { homeworkDeadline } from '../../src/studies/homework-deadline';
import type { AuthUser } from '../../src/auth/auth-user';
import { GroupMember } from '../../src/groups/group-member.entity';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { OutboxWorker } from '../../src/mail/outbox.worker';
import { Respondent } from '../../src/respondents/respondent.entity';
import { Invitation } from '../../src/scheduling/invitation.entity';
import { InvitationsService } from '../../src/scheduling/invitations.service';
import { InvitationResponsesService } from '../../src/study-flow/invitation-responses.service';
import { ModeratorsService } from '../../src/scheduling/moderators.service';
import { SchedulingService } from '../../src/scheduling/scheduling.service';
import { ScheduledSession } from '../../src/scheduling/session.entity';
import type { SessionSlot } from '../../src/studies/session-slot.entity';
import type { Study } from '../../src/studies/study.entity';
import { createStudy, createUser } from '../support/factories';
import {
  createGroupWithMembers,
  createModerator,
  createSlot,
  GroupFixture,
  recordScreenerLocale,
} from '../support/scheduling-factories';
import { startSmtpServer, TestSmtpServer } from '../support/smtp-server';
import { createTestApp, TestApp } from '../support/test-app';

type Parsed = { event: ical.VEvent; method: string };

/** A calendar property's text: node-ical gives an object only when the property carries parameters. */
const textOfProperty = (value: ical.ParameterValue | undefined) =>
  typeof value === 'object' ? value.val : (value ?? '');

function calendarOf(mail: ParsedMail): Parsed {
  const attachment = mail.attachments.find((a) => a.contentType === 'text/calendar');
  if (!attachment) throw new Error(`no calendar file in "${mail.subject}"`);
  const parsed = ical.sync.parseICS(attachment.content.toString('utf8'));
  const events = Object.values(parsed).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
  expect(events).toHaveLength(1);
  return { event: events[0], method: String((parsed.vcalendar as unknown as Record<string, unknown>).method) };
}

const tokenIn = (text: string, action: 'confirm' | 'decline') => {
  const m = new RegExp(`/c/([A-Za-z0-9_-]+)/${action}`).exec(text);
  if (!m) throw new Error(`no ${action} link`);
  return m[1];
};

describe('scheduling, invitations, reschedule, cancel and decline → reserve', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let scheduling: SchedulingService;
  let invitations: InvitationsService;
  let responses: InvitationResponsesService;
  let worker: OutboxWorker;
  let actor: AuthUser;
  let study: Study;
  let slots: SessionSlot[];
  let g1: GroupFixture;
  let g2: GroupFixture;
  let g4: GroupFixture;
  let mods: { id: number; email: string }[];

  const deliver = async () => {
    worker.clock = () => new Date(Date.now() + 1000);
    const before = smtp.received.length;
    const pass = await worker.runOnce();
    await smtp.waitFor(before + pass.sent);
    return smtp.received.slice(before);
  };
  const audits = (action: string) => t.dataSource.getRepository(AuditEvent).findBy({ action });
  const status = async (id: number) => (await t.dataSource.getRepository(Respondent).findOneByOrFail({ id })).status;
  const sessionOf = (groupId: number) => t.dataSource.getRepository(ScheduledSession).findOneByOrFail({ groupId });

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({
      smtpUrl: smtp.url,
      mailFrom: 'Onderzoek <onderzoek@kwadrant.example>',
      baseUrl: 'https://kwadrant.example',
    });
    scheduling = t.app.get(SchedulingService);
    invitations = t.app.get(InvitationsService);
    responses = t.app.get(InvitationResponsesService);
    worker = t.app.get(OutboxWorker);
    const researcher = await createUser(t.dataSource, { role: 'researcher' });
    actor = {
      id: researcher.id,
      email: researcher.email,
      name: researcher.name,
      role: 'researcher',
      organisationId: null,
    };
    const fixture = await createStudy(
      t.dataSource,
      { locale: 'nl', helpPhone: '030 111 22 33', homeworkLeadDays: 7 },
      { organisations: ['RET', 'Waternet'], slots: 0 },
    );
    study = fixture.study;
    // 8 and 9 December 2037, 10:00 and 14:00 Amsterdam time (UTC+1).
    slots = [
      await createSlot(t.dataSource, study.id, new Date('2037-12-08T09:00:00Z')),
      await createSlot(t.dataSource, study.id, new Date('2037-12-08T13:00:00Z')),
      await createSlot(t.dataSource, study.id, new Date('2037-12-09T09:00:00Z')),
    ];
    const all = slots.map((s) => s.id);
    mods = [];
    for (const name of ['Anna', 'Bram', 'Cor'])
      mods.push(
        await createModerator(t.dataSource, study.id, all, { name, email: `${name.toLowerCase()}@kwadrant.example` }),
      );
    const [ret, waternet] = fixture.organisations;
    g1 = await createGroupWithMembers(t.dataSource, study.id, ret.id, { members: 3, reserves: 1 });
    // The third member filled in the screener in English: their e-mails follow that, not the study's Dutch.
    await recordScreenerLocale(t.dataSource, g1.members[2], 'en');
    g2 = await createGroupWithMembers(t.dataSource, study.id, waternet.id, {
      members: 2,
      availability: [slots[1].id],
      quadrant: 'informatiezoeker',
    });
    await createGroupWithMembers(t.dataSource, study.id, ret.id, { status: 'proposed', quadrant: 'zekerheidszoeker' });
    g4 = await createGroupWithMembers(t.dataSource, study.id, waternet.id, {
      members: 2,
      availability: [],
      quadrant: 'gemakzoeker',
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('previews without saving, and explains per group why it cannot be placed', async () => {
    const report = await scheduling.run(study.slug, { dryRun: true }, actor, 'nl');
    expect(report.placed.map((p) => p.groupId).sort()).toEqual([g1.group.id, g2.group.id].sort());
    expect(report.placed.find((p) => p.groupId === g2.group.id)!.slotId).toBe(slots[1].id);
    expect(report.unplaced).toEqual([
      expect.objectContaining({
        groupId: g4.group.id,
        code: 'no-common-slot',
        reason: 'Geen moment waarop alle twee leden beschikbaar zijn.',
      }),
    ]);
    for (const p of report.placed) expect(p.leadId).not.toBe(p.noteTakerId);
    expect(await t.dataSource.getRepository(ScheduledSession).count()).toBe(0);
  });

  it('saves the schedule once, audited, and keeps it on a second run', async () => {
    const dry = await scheduling.run(study.slug, { dryRun: true }, actor, 'nl');
    const saved = await scheduling.run(study.slug, {}, actor, 'nl');
    expect(saved.placed).toEqual(dry.placed);
    const s1 = await sessionOf(g1.group.id);
    expect(s1).toMatchObject({ status: 'scheduled', sequence: 0, invitedAt: null, studyId: study.id });
    expect(s1.startsAt.toISOString()).toBe(slots.find((s) => s.id === s1.slotId)!.startsAt.toISOString());
    expect(await audits('schedule.run')).toHaveLength(1);
    const again = await scheduling.run(study.slug, {}, actor, 'nl');
    expect(again).toMatchObject({ placed: [], kept: 2 });
    expect(await t.dataSource.getRepository(ScheduledSession).count()).toBe(2);
  });

  it('sends each member their own invitation with a calendar file in Amsterdam time, and the moderators theirs', async () => {
    const session = await sessionOf(g1.group.id);
    const report = await invitations.sendForGroup(study.slug, g1.group.id, actor);
    expect(report.invited.map((i) => i.respondentId).sort()).toEqual(g1.members.map((m) => m.id).sort());
    expect(report.moderatorsInvited.sort()).toEqual([session.leadModeratorId, session.noteModeratorId].sort());
    for (const m of g1.members) expect(await status(m.id)).toBe('invited');
    expect(await status(g1.reserves[0].id)).toBe('eligible');

    const mails = await deliver();
    expect(mails).toHaveLength(5);
    const slot = slots.find((s) => s.id === session.slotId)!;
    for (const member of g1.members.slice(0, 2)) {
      const mail = mails.find((m) => m.recipients.includes(member.email!))!;
      expect(mail.recipients).toEqual([member.email]);
      for (const other of g1.members.filter((o) => o.id !== member.id))
        expect(mail.raw.toString()).not.toContain(other.email!);
      expect(mail.parsed.subject).toMatch(/^Uitnodiging groepsgesprek /);
      expect(mail.parsed.text).toContain(`Beste ${member.firstName},`);
      expect(mail.parsed.text).toContain('Nederlandse tijd');
      expect(mail.parsed.text).toContain('Hoe lang: 2 uur');
      expect(mail.parsed.text).toContain('twee onderzoekers');
      expect(mail.parsed.text).toContain('Waar: online, via deze link: https://meet.example.org/kwadrant');
      expect(mail.parsed.text).toContain('Hoe doet u mee?');
      expect(mail.parsed.text).toContain('camera, microfoon en geluid');
      // The homework deadline as a date (the day the homework letter will give), not as "7 days before".
      expect(mail.parsed.text).toContain(`Graag uiterlijk ${formatDate(homeworkDeadline(session.startsAt, 7), 'nl')}.`);
      expect(formatDate(homeworkDeadline(session.startsAt, 7), 'nl')).toMatch(/^(dinsdag 1|woensdag 2) december 2037$/);
      expect(mail.parsed.text).toMatch(/https:\/\/kwadrant\.example\/c\/[A-Za-z0-9_-]{43}\/confirm\?lang=nl/);
      expect(mail.parsed.text).toMatch(/https:\/\/kwadrant\.example\/c\/[A-Za-z0-9_-]{43}\/decline\?lang=nl/);
      expect(mail.parsed.html).toContain('Ja, ik kom');
    }
    const english = mails.find((m) => m.recipients.includes(g1.members[2].email!))!;
    expect(english.parsed.subject).toMatch(/^Invitation /);
    expect(english.parsed.text).toContain(`Dear ${g1.members[2].firstName},`);
    expect(english.parsed.text).toContain('(Dutch time)');
    expect(english.parsed.text).toContain('How long: 2 hours');
    expect(english.parsed.text).toMatch(/\/c\/[A-Za-z0-9_-]{43}\/confirm\?lang=en/);
    expect(english.parsed.attachments.map((a) => a.filename)).toEqual(['invitation.ics']);
    for (const member of g1.members) {
      const mail = mails.find((m) => m.recipients.includes(member.email!))!;
      const { event, method } = calendarOf(mail.parsed);
      expect(method).toBe('REQUEST');
      expect(event.uid).toBe(`session-${g1.group.id}-r${member.id}@kwadrant`);
      expect(Number(event.sequence)).toBe(0);
      expect(event.start.toISOString()).toBe(slot.startsAt.toISOString());
      expect(event.end!.toISOString()).toBe(slot.endsAt.toISOString());
      // node-ical marks a UTC ("Z") time with tz 'Etc/UTC'; calendars show it in the reader's zone.
      expect(event.start.tz).toBe('Etc/UTC');
    }
    const expectedTime = new Intl.DateTimeFormat('nl-NL', {
      timeZone: 'Europe/Amsterdam',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(slot.startsAt);
    expect(mails[0].parsed.text).toContain(expectedTime);

    const lead = mods.find((m) => m.id === session.leadModeratorId)!;
    const leadMail = mails.find((m) => m.recipients.includes(lead.email))!;
    expect(leadMail.parsed.subject).toContain('Gespreksleider');
    for (const member of g1.members) {
      expect(leadMail.parsed.text).toContain(`- ${member.firstName} (Gemakzoeker)`);
      expect(leadMail.raw.toString()).not.toContain(member.email!);
    }
    const modCal = calendarOf(leadMail.parsed);
    expect(modCal.event.uid).toBe(`session-${g1.group.id}-m${lead.id}@kwadrant`);
    expect(textOfProperty(modCal.event.description)).toContain('Je rol: gespreksleider');

    const keys = (await t.dataSource.getRepository(OutboxMessage).find()).map((m) => m.idempotencyKey);
    expect(keys).toContain(`invite:session:${session.id}:respondent:${g1.members[0].id}:seq:0`);
    const stored = await t.dataSource.getRepository(Invitation).find();
    for (const inv of stored) expect(inv.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    expect(await invitations.sendForGroup(study.slug, g1.group.id, actor)).toMatchObject({
      invited: [],
      moderatorsInvited: [],
    });
    expect(await deliver()).toHaveLength(0);
  });

  it('confirms through the link; the page action is one service method', async () => {
    const mail = smtp.received.find((m) => m.recipients.includes(g1.members[0].email!))!;
    const token = tokenIn(mail.parsed.text!, 'confirm');
    const result = await responses.confirm(token);
    expect(result).toMatchObject({ alreadyConfirmed: false, invitation: { status: 'confirmed' } });
    expect(result.session.startsAt).toBeInstanceOf(Date);
    expect(result.study.homeworkLeadDays).toBe(7);
    expect(await status(g1.members[0].id)).toBe('confirmed');
    expect((await responses.confirm(token)).alreadyConfirmed).toBe(true);
    expect(await audits('invitation.confirm')).toHaveLength(1);
    // Confirming sends the personal homework letter, once.
    const letters = (await deliver()).filter((m) => m.recipients.includes(g1.members[0].email!));
    expect(letters).toHaveLength(1);
    expect(letters[0].parsed.text).toMatch(/\/h\/[A-Za-z0-9_-]{22,}/);
  });

  it('a decline gives the place to the first reserve, who is invited automatically and audited', async () => {
    const decliner = g1.members[1];
    const reserve = g1.reserves[0];
    const mail = smtp.received.find((m) => m.recipients.includes(decliner.email!))!;
    const result = await responses.decline(tokenIn(mail.parsed.text!, 'decline'));
    expect(result).toMatchObject({ alreadyDeclined: false, promotedRespondentId: reserve.id });
    expect(await status(decliner.id)).toBe('declined');
    expect(await status(reserve.id)).toBe('invited');
    const memberships = await t.dataSource.getRepository(GroupMember).findBy({ groupId: g1.group.id });
    expect(memberships.find((m) => m.respondentId === decliner.id)).toBeUndefined();
    expect(memberships.find((m) => m.respondentId === reserve.id)!.role).toBe('member');
    const promotion = await audits('group.reserve_promote');
    expect(promotion).toHaveLength(1);
    expect(promotion[0].details).toMatchObject({ respondentId: reserve.id, replaced: decliner.id, invited: true });
    const mails = await deliver();
    const session = await sessionOf(g1.group.id);
    expect(session.sequence).toBe(1);
    const reserveMail = mails.filter((m) => m.recipients.includes(reserve.email!));
    expect(reserveMail).toHaveLength(1);
    // A first invitation for the reserve, not a "changed" one.
    expect(reserveMail[0].parsed.subject).toMatch(/^Uitnodiging groepsgesprek /);
    expect(calendarOf(reserveMail[0].parsed).event.uid).toBe(`session-${g1.group.id}-r${reserve.id}@kwadrant`);
    // Both moderators get their entry updated with the new member list: the reserve in, the decliner out.
    const moderatorMails = mails.filter((m) => !m.recipients.includes(reserve.email!));
    expect(moderatorMails.map((m) => m.recipients[0]).sort()).toEqual(
      mods
        .filter((m) => [session.leadModeratorId, session.noteModeratorId].includes(m.id))
        .map((m) => m.email)
        .sort(),
    );
    for (const m of moderatorMails) {
      expect(m.parsed.subject).toMatch(/^Gewijzigd: /);
      expect(m.parsed.text).toContain(`- ${reserve.firstName} (Gemakzoeker)`);
      expect(m.parsed.text).not.toContain(`- ${decliner.firstName} (`);
      const { event, method } = calendarOf(m.parsed);
      expect(method).toBe('REQUEST');
      expect(Number(event.sequence)).toBe(1);
      expect(textOfProperty(event.description)).toContain(`- ${reserve.firstName} (Gemakzoeker)`);
    }
    expect(mails).toHaveLength(3);
    await expect(responses.confirm(tokenIn(mail.parsed.text!, 'confirm'))).rejects.toMatchObject({
      code: 'invitation.already_declined',
    });

    const view = await scheduling.view(study.slug, 'nl');
    const s = view.days.flatMap((d) => d.slots.flatMap((x) => x.sessions)).find((x) => x.groupId === g1.group.id)!;
    expect(s.declined.map((d) => d.respondentId)).toEqual([decliner.id]);
    expect(s.members.find((m) => m.respondentId === reserve.id)!.invitation).toBe('sent');
  });

  it('refuses a move that breaks a rule, with the reason', async () => {
    const s2 = await sessionOf(g2.group.id);
    await expect(scheduling.move(study.slug, s2.id, { slotId: slots[0].id }, actor, 'nl')).rejects.toMatchObject({
      code: 'schedule.members-unavailable',
    });
    await expect(
      scheduling.move(study.slug, s2.id, { noteModeratorId: s2.leadModeratorId }, actor, 'nl'),
    ).rejects.toMatchObject({ code: 'schedule.same-moderator' });
  });

  it('a reschedule sends updates with the same UID and a higher SEQUENCE, and asks for a new confirmation', async () => {
    const before = await sessionOf(g1.group.id);
    const target = slots.find((s) => s.id !== before.slotId && s.id !== slots[1].id)!;
    await scheduling.move(study.slug, before.id, { slotId: target.id }, actor, 'nl');
    const after = await sessionOf(g1.group.id);
    expect(after).toMatchObject({ slotId: target.id, sequence: 2 });
    expect(after.startsAt.toISOString()).toBe(target.startsAt.toISOString());
    expect(await audits('schedule.session_move')).toHaveLength(1);
    expect(await status(g1.members[0].id)).toBe('invited');

    const mails = await deliver();
    const live = [g1.members[0], g1.members[2], g1.reserves[0]];
    for (const r of live) {
      const mail = mails.find((m) => m.recipients.includes(r.email!))!;
      expect(mail.parsed.subject).toMatch(r.id === g1.members[2].id ? /^Changed: / : /^Gewijzigd: /);
      const { event, method } = calendarOf(mail.parsed);
      expect(method).toBe('REQUEST');
      expect(event.uid).toBe(`session-${g1.group.id}-r${r.id}@kwadrant`);
      expect(Number(event.sequence)).toBe(2);
      expect(event.start.toISOString()).toBe(target.startsAt.toISOString());
    }
    expect(mails.filter((m) => m.recipients.includes(g1.members[1].email!))).toHaveLength(0);
    expect(mails).toHaveLength(live.length + 2);
    // The old links stop working; the new ones work.
    const fresh = mails.find((m) => m.recipients.includes(g1.members[0].email!))!;
    await expect(
      responses.confirm(
        tokenIn(smtp.received.find((m) => m.recipients.includes(g1.members[2].email!))!.parsed.text!, 'confirm'),
      ),
    ).rejects.toMatchObject({ code: 'invitation.link_invalid' });
    expect((await responses.confirm(tokenIn(fresh.parsed.text!, 'confirm'))).alreadyConfirmed).toBe(false);
  });

  it('a cancellation sends METHOD:CANCEL with a higher SEQUENCE and frees the group for a new run', async () => {
    const session = await sessionOf(g1.group.id);
    await scheduling.cancel(study.slug, session.id, actor);
    expect(await sessionOf(g1.group.id)).toMatchObject({ status: 'cancelled', sequence: 3 });
    const mails = await deliver();
    expect(mails).toHaveLength(5);
    for (const mail of mails) {
      const { event, method } = calendarOf(mail.parsed);
      expect(method).toBe('CANCEL');
      expect(Number(event.sequence)).toBe(3);
      expect(event.uid).toMatch(new RegExp(`^session-${g1.group.id}-[rm]\\d+@kwadrant$`));
    }
    expect(await status(g1.members[0].id)).toBe('grouped');
    const lastLink = smtp.received
      .filter((m) => m.recipients.includes(g1.members[2].email!) && /\/c\//.test(m.parsed.text!))
      .at(-1)!;
    const link = tokenIn(lastLink.parsed.text!, 'confirm');
    await expect(responses.confirm(link)).rejects.toMatchObject({ code: 'invitation.cancelled' });
    const rerun = await scheduling.run(study.slug, {}, actor, 'nl');
    expect(rerun.placed.map((p) => p.groupId)).toEqual([g1.group.id]);
    expect(await sessionOf(g1.group.id)).toMatchObject({ status: 'scheduled', sequence: 4, invitedAt: null });
  });

  it('gives a moderator a private feed of their sessions, by a token stored only as a hash', async () => {
    const session = await sessionOf(g1.group.id);
    const lead = mods.find((m) => m.id === session.leadModeratorId)!;
    const user: AuthUser = { id: lead.id, email: lead.email, name: 'x', role: 'researcher', organisationId: null };
    const moderators = t.app.get(ModeratorsService);
    const { url } = await moderators.renewFeed(user);
    const token = /\/ical\/([A-Za-z0-9_-]+)\.ics$/.exec(url)![1];
    const parsed = ical.sync.parseICS(await moderators.feed(token));
    const event = parsed[`session-${g1.group.id}-m${lead.id}@kwadrant`] as ical.VEvent;
    expect(event.start.toISOString()).toBe(session.startsAt.toISOString());
    const { url: second } = await moderators.renewFeed(user);
    expect(second).not.toBe(url);
    await expect(moderators.feed(token)).rejects.toMatchObject({ code: 'moderator.feed_invalid' });
    const raw = await t.dataSource.query('SELECT token_hash FROM moderator_feed');
    expect(JSON.stringify(raw)).not.toContain(/\/ical\/([A-Za-z0-9_-]+)\.ics$/.exec(second)![1]);
  });
});
