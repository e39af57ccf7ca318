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
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: expect.stringMatching(/log in/i) });
  });

  it('sends pages without a login to the login page', async () => {
    const res = await request(t.app.getHttpServer()).get('/studies').set('accept', 'text/html').expect(303);
    expect(res.headers.location).toBe('/login?next=%2Fstudies');
  });

  it('logs in through the form with a CSRF token and sets a safe cookie', async () => {
    const agent = anonymousAgent(t.app);
    const page = await agent.get('/login').expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const res = await agent.post('/login').type('form').send({ _csrf: token, email: researcher.email, password: researcher.password, next: '/studies' }).expect(303);
    expect(res.headers.location).toBe('/studies');
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('kw_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    await agent.get('/studies').expect(200);
  });

  it('refuses a form login without the CSRF token', async () => {
    const agent = anonymousAgent(t.app);
    await agent.get('/login').expect(200);
    const res = await agent.post('/login').type('form').send({ email: researcher.email, password: researcher.password }).set('accept', 'application/json').expect(403);
    expect(res.body.message).toMatch(/reload the page/);
  });

  it('shows a wrong password on the login page, not an error page', async () => {
    const agent = anonymousAgent(t.app);
    const page = await agent.get('/login');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const res = await agent.post('/login').type('form').send({ _csrf: token, email: researcher.email, password: 'nope-nope-nope' }).expect(401);
    expect(res.text).toContain('Het e-mailadres of wachtwoord klopt niet.');
  });

  it('does not redirect to another site after login', async () => {
    const agent = anonymousAgent(t.app);
    const page = await agent.get('/login');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const res = await agent.post('/login').type('form').send({ _csrf: token, email: researcher.email, password: researcher.password, next: '//evil.example/' }).expect(303);
    expect(res.headers.location).toBe('/studies');
  });

  it('refuses a state change without the CSRF header even when logged in', async () => {
    const { agent } = await loginAgent(t.app, researcher.email, researcher.password);
    await agent.post('/api/studies').send({ slug: 'no-csrf', title: 'No CSRF' }).expect(403);
  });

  it('gives a partner 403 on researcher pages and API routes', async () => {
    const { agent } = await loginAgent(t.app, partner.email, partner.password);
    for (const path of ['/api/studies', '/api/audit', '/api/users', '/studies', '/audit', '/users']) {
      await agent.get(path).set('accept', path.startsWith('/api') ? 'application/json' : 'text/html').expect(403);
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
    const bad = await agent.post('/api/users').set('x-csrf-token', csrf).send({ email: 'not-an-email', role: 'boss', password: 'short' }).expect(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(['email', 'password', 'role']);
    const ok = await agent.post('/api/users').set('x-csrf-token', csrf).send({ email: 'new@ret.example', role: 'partner', organisation: 'RET', password: 'long-enough-pw' }).expect(201);
    expect(ok.body).toMatchObject({ email: 'new@ret.example', role: 'partner' });
    expect(ok.body.passwordHash).toBeUndefined();
  });

  it('serves the OpenAPI description', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/studies', '/api/health']));
  });
});
