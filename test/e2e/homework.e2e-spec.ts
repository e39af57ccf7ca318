import { AuditEvent } from '../../src/audit/audit-event.entity';
import { formatDate } from '../../src/common/format';
import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { HomeworkService } from '../../src/homework/homework.service';
import { InvitationsService } from '../../src/scheduling/invitations.service';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { pdfPageTexts } from '../../src/overviews/exporters/read-back.fixture';
import { Respondent } from '../../src/respondents/respondent.entity';
import { StudyOrganisation } from '../../src/studies/study-organisation.entity';
import { createUser } from '../support/factories';
import { createScheduledGroup, credentialsOf, HomeworkFixture } from '../support/homework-factories';
import { anonymousAgent, bytes, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';

const COMPLETE = {
  firstName: 'Ans',
  contactMoments: 'Ik heb mijn rekening online aangepast.',
  contactMomentsRating: 'positief',
  contactMomentsExplanation: 'Het ging snel.',
  channels: ['website'],
  afterwardsHad: 'no',
};

let ipCounter = 10;
/** Each test its own client address, so the code throttle of one test never touches another. */
const freshIp = () => `10.0.0.${ipCounter++}`;

describe('homework over HTTP', () => {
  let t: TestApp;
  let fx: HomeworkFixture;
  let researcher: Awaited<ReturnType<typeof loginAgent>>;

  beforeAll(async () => {
    // Behind a proxy on this machine: each test's client address comes from X-Forwarded-For.
    t = await createTestApp({ trustProxy: ['loopback'] });
    fx = await createScheduledGroup(t.dataSource, { members: 3 });
    researcher = await loginAgent(t.app, fx.lead.email, fx.lead.password);
    const sent = await researcher.agent
      .post(`/api/studies/${fx.study.slug}/homework/groups/${fx.group.id}/send`)
      .set('x-csrf-token', researcher.csrf)
      .expect(200);
    expect(sent.body).toEqual({ created: 3, letters: 3, withoutEmail: [], notInvited: [] });
  });
  afterAll(() => t?.close());

  it('sends each member one personal letter through the outbox, and sending again adds none', async () => {
    const letters = await t.dataSource.getRepository(OutboxMessage).findBy({ kind: 'homework-letter' });
    expect(letters).toHaveLength(3);
    const { token, code, assignment } = await credentialsOf(t, fx.members[0].id);
    const letter = letters.find((l) => l.toAddress === fx.members[0].email)!;
    expect(letter.subject).toContain('Uw huiswerkopdracht');
    for (const part of [
      `Beste ${fx.members[0].firstName},`,
      fx.organisationName,
      `/h/${token}`,
      `${code.slice(0, 4)}-${code.slice(4)}`,
      '030 111 22 33',
      'Karin de Vries',
      '088 123 45 67',
      'U kunt ook mailen naar k.devries@example.org.',
      'Postbus 85029',
      'Wat doen we met uw gegevens?',
      'Wilt u de vragen uiterlijk',
    ]) {
      expect(letter.textBody).toContain(part);
      expect(letter.htmlBody).toContain(part);
    }
    // The deadline is the study's lead time (7 days) before the session, at the end of that day.
    expect(assignment.deadline.getTime()).toBeLessThan(fx.session.startsAt.getTime() - 6 * 86_400_000);
    expect(assignment.deadline.getTime()).toBeGreaterThan(fx.session.startsAt.getTime() - 8 * 86_400_000);
    expect(assignment.tokenHash).not.toContain(token);
    await researcher.agent
      .post(`/api/studies/${fx.study.slug}/homework/groups/${fx.group.id}/send`)
      .set('x-csrf-token', researcher.csrf)
      .expect(200, { created: 0, letters: 0, withoutEmail: [], notInvited: [] });
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ kind: 'homework-letter' })).toBe(3);
  });

  it('sends homework only to members who were invited: a group nobody was invited to is refused, others are named', async () => {
    const uninvited = await createScheduledGroup(t.dataSource, { members: 2, memberOverrides: { status: 'grouped' } });
    const url = `/api/studies/${uninvited.study.slug}/homework/groups/${uninvited.group.id}/send`;
    // The page offers no send button for a group nobody was invited to, and says why.
    const page = (await researcher.agent.get(`/studies/${uninvited.study.slug}/homework?lang=nl`).expect(200)).text;
    expect(page).toContain('Huiswerk gaat alleen naar wie is uitgenodigd.');
    expect(page).not.toContain(`/homework/groups/${uninvited.group.id}/send`);
    const refused = await researcher.agent.post(url).set('x-csrf-token', researcher.csrf).expect(409);
    expect(refused.body).toMatchObject({
      code: 'homework.not_invited',
      message: expect.stringContaining('Verstuur eerst de uitnodigingen'),
      details: { notInvited: uninvited.members.map((m) => m.id) },
    });
    expect(await t.dataSource.getRepository(HomeworkAssignment).countBy({ groupId: uninvited.group.id })).toBe(0);
    await t.dataSource.getRepository(Respondent).update(uninvited.members[0].id, { status: 'invited' });
    const sent = await researcher.agent.post(url).set('x-csrf-token', researcher.csrf).expect(200);
    expect(sent.body).toEqual({ created: 1, letters: 1, withoutEmail: [], notInvited: [uninvited.members[1].id] });
    expect(
      (await t.dataSource.getRepository(HomeworkAssignment).findBy({ groupId: uninvited.group.id })).map(
        (a) => a.respondentId,
      ),
    ).toEqual([uninvited.members[0].id]);
    expect((await researcher.agent.get(`/studies/${uninvited.study.slug}/homework`).expect(200)).text).not.toContain(
      `/homework/groups/${uninvited.group.id}/send`,
    );
  });

  it('saves drafts with a revision; a stale revision gets 409 and nothing is overwritten', async () => {
    const { token } = await credentialsOf(t, fx.members[0].id);
    const api = anonymousAgent(t.app);
    const start = await api.get(`/api/homework/${token}`).expect(200);
    expect(start.body).toMatchObject({ revision: 0, data: {}, status: 'not-started', canEdit: true });
    expect(start.body.definition.pages.length).toBe(6);
    await api
      .put(`/api/homework/${token}/draft`)
      .send({ revision: 0, data: { firstName: 'Ans' }, currentPage: 'goalStep' })
      .expect(200);
    const stale = await api
      .put(`/api/homework/${token}/draft`)
      .send({ revision: 0, data: { firstName: 'Tab twee' } })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'homework.stale_revision', details: { revision: 1 } });
    const after = await api.get(`/api/homework/${token}`).expect(200);
    expect(after.body).toMatchObject({
      revision: 1,
      data: { firstName: 'Ans' },
      currentPage: 'goalStep',
      status: 'draft',
    });
  });

  it('refuses drafts with unknown questions, values outside the choices or overlong text', async () => {
    const { token } = await credentialsOf(t, fx.members[0].id);
    const api = anonymousAgent(t.app);
    const { body } = await api.get(`/api/homework/${token}`).expect(200);
    const bad = await api
      .put(`/api/homework/${token}/draft`)
      .send({ revision: body.revision, data: { secret: 1, goalRating: 'super', goal: 'x'.repeat(2001) } })
      .expect(400);
    expect(bad.body.code).toBe('homework.draft_invalid');
    expect(Object.keys(bad.body.details).sort()).toEqual(['goal', 'goalRating', 'secret']);
    await api.put(`/api/homework/${token}/draft`).send({ revision: 'x', data: [] }).expect(400);
  });

  it('validates the submission in full on the server, then shows it and still accepts changes before the deadline', async () => {
    const { token } = await credentialsOf(t, fx.members[1].id);
    const api = anonymousAgent(t.app);
    const missing = await api
      .post(`/api/homework/${token}/submit`)
      .send({ revision: 0, data: { firstName: 'Bert' } })
      .expect(400);
    expect(missing.body.code).toBe('homework.answers_invalid');
    expect(Object.keys(missing.body.details)).toContain('contactMoments');
    const sent = await api
      .post(`/api/homework/${token}/submit`)
      .send({ revision: 0, data: { ...COMPLETE, firstName: 'Bert' } })
      .expect(200);
    expect(sent.body).toMatchObject({ revision: 1, late: false });
    const state = await api.get(`/api/homework/${token}`).expect(200);
    expect(state.body).toMatchObject({
      status: 'submitted',
      canEdit: true,
      data: { firstName: 'Bert' },
      unsentChanges: false,
    });
    await api
      .put(`/api/homework/${token}/draft`)
      .send({ revision: 1, data: { ...COMPLETE, firstName: 'Bert B.' } })
      .expect(200);
    // Reopened now, the page goes on editing and says the change is not sent yet.
    expect((await api.get(`/api/homework/${token}`).expect(200)).body).toMatchObject({
      status: 'submitted',
      unsentChanges: true,
      data: { firstName: 'Bert B.' },
    });
    expect((await api.get(`/h/${token}`).expect(200)).text).toMatch(/"unsentChanges":\s*true/);
    await api
      .post(`/api/homework/${token}/submit`)
      .send({ revision: 2, data: { ...COMPLETE, firstName: 'Bert B.' } })
      .expect(200);
    expect((await api.get(`/api/homework/${token}`).expect(200)).body.unsentChanges).toBe(false);
    const row = await t.dataSource
      .getRepository(HomeworkAssignment)
      .findOneByOrFail({ respondentId: fx.members[1].id });
    expect(row.submitted).toMatchObject({ firstName: 'Bert B.' });
  });

  it('accepts a late first submission and flags it; after the deadline a sent homework is final', async () => {
    const late = await createScheduledGroup(t.dataSource, { members: 1, daysAhead: 3 });
    await t.app.get(HomeworkService).sendForGroup(late.study.slug, late.group.id, null);
    const { token } = await credentialsOf(t, late.members[0].id);
    const api = anonymousAgent(t.app);
    const sent = await api.post(`/api/homework/${token}/submit`).send({ revision: 0, data: COMPLETE }).expect(200);
    expect(sent.body.late).toBe(true);
    const state = await api.get(`/api/homework/${token}`).expect(200);
    expect(state.body).toMatchObject({ status: 'late', late: true, canEdit: false });
    const refused = await api.put(`/api/homework/${token}/draft`).send({ revision: 1, data: COMPLETE }).expect(409);
    expect(refused.body.code).toBe('homework.deadline_passed');
  });

  it('tells a member who joins after the deadline to answer before the session, not by a date already past', async () => {
    const late = await createScheduledGroup(t.dataSource, { members: 1, daysAhead: 3 });
    await t.app.get(HomeworkService).sendForGroup(late.study.slug, late.group.id, null);
    const letter = await t.dataSource
      .getRepository(OutboxMessage)
      .findOneByOrFail({ kind: 'homework-letter', toAddress: late.members[0].email! });
    const { token } = await credentialsOf(t, late.members[0].id);
    const sessionDay = formatDate(late.session.startsAt, 'nl');
    for (const body of [letter.textBody, letter.htmlBody]) {
      expect(body).toContain('Wilt u de vragen beantwoorden vóór het gesprek op');
      expect(body).toContain(sessionDay);
      expect(body).not.toContain('uiterlijk');
    }
    const page = await anonymousAgent(t.app).get(`/h/${token}`).expect(200);
    expect(page.text).toContain('Graag vóór het gesprek op');
    expect(page.text).not.toContain('Graag uiterlijk');
    const print = await anonymousAgent(t.app).get(`/h/${token}/print`).expect(200);
    expect(print.text).toContain('Graag vóór het gesprek op');
    expect(print.text).not.toContain('uiterlijk');
    // The invitation, sent as late, says the same rather than "Graag uiterlijk" and a day already past.
    await t.app.get(InvitationsService).sendForGroup(late.study.slug, late.group.id, null);
    const invitation = await t.dataSource
      .getRepository(OutboxMessage)
      .findOneByOrFail({ kind: 'invitation', toAddress: late.members[0].email! });
    for (const body of [invitation.textBody, invitation.htmlBody]) {
      expect(body).toContain(`Graag vóór het gesprek op ${sessionDay}.`);
      expect(body).not.toContain('uiterlijk');
    }
  });

  it('keeps naming the organisation on the form after it stops being a partner of the study', async () => {
    const f = await createScheduledGroup(t.dataSource, { members: 1 });
    await t.app.get(HomeworkService).sendForGroup(f.study.slug, f.group.id, null);
    const { token } = await credentialsOf(t, f.members[0].id);
    const lead = await loginAgent(t.app, f.lead.email, f.lead.password);
    const link = await t.dataSource
      .getRepository(StudyOrganisation)
      .findOneByOrFail({ studyId: f.study.id, organisationId: f.members[0].organisationId! });
    await lead.agent
      .delete(`/api/studies/${f.study.slug}/organisations/${link.id}`)
      .set('x-csrf-token', lead.csrf)
      .expect(204);
    const page = await anonymousAgent(t.app).get(`/h/${token}`).expect(200);
    expect(page.text).toContain(`Huiswerkopdracht over ${f.organisationName}`);
    const print = await anonymousAgent(t.app).get(`/h/${token}/print`).expect(200);
    expect(print.text).toContain(`ervaringen met ${f.organisationName}`);
    // The moderators' preparation view, too, still says whose customers the group are.
    const prep = await lead.agent.get(`/api/studies/${f.study.slug}/homework/groups/${f.group.id}/prep`).expect(200);
    expect(prep.body.group.organisation).toBe(f.organisationName);
    const status = await lead.agent.get(`/api/studies/${f.study.slug}/homework`).expect(200);
    expect(status.body.groups[0].organisation).toBe(f.organisationName);
  });

  it('opens with the short code typed at /h, in any case, with or without the dash', async () => {
    const { code, token } = await credentialsOf(t, fx.members[2].id);
    const ip = freshIp();
    const page = anonymousAgent(t.app);
    const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
    const res = await page.post('/h').set('X-Forwarded-For', ip).type('form').send({ code: typed }).expect(303);
    expect(res.headers.location).toBe(`/h/${code}`);
    const viaCode = await page
      .get(`/api/homework/${code.slice(0, 4)}-${code.slice(4)}`)
      .set('X-Forwarded-For', ip)
      .expect(200);
    const viaToken = await page.get(`/api/homework/${token}`).expect(200);
    expect(viaCode.body.revision).toBe(viaToken.body.revision);
    const html = await page.get(`/h/${code}`).set('X-Forwarded-For', ip).expect(200);
    expect(html.text).toContain('homework-form.js');
  });

  it('throttles guessing codes: ten failures per IP in a quarter of an hour, then 429 with a kind message, even for the right code', async () => {
    const { code } = await credentialsOf(t, fx.members[2].id);
    const ip = freshIp();
    const page = anonymousAgent(t.app);
    for (let i = 0; i < 10; i++) {
      const wrong = await page
        .post('/h')
        .set('X-Forwarded-For', ip)
        .type('form')
        .send({ code: `ZZZZ-ZZZ${'23456789AB'[i]}` });
      expect(wrong.status).toBe(404);
      expect(wrong.text).toContain('Deze code kennen we niet');
    }
    const blocked = await page.post('/h').set('X-Forwarded-For', ip).type('form').send({ code }).expect(429);
    expect(blocked.text).toContain('over een kwartier');
    // Until the quarter of an hour the failures were counted in is over.
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(900);
    const api = await page.get(`/api/homework/${code}`).set('X-Forwarded-For', ip).expect(429);
    expect(api.body.code).toBe('homework.code_throttled');
    expect(Number(api.headers['retry-after'])).toBeLessThanOrEqual(Number(blocked.headers['retry-after']));
    // Another address is not affected, and the long link never is.
    await page.get(`/api/homework/${code}`).set('X-Forwarded-For', freshIp()).expect(200);
    await page.post('/h').set('X-Forwarded-For', freshIp()).type('form').send({ code: 'abc' }).expect(400);
  });

  it('stops the link with 410 and the helpline when the respondent is erased or the study closed', async () => {
    const gone = await createScheduledGroup(t.dataSource, { members: 2 });
    await t.app.get(HomeworkService).sendForGroup(gone.study.slug, gone.group.id, null);
    const erased = await credentialsOf(t, gone.members[0].id);
    const other = await credentialsOf(t, gone.members[1].id);
    await researcher.agent
      .post(`/api/studies/${gone.study.slug}/respondents/${gone.members[0].id}/erase`)
      .set('x-csrf-token', researcher.csrf)
      .expect(200);
    const api = anonymousAgent(t.app);
    const res = await api.get(`/api/homework/${erased.token}`).expect(410);
    expect(res.body.details.helpPhone).toBe('030 111 22 33');
    const page = await api.get(`/h/${erased.token}`).set('Accept', 'text/html').expect(410);
    expect(page.text).toContain('Deze link werkt niet meer');
    expect(page.text).toContain('030 111 22 33');
    await api.put(`/api/homework/${erased.token}/draft`).send({ revision: 0, data: {} }).expect(410);
    await api.get(`/api/homework/${other.token}`).expect(200);
    await researcher.agent
      .patch(`/api/studies/${gone.study.slug}`)
      .set('x-csrf-token', researcher.csrf)
      .send({ status: 'closed' })
      .expect(200);
    await api.get(`/api/homework/${other.token}`).expect(410);
    await api.get(`/h/${other.token}/print`).expect(410);
    await api.put(`/api/homework/${other.token}/draft`).send({ revision: 0, data: {} }).expect(410);
  });

  it('shows no other respondent’s homework: unknown links are 404 and each link shows only its own answers', async () => {
    const api = anonymousAgent(t.app);
    await api.get('/api/homework/not-a-real-token-at-all').expect(404);
    const page = await api.get('/h/not-a-real-token-at-all').set('Accept', 'text/html').expect(404);
    expect(page.text).toContain('Deze link of code kennen we niet');
    const a = await credentialsOf(t, fx.members[0].id);
    const b = await credentialsOf(t, fx.members[1].id);
    expect((await api.get(`/api/homework/${a.token}`)).body.data.firstName).toBe('Ans');
    expect((await api.get(`/api/homework/${b.token}`)).body.data.firstName).toBe('Bert B.');
  });

  it('gives the letter and the whole form as a printable page and a PDF, to the respondent and the researcher', async () => {
    const { token, code, assignment } = await credentialsOf(t, fx.members[0].id);
    const api = anonymousAgent(t.app);
    const html = await api.get(`/h/${token}/print`).expect(200);
    for (const part of [
      'Uw huiswerkopdracht',
      `${code.slice(0, 4)}-${code.slice(4)}`,
      'Postbus 85029',
      'Leg kort uit',
      'Wat was het doel van uw contact?',
    ])
      expect(html.text).toContain(part);
    const pdf = await api.get(`/h/${token}/pdf`).buffer(true).parse(bytes).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfPageTexts(pdf.body as Buffer)).join('\n');
    for (const part of [
      'Postbus 85029',
      `${code.slice(0, 4)}-${code.slice(4)}`,
      'Leg kort uit',
      'Positief',
      'Neutraal',
      'Negatief',
    ])
      expect(text).toContain(part);
    const staff = await researcher.agent
      .get(`/studies/${fx.study.slug}/homework/assignments/${assignment.id}/pdf`)
      .buffer(true)
      .parse(bytes)
      .expect(200);
    expect((staff.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    await anonymousAgent(t.app)
      .get(`/studies/${fx.study.slug}/homework/assignments/${assignment.id}/pdf`)
      .expect((r) => expect([302, 303, 401]).toContain(r.status));
  });

  it('crosses every chosen box on the print page, several where more may be chosen; the respondent prints their newest answers, the researcher what was sent', async () => {
    const { token, assignment } = await credentialsOf(t, fx.members[1].id);
    const api = anonymousAgent(t.app);
    let { revision } = (await api.get(`/api/homework/${token}`).expect(200)).body;
    ({ revision } = (
      await api.post(`/api/homework/${token}/submit`).send({ revision, data: COMPLETE }).expect(200)
    ).body);
    await api
      .put(`/api/homework/${token}/draft`)
      .send({ revision, data: { ...COMPLETE, channels: ['website', 'telefoon'] } })
      .expect(200);
    const box = (html: string, label: string) =>
      new RegExp(`<span class="homework-paper__box" aria-hidden="true">(✕?)</span> ${label}</li>`).exec(html)?.[1];
    const face = (name: string, label: string) =>
      `<img class="homework-face" src="/assets/img/faces/${name}.svg" alt="" width="28" height="28"> ${label}`;
    const own = (await api.get(`/h/${token}/print`).expect(200)).text;
    expect([box(own, 'Website'), box(own, 'Telefoon'), box(own, 'E-mail')]).toEqual(['✕', '✕', '']);
    expect([box(own, face('positief', 'Positief')), box(own, face('neutraal', 'Neutraal'))]).toEqual(['✕', '']);
    expect(own).not.toMatch(/🙂|😐|🙁/u);
    const sent = (
      await researcher.agent.get(`/studies/${fx.study.slug}/homework/assignments/${assignment.id}/print`).expect(200)
    ).text;
    expect([box(sent, 'Website'), box(sent, 'Telefoon')]).toEqual(['✕', '']);
  });

  it('lets a researcher type in a paper homework, marked as such and audited', async () => {
    const { assignment } = await credentialsOf(t, fx.members[2].id);
    const res = await researcher.agent
      .post(`/api/studies/${fx.study.slug}/homework/assignments/${assignment.id}/paper`)
      .set('x-csrf-token', researcher.csrf)
      .send({ data: { ...COMPLETE, firstName: 'Cor' } })
      .expect(200);
    expect(res.body).toMatchObject({ enteredFromPaper: true, paperEnteredBy: fx.lead.email });
    const audit = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ action: 'homework.paper_entry' });
    expect(audit).toMatchObject({ actorEmail: fx.lead.email, subjectId: String(fx.members[2].id) });
    await researcher.agent
      .post(`/api/studies/${fx.study.slug}/homework/assignments/${assignment.id}/paper`)
      .set('x-csrf-token', researcher.csrf)
      .send({ data: { firstName: 'Cor' } })
      .expect(400);
  });

  it('shows the status per group and the preparation view to the group’s moderators and admins only', async () => {
    const status = await researcher.agent.get(`/api/studies/${fx.study.slug}/homework`).expect(200);
    const group = status.body.groups.find((g: { groupId: number }) => g.groupId === fx.group.id);
    expect(group.members.map((m: { status: string }) => m.status)).toEqual(['draft', 'submitted', 'paper']);
    const statusPage = await researcher.agent.get(`/studies/${fx.study.slug}/homework`).expect(200);
    for (const part of ['Huiswerk per groep', 'Bezig', 'Verstuurd', 'Op papier', 'Voorbereiding bekijken'])
      expect(statusPage.text).toContain(part);
    const prep = await researcher.agent
      .get(`/api/studies/${fx.study.slug}/homework/groups/${fx.group.id}/prep`)
      .expect(200);
    expect(prep.body.members.map((m: { name: string }) => m.name)).toEqual(['Ans', 'Bert', 'Cor']);
    const ratingRow = prep.body.pages[1].rows.find((r: { isRating: boolean }) => r.isRating);
    expect(ratingRow.cells[1]).toEqual({ text: 'Positief', rating: 'positief' });
    expect(prep.body.guide[0]).toMatchObject({ title: 'Introductie', minutes: 5 });
    const page = await researcher.agent.get(`/studies/${fx.study.slug}/homework/groups/${fx.group.id}`).expect(200);
    expect(page.text).toContain('Gespreksgids');
    expect(page.text).toContain('Het ging snel.');
    expect(page.text).toContain(
      '<img class="homework-face" src="/assets/img/faces/positief.svg" alt="" width="28" height="28"> Positief',
    );

    const outsider = await createUser(t.dataSource, { role: 'researcher' });
    const other = await loginAgent(t.app, outsider.email, outsider.password);
    const refused = await other.agent
      .get(`/api/studies/${fx.study.slug}/homework/groups/${fx.group.id}/prep`)
      .expect(403);
    expect(refused.body.message).toContain('moderatoren');
    const admin = await createUser(t.dataSource, { role: 'admin' });
    const asAdmin = await loginAgent(t.app, admin.email, admin.password);
    await asAdmin.agent.get(`/api/studies/${fx.study.slug}/homework/groups/${fx.group.id}/prep`).expect(200);
    await anonymousAgent(t.app).get(`/api/studies/${fx.study.slug}/homework`).expect(401);
  });

  it('sends one reminder per unsent assignment, the configured days before the deadline', async () => {
    const soon = await createScheduledGroup(t.dataSource, { members: 2, daysAhead: 9 });
    const service = t.app.get(HomeworkService);
    await service.sendForGroup(soon.study.slug, soon.group.id, null);
    const done = await credentialsOf(t, soon.members[1].id);
    await anonymousAgent(t.app)
      .post(`/api/homework/${done.token}/submit`)
      .send({ revision: 0, data: COMPLETE })
      .expect(200);
    // Deadline in about two days: not yet with one reminder day, due with the default of three.
    await researcher.agent
      .put(`/api/studies/${soon.study.slug}/homework/settings`)
      .set('x-csrf-token', researcher.csrf)
      .send({ reminderDays: 1 })
      .expect(200);
    expect(await service.sendReminders({ slug: soon.study.slug })).toMatchObject({ sent: 0 });
    await researcher.agent
      .put(`/api/studies/${soon.study.slug}/homework/settings`)
      .set('x-csrf-token', researcher.csrf)
      .send({ reminderDays: null })
      .expect(200, { reminderDays: null, defaultReminderDays: 3 });
    expect(await service.sendReminders({ slug: soon.study.slug })).toMatchObject({ sent: 1 });
    expect(await service.sendReminders({ slug: soon.study.slug })).toMatchObject({ sent: 0 });
    const reminders = await t.dataSource
      .getRepository(OutboxMessage)
      .findBy({ kind: 'homework-reminder', studyId: soon.study.id });
    expect(reminders.map((r) => r.toAddress)).toEqual([soon.members[0].email]);
    const { token } = await credentialsOf(t, soon.members[0].id);
    expect(reminders[0].textBody).toContain(`/h/${token}`);
  });
});
