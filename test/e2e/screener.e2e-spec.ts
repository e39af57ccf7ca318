import { DataSource } from 'typeorm';
import { Respondent } from '../../src/respondents/respondent.entity';
import { ScreenerSubmission } from '../../src/respondents/screener-submission.entity';
import { SurveyDefinition } from '../../src/surveys/survey-definition.entity';
import { createStudy, createUser, StudyFixture } from '../support/factories';
import { anonymousAgent, Agent, loginAgent } from '../support/http';
import { screenerAnswers, screenerEnvelope } from '../support/respondents-factories';
import { createTestApp, TestApp } from '../support/test-app';

describe('screener page and intake API', () => {
  let t: TestApp;
  let fixture: StudyFixture;
  let anon: Agent;
  let version: number;
  const stored = async (ds: DataSource) => ({
    respondents: await ds.getRepository(Respondent).count(),
    submissions: await ds.getRepository(ScreenerSubmission).count(),
  });

  beforeAll(async () => {
    t = await createTestApp();
    fixture = await createStudy(
      t.dataSource,
      { slug: 'screen', title: 'Klantreis 2026', helpPhone: '030 111 22 33' },
      { organisations: ['RET', 'Vitens'] },
    );
    anon = anonymousAgent(t.app);
    const page = await anon.get('/s/screen').expect(200);
    version = JSON.parse(
      /<script type="application\/json" id="screener-data">(.*?)<\/script>/s.exec(page.text)![1],
    ).version;
  });
  afterAll(() => t.close());

  const post = (body: object) => anon.post('/api/studies/screen/screener').send(body);
  const answers = (overrides: Record<string, unknown> = {}) =>
    screenerAnswers(fixture.organisations[0].id, fixture.slots[0].id, overrides);

  it('renders the screener publicly, with the definition, the help number and the SurveyJS files', async () => {
    const page = await anon.get('/s/screen').expect(200);
    expect(page.text).toContain('Klantreis 2026');
    expect(page.text).toContain('030 111 22 33');
    expect(page.text).toContain('/assets/survey/i18n/dutch.min.js');
    expect(page.text).toContain('/assets/js/survey-screener.js');
    const data = JSON.parse(/id="screener-data">(.*?)<\/script>/s.exec(page.text)![1]);
    expect(data.endpoint).toBe('/api/studies/screen/screener');
    expect(JSON.stringify(data.definition)).toContain('RET');
    await anon.get('/assets/survey/survey.core.min.js').expect(200);
    await anon.get('/assets/survey-ui/survey-js-ui.min.js').expect(200);
  });

  it('stores the definition once per content and makes a new version when the slots change', async () => {
    const before = await t.dataSource.getRepository(SurveyDefinition).countBy({ studyId: fixture.study.id });
    await anon.get('/s/screen').expect(200);
    expect(await t.dataSource.getRepository(SurveyDefinition).countBy({ studyId: fixture.study.id })).toBe(before);
    const other = await createStudy(t.dataSource, { slug: 'screen-2' });
    await anon.get('/s/screen-2').expect(200);
    await t.dataSource.query(`DELETE FROM session_slot WHERE id = ${other.slots[1].id}`);
    await anon.get('/s/screen-2').expect(200);
    const versions = await t.dataSource
      .getRepository(SurveyDefinition)
      .find({ where: { studyId: other.study.id }, order: { version: 'ASC' } });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('stores an eligible respondent with normalised attributes, quadrant, availability and consent', async () => {
    const body = screenerEnvelope(version, answers());
    const res = await post(body).expect(200);
    expect(res.body).toMatchObject({ submissionId: body.submissionId, status: 'eligible', reason: null });
    expect(res.body.message).toMatch(/Bedankt/);
    const r = await t.dataSource.getRepository(Respondent).findOneByOrFail({ email: 'fatima@example.org' });
    expect(r).toMatchObject({
      studyId: fixture.study.id,
      organisationId: fixture.organisations[0].id,
      firstName: 'Fatima',
      gender: 'v',
      age: '67',
      ageMin: 67,
      ageMax: 67,
      education: 'mbo',
      digitalComfort: 'oncomfortabel',
      quadrant: 'zekerheidszoeker',
      quadrantSource: 'screener',
      availability: [fixture.slots[0].id],
      status: 'eligible',
      source: 'screener',
      consentVersion: '2026-12',
    });
    expect(r.consentedAt).toBeInstanceOf(Date);
    const submission = await t.dataSource
      .getRepository(ScreenerSubmission)
      .findOneByOrFail({ submissionId: body.submissionId });
    expect(submission).toMatchObject({ definitionVersion: version, respondentId: r.id, locale: 'nl' });
    expect(submission.answers).toMatchObject({ selection: 'zekerheidszoeker', consentVersion: '2026-12' });
  });

  it('returns the first result for a resubmission and stores nothing twice', async () => {
    const body = screenerEnvelope(version, answers({ email: 'twice@example.org' }));
    const before = await stored(t.dataSource);
    const [a, b] = await Promise.all([post(body), post(body)]);
    const c = await post({ ...body, locale: 'en' }).expect(200);
    expect(a.status).toBe(200);
    expect(b.body).toEqual(a.body);
    expect(c.body).toEqual(a.body);
    expect(await stored(t.dataSource)).toEqual({
      respondents: before.respondents + 1,
      submissions: before.submissions + 1,
    });
  });

  it('flags the same e-mail address twice in one study instead of counting it twice', async () => {
    await post(screenerEnvelope(version, answers({ email: 'Dubbel@example.org' }))).expect(200);
    const again = await post(
      screenerEnvelope(version, answers({ email: 'dubbel@EXAMPLE.org', selection: 'gemakzoeker' })),
    ).expect(200);
    // The same answer as a new sign-up: whether an address signed up before is for researchers only.
    const fresh = await post(
      screenerEnvelope(version, answers({ email: 'nieuw-adres@example.org', selection: 'gemakzoeker' })),
    ).expect(200);
    expect({ ...again.body, submissionId: null }).toEqual({ ...fresh.body, submissionId: null });
    expect(again.body).toMatchObject({ status: 'eligible', reason: null });
    expect(JSON.stringify(again.body)).not.toMatch(/al aangemeld|already signed up|duplicate/i);
    const both = await t.dataSource
      .getRepository(Respondent)
      .find({ where: { studyId: fixture.study.id }, order: { id: 'ASC' } });
    const pair = both.filter((r) => r.email?.toLowerCase() === 'dubbel@example.org');
    expect(pair.map((r) => r.status)).toEqual(['eligible', 'ineligible']);
    expect(pair[1].duplicateOfId).toBe(pair[0].id);
  });

  it('stores nothing personal of someone turned away: no name, address, phone or profile, in the respondent or the answers', async () => {
    const personal = { firstName: 'Gerrit', email: 'late@example.org', phone: '06 12345678' };
    const late = await post(
      screenerEnvelope(
        version,
        answers({ ...personal, contactWhen: 'longer-ago', selection: undefined, availability: undefined }),
      ),
    ).expect(200);
    expect(late.body).toMatchObject({ status: 'ineligible', reason: 'contact-too-long-ago' });
    expect(late.body.message).toMatch(/zes maanden/);
    // Only the knock-out answers are needed: the form never asks someone turned away who they are.
    const noneBody = screenerEnvelope(version, { consent: true, organisation: 'none' }, { locale: 'en' });
    const none = await post(noneBody).expect(200);
    expect(none.body).toMatchObject({ status: 'ineligible', reason: 'no-organisation' });
    expect(none.body.message).toMatch(/Thank you for your time/);

    const turnedAway = await t.dataSource
      .getRepository(Respondent)
      .find({ where: { studyId: fixture.study.id, status: 'ineligible' }, order: { id: 'ASC' } });
    const byReason = Object.fromEntries(
      turnedAway.filter((r) => r.statusReason !== 'duplicate-email').map((r) => [r.statusReason, r]),
    );
    expect(byReason['contact-too-long-ago']).toMatchObject({
      organisationId: fixture.organisations[0].id,
      quadrant: null,
      consentVersion: '2026-12',
    });
    expect(byReason['no-organisation']).toMatchObject({ organisationId: null, quadrant: null });
    for (const r of [byReason['contact-too-long-ago'], byReason['no-organisation']]) {
      expect(r).toMatchObject({
        firstName: null,
        email: null,
        phone: null,
        contactPreference: null,
        gender: null,
        age: null,
        education: null,
        digitalComfort: null,
      });
      const [submission] = await t.dataSource.getRepository(ScreenerSubmission).findBy({ respondentId: r.id });
      expect(Object.keys(submission.answers).sort()).toEqual(
        r.organisationId
          ? ['consent', 'consentVersion', 'contactWhen', 'organisation']
          : ['consent', 'consentVersion', 'organisation'],
      );
      expect(JSON.stringify(submission.answers)).not.toMatch(/Gerrit|late@example|12345678/);
    }
  });

  it('records "none of these moments" as an empty availability', async () => {
    await post(screenerEnvelope(version, answers({ email: 'nomoment@example.org', availability: ['none'] }))).expect(
      200,
    );
    const r = await t.dataSource.getRepository(Respondent).findOneByOrFail({ email: 'nomoment@example.org' });
    expect(r.availability).toEqual([]);
  });

  describe('refuses bad submissions with a clear message and stores nothing', () => {
    let before: { respondents: number; submissions: number };
    beforeEach(async () => (before = await stored(t.dataSource)));
    afterEach(async () => expect(await stored(t.dataSource)).toEqual(before));

    it('missing consent', async () => {
      const res = await post(screenerEnvelope(version, answers({ consent: undefined }))).expect(400);
      expect(res.body.code).toBe('screener.invalid_answers');
      // The question's title, never its internal name.
      expect(res.body.message).toContain('Gaat u hiermee akkoord? – ');
      expect(res.body.message).not.toContain('"consent"');
      expect(res.body.details.consent).toHaveLength(1);
    });

    it('consent refused, said in the language the respondent filled it in', async () => {
      const res = await post(screenerEnvelope(version, answers({ consent: false }))).expect(400);
      expect(res.body).toMatchObject({
        code: 'screener.invalid_answers',
        message: 'Verbeter de antwoorden: Gaat u hiermee akkoord? – U kunt alleen meedoen als u akkoord gaat.',
      });
      // Next to the question itself: the problem alone.
      expect(res.body.details.consent).toEqual(['U kunt alleen meedoen als u akkoord gaat.']);
      const english = await post(screenerEnvelope(version, answers({ consent: false }), { locale: 'en' })).expect(400);
      expect(english.body.message).toMatch(/only take part if you agree/);
    });

    it('an answer outside the choices', async () => {
      const res = await post(screenerEnvelope(version, answers({ education: 'kleuterschool' }))).expect(400);
      expect(res.body.details.education[0]).toMatch(/not one of its choices/);
    });

    it('an unknown field in the answers', async () => {
      const res = await post(screenerEnvelope(version, answers({ shoeSize: 44 }))).expect(400);
      expect(res.body.details.shoeSize[0]).toMatch(/not a question of this survey/);
    });

    it('an unknown field in the envelope', async () => {
      const res = await post(screenerEnvelope(version, answers(), { extra: 1 })).expect(400);
      expect(res.body.details.extra).toBeDefined();
    });

    it('a wrong type and an overlong text', async () => {
      const res = await post(
        screenerEnvelope(version, answers({ age: 'zeventig', firstName: 'x'.repeat(201) })),
      ).expect(400);
      expect(Object.keys(res.body.details).sort()).toEqual(['age', 'firstName']);
    });

    it('an unknown definition version or a missing submission id', async () => {
      const res = await post(screenerEnvelope(999, answers())).expect(400);
      expect(res.body).toMatchObject({
        code: 'screener.unknown_version',
        message: expect.stringMatching(/Laad de pagina opnieuw/),
      });
      const noId = await post({ definitionVersion: version, locale: 'nl', answers: answers() }).expect(400);
      expect(noId.body.details.submissionId).toBeDefined();
    });

    it("a study that no longer takes sign-ups: 404 like an unknown one, in the respondent's language", async () => {
      const closed = await createStudy(t.dataSource, { slug: 'screen-closed' }, { organisations: ['RET'] });
      const page = await anon.get('/s/screen-closed').expect(200);
      const closedVersion = JSON.parse(/id="screener-data">(.*?)<\/script>/s.exec(page.text)![1]).version;
      await t.dataSource.query(`UPDATE study SET status = 'closed' WHERE id = ${closed.study.id}`);
      const envelope = screenerEnvelope(
        closedVersion,
        screenerAnswers(closed.organisations[0].id, closed.slots[0].id, { email: 'late@example.org' }),
      );
      const res = await anon.post('/api/studies/screen-closed/screener').send(envelope).expect(404);
      expect(res.body).toMatchObject({
        code: 'screener.not_open',
        message: expect.stringMatching(/^Via deze link kunt u zich niet \(meer\) aanmelden/),
      });
      const english = await anon
        .post('/api/studies/screen-closed/screener')
        .send({ ...envelope, locale: 'en' })
        .expect(404);
      expect(english.body.message).toMatch(/^You cannot sign up through this link/);
      expect((await anon.post('/api/studies/no-such-study/screener').send(envelope).expect(404)).body).toEqual(
        res.body,
      );
    });

    it('an oversized payload', async () => {
      const big = await post(screenerEnvelope(version, answers({ firstName: 'x'.repeat(300_000) }))).expect(413);
      expect(big.body.message).toMatch(/te groot/);
      const large = await post(screenerEnvelope(version, answers({ firstName: 'x'.repeat(30_000) }))).expect(413);
      expect(large.body).toMatchObject({
        code: 'screener.too_large',
        message: expect.stringMatching(/groter dan 20 kB/),
      });
    });
  });

  it('lets a researcher put a custom definition, which becomes the next version', async () => {
    const u = await createUser(t.dataSource, { role: 'researcher' });
    const { agent, csrf } = await loginAgent(t.app, u.email, u.password);
    const current = await agent.get('/api/studies/screen/surveys/screener').expect(200);
    const custom = { ...current.body.definition, title: { default: 'Aangepast', en: 'Custom' } };
    const put = await agent
      .put('/api/studies/screen/surveys/screener')
      .set('x-csrf-token', csrf)
      .send({ definition: custom })
      .expect(200);
    expect(put.body).toMatchObject({ version: current.body.version + 1, origin: 'custom', createdBy: u.email });
    const page = await anon.get('/s/screen').expect(200);
    expect(page.text).toContain('Aangepast');
    const broken = await agent
      .put('/api/studies/screen/surveys/screener')
      .set('x-csrf-token', csrf)
      .send({ definition: { pages: [{ name: 'p', elements: [{ type: 'text', name: 'email' }] }] } })
      .expect(400);
    expect(broken.body.message).toMatch(/heeft de vragen consent/);
    await anon.put('/api/studies/screen/surveys/screener').send({ definition: custom }).expect(403);
  });

  it('refuses a custom homework definition rather than storing one the homework would never use', async () => {
    const u = await createUser(t.dataSource, { role: 'researcher' });
    const { agent, csrf } = await loginAgent(t.app, u.email, u.password);
    const refused = await agent
      .put('/api/studies/screen/surveys/homework')
      .set('x-csrf-token', csrf)
      .send({ definition: { pages: [{ name: 'p', elements: [{ type: 'comment', name: 'story' }] }] } })
      .expect(400);
    expect(refused.body).toMatchObject({
      code: 'survey.homework_fixed',
      message: expect.stringContaining('Bijlage 4'),
    });
    expect((await agent.get('/api/studies/screen/surveys/homework/versions').expect(200)).body).toEqual({
      items: [],
      total: 0,
      offset: 0,
      limit: 50,
    });
  });
});
