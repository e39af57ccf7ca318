import { mkdtempSync } from 'fs';
import { join } from 'path';
import { runCli } from '../support/cli';
import { isPostgresRun, runDir, testDatabaseConfig } from '../support/test-database';

/** The CLI against a migrated test database of its own (a copy of the SQLite template, or the worker's PostgreSQL database). */
function cliEnv(): Record<string, string> {
  const db = testDatabaseConfig();
  const dataDir = mkdtempSync(join(runDir(), 'cli-'));
  return { DATA_DIR: dataDir, DATABASE_URL: db.type === 'postgres' ? db.url : `sqlite:${db.file}` };
}

describe('kwadrant command line', () => {
  const env = cliEnv();

  beforeAll(async () => {
    if (isPostgresRun()) {
      // The worker's PostgreSQL database is shared by the files it runs: start from empty tables.
      const { openTestDataSource } = await import('../support/test-database');
      await (await openTestDataSource()).destroy();
    }
  });

  it('migrate is idempotent', async () => {
    const first = await runCli(['migrate'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Database is up to date.');
  });

  it('speaks Dutch by default and English with --lang en, errors included', async () => {
    const dutch = { ...env, KWADRANT_LANG: '' };
    expect((await runCli(['migrate'], dutch)).stdout).toContain('De database is bijgewerkt.');
    const missing = await runCli(['schedule', '--study', 'nope'], dutch);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Fout: Er is geen onderzoek “nope”.');
    const english = await runCli(['--lang', 'en', 'schedule', '--study', 'nope'], dutch);
    expect(english.stderr).toContain('Error: No study "nope" exists.');
  });

  it('creates a study with organisations', async () => {
    const r = await runCli(
      [
        'study',
        'create',
        '--slug',
        'cli-study',
        '--title',
        'CLI study',
        '--organisation',
        'RET',
        '--organisation',
        'Vitens',
      ],
      env,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      slug: 'cli-study',
      title: 'CLI study',
      organisations: ['RET', 'Vitens'],
    });
  });

  it('creates users with the password from stdin, and explains mistakes', async () => {
    const ok = await runCli(
      ['users', 'create', '--email', 'partner@ret.example', '--role', 'partner', '--organisation', 'RET'],
      env,
      'a-very-long-password\n',
    );
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ email: 'partner@ret.example', role: 'partner' });
    const short = await runCli(['users', 'create', '--email', 'x@ret.example', '--role', 'researcher'], env, 'short');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 10 characters');
    const unknownOrg = await runCli(
      ['users', 'create', '--email', 'y@ret.example', '--role', 'partner', '--organisation', 'NS'],
      env,
      'a-very-long-password',
    );
    expect(unknownOrg.code).toBe(2);
    expect(unknownOrg.stderr).toContain('Known: RET, Vitens');
  });

  it('names a bad environment variable in the language of the command line', async () => {
    const english = await runCli(['study', 'list'], { ...env, PORT: 'eighty' });
    expect(english.code).toBe(2);
    expect(english.stderr).toBe('Invalid configuration: PORT must be a whole number from 0 to 65535, not "eighty"\n');
    // Dutch by default: the settings are read after the language was chosen from --lang and the environment.
    const dutch = await runCli(['study', 'list'], { ...env, PORT: 'eighty', KWADRANT_LANG: '' });
    expect(dutch.code).toBe(2);
    expect(dutch.stderr).toBe(
      'Ongeldige instelling: PORT moet een heel getal van 0 tot en met 65535 zijn, niet "eighty"\n',
    );
    const shell = await runCli(['study', 'list'], {
      ...env,
      KWADRANT_LANG: '',
      LANG: 'en_GB.UTF-8',
      LOG_LEVEL: 'loud',
    });
    expect(shell.stderr).toBe(
      'Invalid configuration: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent\n',
    );
  });
});
