import { ensureFirstRun } from '../../src/bootstrap';
import { AuthService } from '../../src/auth/auth.service';
import { StudiesService } from '../../src/studies/studies.service';
import { createTestApp, TestApp } from '../support/test-app';

describe('first run', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates an admin with a generated password and the demo study once; a restart changes nothing', async () => {
    const first = await ensureFirstRun(t.app, t.config);
    expect(first.demoCreated).toBe(true);
    expect(first.adminCreated?.email).toBe('admin@kwadrant.local');
    expect(first.adminCreated?.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const login = await t.app
      .get(AuthService)
      .login('admin@kwadrant.local', first.adminCreated!.password!, '127.0.0.1');
    expect(login.user.role).toBe('admin');

    const second = await ensureFirstRun(t.app, t.config);
    expect(second).toEqual({ demoCreated: false });
    expect((await t.app.get(StudiesService).list({ offset: 0, limit: 50 })).items.map((s) => s.slug)).toEqual(['wp2a']);
  });

  it('uses ADMIN_EMAIL and ADMIN_PASSWORD when given, without printing the password', async () => {
    await t.dataSource.query('DELETE FROM login_session');
    await t.dataSource.query('DELETE FROM "user"');
    const run = await ensureFirstRun(t.app, {
      ...t.config,
      adminEmail: 'lector@hogeschool.example',
      adminPassword: 'from-the-environment',
    });
    expect(run.adminCreated).toEqual({ email: 'lector@hogeschool.example', password: undefined });
    await expect(
      t.app.get(AuthService).login('lector@hogeschool.example', 'from-the-environment', '127.0.0.2'),
    ).resolves.toBeDefined();
  });
});
