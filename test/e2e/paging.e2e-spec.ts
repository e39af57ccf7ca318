import { createRespondents, createStudy, createUser, StudyFixture } from '../support/factories';
import { Agent, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';

// Values a client may send as offset or limit that are not a page: each must be a 400 with a code, never a 500.
const BAD_PAGE_PARAMETERS: [string, string][] = [
  ['offset', '-1'],
  ['offset', '1.5'],
  ['offset', 'abc'],
  ['offset', '9223372036854775808'],
  ['offset', '1e3'],
  ['limit', '0'],
  ['limit', '201'],
  ['limit', '1.5'],
  ['limit', 'abc'],
];

/** The page's text with Handlebars' attribute escapes undone, to compare links as written. */
const unescaped = (html: string) => html.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');

describe('bounded lists', () => {
  let t: TestApp;
  let agent: Agent;
  let fixture: StudyFixture;

  beforeAll(async () => {
    t = await createTestApp();
    const u = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent } = await loginAgent(t.app, u.email, u.password));
    fixture = await createStudy(t.dataSource, { slug: 'groot' }, { organisations: ['RET', 'Vitens'] });
    const [ret, vitens] = fixture.organisations;
    await createRespondents(t.dataSource, fixture.study.id, ret.id, 230, { quadrant: 'gemakzoeker' });
    await createRespondents(t.dataSource, fixture.study.id, vitens.id, 20, { quadrant: 'informatiezoeker' });
    await createRespondents(t.dataSource, fixture.study.id, vitens.id, 5, {
      quadrant: 'informatiezoeker',
      status: 'declined',
    });
  });
  afterAll(() => t.close());

  describe('respondent pool API', () => {
    it('answers the first 50 respondents with the total, and counts the whole study', async () => {
      const res = await agent.get('/api/studies/groot/respondents').expect(200);
      expect(res.body).toMatchObject({ total: 255, offset: 0, limit: 50 });
      expect(res.body.respondents).toHaveLength(50);
      expect(res.body.counts.count).toBe(250);
      const ret = res.body.counts.rows.find((r: { organisation: string }) => r.organisation === 'RET');
      expect(ret.count).toBe(230);
    });

    it('pages through the filtered pool in the order people came in, up to 200 at a time', async () => {
      const first = await agent.get('/api/studies/groot/respondents?quadrant=gemakzoeker&limit=200').expect(200);
      const rest = await agent
        .get('/api/studies/groot/respondents?quadrant=gemakzoeker&limit=200&offset=200')
        .expect(200);
      expect(first.body).toMatchObject({ total: 230, limit: 200, offset: 0 });
      expect(rest.body).toMatchObject({ total: 230, limit: 200, offset: 200 });
      const ids = [...first.body.respondents, ...rest.body.respondents].map((r: { id: number }) => r.id);
      expect(ids).toHaveLength(230);
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      expect(new Set(ids).size).toBe(230);
      // An empty value is a form field left empty: the default.
      expect((await agent.get('/api/studies/groot/respondents?limit=&offset=').expect(200)).body).toMatchObject({
        limit: 50,
        offset: 0,
      });
      const past = await agent.get('/api/studies/groot/respondents?offset=1000').expect(200);
      expect(past.body).toMatchObject({ total: 255, respondents: [] });
    });

    it.each(BAD_PAGE_PARAMETERS)('refuses %s=%p with a coded 400', async (key, value) => {
      const res = await agent.get(`/api/studies/groot/respondents?${key}=${encodeURIComponent(value)}`).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'validation.failed' });
      expect(Object.keys(res.body.details)).toEqual([key]);
    });
  });

  describe('respondent pool page', () => {
    it('shows one page with links to the next and last pages that keep the filter', async () => {
      const page = await agent.get('/studies/groot/respondents?quadrant=gemakzoeker').expect(200);
      expect(page.text.match(/<tr id="respondent-/g)).toHaveLength(50);
      expect(page.text).toContain('1–50 van 230');
      expect(unescaped(page.text)).toContain(
        'href="/studies/groot/respondents?quadrant=gemakzoeker&offset=50" rel="next"',
      );
      expect(unescaped(page.text)).toContain('href="/studies/groot/respondents?quadrant=gemakzoeker&offset=200"');
      const last = await agent.get('/studies/groot/respondents?quadrant=gemakzoeker&offset=200&lang=en').expect(200);
      expect(last.text.match(/<tr id="respondent-/g)).toHaveLength(30);
      expect(last.text).toContain('201–230 of 230');
      // The language stays in its cookie; the links keep the filter.
      expect(unescaped(last.text)).toContain(
        'href="/studies/groot/respondents?quadrant=gemakzoeker&offset=150" rel="prev"',
      );
    });

    it('shows no pager when the list fits on one page', async () => {
      const page = await agent
        .get(`/studies/groot/respondents?organisation=${fixture.organisations[1].id}`)
        .expect(200);
      expect(page.text.match(/<tr id="respondent-/g)).toHaveLength(25);
      expect(page.text).not.toContain('class="pager"');
    });

    it('answers a bad page parameter with the error page, not a 500', async () => {
      const res = await agent.get('/studies/groot/respondents?offset=-1').set('accept', 'text/html').expect(400);
      expect(res.text).toContain('offset');
    });
  });
});
