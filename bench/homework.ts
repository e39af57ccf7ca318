// Autosave under load: PUT /api/homework/:token/draft through the whole application as it runs in production
// (the route answered ahead of Express, body check, draft check against the form, one compare-and-set UPDATE
// that also applies the closing rules, on SQLite) against a baseline measured in the same run: a bare
// node:http server doing the same UPDATE of the same JSON in the same kind of SQLite database with better-sqlite3.
// Each server runs in its own process; autocannon (100 connections, loopback) runs in this one.
// Run: node -r ./bench/register.js bench/homework.ts [--seconds 10] [--connections 100]
import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SECONDS = option('seconds', 10);
const CONNECTIONS = option('connections', 100);
// Twice as many as connections, so every request finds an assignment no other request is saving at that moment.
const ASSIGNMENTS = CONNECTIONS * 2;
const SECRET = 'bench-secret-bench-secret-bench-secret-1';

/** A realistic draft: a few paragraphs, a rating, channels (about 1.5 kB of JSON). */
export const DRAFT = {
  firstName: 'Ans',
  contactMoments: 'Ik heb in september gebeld over mijn jaarafrekening, omdat het voorschot veel hoger werd. '.repeat(
    6,
  ),
  channels: ['telefoon', 'website'],
  contactMomentsRating: 'neutraal',
  contactMomentsExplanation: 'Ik werd snel geholpen, maar moest wel twee keer mijn verhaal doen. '.repeat(4),
  goal: 'Een lager voorschot aanvragen.',
};

export async function seed(dataDir: string): Promise<string[]> {
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('../src/app.module');
  const { loadConfig } = await import('../src/config/config');
  const { DataSource } = await import('typeorm');
  const { HomeworkService } = await import('../src/homework/homework.service');
  const { HomeworkLinksService } = await import('../src/homework/homework-links.service');
  const config = {
    ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', MAIL_WORKER: 'off' }),
    sessionSecret: SECRET,
  };
  const app = await NestFactory.createApplicationContext(AppModule.forConfig(config), { logger: false });
  const ds = app.get(DataSource);
  const q = (sql: string, params: unknown[] = []) => ds.query(sql, params);
  await q(
    `INSERT INTO study (slug, title, description, locale, status, help_phone, return_address, created_at) VALUES ('bench', 'Bench', '', 'nl', 'fieldwork', '030 000 00 00', 'Postbus 1', '2026-11-01 00:00:00')`,
  );
  await q(`INSERT INTO organisation (name) VALUES ('Vitens')`);
  await q(`INSERT INTO study_organisation (study_id, organisation_id, position) VALUES (1, 1, 0)`);
  for (const who of ['lead', 'note']) {
    await q(
      `INSERT INTO "user" (email, name, role, password_hash, active, created_at) VALUES (?, ?, 'researcher', 'x', true, '2026-11-01 00:00:00')`,
      [`${who}@example.org`, who],
    );
  }
  const startsAt = new Date(Date.now() + 21 * 86_400_000).toISOString().replace('T', ' ').replace('Z', '');
  await q(`INSERT INTO session_slot (study_id, starts_at, ends_at) VALUES (1, ?, ?)`, [startsAt, startsAt]);
  await q(
    `INSERT INTO focus_group (study_id, organisation_id, quadrant, status, created_at, updated_at) VALUES (1, 1, 'gemakzoeker', 'confirmed', '2026-11-01 00:00:00', '2026-11-01 00:00:00')`,
  );
  for (let i = 1; i <= ASSIGNMENTS; i++) {
    await q(
      `INSERT INTO respondent (study_id, organisation_id, first_name, email, status, source, screened_at) VALUES (1, 1, ?, ?, 'confirmed', 'import', '2026-11-01 00:00:00')`,
      [`R${i}`, `r${i}@example.org`],
    );
    await q(
      `INSERT INTO group_member (study_id, group_id, respondent_id, role, position) VALUES (1, 1, ?, 'member', ?)`,
      [i, i],
    );
  }
  await q(
    `INSERT INTO scheduled_session (study_id, group_id, slot_id, lead_moderator_id, note_moderator_id, starts_at, ends_at, created_at, updated_at) VALUES (1, 1, 1, 1, 2, ?, ?, '2026-11-01 00:00:00', '2026-11-01 00:00:00')`,
    [startsAt, startsAt],
  );
  await app.get(HomeworkService).sendForGroup('bench', 1, null);
  const links = app.get(HomeworkLinksService);
  const rows: { credential_nonce: string }[] = await q('SELECT credential_nonce FROM homework_assignment ORDER BY id');
  const tokens = rows.map((r) => links.credentialsFor(r.credential_nonce).token);
  await app.close();
  return tokens;
}

