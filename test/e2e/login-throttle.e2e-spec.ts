import request from 'supertest';
import { MAX_CODE_FAILURES_PER_IP } from '../../src/homework/homework-links.service';
import { PER_ACCOUNT_AND_ADDRESS } from '../../src/auth/login-throttle';
import { createTestApp, TestApp } from '../support/test-app';
import { createUser } from '../support/factories';
import { anonymousAgent, type Agent } from '../support/http';

type Login = { status: number; body: { code?: string; message?: string }; headers: Record<string, string> };

async function csrfOf(agent: Agent): Promise<string> {
  return (await agent.get('/api/auth/csrf').expect(200)).body.csrfToken as string;
}

function tryLogin(agent: Agent, csrf: string, email: string, password: string, forwardedFor?: string): Promise<Login> {
  const req = agent.post('/api/auth/login').set('x-csrf-token', csrf);
  if (forwardedFor) req.set('x-forwarded-for', forwardedFor);
  return req.send({ email, password });
}

/** A typed homework code at /h (the respondent's form; no login, no CSRF token). */
function typeCode(t: TestApp, code: string, forwardedFor: string) {
  return request(t.app.getHttpServer()).post('/h').type('form').set('x-forwarded-for', forwardedFor).send({ code });
}

const count = (results: Login[], status: number) => results.filter((r) => r.status === status).length;

describe('login throttle over HTTP (no proxy trusted: the default)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('checks at most five of 40 parallel wrong guesses, refuses the right password after them, and ignores X-Forwarded-For', async () => {
    const admin = await createUser(t.dataSource, { role: 'admin' });
    const agent = anonymousAgent(t.app);
    const csrf = await csrfOf(agent);
    // Each guess claims another client address: without a trusted proxy the header must change nothing.
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => tryLogin(agent, csrf, admin.email, `wrong-${i}`, `203.0.113.${i}`)),
    );
    expect(count(results, 401)).toBe(PER_ACCOUNT_AND_ADDRESS.freeFailures);
    expect(count(results, 429)).toBe(40 - PER_ACCOUNT_AND_ADDRESS.freeFailures);
    const right = await tryLogin(agent, csrf, admin.email, admin.password, '198.51.100.7');
    expect(right.status).toBe(429);
    expect(right.body).toMatchObject({
      statusCode: 429,
      code: 'auth.throttled',
      message: expect.stringMatching(/Wacht voor uw veiligheid 1 minuut/),
    });
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(right.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('shows the login form a kind Dutch message with the wait, and Retry-After', async () => {
    const user = await createUser(t.dataSource);
    const agent = anonymousAgent(t.app);
    const page = await agent.get('/login').expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    for (let i = 0; i < PER_ACCOUNT_AND_ADDRESS.freeFailures; i++) {
      await agent
        .post('/login')
        .type('form')
        .send({ _csrf: token, email: user.email, password: 'wrong-password' })
        .expect(401);
    }
    const res = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: token, email: user.email, password: user.password })
      .expect(429);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.text).toContain('Voor uw veiligheid kunt u het over een minuut opnieuw proberen.');
    expect(res.text).toContain(`value="${user.email}"`);
  });

  it('counts wrong homework codes per connection, whatever X-Forwarded-For says', async () => {
    for (let i = 0; i < MAX_CODE_FAILURES_PER_IP; i++) await typeCode(t, 'ABCD-EFGH', `203.0.113.${i}`).expect(404);
    await typeCode(t, 'ABCD-EFGH', '203.0.113.200').expect(429);
  });
});

describe('login throttle behind a trusted proxy (TRUST_PROXY=loopback)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ trustProxy: ['loopback'] })));
  afterAll(() => t.close());

  it('throttles per client address, so the admin still logs in from elsewhere while one address is throttled', async () => {
    const admin = await createUser(t.dataSource, { role: 'admin' });
    const agent = anonymousAgent(t.app);
    const csrf = await csrfOf(agent);
    const attacker = '198.51.100.66';
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => tryLogin(agent, csrf, admin.email, `wrong-${i}`, attacker)),
    );
    expect(count(results, 401)).toBe(PER_ACCOUNT_AND_ADDRESS.freeFailures);
    expect(count(results, 429)).toBe(40 - PER_ACCOUNT_AND_ADDRESS.freeFailures);
    expect((await tryLogin(agent, csrf, admin.email, admin.password, attacker)).status).toBe(429);

    const office = anonymousAgent(t.app);
    const officeCsrf = await csrfOf(office);
    const ok = await tryLogin(office, officeCsrf, admin.email, admin.password, '192.0.2.10');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ user: { email: admin.email, role: 'admin' } });
    // The attacker's address stays throttled.
    expect((await tryLogin(agent, csrf, admin.email, admin.password, attacker)).status).toBe(429);
  });

  it('takes the client address from the last untrusted hop, so a forged first entry does not help', async () => {
    const user = await createUser(t.dataSource);
    const agent = anonymousAgent(t.app);
    const csrf = await csrfOf(agent);
    for (let i = 0; i < PER_ACCOUNT_AND_ADDRESS.freeFailures; i++) {
      expect((await tryLogin(agent, csrf, user.email, 'wrong-password', `10.1.1.${i}, 198.51.100.99`)).status).toBe(
        401,
      );
    }
    expect((await tryLogin(agent, csrf, user.email, user.password, '10.9.9.9, 198.51.100.99')).status).toBe(429);
  });

  it('counts wrong homework codes per forwarded client address too', async () => {
    for (let i = 0; i < MAX_CODE_FAILURES_PER_IP; i++) await typeCode(t, 'ABCD-EFGH', '198.51.100.50').expect(404);
    await typeCode(t, 'ABCD-EFGH', '198.51.100.50').expect(429);
    await typeCode(t, 'ABCD-EFGH', '198.51.100.51').expect(404);
  });
});
