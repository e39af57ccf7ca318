import { AuditEvent } from '../../src/audit/audit-event.entity';
import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { pdfPageTexts } from '../../src/overviews/exporters/read-back.fixture';
import { createUser } from '../support/factories';
import { createScheduledGroup, credentialsOf, HomeworkFixture } from '../support/homework-factories';
import { anonymousAgent, bytes, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';

const HIDDEN_LINK = 'De persoonlijke link staat in de brief van de respondent. Alleen beheerders drukken hem af.';
const shown = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

describe('who reads homework, and every read of personal data audited (HTTP)', () => {
  let t: TestApp;
  let fx: HomeworkFixture;
  let lead: Awaited<ReturnType<typeof loginAgent>>;
  let outsider: Awaited<ReturnType<typeof loginAgent>>;
  let admin: Awaited<ReturnType<typeof loginAgent>>;
  let adminEmail: string;
  let outsiderEmail: string;
  let assignment: HomeworkAssignment;
  let token: string;
  let code: string;

  const base = () => `/studies/${fx.study.slug}/homework/assignments/${assignment.id}`;
  const events = (action: string) =>
    t.dataSource.getRepository(AuditEvent).find({ where: { action }, order: { id: 'ASC' } });

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createScheduledGroup(t.dataSource, { members: 2 });
    lead = await loginAgent(t.app, fx.lead.email, fx.lead.password);
    await lead.agent
      .post(`/api/studies/${fx.study.slug}/homework/groups/${fx.group.id}/send`)
      .set('x-csrf-token', lead.csrf)
      .expect(200);
    const other = await createUser(t.dataSource, { role: 'researcher' });
    outsiderEmail = other.email;
    outsider = await loginAgent(t.app, other.email, other.password);
    const boss = await createUser(t.dataSource, { role: 'admin' });
    adminEmail = boss.email;
    admin = await loginAgent(t.app, boss.email, boss.password);
    ({ assignment, token, code } = await credentialsOf(t, fx.members[0].id));
    await anonymousAgent(t.app)
      .post(`/api/homework/${token}/submit`)
      .send({
        revision: 0,
        data: {
          firstName: 'Ans',
          contactMoments: 'Ik belde over mijn aanslag.',
          contactMomentsRating: 'neutraal',
          channels: ['telefoon'],
          afterwardsHad: 'no',
        },
      })
      .expect(200);
  });
  afterAll(() => t?.close());

  it('refuses print, PDF and paper entry to a researcher who is not a moderator of the group, and changes nothing', async () => {
    for (const path of ['print', 'pdf', 'paper']) {
      const res = await outsider.agent.get(`${base()}/${path}`).set('accept', 'application/json').expect(403);
      expect(res.body.message).toContain('moderatoren');
    }
    const page = await outsider.agent.get(`${base()}/print`).set('accept', 'text/html').expect(403);
    expect(page.text).not.toContain('Ik belde over mijn aanslag.');
    const before = await t.dataSource.getRepository(HomeworkAssignment).findOneByOrFail({ id: assignment.id });
    await outsider.agent
      .post(`/api/studies/${fx.study.slug}/homework/assignments/${assignment.id}/paper`)
      .set('x-csrf-token', outsider.csrf)
      .send({ data: { firstName: 'Iemand anders' } })
      .expect(403);
    const after = await t.dataSource.getRepository(HomeworkAssignment).findOneByOrFail({ id: assignment.id });
    expect(after.submitted).toEqual(before.submitted);
    expect(after.enteredFromPaper).toBe(false);
    expect(await events('homework.print.read')).toEqual([]);
  });

  it('shows the status page’s print links and the preparation link only for groups the reader may open', async () => {
    const asOutsider = await outsider.agent.get(`/studies/${fx.study.slug}/homework`).expect(200);
    expect(asOutsider.text).not.toContain(`/homework/assignments/${assignment.id}/print`);
    expect(asOutsider.text).not.toContain(`/homework/groups/${fx.group.id}"`);
    const asLead = await lead.agent.get(`/studies/${fx.study.slug}/homework`).expect(200);
    expect(asLead.text).toContain(`/homework/assignments/${assignment.id}/print`);
    expect(asLead.text).toContain(`/homework/groups/${fx.group.id}"`);
  });

  it('prints the letter for a moderator without the working link and code, and audits the read', async () => {
    const html = (await lead.agent.get(`${base()}/print`).expect(200)).text;
    expect(html).toContain('Ik belde over mijn aanslag.');
    expect(html).toContain(HIDDEN_LINK);
    expect(html).not.toContain(token);
    expect(html).not.toContain(shown(code));
    const pdf = await lead.agent.get(`${base()}/pdf`).buffer(true).parse(bytes).expect(200);
    const text = (await pdfPageTexts(pdf.body as Buffer)).join('\n');
    expect(text).not.toContain(shown(code));
    expect(text).toContain('De code staat in de brief van de respondent.');
    const [print] = await events('homework.print.read');
    expect(print).toMatchObject({
      actorEmail: fx.lead.email,
      studyId: fx.study.id,
      subjectType: 'respondent',
      subjectId: String(fx.members[0].id),
      details: { assignmentId: assignment.id, withCredentials: false },
    });
    expect(print.occurredAt).toBeInstanceOf(Date);
    expect(await events('homework.pdf.read')).toMatchObject([
      { actorEmail: fx.lead.email, details: { withCredentials: false } },
    ]);
  });

  it('prints the working link and code for an admin, who posts letters, and audits that too', async () => {
    const html = (await admin.agent.get(`${base()}/print`).expect(200)).text;
    expect(html).toContain(`/h/${token}`);
    expect(html).toContain(shown(code));
    expect(html).not.toContain(HIDDEN_LINK);
    const prints = await events('homework.print.read');
    expect(prints[prints.length - 1]).toMatchObject({ actorEmail: adminEmail, details: { withCredentials: true } });
  });

  it('audits the preparation view and the paper entry form, by page and API', async () => {
    await lead.agent.get(`/studies/${fx.study.slug}/homework/groups/${fx.group.id}`).expect(200);
    await lead.agent.get(`/api/studies/${fx.study.slug}/homework/groups/${fx.group.id}/prep`).expect(200);
    const prep = await events('homework.prep.read');
    expect(prep).toHaveLength(2);
    expect(prep[0]).toMatchObject({
      actorEmail: fx.lead.email,
      subjectType: 'group',
      subjectId: String(fx.group.id),
      details: { respondentIds: fx.members.map((m) => m.id) },
    });
    await outsider.agent.get(`/api/studies/${fx.study.slug}/homework/groups/${fx.group.id}/prep`).expect(403);
    expect(await events('homework.prep.read')).toHaveLength(2);
    await lead.agent.get(`${base()}/paper`).expect(200);
    expect(await events('homework.paper.read')).toMatchObject([
      { actorEmail: fx.lead.email, subjectId: String(fx.members[0].id) },
    ]);
  });

  it('audits every read of the respondent pool, by page and API, with the filter, and shows the reads on /audit', async () => {
    await outsider.agent.get(`/studies/${fx.study.slug}/respondents`).expect(200);
    await outsider.agent.get(`/api/studies/${fx.study.slug}/respondents?quadrant=zekerheidszoeker`).expect(200);
    const reads = await events('respondents.read');
    expect(reads).toMatchObject([
      { actorEmail: outsiderEmail, studyId: fx.study.id, details: { via: 'page', respondents: 2 } },
      { actorEmail: outsiderEmail, details: { via: 'api', filter: { quadrant: 'zekerheidszoeker' }, respondents: 2 } },
    ]);
    const audit = await admin.agent.get('/audit').expect(200);
    for (const sentence of [
      `Respondenten van onderzoek ${fx.study.slug} ingezien (2 getoond)`,
      `Brief en huiswerk van respondent ${fx.members[0].id} geopend om af te drukken`,
      `Brief en huiswerk van respondent ${fx.members[0].id} als PDF gedownload`,
      `Voorbereiding van groep ${fx.group.id} ingezien (huiswerk van 2 respondenten)`,
    ]) {
      expect(audit.text).toContain(sentence);
    }
    expect(audit.text).toContain(outsiderEmail);
  });
});
