import { startupMessage } from './startup-message';

describe(startupMessage.name, () => {
  const base = { baseUrl: 'http://localhost:3000', database: './data/kwadrant.sqlite' };

  it('on a first start gives the address, the one-time password and the next step', () => {
    const text = startupMessage({
      ...base,
      firstRun: { adminCreated: { email: 'admin@kwadrant.local', password: 'Pw-1234567890' }, demoCreated: true },
    });
    expect(text).toContain('kwadrant is running at http://localhost:3000');
    expect(text).toContain('Log in at http://localhost:3000/login');
    expect(text).toContain('  e-mail:   admin@kwadrant.local\n  password: Pw-1234567890\n');
    expect(text).toContain('npx kwadrant demo --with-respondents');
    expect(text).toContain('http://localhost:3000/s/wp2a');
    // Short enough to stay on one screen.
    expect(text.split('\n').length).toBeLessThan(20);
  });

  it('never prints a password it did not make', () => {
    const text = startupMessage({
      ...base,
      firstRun: { adminCreated: { email: 'me@example.org' }, demoCreated: false },
    });
    expect(text).toContain('password: the one in ADMIN_PASSWORD');
    expect(text).not.toContain('demo --with-respondents');
  });

  it('on a later start only says where it runs and where to log in', () => {
    const text = startupMessage({ ...base, firstRun: { demoCreated: false } });
    expect(text).toContain('Log in at http://localhost:3000/login');
    expect(text).not.toContain('password');
  });
});
