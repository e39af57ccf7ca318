import type { FirstRun } from './bootstrap';

export interface StartupFacts {
  baseUrl: string;
  database: string;
  firstRun: FirstRun;
}

/**
 * What a person starting kwadrant needs to read: where it runs, how to log in (the one-time password once), and the
 * next step on a first start. Printed last and kept short, so it stays on screen.
 */
export function startupMessage({ baseUrl, database, firstRun }: StartupFacts): string {
  const rule = '─'.repeat(64);
  const lines = [rule, `kwadrant is running at ${baseUrl}`, `  database: ${database}`, ''];
  const admin = firstRun.adminCreated;
  if (admin) {
    lines.push(`Log in at ${baseUrl}/login`, `  e-mail:   ${admin.email}`);
    lines.push(admin.password ? `  password: ${admin.password}` : '  password: the one in ADMIN_PASSWORD');
    if (admin.password)
      lines.push('  (shown only this once: keep it in a password manager; you can add accounts at /users)');
  } else {
    lines.push(`Log in at ${baseUrl}/login`);
  }
  if (firstRun.demoCreated) {
    lines.push(
      '',
      `A demo study is ready: ${baseUrl}/studies/wp2a`,
      'Next: give it made-up respondents, in a second terminal in this folder:',
      '  npx kwadrant demo --with-respondents',
      `Real respondents sign up through the study's screener (${baseUrl}/s/wp2a) or an import (CSV/XLSX) on the respondents page.`,
    );
  }
  lines.push('', 'Stop with Ctrl+C. Data is kept between starts.', rule);
  return lines.join('\n') + '\n';
}
