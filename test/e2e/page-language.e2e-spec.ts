import type { NestExpressApplication } from '@nestjs/platform-express';
import { englishErrorTextsIn } from '../support/english-error-texts';
import { createUser } from '../support/factories';
import { createScheduledGroup, credentialsOf } from '../support/homework-factories';
import { Agent, anonymousAgent, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';

/** Every GET route of the running application that serves a page (not the API, not a calendar file). */
function pageRoutes(app: NestExpressApplication): string[] {
  const router = (
    app.getHttpAdapter().getInstance() as {
      router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    }
  ).router;
  const paths = router.stack.filter((l) => l.route?.methods.get).map((l) => l.route!.path);
  return [...new Set(paths)].filter((p) => !p.startsWith('/api') && !p.startsWith('/ical'));
}

/** The printed letter and form: the document the respondent received, always in the language it was sent in. */
const LETTER_PAGES = ['/h/:key/print', '/studies/:slug/homework/assignments/:id/print'];

describe('every page answers ?lang=en and ?lang=nl', () => {
  let t: TestApp;
  let admin: Agent;
  let partner: Agent;
  let params: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.dataSource;
    const fixture = await createScheduledGroup(ds);
    const adminUser = await createUser(ds, { role: 'admin' });
    const login = await loginAgent(t.app, adminUser.email, adminUser.password);
    admin = login.agent;
    await admin
      .post(`/api/studies/${fixture.study.slug}/homework/groups/${fixture.group.id}/send`)
      .set('x-csrf-token', login.csrf)
      .expect(200);
    const { assignment, token } = await credentialsOf(t, fixture.members[0].id);
    const partnerUser = await createUser(ds, { role: 'partner', organisationId: fixture.group.organisationId });
    partner = (await loginAgent(t.app, partnerUser.email, partnerUser.password)).agent;
    params = {
      slug: fixture.study.slug,
      groupId: String(fixture.group.id),
      id: String(assignment.id),
      key: token,
      token: 'no-such-invitation-token',
      kind: 'screener',
    };
  });

  afterAll(() => t?.close());

  const fill = (path: string) => path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? '1'));

  it.each(['en', 'nl'])(
    'with ?lang=%s no page refuses the switch, and the ones that open speak that language',
    async (lang) => {
      const answered: Record<string, number> = {};
      for (const route of pageRoutes(t.app)) {
        const agent = route.startsWith('/partner')
          ? partner
          : route.startsWith('/s/') || route.startsWith('/h') || route.startsWith('/c/')
            ? anonymousAgent(t.app)
            : admin;
        const res = await agent.get(`${fill(route)}?lang=${lang}`).set('accept', 'text/html');
        answered[route] = res.status;
        const html = res.status === 200 && String(res.headers['content-type']).startsWith('text/html');
        if (html && !LETTER_PAGES.includes(route))
          expect([route, /<html lang="(\w+)"/.exec(res.text)?.[1]]).toEqual([route, lang]);
      }
      // A refused query string is a 400; nothing may break either.
      expect(Object.entries(answered).filter(([, status]) => status === 400 || status >= 500)).toEqual([]);
      // The pages that used to refuse the switch, and the overview, really open.
      for (const route of [
        '/studies/:slug/respondents',
        '/audit',
        '/outbox',
        '/studies/:slug/overview',
        '/partner/studies/:slug',
        '/studies/:slug',
        '/h/:key',
      ])
        expect([route, answered[route]]).toEqual([route, 200]);
    },
  );

  it('in Dutch, no page and no refusal of one shows an English error text; in English the API says it in English', async () => {
    const english: string[] = [];
    // What a reader can see: the screener's embedded survey JSON carries its English texts for the language switch.
    const text = (html: string) =>
      html
        .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'");
    const unknown = (path: string) =>
      path.replace(/:(\w+)/g, (_m, name: string) =>
        name === 'slug' ? 'no-such-study' : name === 'token' || name === 'key' ? 'no-such-link' : '2147483647',
      );
    for (const route of pageRoutes(t.app)) {
      const agent = route.startsWith('/partner')
        ? partner
        : route.startsWith('/s/') || route.startsWith('/h') || route.startsWith('/c/')
          ? anonymousAgent(t.app)
          : admin;
      // The page itself, the same page for something that does not exist, and a partner where staff belong.
      for (const [who, url] of [
        [agent, fill(route)],
        [agent, unknown(route)],
        [partner, fill(route)],
        [anonymousAgent(t.app), fill(route)],
      ] as const) {
        const res = await who.get(`${url}?lang=nl`).set('accept', 'text/html');
        if (!String(res.headers['content-type']).startsWith('text/html')) continue;
        if (LETTER_PAGES.includes(route) && res.status === 200) continue;
        for (const piece of englishErrorTextsIn(text(res.text))) english.push(`${url} (${res.status}): ${piece}`);
      }
    }
    expect(english).toEqual([]);
    const missing = await admin.get('/api/studies/no-such-study?lang=en').expect(404);
    expect(missing.body).toMatchObject({ code: 'study.not_found', message: 'No study "no-such-study" exists.' });
    const dutch = await admin.get('/api/studies/no-such-study?lang=nl').expect(404);
    expect(dutch.body).toMatchObject({ code: 'study.not_found', message: 'Er is geen onderzoek “no-such-study”.' });
  });

  it('the overview form with its defaults (all organisations, k left empty) shows the whole consortium', async () => {
    const res = await admin
      .get(
        `/studies/${params.slug}/overview?organisation=&population=participants&ageBands=false&suppressBelow=&lang=en`,
      )
      .expect(200);
    expect(res.text).toContain('<html lang="en">');
    const partnerPage = await partner
      .get(`/partner/studies/${params.slug}?population=participants&ageBands=true&suppressBelow=&lang=nl`)
      .expect(200);
    expect(partnerPage.text).toContain('<html lang="nl">');
  });

  it('a k that is given still has to be valid', async () => {
    await admin.get(`/api/studies/${params.slug}/overview?suppressBelow=1`).expect(400);
  });
});
