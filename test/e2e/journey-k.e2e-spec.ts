import type { PartnerJourney } from '../../src/journeys/journey-partner';
import { Study } from '../../src/studies/study.entity';
import { createRespondent, createUser } from '../support/factories';
import { Agent, download, loginAgent } from '../support/http';
import { createJourneyStudy, JOURNEY_ANSWERS, submitHomework } from '../support/journey-factories';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The study's k for partners: RET has three zekerheidszoekers (besides the journey study's six gemakzoekers), so a
 * count of 3 is shown with k = 3 and hidden with k = 5, while the single informatiezoeker is hidden with both.
 */
describe('the study setting k for partners’ journey reports', () => {
  let t: TestApp;
  let researcher: { agent: Agent; csrf: string };
  let partner: Agent;
  const slug = 'k-instelling';

  const journey = async (): Promise<PartnerJourney> => {
    const res = await download(partner, `/api/partner/studies/${slug}/journey`);
    expect(res.status).toBe(200);
    return JSON.parse(res.body.toString('utf8')) as PartnerJourney;
  };
  const respondentsOf = (j: PartnerJourney) => Object.fromEntries(j.groups.map((g) => [g.quadrant, g.respondents]));
  const setK = (value: unknown, lang = 'nl') =>
    researcher.agent
      .patch(`/api/studies/${slug}?lang=${lang}`)
      .set('x-csrf-token', researcher.csrf)
      .send({ partnerMinCount: value });
  const storedK = async () => (await t.dataSource.getRepository(Study).findOneByOrFail({ slug })).partnerMinCount;

  beforeAll(async () => {
    t = await createTestApp();
    const fx = await createJourneyStudy(t.dataSource, slug);
    for (let i = 0; i < 3; i++) {
      const r = await createRespondent(t.dataSource, fx.study.id, fx.ret, {
        status: 'participated',
        quadrant: 'zekerheidszoeker',
      });
      await submitHomework(t.dataSource, r, { ...JOURNEY_ANSWERS.filler });
    }
    const r = await createUser(t.dataSource, { role: 'researcher' });
    researcher = await loginAgent(t.app, r.email, r.password);
    const p = await createUser(t.dataSource, { role: 'partner', organisationId: fx.ret });
    partner = (await loginAgent(t.app, p.email, p.password)).agent;
  });
  afterAll(() => t?.close());

  it('is 5 for a new study, and then hides the three zekerheidszoekers', async () => {
    expect(await storedK()).toBe(5);
    const j = await journey();
    expect(j.k).toBe(5);
    expect(respondentsOf(j)).toEqual({
      informatiezoeker: null,
      zekerheidszoeker: null,
      'rust-in-je-hoofdzoeker': 0,
      gemakzoeker: 6,
    });
  });

  it('shows the count of 3 once a researcher sets k = 3, and still hides the single respondent', async () => {
    const res = await setK(3).expect(200);
    expect(res.body.partnerMinCount).toBe(3);
    const j = await journey();
    expect(j.k).toBe(3);
    expect(respondentsOf(j)).toEqual({
      informatiezoeker: null,
      zekerheidszoeker: 3,
      'rust-in-je-hoofdzoeker': 0,
      gemakzoeker: 6,
    });
    const ratings = j.groups.find((g) => g.quadrant === 'zekerheidszoeker')!.steps[0].ratings;
    expect(ratings).toEqual({ positief: 3, neutraal: 0, negatief: 0, none: 0 });
    const page = await partner.get(`/partner/studies/${slug}/journey`).expect(200);
    expect(page.text).toContain('Aantallen kleiner dan 3 zijn afgeschermd');
  });

  it('refuses anything but a whole number from 2 to 50 with a coded 400 naming the field, and keeps k', async () => {
    for (const bad of [1, 51, 2.5, 'vijf', null]) {
      const res = await setK(bad, 'en');
      expect({ bad, status: res.status, code: res.body.code }).toEqual({ bad, status: 400, code: 'validation.failed' });
      expect(Object.keys(res.body.details)).toEqual(['partnerMinCount']);
    }
    const nl = await setK(51).expect(400);
    expect(nl.body.message).not.toMatch(/^error\./);
    expect(await storedK()).toBe(3);
  });

  it('is set on the study settings page, where a refusal shows the typed value and the problem at the field', async () => {
    const settings = await researcher.agent.get(`/studies/${slug}/settings?lang=nl`).expect(200);
    expect(settings.text).toMatch(/<label for="partnerMinCount">Kleinste aantal voor partners \(k\)<\/label>/);
    expect(settings.text).toMatch(
      /id="partnerMinCount" name="partnerMinCount" type="number" min="2" max="50" value="3"/,
    );
    const form = { _csrf: researcher.csrf, title: 'Klantreis', partnerMinCount: '60' };
    const refused = await researcher.agent.post(`/studies/${slug}`).type('form').send(form).expect(400);
    expect(refused.text).toContain('value="60"');
    expect(refused.text).toMatch(/<p class="field-error" id="partnerMinCount-error">/);
    expect(refused.text).toMatch(/id="partnerMinCount"[^>]*aria-invalid="true"/);
    expect(await storedK()).toBe(3);
    await researcher.agent
      .post(`/studies/${slug}`)
      .type('form')
      .send({ ...form, partnerMinCount: '5' })
      .expect(303);
    expect(await storedK()).toBe(5);
    expect(respondentsOf(await journey()).zekerheidszoeker).toBeNull();
  });
});
