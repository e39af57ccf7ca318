// Respondent imports of 50,000 rows (CSV and XLSX) in a running application, while 20 connections keep autosaving 200 times a second
// homework drafts (PUT /api/homework/:token/draft, as bench/homework.ts). Measured in the application's process:
// the import's time, its peak RSS and the event loop's delay (p99); and by autocannon: the autosaves' p99 latency
// during the import against the same load without one. The application runs in a child process; autocannon and
// the file generation in this one.
// Run: node -r ./bench/register.js bench/import.ts [--rows 50000] [--connections 20] [--rate 200] [--dry-run]
import { ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { Workbook } from 'exceljs';
import { DRAFT, seed } from './homework';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROWS = option('rows', 50_000);
const CONNECTIONS = option('connections', 20);
const RATE = option('rate', 200);
/** Only read the files (a dry run), storing nothing. */
const DRY_RUN = args.includes('--dry-run');
const BASELINE_SECONDS = 8;
const SECRET = 'bench-secret-bench-secret-bench-secret-1';
const HEADER = [
  'Geslacht',
  'Leeftijd',
  'Opleidingsniveau',
  'Mate comfortabel met digitale middelen',
  'Kwadrant',
  'Organisatie',
];
const EDUCATIONS = ['Basisonderwijs', 'VMBO / MAVO / LBO', 'HAVO / VWO', 'MBO', 'HBO', 'Universiteit of hoger'];
const COMFORTS = ['Zeer oncomfortabel', 'Oncomfortabel', 'Neutraal', 'Comfortabel', 'Zeer comfortabel'];
const QUADRANTS = ['Informatiezoeker', 'Zekerheidszoeker', 'Rust-in-je-hoofdzoeker', 'Gemakzoeker'];

/** Varied Bijlage 5 rows, as a panel bureau would deliver them (the seeded study's organisation is Vitens). */
function rows(n: number): string[][] {
  return Array.from({ length: n }, (_, i) => [
    ['Man', 'Vrouw', 'x'][i % 3],
    String(18 + ((i * 7) % 70)),
    EDUCATIONS[i % 6],
    COMFORTS[(i * 3) % 5],
    QUADRANTS[(i * 5) % 4],
    'Vitens',
  ]);
}

async function files(dir: string): Promise<{ name: string; file: string; bytes: number }[]> {
  const data = rows(ROWS);
  const csvFile = join(dir, 'import.csv');
  writeFileSync(csvFile, [HEADER, ...data].map((r) => r.join(';')).join('\r\n') + '\r\n');
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Respondenten');
  sheet.addRow(HEADER);
  for (const r of data) sheet.addRow([r[0], Number(r[1]), ...r.slice(2)]);
  const xlsxFile = join(dir, 'import.xlsx');
  writeFileSync(xlsxFile, Buffer.from(await workbook.xlsx.writeBuffer()));
  return [
    { name: 'CSV', file: csvFile, bytes: readFileSync(csvFile).length },
    { name: 'XLSX', file: xlsxFile, bytes: readFileSync(xlsxFile).length },
  ];
}

// ------------------------------------------------------------------------------------ the application (child)

type Command = { cmd: 'measure' } | { cmd: 'report' } | { cmd: 'import'; file: string; name: string };

async function serve(dataDir: string): Promise<void> {
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('../src/app.module');
  const { configureApp } = await import('../src/app.setup');
  const { loadConfig } = await import('../src/config/config');
  const { RespondentImportService } = await import('../src/respondents/respondent-import.service');
  const config = {
    ...loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      MAIL_WORKER: 'off',
      IMPORT_MAX_ROWS: String(Math.max(ROWS, 100_000)),
    }),
    sessionSecret: SECRET,
  };
  const app = await NestFactory.create(AppModule.forConfig(config), { logger: false });
  configureApp(app as never, config);
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as import('node:http').Server).address() as { port: number };
  await fetch(`http://127.0.0.1:${port}/api/health`);
  let delay = monitorEventLoopDelay({ resolution: 10 });
  let peakRss = 0;
  setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10).unref();
  process.on('message', (message: Command) => {
    if (message.cmd === 'measure') {
      delay.disable();
      delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      peakRss = process.memoryUsage().rss;
      process.send!({ measuring: true });
    } else if (message.cmd === 'report') {
      delay.disable();
      process.send!({ p99: delay.percentile(99) / 1e6, max: delay.max / 1e6, peakRssMb: peakRss / 1024 / 1024 });
    } else {
      const started = Date.now();
      const buffer = readFileSync(message.file);
      app
        .get(RespondentImportService)
        .import('bench', { buffer, name: message.name }, { dryRun: DRY_RUN }, null)
        .then((r) => process.send!({ ms: Date.now() - started, imported: DRY_RUN ? r.readable : r.imported }))
        .catch((err: Error) => process.send!({ error: err.message }));
    }
  });
  process.send!({ port });
}

