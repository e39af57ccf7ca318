import { readFileSync } from 'fs';
import { join } from 'path';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { Respondent } from '../../src/respondents/respondent.entity';
import { ScreenerSubmission } from '../../src/respondents/screener-submission.entity';
import { createRespondent, createStudy, createUser, StudyFixture } from '../support/factories';
import { Agent, anonymousAgent, loginAgent } from '../support/http';
import { screenerAnswers, screenerEnvelope } from '../support/respondents-factories';
import { createTestApp, TestApp } from '../support/test-app';

const FIXTURES = join(__dirname, '..', 'fixtures', 'import');

describe('respondent pool, override, erasure and import API', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;
  let fixture: StudyFixture;
  let researcherEmail: string;

  beforeAll(async () => {
    t = await createTestApp();
    const u = await createUser(t.dataSource, { role: 'researcher' });
    researcherEmail = u.email;
    ({ agent, csrf } = await loginAgent(t.app, u.email, u.password));
    fixture = await createStudy(
      t.dataSource,
      { slug: 'pool', groupsPerQuadrant: 2, groupTargetSize: 3, reservesPerGroup: 1 },
      { organisations: ['RET', 'Vitens', 'Belastingdienst', 'Gemeente Utrecht'] },
    );
  });
  afterAll(() => t.close());

  it('imports a Bijlage 5 file sent as the raw body, and refuses a file with errors as a whole', async () => {
    const dry = await agent
      .post('/api/studies/pool/respondents/import?dryRun=true&fileName=bijlage5.csv')
      .set('x-csrf-token', csrf)
      .set('content-type', 'text/csv')
      .send(readFileSync(join(FIXTURES, 'bijlage5-respondentenoverzicht.csv')))
      .expect(200);
    expect(dry.body).toMatchObject({ file: 'bijlage5.csv', dryRun: true, readable: 44, imported: 0 });
    expect(await t.dataSource.getRepository(Respondent).countBy({ studyId: fixture.study.id })).toBe(0);

    const refused = await agent
      .post('/api/studies/pool/respondents/import')
      .set('x-csrf-token', csrf)
      .attach('file', join(FIXTURES, 'errors-semicolon.csv'))
      .expect(400);
    expect(refused.body.code).toBe('import.rows_unreadable');
    expect(refused.body.message).toMatch(/niet gelezen worden, dus er is niets geïmporteerd/);
    expect(refused.body.details.errors[0]).toMatchObject({ line: 3, column: 'Geslacht', value: 'q' });
    expect(await t.dataSource.getRepository(Respondent).countBy({ studyId: fixture.study.id })).toBe(0);

    const imported = await agent
      .post('/api/studies/pool/respondents/import')
      .set('x-csrf-token', csrf)
      .attach('file', join(FIXTURES, 'bijlage5-respondentenoverzicht.csv'))
      .expect(200);
    expect(imported.body).toMatchObject({ imported: 44, errors: [] });
    const first = await t.dataSource
      .getRepository(Respondent)
      .findOneOrFail({ where: { studyId: fixture.study.id }, order: { id: 'ASC' } });
    expect(first).toMatchObject({
      source: 'import',
      status: 'eligible',
      availability: null,
      quadrantSource: 'import',
      age: '65-70',
    });
  });

  it('needs a file and a login', async () => {
    const none = await agent
      .post('/api/studies/pool/respondents/import')
      .set('x-csrf-token', csrf)
      .send({})
      .expect(400);
    expect(none.body.message).toMatch(/multipart\/form-data/);
    await anonymousAgent(t.app).get('/api/studies/pool/respondents').expect(401);
  });

  it('lists the pool with filters and a count table against the target', async () => {
    const all = await agent.get('/api/studies/pool/respondents').expect(200);
    expect(all.body.respondents).toHaveLength(44);
    expect(all.body.counts.target).toBe(8);
    const ret = all.body.counts.rows.find((r: { organisation: string }) => r.organisation === 'RET');
    expect(ret.cells.map((c: { count: number }) => c.count)).toEqual([4, 3, 3, 2]);
    expect(ret.cells.map((c: { shortfall: number }) => c.shortfall)).toEqual([4, 5, 5, 6]);
    const vitensId = fixture.organisations[1].id;
    const filtered = await agent
      .get(`/api/studies/pool/respondents?organisation=${vitensId}&quadrant=gemakzoeker&status=eligible`)
      .expect(200);
    expect(filtered.body.respondents).toHaveLength(3);
    expect(
      filtered.body.respondents.every((r: Respondent) => r.organisationId === vitensId && r.quadrant === 'gemakzoeker'),
    ).toBe(true);
    const bad = await agent.get('/api/studies/pool/respondents?quadrant=twijfelaar').expect(400);
    expect(bad.body.details.quadrant[0]).toBe('kies een van de mogelijkheden');
  });

  it('overrides a quadrant with a reason, audited and shown on the pool page', async () => {
    const r = await createRespondent(t.dataSource, fixture.study.id, fixture.organisations[0].id, {
      quadrant: 'gemakzoeker',
      source: 'screener',
    });
    await agent
      .patch(`/api/studies/pool/respondents/${r.id}/quadrant`)
      .set('x-csrf-token', csrf)
      .send({ quadrant: 'zekerheidszoeker' })
      .expect(400);
    const res = await agent
      .patch(`/api/studies/pool/respondents/${r.id}/quadrant`)
      .set('x-csrf-token', csrf)
      .send({ quadrant: 'zekerheidszoeker', reason: 'Vertelde in het intakegesprek dat ze altijd advies vraagt' })
      .expect(200);
    expect(res.body).toMatchObject({
      quadrant: 'zekerheidszoeker',
      quadrantSource: 'override',
      quadrantOverriddenBy: researcherEmail,
    });
    const event = await t.dataSource
      .getRepository(AuditEvent)
      .findOneByOrFail({ action: 'respondent.quadrant_override', subjectId: String(r.id) });
    expect(event.details).toMatchObject({ from: 'gemakzoeker', to: 'zekerheidszoeker' });
    const page = await agent.get('/studies/pool/respondents').expect(200);
    expect(page.text).toMatch(
      new RegExp(
        `aangepast door ${researcherEmail.replace(/\./g, '\\.')} op \\S+ \\d{1,2} \\S+ \\d{4}: Vertelde in het intakegesprek`,
      ),
    );
    expect(page.text).toMatch(/<caption>[^<]*8 per cel/);
  });

  it('overrides and erases through the page forms too', async () => {
    const r = await createRespondent(t.dataSource, fixture.study.id, fixture.organisations[0].id);
    // A refused override shows the pool again with its row's form open, what was typed kept, and each problem.
    const refused = await agent
      .post(`/studies/pool/respondents/${r.id}/quadrant`)
      .type('form')
      .send({ _csrf: csrf, quadrant: 'informatiezoeker', reason: 'X' })
      .set('accept', 'text/html')
      .expect(400);
    expect(refused.text).toContain(
      `id="reason-${r.id}" name="reason" required minlength="3" maxlength="500" value="X"`,
    );
    expect(refused.text).toContain(
      `<p class="field-error" id="reason-${r.id}-error">zeg waarom: minstens 3 tekens</p>`,
    );
    expect(refused.text).toMatch(new RegExp(`<option value="informatiezoeker" selected>`));
    expect(refused.text).toContain('class="form-problems"');
    expect((await t.dataSource.getRepository(Respondent).findOneByOrFail({ id: r.id })).quadrantSource).not.toBe(
      'override',
    );
    await agent
      .post(`/studies/pool/respondents/${r.id}/quadrant`)
      .type('form')
      .send({ _csrf: csrf, quadrant: 'informatiezoeker', reason: 'Correctie' })
      .expect(303);
    await agent
      .post(`/studies/pool/respondents/${r.id}/erase`)
      .type('form')
      .send({ _csrf: csrf })
      .set('accept', 'text/html')
      .expect(400);
    expect((await t.dataSource.getRepository(Respondent).findOneByOrFail({ id: r.id })).status).not.toBe('erased');
    await agent
      .post(`/studies/pool/respondents/${r.id}/erase`)
      .type('form')
      .send({ _csrf: csrf, confirm: 'yes' })
      .expect(303);
    expect(await t.dataSource.getRepository(Respondent).findOneByOrFail({ id: r.id })).toMatchObject({
      quadrant: 'informatiezoeker',
      status: 'erased',
      email: null,
    });
  });

  it('erases personal data from the respondent and the raw answers, keeping an audit event', async () => {
    const page = await anonymousAgent(t.app).get('/s/pool').expect(200);
    const version = JSON.parse(/id="screener-data">(.*?)<\/script>/s.exec(page.text)![1]).version;
    const body = screenerEnvelope(
      version,
      screenerAnswers(fixture.organisations[0].id, fixture.slots[0].id, { email: 'wis@example.org', firstName: 'Wim' }),
    );
    await anonymousAgent(t.app).post('/api/studies/pool/screener').send(body).expect(200);
    const r = await t.dataSource.getRepository(Respondent).findOneByOrFail({ email: 'wis@example.org' });
    const erased = await agent
      .post(`/api/studies/pool/respondents/${r.id}/erase`)
      .set('x-csrf-token', csrf)
      .expect(200);
    expect(erased.body).toMatchObject({
      firstName: null,
      email: null,
      phone: null,
      status: 'erased',
      quadrant: 'zekerheidszoeker',
      gender: 'v',
    });
    expect(erased.body.erasedAt).toBeTruthy();
    const submission = await t.dataSource.getRepository(ScreenerSubmission).findOneByOrFail({ respondentId: r.id });
    expect(submission.answers).not.toHaveProperty('firstName');
    expect(submission.answers).not.toHaveProperty('email');
    expect(submission.answers).not.toHaveProperty('phone');
    expect(submission.answers).toMatchObject({ selection: 'zekerheidszoeker', education: 'mbo' });
    expect(JSON.stringify(submission)).not.toContain('wis@example.org');
    expect(
      await t.dataSource.getRepository(AuditEvent).countBy({ action: 'respondent.erase', subjectId: String(r.id) }),
    ).toBe(1);
    await agent
      .patch(`/api/studies/pool/respondents/${r.id}/quadrant`)
      .set('x-csrf-token', csrf)
      .send({ quadrant: 'gemakzoeker', reason: 'test' })
      .expect(409);
    await agent.post('/api/studies/pool/respondents/999999/erase').set('x-csrf-token', csrf).expect(404);
  });

  it('renders the pool page with the count table and the import page', async () => {
    const page = await agent.get('/studies/pool/respondents?quadrant=gemakzoeker').expect(200);
    expect(page.text).toContain('Aantallen per organisatie en kwadrant');
    expect(page.text).toContain('tekort');
    const imp = await agent.get('/studies/pool/respondents/import').expect(200);
    expect(imp.text).toContain('Organisaties in dit onderzoek: RET, Vitens, Belastingdienst, Gemeente Utrecht');
    expect(imp.text).toContain('/assets/js/respondents-import.js');
  });
});
