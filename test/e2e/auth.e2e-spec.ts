import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';
import { createOrganisation, createUser } from '../support/factories';
import { anonymousAgent, loginAgent } from '../support/http';

describe('accounts and access (HTTP)', () => {
  let t: TestApp;
  let researcher: Awaited<ReturnType<typeof createUser>>;
  let partner: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    t = await createTestApp();
    researcher = await createUser(t.dataSource, { role: 'researcher' });
    const org = await createOrganisation(t.dataSource, 'RET');
    partner = await createUser(t.dataSource, { role: 'partner', organisationId: org.id });
  });
  afterAll(() => t.close());

  it('answers health without a login', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
  });

  it('sends security headers', async () => {
    const res = await request(t.app.getHttpServer()).get('/login').expect(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('denies API routes without a login with a JSON 401', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/studies').expect(401);
    expect(res.body).toMatchObject({
      statusCode: 401,
      error: 'Unauthorized',
      message: expect.stringMatching(/log eerst in/i),
    });
  });

  it('sends pages without a login to the login page', async () => {
    const res = await request(t.app.getHttpServer()).get('/studies').set('accept', 'text/html').expect(303);
    expect(res.headers.location).toBe('/login?next=%2Fstudies');
  });

  it('logs in through the form with a CSRF token and sets a safe cookie', async () => {
    const agent = anonymousAgent(t.app);
    const page = await agent.get('/login').expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const res = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: token, email: researcher.email, password: researcher.password, next: '/studies' })
      .expect(303);
    expect(res.headers.location).toBe('/studies');
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('kw_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    await agent.get('/studies').expect(200);
  });

  it('refuses a form login without the CSRF token', async () => {
    const agent = anonymousAgent(t.app);
    await agent.get('/login').expect(200);
    const res = await agent
      .post('/login')
      .type('form')
      .send({ email: researcher.email, password: researcher.password })
      .set('accept', 'application/json')
      .expect(403);
    expect(res.body.message).toMatch(/Laad de pagina opnieuw/);
  });

  it('shows a wrong password on the login page, not an error page', async () => {
    const agent = anonymousAgent(t.app);
    const page = await agent.get('/login');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const res = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: token, email: researcher.email, password: 'nope-nope-nope' })
      .expect(401);
    expect(res.text).toContain('Het e-mailadres of wachtwoord klopt niet.');
  });

  it('does not redirect to another site after login', async () => {
    const agent = anonymousAgent(t.app);
    const page = await agent.get('/login');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const res = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: token, email: researcher.email, password: researcher.password, next: '//evil.example/' })
      .expect(303);
    expect(res.headers.location).toBe('/studies');
  });

  it('refuses a state change without the CSRF header even when logged in', async () => {
    const { agent } = await loginAgent(t.app, researcher.email, researcher.password);
    await agent.post('/api/studies').send({ slug: 'no-csrf', title: 'No CSRF' }).expect(403);
  });

  it('gives a partner 403 on researcher pages and API routes', async () => {
    const { agent } = await loginAgent(t.app, partner.email, partner.password);
    for (const path of ['/api/studies', '/api/audit', '/api/users', '/studies', '/audit', '/users']) {
      await agent
        .get(path)
        .set('accept', path.startsWith('/api') ? 'application/json' : 'text/html')
        .expect(403);
    }
    const me = await agent.get('/api/auth/me').expect(200);
    expect(me.body.user.role).toBe('partner');
  });

  it('gives a researcher 403 on admin routes', async () => {
    const { agent } = await loginAgent(t.app, researcher.email, researcher.password);
    await agent.get('/api/users').expect(403);
  });

  it('logs out and the old cookie stops working', async () => {
    const { agent, csrf } = await loginAgent(t.app, researcher.email, researcher.password);
    await agent.get('/api/auth/me').expect(200);
    await agent.post('/api/auth/logout').set('x-csrf-token', csrf).expect(204);
    await agent.get('/api/auth/me').expect(401);
  });

  it('lets an admin create accounts, with field errors for bad input', async () => {
    const admin = await createUser(t.dataSource, { role: 'admin' });
    const { agent, csrf } = await loginAgent(t.app, admin.email, admin.password);
    const bad = await agent
      .post('/api/users')
      .set('x-csrf-token', csrf)
      .send({ email: 'not-an-email', role: 'boss', password: 'short' })
      .expect(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(['email', 'password', 'role']);
    const ok = await agent
      .post('/api/users')
      .set('x-csrf-token', csrf)
      .send({ email: 'new@ret.example', role: 'partner', organisation: 'RET', password: 'long-enough-pw' })
      .expect(201);
    expect(ok.body).toMatchObject({ email: 'new@ret.example', role: 'partner' });
    expect(ok.body.passwordHash).toBeUndefined();
  });

  it('serves the OpenAPI description to staff only', async () => {
    const { agent } = await loginAgent(t.app, researcher.email, researcher.password);
    const res = await agent.get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/studies', '/api/health']));
    await agent.get('/api/docs').set('accept', 'text/html').expect(200);
    const anonymous = await request(t.app.getHttpServer()).get('/api/docs-json').expect(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, code: 'auth.login_required' });
    await request(t.app.getHttpServer()).get('/api/docs-yaml').expect(401);
    const page = await request(t.app.getHttpServer()).get('/api/docs').set('accept', 'text/html').expect(303);
    expect(page.headers.location).toBe('/login?next=%2Fapi%2Fdocs');
    const asPartner = await loginAgent(t.app, partner.email, partner.password);
    await asPartner.agent.get('/api/docs-json').expect(403);
    await asPartner.agent.get('/api/docs/').set('accept', 'text/html').expect(403);
  });

  describe('CSRF tokens bound to the login session', () => {
    it('renews the token at login: the one from before no longer works, the one the login gave does', async () => {
      const agent = anonymousAgent(t.app);
      const before = (await agent.get('/api/auth/csrf').expect(200)).body.csrfToken as string;
      const login = await agent
        .post('/api/auth/login')
        .set('x-csrf-token', before)
        .send({ email: researcher.email, password: researcher.password })
        .expect(200);
      const after = login.body.csrfToken as string;
      expect(after).toEqual(expect.any(String));
      expect(after).not.toBe(before);
      expect((await agent.get('/api/auth/csrf').expect(200)).body.csrfToken).toBe(after);
      await agent
        .post('/api/studies')
        .set('x-csrf-token', before)
        .send({ slug: 'old-token', title: 'Old token' })
        .expect(403);
      await agent
        .post('/api/studies')
        .set('x-csrf-token', after)
        .send({ slug: 'new-token', title: 'New token' })
        .expect(201);
    });

    it('gives every login of the same account its own token, and one login’s token fails in another', async () => {
      const first = await loginAgent(t.app, researcher.email, researcher.password);
      const second = await loginAgent(t.app, researcher.email, researcher.password);
      expect(first.csrf).not.toBe(second.csrf);
      await second.agent
        .post('/api/studies')
        .set('x-csrf-token', first.csrf)
        .send({ slug: 'crossed', title: 'Crossed' })
        .expect(403);
    });

    it('renews the token at logout, so a token from the session is worthless afterwards', async () => {
      const { agent, csrf } = await loginAgent(t.app, researcher.email, researcher.password);
      const anonymousBefore = await anonymousAgent(t.app).get('/api/auth/csrf');
      const out = await agent.post('/api/auth/logout').set('x-csrf-token', csrf).expect(204);
      expect(
        (out.headers['set-cookie'] as unknown as string[]).some(
          (c) => c.startsWith('kw_csrf=') && !c.startsWith('kw_csrf=;'),
        ),
      ).toBe(true);
      const fresh = (await agent.get('/api/auth/csrf').expect(200)).body.csrfToken as string;
      expect(fresh).not.toBe(csrf);
      expect(fresh).not.toBe(anonymousBefore.body.csrfToken);
      // The old session's token cannot carry even the login form.
      await agent
        .post('/api/auth/login')
        .set('x-csrf-token', csrf)
        .send({ email: researcher.email, password: researcher.password })
        .expect(403);
      await agent
        .post('/api/auth/login')
        .set('x-csrf-token', fresh)
        .send({ email: researcher.email, password: researcher.password })
        .expect(200);
    });

    it('puts the session’s token in the pages after a form login', async () => {
      const agent = anonymousAgent(t.app);
      const loginPage = await agent.get('/login').expect(200);
      const before = /name="_csrf" value="([^"]+)"/.exec(loginPage.text)![1];
      await agent
        .post('/login')
        .type('form')
        .send({ _csrf: before, email: researcher.email, password: researcher.password })
        .expect(303);
      const page = await agent.get('/studies').expect(200);
      const after = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
      expect(after).not.toBe(before);
      await agent.post('/logout').type('form').send({ _csrf: before }).set('accept', 'application/json').expect(403);
      await agent.post('/logout').type('form').send({ _csrf: after }).expect(303);
    });
  });

  describe('caching', () => {
    it('forbids storing any page or API answer, logged in or not, but lets assets be cached', async () => {
      const { agent } = await loginAgent(t.app, researcher.email, researcher.password);
      for (const path of ['/studies', '/api/studies', '/api/auth/me', '/audit', '/api/audit']) {
        const res = await agent.get(path).expect(200);
        expect([path, res.headers['cache-control']]).toEqual([path, 'no-store']);
      }
      expect((await request(t.app.getHttpServer()).get('/login').expect(200)).headers['cache-control']).toBe(
        'no-store',
      );
      expect((await request(t.app.getHttpServer()).get('/api/studies').expect(401)).headers['cache-control']).toBe(
        'no-store',
      );
      const asset = await request(t.app.getHttpServer()).get('/assets/css/kwadrant.css').expect(200);
      expect(asset.headers['cache-control']).toMatch(/max-age=3600/);
    });
  });
});