/** Child process: the application on a free loopback port. */
async function serveApp(dataDir: string): Promise<void> {
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('../src/app.module');
  const { configureApp } = await import('../src/app.setup');
  const { loadConfig } = await import('../src/config/config');
  const config = {
    ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', MAIL_WORKER: 'off' }),
    sessionSecret: SECRET,
  };
  const app = await NestFactory.create(AppModule.forConfig(config), { logger: false, bodyParser: false });
  configureApp(app as never, config);
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer() as import('node:http').Server).address() as { port: number };
  // One ordinary request first, as a running platform has had: it switches on the request-scoped logging
  // context (async hooks), which every later request pays for.
  await fetch(`http://127.0.0.1:${port.port}/api/health`);
  process.stdout.write(`PORT ${port.port}\n`);
}

/** Child process: the baseline, node:http + better-sqlite3 doing the same compare-and-set UPDATE. */
function serveBaseline(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  const update = db.prepare(
    'UPDATE homework_assignment SET draft = ?, current_page = ?, draft_saved_at = ?, revision = revision + 1 WHERE token_hash = ? AND revision = ?',
  );
  const server = createServer((req, res) => {
    const match = /^\/api\/homework\/([^/]+)\/draft$/.exec(req.url ?? '');
    if (req.method !== 'PUT' || !match) return void res.writeHead(404).end();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        revision: number;
        data: object;
        currentPage: string | null;
      };
      const now = new Date();
      const hash = createHash('sha256').update(match[1]).digest('hex');
      const changed =
        update.run(JSON.stringify(body.data), body.currentPage, now.toISOString(), hash, body.revision).changes === 1;
      res.writeHead(changed ? 200 : 409, { 'content-type': 'application/json' });
      res.end(JSON.stringify(changed ? { revision: body.revision + 1, savedAt: now } : { statusCode: 409 }));
    });
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`PORT ${(server.address() as { port: number }).port}\n`));
}

function startChild(mode: string, target: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['-r', join(__dirname, 'register.js'), __filename, '--serve', mode, target], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
}

interface Figures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  other: number;
}

/**
 * Every request takes an assignment that is not being saved at that moment and sends the revision the previous
 * answer for it gave, as a browser tab does; so every autosave should be a 200. (autocannon resets its per-request
 * context between requests, so the revisions live here.)
 */
async function load(port: number, tokens: string[]): Promise<Figures> {
  const free = [...tokens];
  const revisions = new Map<string, number>();
  let ok = 0;
  let other = 0;
  type Ctx = { token?: string };
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req: Record<string, unknown>, context: Ctx) => {
          const token = free.shift() ?? tokens[Math.floor(Math.random() * tokens.length)];
          context.token = token;
          return {
            ...req,
            path: `/api/homework/${token}/draft`,
            body: JSON.stringify({
              revision: revisions.get(token) ?? 0,
              data: DRAFT,
              currentPage: 'contactMomentsStep',
            }),
          };
        },
        onResponse: (status: number, body: string, context: Ctx) => {
          const token = context.token!;
          if (status === 200) {
            ok++;
            revisions.set(token, (JSON.parse(body) as { revision: number }).revision);
          } else other++;
          free.push(token);
        },
      },
    ],
  } as unknown as autocannon.Options);
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, ok, other };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kw-bench-homework-'));
  try {
    process.stderr.write(`seeding ${ASSIGNMENTS} assignments…\n`);
    const tokens = await seed(dir);
    const appFile = join(dir, 'kwadrant.sqlite');
    const baselineFile = join(dir, 'baseline.sqlite');
    copyFileSync(appFile, baselineFile);
    const rows: [string, Figures][] = [];
    for (const [name, mode, target] of [
      ['baseline (node:http + better-sqlite3)', 'baseline', baselineFile],
      ['kwadrant (whole app)', 'app', dir],
    ] as const) {
      process.stderr.write(`measuring ${name}: ${CONNECTIONS} connections, ${SECONDS} s…\n`);
      const { child, port } = await startChild(mode, target);
      try {
        rows.push([name, await load(port, tokens)]);
      } finally {
        child.removeAllListeners('exit');
        child.kill('SIGTERM');
      }
    }
    const [base, app] = rows.map(([, f]) => f);
    process.stdout.write(
      `autosave PUT /api/homework/:token/draft, ${CONNECTIONS} connections, ${SECONDS} s, loopback\n`,
    );
    for (const [name, f] of rows) {
      process.stdout.write(
        `${name.padEnd(40)} ${f.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${String(f.p50).padStart(3)} ms  p99 ${String(f.p99).padStart(3)} ms  (200: ${f.ok}, other: ${f.other})\n`,
      );
    }
    const ratio = app.requestsPerSecond / base.requestsPerSecond;
    process.stdout.write(
      `throughput ratio kwadrant/baseline: ${ratio.toFixed(2)} (goal >= 0.5); kwadrant p99 ${app.p99} ms (goal < 50 ms)\n`,
    );
    if (app.other > 0) process.stdout.write(`WARNING: ${app.other} autosaves were not answered with 200\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const serveIndex = args.indexOf('--serve');
// bench/import.ts borrows the seeding and the draft: only run when started as a script.
if (require.main !== module) {
  // imported
} else if (serveIndex >= 0) {
  const [mode, target] = args.slice(serveIndex + 1);
  if (mode === 'baseline') serveBaseline(target);
  else void serveApp(target);
} else {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
