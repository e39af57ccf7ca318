import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../../src/common/paging';
import { createRespondents, createStudy, createUser } from '../support/factories';
import { Agent, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';

// Every list, as API and as page, pages with a bounded size and refuses a page it cannot give with a coded 400
// that names the parameter. The pool, audit log and outbox have their own tests (paging.e2e-spec.ts, lists.e2e-spec.ts).

const BAD_PAGE_PARAMETERS: [string, string][] = [
  ['offset', '-1'],
  ['offset', '1.5'],
  ['offset', 'abc'],
  ['offset', '1e3'],
  ['offset', '0x10'],
  ['offset', '9223372036854775808'],
  ['offset', '1000000001'],
  ['limit', '0'],
  ['limit', String(PAGE_SIZE_MAX + 1)],
  ['limit', '2.5'],
  ['limit', 'all'],
];

const SLUG = 'lijsten';

/** Every list route, the role that may read it. */
const STAFF_API = [
  '/api/studies',
  `/api/studies/${SLUG}/respondents`,
  `/api/studies/${SLUG}/groups`,
  `/api/studies/${SLUG}/schedule`,
  `/api/studies/${SLUG}/moderators`,
  `/api/studies/${SLUG}/homework`,
  `/api/studies/${SLUG}/overview`,
  `/api/studies/${SLUG}/surveys/screener/versions`,
  `/api/studies/${SLUG}/codebook/history`,
  `/api/studies/${SLUG}/actions`,
  '/api/audit',
  '/api/outbox',
];
const STAFF_PAGES = [
  '/studies',
  `/studies/${SLUG}`,
  `/studies/${SLUG}/respondents`,
  `/studies/${SLUG}/respondents/1`,
  `/studies/${SLUG}/groups`,
  `/studies/${SLUG}/schedule`,
  `/studies/${SLUG}/moderators`,
  `/studies/${SLUG}/homework`,
  `/studies/${SLUG}/overview`,
  '/moderator',
  '/audit',
  '/outbox',
];
const ADMIN = ['/api/users', '/users'];
const PARTNER = [
  '/api/partner/studies',
  `/api/partner/studies/${SLUG}/overview`,
  '/partner',
  `/partner/studies/${SLUG}`,
];

describe('bounded lists everywhere', () => {
  let t: TestApp;
  let admin: Agent;
  let partner: Agent;

  beforeAll(async () => {
    t = await createTestApp();
    const fx = await createStudy(t.dataSource, { slug: SLUG, status: 'fieldwork' }, { organisations: ['RET'] });
    await createRespondents(t.dataSource, fx.study.id, fx.organisations[0].id, 3, { quadrant: 'gemakzoeker' });
    const a = await createUser(t.dataSource, { role: 'admin' });
    ({ agent: admin } = await loginAgent(t.app, a.email, a.password));
    const p = await createUser(t.dataSource, { role: 'partner', organisationId: fx.organisations[0].id });
    ({ agent: partner } = await loginAgent(t.app, p.email, p.password));
  });
  afterAll(() => t.close());

  const routes = (): [string, Agent][] => [
    ...[...STAFF_API, ...STAFF_PAGES, ...ADMIN].map((r): [string, Agent] => [r, admin]),
    ...PARTNER.map((r): [string, Agent] => [r, partner]),
  ];

  it('answers every list route with a page when the paging is right', async () => {
    for (const [route, agent] of routes()) {
      const res = await agent.get(`${route}?offset=0&limit=${PAGE_SIZE_MAX}`);
      expect([route, res.status]).toEqual([route, 200]);
    }
  });

  it.each(BAD_PAGE_PARAMETERS)(
    'refuses %s=%p on every list route with a coded 400 that names it',
    async (key, value) => {
      for (const [route, agent] of routes()) {
        const api = route.startsWith('/api/');
        const res = await agent
          .get(`${route}?${key}=${encodeURIComponent(value)}`)
          .set('accept', api ? 'application/json' : 'text/html');
        expect([route, res.status]).toEqual([route, 400]);
        if (api) {
          expect(res.body).toMatchObject({ statusCode: 400, code: 'validation.failed' });
          expect([route, Object.keys(res.body.details)]).toEqual([route, [key]]);
        } else {
          expect(res.text).toContain(key);
        }
      }
    },
  );
});

describe('a list page is bounded', () => {
  let t: TestApp;
  let admin: Agent;
  const STUDIES = PAGE_SIZE_DEFAULT + 12;
  const USERS = PAGE_SIZE_DEFAULT + 5;

  beforeAll(async () => {
    t = await createTestApp();
    for (let i = 0; i < STUDIES; i++) await createStudy(t.dataSource, { slug: `studie-${String(i).padStart(3, '0')}` });
    const a = await createUser(t.dataSource, { role: 'admin', email: 'aaa-admin@example.org' });
    for (let i = 1; i < USERS; i++) await createUser(t.dataSource, { role: 'researcher' });
    ({ agent: admin } = await loginAgent(t.app, a.email, a.password));
  });
  afterAll(() => t.close());

  it('answers the default page of studies with the total, and the rest on the next page', async () => {
    const first = await admin.get('/api/studies').expect(200);
    expect(first.body).toMatchObject({ total: STUDIES, offset: 0, limit: PAGE_SIZE_DEFAULT });
    expect(first.body.items).toHaveLength(PAGE_SIZE_DEFAULT);
    const rest = await admin.get(`/api/studies?offset=${PAGE_SIZE_DEFAULT}`).expect(200);
    expect(rest.body.items).toHaveLength(STUDIES - PAGE_SIZE_DEFAULT);
    const slugs = [...first.body.items, ...rest.body.items].map((s: { slug: string }) => s.slug);
    expect(new Set(slugs).size).toBe(STUDIES);
    expect((await admin.get('/api/studies?limit=10').expect(200)).body.items).toHaveLength(10);
  });

  it('shows one page of studies with a pager to the next', async () => {
    const page = await admin.get('/studies?lang=nl').expect(200);
    expect(page.text.match(/<tr><td><a href="\/studies\//g)).toHaveLength(PAGE_SIZE_DEFAULT);
    expect(page.text).toContain(`1–${PAGE_SIZE_DEFAULT} van ${STUDIES}`);
    // Handlebars writes = in attributes as &#x3D;.
    expect(page.text.replace(/&#x3D;/g, '=')).toContain(`href="/studies?offset=${PAGE_SIZE_DEFAULT}" rel="next"`);
  });

  it('pages the accounts', async () => {
    const first = await admin.get('/api/users').expect(200);
    expect(first.body).toMatchObject({ total: USERS, offset: 0, limit: PAGE_SIZE_DEFAULT });
    expect(first.body.items).toHaveLength(PAGE_SIZE_DEFAULT);
    expect(first.body.items[0]).not.toHaveProperty('passwordHash');
    const page = await admin.get('/users').expect(200);
    expect(page.text).toContain(`1–${PAGE_SIZE_DEFAULT} van ${USERS}`);
  });
});
