import { AuthService } from '../../src/auth/auth.service';
import { PER_ACCOUNT_AND_ADDRESS, PER_ADDRESS } from '../../src/auth/login-throttle';
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

  describe('login throttle', () => {
    const t0 = new Date('2030-01-01T10:00:00Z');
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

    it('makes an account wait after five failures from one address, with a growing delay, but not from elsewhere', async () => {
      const u = await createUser(t.dataSource);
      for (let i = 0; i < PER_ACCOUNT_AND_ADDRESS.freeFailures; i++) {
        await expect(auth.login(u.email, 'wrong-password', '10.0.1.1', t0)).rejects.toMatchObject({
          code: 'auth.invalid_credentials',
        });
      }
      await expect(auth.login(u.email, u.password, '10.0.1.1', at(1))).rejects.toMatchObject({
        code: 'auth.throttled',
        details: { retryAfterSeconds: 59 },
      });
      await expect(auth.login(u.email, u.password, '10.0.2.1', at(1))).resolves.toMatchObject({
        user: { email: u.email },
      });
      // One more try once the minute is over; after it fails, the wait doubles.
      await expect(auth.login(u.email, 'wrong-password', '10.0.1.1', at(60))).rejects.toMatchObject({
        code: 'auth.invalid_credentials',
      });
      await expect(auth.login(u.email, u.password, '10.0.1.1', at(61))).rejects.toMatchObject({
        code: 'auth.throttled',
        details: { retryAfterSeconds: 119 },
      });
      await expect(auth.login(u.email, u.password, '10.0.1.1', at(180))).resolves.toMatchObject({
        user: { email: u.email },
      });
      // The right password ended the run: five free tries again.
      for (let i = 0; i < PER_ACCOUNT_AND_ADDRESS.freeFailures; i++) {
        await expect(auth.login(u.email, 'wrong-password', '10.0.1.1', at(181))).rejects.toMatchObject({
          code: 'auth.invalid_credentials',
        });
      }
    });

    it('makes an address that tries many accounts wait, for every account, and no other address', async () => {
      const u = await createUser(t.dataSource);
      for (let i = 0; i < PER_ADDRESS.freeFailures; i++) {
        await expect(auth.login(`nobody${i}@example.org`, 'guess', '10.9.9.9', t0)).rejects.toMatchObject({
          code: 'auth.invalid_credentials',
        });
      }
      await expect(auth.login(u.email, u.password, '10.9.9.9', t0)).rejects.toMatchObject({ code: 'auth.throttled' });
      await expect(auth.login(u.email, u.password, '10.9.9.10', t0)).resolves.toMatchObject({
        user: { email: u.email },
      });
    });

    it('does not count right passwords against an address (an office behind one address)', async () => {
      const u = await createUser(t.dataSource);
      for (let i = 0; i < PER_ADDRESS.freeFailures + 5; i++) await auth.login(u.email, u.password, '10.7.7.7', t0);
      await expect(auth.login(u.email, u.password, '10.7.7.7', t0)).resolves.toMatchObject({
        user: { email: u.email },
      });
    });

    it('checks at most the free number of parallel guesses', async () => {
      const u = await createUser(t.dataSource);
      const results = await Promise.allSettled(
        Array.from({ length: 15 }, () => auth.login(u.email, 'wrong-password', '10.5.5.5', t0)),
      );
      const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok'));
      expect(codes.filter((c) => c === 'auth.invalid_credentials')).toHaveLength(PER_ACCOUNT_AND_ADDRESS.freeFailures);
      expect(codes.filter((c) => c === 'auth.throttled')).toHaveLength(15 - PER_ACCOUNT_AND_ADDRESS.freeFailures);
    });
  });

  it('creates a partner bound to an organisation and refuses an unknown one', async () => {
    await createOrganisation(t.dataSource, 'Vitens');
    const p = await auth.createUser(
      { email: 'Partner@Vitens.example', role: 'partner', organisation: 'Vitens', password: 'a-long-password' },
      null,
    );
    expect(p.email).toBe('partner@vitens.example');
    expect(p.organisationId).not.toBeNull();
    await expect(
      auth.createUser(
        { email: 'x@y.example', role: 'partner', organisation: 'Nope', password: 'a-long-password' },
        null,
      ),
    ).rejects.toMatchObject({ code: 'user.organisation_unknown' });
    await expect(
      auth.createUser({ email: 'partner@vitens.example', role: 'researcher', password: 'a-long-password' }, null),
    ).rejects.toMatchObject({ code: 'user.email_taken' });
  });
});
