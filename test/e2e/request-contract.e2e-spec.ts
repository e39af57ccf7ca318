import { Logger } from 'nestjs-pino';
import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { HomeworkService } from '../../src/homework/homework.service';
import { MAX_JSON_DEPTH } from '../../src/common/request-body';
import { Respondent } from '../../src/respondents/respondent.entity';
import { createStudy, createUser, StudyFixture } from '../support/factories';
import { createScheduledGroup, credentialsOf, HomeworkFixture } from '../support/homework-factories';
import { Agent, anonymousAgent, loginAgent } from '../support/http';
import { listenOnLoopback, rawRequest } from '../support/raw-http';
import { takeServerProblems } from '../support/server-problems';
import { createTestApp, TestApp } from '../support/test-app';

// What a client may send and what it gets back for it: every malformed body, broken text or out-of-range
// number is a 400 (or 413) with a code, on every route, whichever way the route is served; never a 500.
describe('request contract', () => {
  let t: TestApp;
  let hw: HomeworkFixture;
  let screener: StudyFixture;
  let token: string;
  let code: string;
  let staff: { agent: Agent; csrf: string };
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    hw = await createScheduledGroup(t.dataSource, { members: 1 });
    await t.app.get(HomeworkService).sendForGroup(hw.study.slug, hw.group.id, null);
    ({ token, code } = await credentialsOf(t, hw.members[0].id));
    screener = await createStudy(t.dataSource, { slug: 'contract', status: 'recruiting' });
    const admin = await createUser(t.dataSource, { role: 'admin' });
    staff = await loginAgent(t.app, admin.email, admin.password);
    base = await listenOnLoopback(t);
  });
  afterAll(() => t?.close());

  const anon = () => anonymousAgent(t.app);
  /** Anonymous JSON routes: autosave by link (served ahead of Express), by typed code, and the screener. */
  const routes = () => [
    { name: 'autosave by link', send: (a: Agent) => a.put(`/api/homework/${token}/draft`) },
    { name: 'autosave by code', send: (a: Agent) => a.put(`/api/homework/${code}/draft`) },
    { name: 'screener', send: (a: Agent) => a.post('/api/studies/contract/screener') },
  ];
  const nothingSaved = async () => {
    expect(
      (await t.dataSource.getRepository(HomeworkAssignment).findOneByOrFail({ respondentId: hw.members[0].id }))
        .revision,
    ).toBe(0);
    expect(await t.dataSource.getRepository(Respondent).countBy({ studyId: screener.study.id })).toBe(0);
  };
  const deep = (levels: number) => '{"data":'.repeat(levels - 1) + '{}' + '}'.repeat(levels - 1);

  it.each([
    ['a body nested 1,400 levels deep', 'application/json', deep(1400), 'request.too_deep'],
    [
      `a body nested ${MAX_JSON_DEPTH + 1} levels deep`,
      'application/json',
      deep(MAX_JSON_DEPTH + 1),
      'request.too_deep',
    ],
    ['broken JSON', 'application/json', '{"revision": 0,', 'request.invalid_json'],
    ['JSON with single quotes', 'application/json', "{'revision': 0}", 'request.invalid_json'],
    ['a top-level number', 'application/json', '3', 'request.not_object'],
    ['a top-level array', 'application/json', '[{"revision":0}]', 'request.not_object'],
    ['plain text', 'text/plain', '{"revision":0,"data":{}}', 'request.not_json'],
    ['a form', 'application/x-www-form-urlencoded', 'revision=0', 'request.not_json'],
    ['JSON declared as UTF-16', 'application/json; charset=utf-16', '{"revision":0,"data":{}}', 'request.charset'],
    ['JSON declared as Latin-1', 'application/json; charset=latin1', '{"revision":0,"data":{}}', 'request.charset'],
    ['a NUL character', 'application/json', '{"revision":0,"data":{"firstName":"A\\u0000"}}', 'request.invalid_text'],
    ['a lone surrogate', 'application/json', '{"revision":0,"data":{"firstName":"\\ud800"}}', 'request.invalid_text'],
  ])(
    'refuses %s with a coded 400 on every anonymous JSON route, and saves nothing',
    async (_, type, body, expected) => {
      for (const route of routes()) {
        const res = await route.send(anon()).set('content-type', type).send(body);
        expect([route.name, res.status, res.body.code]).toEqual([route.name, 400, expected]);
        expect(res.body).toEqual({
          statusCode: 400,
          error: 'Bad Request',
          message: expect.any(String),
          code: expected,
        });
        expect(res.body.message).not.toMatch(/position|Unexpected|token/i);
      }
      await nothingSaved();
    },
  );

  it('refuses bytes that are not UTF-8 (Latin-1, an encoded surrogate) on every anonymous JSON route', async () => {
    for (const bytes of [
      Buffer.from('{"revision":0,"data":{"firstName":"Zo\xeb"}}', 'latin1'),
      Buffer.from([0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x3a, 0x31, 0x7d]),
    ]) {
      for (const [method, path] of [
        ['PUT', `/api/homework/${token}/draft`],
        ['PUT', `/api/homework/${code}/draft`],
        ['POST', '/api/studies/contract/screener'],
      ]) {
        const res = await rawRequest(base, method, path, { 'content-type': 'application/json' }, bytes);
        expect([path, res.status, JSON.parse(res.text).code]).toEqual([path, 400, 'request.invalid_utf8']);
      }
    }
    await nothingSaved();
  });

  it('refuses a body over the limit with a coded 413 on every route', async () => {
    const huge = JSON.stringify({ revision: 0, data: { firstName: 'x'.repeat(300 * 1024) } });
    for (const route of routes()) {
      const res = await route.send(anon()).set('content-type', 'application/json').send(huge);
      expect([route.name, res.status, res.body]).toEqual([
        route.name,
        413,
        { statusCode: 413, error: 'Payload Too Large', message: expect.any(String), code: 'request.too_large' },
      ]);
    }
    await nothingSaved();
  });

  it('holds logged-in routes to the same rules (deep nesting no longer reaches the validator)', async () => {
    const res = await staff.agent
      .post('/api/studies')
      .set('x-csrf-token', staff.csrf)
      .set('content-type', 'application/json')
      .send(deep(1400));
    expect([res.status, res.body.code]).toEqual([400, 'request.too_deep']);
    const surrogate = await staff.agent
      .post('/api/studies')
      .set('x-csrf-token', staff.csrf)
      .send({ slug: 'bad-text', title: 'Klantreis \ud800', organisations: ['RET'] });
    expect([surrogate.status, surrogate.body.code]).toEqual([400, 'request.invalid_text']);
  });

  it('refuses form posts to pages in another character set, with NUL or broken escapes, as a page with a 400', async () => {
    for (const [type, body] of [
      ['application/x-www-form-urlencoded; charset=iso-8859-1', 'email=a%40b.nl&password=x'],
      ['application/x-www-form-urlencoded', 'email=a%00%40b.nl&password=x'],
      ['application/x-www-form-urlencoded', 'email=Zo%EB%40b.nl&password=x'],
    ]) {
      const res = await anon().post('/login').set('accept', 'text/html').set('content-type', type).send(body);
      expect([body, res.status]).toEqual([body, 400]);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
    }
  });

  it('refuses a NUL or bytes that are not UTF-8 in the query string', async () => {
    expect((await staff.agent.get('/api/audit?action=%00')).body).toMatchObject({
      statusCode: 400,
      code: 'request.invalid_text',
    });
    expect((await staff.agent.get('/api/audit?action=%FF')).body).toMatchObject({
      statusCode: 400,
      code: 'request.invalid_utf8',
    });
  });

  it.each(['-1', '0', '1e400', '99999999999999999999', '9223372036854775808', '2147483648', '1.5', 'abc'])(
    'answers the id %p in a path with a coded 400',
    async (id) => {
      for (const url of [
        `/api/groups/${id}`,
        `/api/studies/${hw.study.slug}/homework/groups/${id}/prep`,
        `/api/outbox/${id}/retry`,
      ]) {
        const res = url.endsWith('retry')
          ? await staff.agent.post(url).set('x-csrf-token', staff.csrf)
          : await staff.agent.get(url);
        expect([url, res.status, res.body.code]).toEqual([url, 400, 'request.invalid_id']);
      }
    },
  );

  it('accepts the largest id there can be and answers it as not found', async () => {
    expect((await staff.agent.get('/api/groups/2147483647')).status).toBe(404);
  });

  it.each([
    ['/api/audit?offset=9223372036854775808', 'offset'],
    ['/api/audit?offset=1e400', 'offset'],
    ['/api/audit?studyId=99999999999999999999', 'studyId'],
    ['/api/outbox?offset=-1', 'offset'],
    ['/api/outbox?studyId=2147483648', 'studyId'],
  ])('answers the query %p with a coded 400 naming the field', async (url, field) => {
    const res = await staff.agent.get(url);
    expect([res.status, res.body.code, Object.keys(res.body.details ?? {})]).toEqual([
      400,
      'validation.failed',
      [field],
    ]);
  });

  it('answers ids in JSON bodies beyond what the database holds with a coded 400', async () => {
    const res = await anon()
      .put(`/api/homework/${token}/draft`)
      .send({ revision: 2 ** 63, data: {} });
    expect([res.status, res.body.code, Object.keys(res.body.details)]).toEqual([
      400,
      'validation.failed',
      ['revision'],
    ]);
    const viaCode = await anon()
      .put(`/api/homework/${code}/draft`)
      .send({ revision: 2 ** 63, data: {} });
    expect(viaCode.body).toEqual(res.body);
    await nothingSaved();
  });

  it('never answers 5xx to out-of-range values in any route parameter', async () => {
    const express = t.app.getHttpAdapter().getInstance() as {
      router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    };
    const routesWithParams = express.router.stack.flatMap((layer) =>
      layer.route && layer.route.path.includes(':') ? [layer.route] : [],
    );
    expect(routesWithParams.length).toBeGreaterThan(40);
    for (const route of routesWithParams) {
      for (const bad of ['-1', '99999999999999999999', '1e400', '9223372036854775808']) {
        const url = route.path.replace(/:\w+/g, bad);
        for (const method of Object.keys(route.methods).filter(
          (m) => m === 'get' || m === 'post' || m === 'put' || m === 'patch' || m === 'delete',
        )) {
          const res = await staff.agent[method as 'get'](url).set('x-csrf-token', staff.csrf).send({});
          expect([method, url, res.status < 500]).toEqual([method, url, true]);
        }
      }
    }
  });
});

describe('the end-to-end tests’ watch on server failures', () => {
  it('records an answer of 500 and an error the application logs', async () => {
    const t = await createTestApp();
    try {
      t.app.get(Logger).error('something broke');
      await t.dataSource.destroy();
      const res = await anonymousAgent(t.app).get('/api/homework/some-link-that-needs-the-database');
      expect(res.status).toBe(500);
      const problems = takeServerProblems();
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringContaining('something broke'),
          'answered 500 to GET /api/homework/some-link-that-needs-the-database',
        ]),
      );
    } finally {
      // The database is gone, so closing may complain; none of it is a failure of the application's.
      await t.app.close().catch(() => undefined);
      takeServerProblems();
    }
  });
});
