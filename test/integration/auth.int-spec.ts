import { AuthService } from '../../src/auth/auth.service';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from '../../src/auth/login-throttle';
import { LoginSession } from '../../src/auth/login-session.entity';
import { hashToken } from '../../src/common/tokens';
import { createTestApp, TestApp } from '../support/test-app';
import { createOrganisation, createUser } from '../support/factories';

describe('AuthService on a real database', () => {
  let t: TestApp;
  let auth: AuthService;

  beforeAll(async () => {
    t = await createTestApp();
    auth = t.app.get(AuthService);
  });
  afterAll(() => t.close());

  it('stores only the hash of a session token', async () => {
    const u = await createUser(t.dataSource);
    const { token } = await auth.login(u.email, u.password, '10.0.0.1');
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits base64url
    const rows = await t.dataSource.getRepository(LoginSession).findBy({ userId: u.id });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(hashToken(token));
    expect(rows[0].tokenHash).not.toContain(token);
    expect((await auth.resolveSession(token))?.email).toBe(u.email);
    await auth.logout(token);
    expect(await auth.resolveSession(token)).toBeNull();
  });

  it('throttles an account after repeated failures, even with the right password', async () => {
    const u = await createUser(t.dataSource);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await expect(auth.login(u.email, 'wrong-password', `10.0.1.${i}`)).rejects.toMatchObject({ code: 'auth.invalid_credentials' });
    }
    await expect(auth.login(u.email, u.password, '10.0.2.1')).rejects.toMatchObject({ code: 'auth.throttled' });
  });

  it('throttles an IP address that tries many accounts', async () => {
    const u = await createUser(t.dataSource);
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await expect(auth.login(`nobody${i}@example.org`, 'guess', '10.9.9.9')).rejects.toMatchObject({ code: 'auth.invalid_credentials' });
    }
    await expect(auth.login(u.email, u.password, '10.9.9.9')).rejects.toMatchObject({ code: 'auth.throttled' });
    await expect(auth.login(u.email, u.password, '10.9.9.10')).resolves.toMatchObject({ user: { email: u.email } });
  });

  it('creates a partner bound to an organisation and refuses an unknown one', async () => {
    await createOrganisation(t.dataSource, 'Vitens');
    const p = await auth.createUser({ email: 'Partner@Vitens.example', role: 'partner', organisation: 'Vitens', password: 'a-long-password' }, null);
    expect(p.email).toBe('partner@vitens.example');
    expect(p.organisationId).not.toBeNull();
    await expect(auth.createUser({ email: 'x@y.example', role: 'partner', organisation: 'Nope', password: 'a-long-password' }, null)).rejects.toMatchObject({ code: 'user.organisation_unknown' });
    await expect(auth.createUser({ email: 'partner@vitens.example', role: 'researcher', password: 'a-long-password' }, null)).rejects.toMatchObject({ code: 'user.email_taken' });
  });
});