// --------------------------------------------------------------------------------------------- the driver

function ask<T>(child: ChildProcess, message: Command): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send(message);
  });
}

/** The revision each assignment's last save gave, across runs: a stale one is a 409. */
const revisions = new Map<string, number>();

/** Autosaves as bench/homework.ts sends them, until `stop` resolves; the answers' p99 latency. */
function autosaves(
  port: number,
  tokens: string[],
  stop: Promise<unknown>,
): Promise<{ p99: number; requests: number; ok: number; statuses: Record<number, number> }> {
  const free = [...tokens];
  const statuses: Record<number, number> = {};
  let ok = 0;
  type Ctx = { token?: string };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        // A steady load, as many respondents typing at once would make; a flood would only measure the machine.
        overallRate: RATE,
        duration: 3600,
        requests: [
          {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req: Record<string, unknown>, context: Ctx) => {
              const token = free.shift() ?? tokens[0];
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
              statuses[status] = (statuses[status] ?? 0) + 1;
              if (status === 200) {
                ok++;
                revisions.set(context.token!, (JSON.parse(body) as { revision: number }).revision);
              } else if (status === 409) {
                // A save the previous run stopped waiting for was stored after all: continue from the newest, as the form does.
                revisions.set(context.token!, (JSON.parse(body) as { details: { revision: number } }).details.revision);
              }
              free.push(context.token!);
            },
          },
        ],
      } as unknown as autocannon.Options,
      (err, result) =>
        err
          ? reject(err instanceof Error ? err : new Error(String(err)))
          : resolve({ p99: result.latency.p99, requests: result.requests.total, ok, statuses }),
    );
    void stop.then(() => instance.stop());
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kw-bench-import-'));
  process.stderr.write(`seeding homework assignments and writing ${ROWS}-row files…\n`);
  const tokens = await seed(dir);
  const inputs = await files(dir);
  const child = fork(__filename, ['--serve', dir, '--rows', String(ROWS), ...(DRY_RUN ? ['--dry-run'] : [])], {
    execArgv: ['-r', join(__dirname, 'register.js')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const { port } = await new Promise<{ port: number }>((resolve) =>
      child.once('message', (m) => resolve(m as { port: number })),
    );

    process.stderr.write(`autosave load alone, ${BASELINE_SECONDS} s…\n`);
    await ask(child, { cmd: 'measure' });
    const alone = await autosaves(port, tokens, new Promise((r) => setTimeout(r, BASELINE_SECONDS * 1000)));
    const aloneLoop = await ask<{ p99: number; peakRssMb: number }>(child, { cmd: 'report' });

    const results = [];
    for (const input of inputs) {
      process.stderr.write(`${input.name} import during the autosave load…\n`);
      await ask(child, { cmd: 'measure' });
      const imported = ask<{ ms: number; imported: number; error?: string }>(child, {
        cmd: 'import',
        file: input.file,
        name: `bench.${input.name.toLowerCase()}`,
      });
      const load = await autosaves(port, tokens, imported);
      const outcome = await imported;
      if (outcome.error) throw new Error(`${input.name} import failed: ${outcome.error}`);
      const loop = await ask<{ p99: number; max: number; peakRssMb: number }>(child, { cmd: 'report' });
      results.push({ input, outcome, load, loop });
    }

    process.stdout.write(
      `${DRY_RUN ? 'dry runs' : 'imports'} of ${ROWS} rows with ${CONNECTIONS} connections autosaving ${RATE} times a second (loopback)\n`,
    );
    process.stdout.write(
      `no import: autosave p99 ${alone.p99} ms (${alone.requests} saves: ${JSON.stringify(alone.statuses)}), event loop p99 ${aloneLoop.p99.toFixed(1)} ms, RSS ${aloneLoop.peakRssMb.toFixed(0)} MB\n`,
    );
    for (const { input, outcome, load, loop } of results) {
      process.stdout.write(
        `${input.name.padEnd(5)} ${(input.bytes / 1024 / 1024).toFixed(1)} MB: ${outcome.imported} ${DRY_RUN ? 'read' : 'imported'} in ${(outcome.ms / 1000).toFixed(1)} s, peak RSS ${loop.peakRssMb.toFixed(0)} MB, ` +
          `event loop p99 ${loop.p99.toFixed(1)} ms (max ${loop.max.toFixed(0)} ms), autosave p99 ${load.p99} ms = ${(load.p99 / Math.max(1, alone.p99)).toFixed(2)}× without import (${load.requests} saves: ${JSON.stringify(load.statuses)})\n`,
      );
    }
    process.stdout.write('goals: peak RSS < 512 MB, event loop p99 < 100 ms\n');
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

const serveIndex = args.indexOf('--serve');
if (serveIndex >= 0) {
  void serve(args[serveIndex + 1]);
} else {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
