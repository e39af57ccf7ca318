import { randomUUID } from 'crypto';
import type { TrustProxy } from '../../src/config/trust-proxy';
import { Respondent } from '../../src/respondents/respondent.entity';
import { createStudy, createUser } from '../support/factories';
import { anonymousAgent, loginAgent } from '../support/http';
import { screenerAnswers, screenerEnvelope } from '../support/respondents-factories';
import { createTestApp, TestApp } from '../support/test-app';

const versionOf = (html: string): number => JSON.parse(/id="screener-data">(.*?)<\/script>/s.exec(html)![1]).version;

describe('who may see and send the public screener', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('answers a draft study exactly as an unknown one, page and API, without its title or partners', async () => {
    const draft = await createStudy(
      t.dataSource,
      { slug: 'geheim', title: 'Geheim onderzoek', status: 'draft' },
      { organisations: ['Stille Partner'] },
    );
    const anon = anonymousAgent(t.app);
    const page = await anon.get('/s/geheim').set('accept', 'text/html').expect(404);
    expect(page.text).not.toMatch(/Geheim onderzoek|Stille Partner/);
    expect(page.text).toContain('Via deze link kunt u zich niet (meer) aanmelden');
    const unknown = await anon.get('/s/bestaat-niet').set('accept', 'text/html').expect(404);
    expect(unknown.text.replace(/bestaat-niet/g, 'geheim')).toBe(page.text);

    const envelope = screenerEnvelope(1, screenerAnswers(draft.organisations[0].id, draft.slots[0].id));
    const api = await anon.post('/api/studies/geheim/screener').send(envelope).expect(404);
    expect(api.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'screener.not_open',
      message: expect.stringMatching(/^Via deze link/),
    });
    expect((await anon.post('/api/studies/bestaat-niet/screener').send(envelope).expect(404)).body).toEqual(api.body);
    expect(await t.dataSource.getRepository(Respondent).countBy({ studyId: draft.study.id })).toBe(0);
  });

  it('lets researchers preview a draft screener', async () => {
    await createStudy(t.dataSource, { slug: 'concept', title: 'Concept onderzoek', status: 'draft' });
    const researcher = await createUser(t.dataSource, { role: 'researcher' });
    const { agent } = await loginAgent(t.app, researcher.email, researcher.password);
    expect((await agent.get('/s/concept').expect(200)).text).toContain('Concept onderzoek');
  });

  it('closes the page of a closed study, in English with ?lang=en', async () => {
    await createStudy(t.dataSource, { slug: 'voorbij', title: 'Afgelopen onderzoek', status: 'closed' });
    const page = await anonymousAgent(t.app).get('/s/voorbij?lang=en').set('accept', 'text/html').expect(404);
    expect(page.text).toContain('You cannot sign up through this link');
    expect(page.text).not.toContain('Afgelopen onderzoek');
  });
});

describe('screener limits per address', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ rateLimits: { screenerSubmissions: 3, screenerPages: 4, windowMinutes: 60 } });
  });
  afterAll(() => t?.close());

  it('lets through at most the limit of parallel sign-ups from one address, the rest 429 with Retry-After', async () => {
    const fx = await createStudy(t.dataSource, { slug: 'druk' }, { organisations: ['RET'] });
    const version = versionOf((await anonymousAgent(t.app).get('/s/druk').expect(200)).text);
    const answers = (i: number) =>
      screenerAnswers(fx.organisations[0].id, fx.slots[0].id, { email: `persoon${i}@example.org` });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        anonymousAgent(t.app)
          .post('/api/studies/druk/screener')
          .send(screenerEnvelope(version, answers(i), { submissionId: randomUUID() })),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429, 429, 429, 429, 429, 429]);
    const refused = results.find((r) => r.status === 429)!;
    expect(refused.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'rate_limited',
      message: expect.stringMatching(/^Vanaf uw internetaansluiting komen erg veel aanmeldingen binnen/),
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(3600);
    expect(await t.dataSource.getRepository(Respondent).countBy({ studyId: fx.study.id })).toBe(3);
  });

  it("limits page views per address, with a page in the reader's language", async () => {
    await createStudy(t.dataSource, { slug: 'veel-bekeken' });
    const anon = anonymousAgent(t.app);
    // One view was used by the test above (the same address, the same window).
    for (let i = 0; i < 3; i++) await anon.get('/s/veel-bekeken').expect(200);
    const refused = await anon.get('/s/veel-bekeken?lang=en').set('accept', 'text/html').expect(429);
    expect(refused.text).toContain('Very many sign-ups are coming in from your internet connection');
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('counts in the database, per limit and address', async () => {
    const rows: { bucket: string; hits: number | string }[] = await t.dataSource.query(
      'SELECT bucket, hits FROM rate_limit_window ORDER BY bucket',
    );
    expect(rows.map((r) => [r.bucket.replace(/:.*$/, ''), Number(r.hits)])).toEqual([
      ['screener-page', 5],
      ['screener-submission', 10],
    ]);
    expect(rows[0].bucket).toMatch(/^screener-page:(::ffff:)?127\.0\.0\.1$/);
  });
});

// TRUST_PROXY decides whose address a screener limit counts, as for the login and homework-code throttles.
describe.each<[string, TrustProxy, boolean]>([
  ['behind a trusted proxy (TRUST_PROXY=loopback)', ['loopback'], true],
  ['without a trusted proxy (the default)', false, false],
])('screener limits %s', (_name, trustProxy, perForwardedAddress) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      trustProxy,
      rateLimits: { screenerSubmissions: 100, screenerPages: 2, windowMinutes: 60 },
    });
    await createStudy(t.dataSource, { slug: 'achter-proxy' });
  });
  afterAll(() => t?.close());

  it(
    perForwardedAddress
      ? 'counts each forwarded client address on its own'
      : 'ignores X-Forwarded-For and counts the connection',
    async () => {
      const view = (forwardedFor: string) =>
        anonymousAgent(t.app).get('/s/achter-proxy').set('x-forwarded-for', forwardedFor);
      const first = await Promise.all([view('198.51.100.1'), view('198.51.100.1'), view('198.51.100.1')]);
      expect(first.map((r) => r.status).sort()).toEqual([200, 200, 429]);
      // Another claimed address: its own allowance only when the proxy that says so is trusted.
      expect((await view('198.51.100.2')).status).toBe(perForwardedAddress ? 200 : 429);
      const rows: { bucket: string }[] = await t.dataSource.query(
        "SELECT bucket FROM rate_limit_window WHERE bucket LIKE 'screener-page:%' ORDER BY bucket",
      );
      expect(rows.map((r) => r.bucket.replace(/^screener-page:(::ffff:)?/, ''))).toEqual(
        perForwardedAddress ? ['198.51.100.1', '198.51.100.2'] : ['127.0.0.1'],
      );
    },
  );
});
