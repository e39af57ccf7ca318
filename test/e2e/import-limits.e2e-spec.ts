import { monitorEventLoopDelay } from 'perf_hooks';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { Respondent } from '../../src/respondents/respondent.entity';
import { DEFAULT_IMPORT_LIMITS } from '../../src/common/import/import-limits';
import { createStudy, createUser, StudyFixture } from '../support/factories';
import { Agent, anonymousAgent, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';
import { sheetOfRows, xlsxBomb, xlsxWithManyParts, xlsxWithSheet } from '../support/zip-bombs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = 'Geslacht;Leeftijd;Opleidingsniveau;Mate comfortabel met digitale middelen;Kwadrant;Organisatie';
const MB = 1024 * 1024;

/** `n` readable Bijlage 5 rows, or rows that each have one unknown organisation. */
function csvRows(n: number, kind: 'good' | 'bad'): Buffer {
  const lines = [HEADER];
  for (let i = 0; i < n; i++)
    lines.push(`v;${20 + (i % 60)};hbo;neutraal;gemakzoeker;${kind === 'good' ? 'RET' : 'Nergens'}`);
  return Buffer.from(lines.join('\n') + '\n');
}

interface Watch {
  /** The event loop's delay, 99th percentile, in ms. */
  p99(): number;
  /** The highest resident set size seen, in MB. */
  /** How far RSS rose above what the process used before the import. */
  rssGrowthMb(): number;
  /** Every /api/health answer meanwhile: status and how long it took. */
  health: { status: number; ms: number }[];
  stop(): Promise<void>;
}

/**
 * Watches the process while an import runs: event-loop delay, memory, and whether /api/health still answers
 * (one request after another, as a load balancer would poll).
 */
function watch(t: TestApp): Watch {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const health: Watch['health'] = [];
  let running = true;
  const poller = (async () => {
    while (running) {
      const started = Date.now();
      const res = await anonymousAgent(t.app).get('/api/health');
      health.push({ status: res.status, ms: Date.now() - started });
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    p99: () => delay.percentile(99) / 1e6,
    rssGrowthMb: () => (peak - start) / MB,
    health,
    async stop() {
      running = false;
      clearInterval(sampler);
      delay.disable();
      await poller;
    },
  };
}

// The import's own goals are a p99 event-loop delay under 100 ms and under 512 MB RSS; bench/import.ts measures
// them. This test runs beside others on a shared 2-core machine (load averages of 15-20 were seen), in Jest's
// process (200-600 MB before the import, depending on the test files the worker ran before), so it bounds the growth
// the import causes, and loosely: what it guards against is what the probe found, the process blocked for half a
// minute or killed by a heap running out.
const MAX_P99_MS = 1000;
const MAX_RSS_GROWTH_MB = 512;

describe('hostile and huge import files', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;
  let fixture: StudyFixture;

  beforeAll(async () => {
    t = await createTestApp({ imports: { ...DEFAULT_IMPORT_LIMITS, maxRows: 250_000 } });
    const u = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent, csrf } = await loginAgent(t.app, u.email, u.password));
    fixture = await createStudy(t.dataSource, { slug: 'bestanden' }, { organisations: ['RET'] });
  });
  afterAll(() => t.close());

  const stored = () => t.dataSource.getRepository(Respondent).countBy({ studyId: fixture.study.id });
  const importEvents = () => t.dataSource.getRepository(AuditEvent).countBy({ action: 'respondent.import' });
  const post = (query = '') =>
    agent.post(`/api/studies/bestanden/respondents/import${query}`).set('x-csrf-token', csrf);

  it('refuses a 3.9 GB zip bomb from its directory, before unpacking, also as a dry run, while the process keeps answering', async () => {
    const bomb = await xlsxBomb({ unpackedBytes: 3.9e9 });
    expect(bomb.length).toBeLessThan(DEFAULT_IMPORT_LIMITS.maxBytes);
    const w = watch(t);
    const dry = await post('?dryRun=true').set('content-type', XLSX).send(bomb);
    const real = await post().attach('file', bomb, 'respondenten.xlsx');
    await w.stop();
    for (const res of [dry, real]) {
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, code: 'import.unpacked_too_large' });
      expect(res.body.message).toMatch(/pakt uit tot meer dan een import mag/);
      expect(res.body.details.unpackedBytes).toBeGreaterThan(3e9);
    }
    expect(w.health.length).toBeGreaterThan(0);
    expect(w.health.every((h) => h.status === 200)).toBe(true);
    expect(w.rssGrowthMb()).toBeLessThan(MAX_RSS_GROWTH_MB);
    expect(await stored()).toBe(0);
  });

  it('stops a 1 GB zip bomb that claims to be small as soon as it unpacks past its claim', async () => {
    const bomb = await xlsxBomb({ unpackedBytes: 1e9, declaredBytes: 900_000 });
    const w = watch(t);
    const res = await post().set('content-type', XLSX).send(bomb);
    await w.stop();
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'import.zip_bomb' });
    expect(res.body.message).toMatch(/zipbom/);
    expect(w.health.every((h) => h.status === 200)).toBe(true);
    expect(w.rssGrowthMb()).toBeLessThan(MAX_RSS_GROWTH_MB);
    expect(w.p99()).toBeLessThan(MAX_P99_MS);
    expect(await stored()).toBe(0);
  });

  it('refuses an archive packed far tighter than a spreadsheet, and one with thousands of parts', async () => {
    const tight = await post()
      .set('content-type', XLSX)
      .send(await xlsxBomb({ unpackedBytes: 50 * MB }));
    expect(tight.status).toBe(400);
    expect(tight.body).toMatchObject({ code: 'import.zip_bomb', details: { maxCompressionRatio: 100 } });
    const many = await post()
      .set('content-type', XLSX)
      .send(await xlsxWithManyParts(1500));
    expect(many.status).toBe(400);
    expect(many.body).toMatchObject({ code: 'import.zip_bomb', details: { maxParts: 1000 } });
    expect(await stored()).toBe(0);
  });

  it('imports an ordinary workbook read row by row', async () => {
    const res = await post('?dryRun=true')
      .set('content-type', XLSX)
      .send(await xlsxWithSheet(sheetOfRows(1000)));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ layout: 'bijlage5', readable: 1000, errorCount: 0 });
  });

  it('answers 200,000 unreadable rows with the first 100 problems and the total, in a small answer', async () => {
    const w = watch(t);
    const res = await post().set('content-type', 'text/csv').send(csvRows(200_000, 'bad'));
    await w.stop();
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'import.rows_unreadable',
      details: { errorCount: 200_000, unreadableRows: 200_000 },
    });
    expect(res.body.details.errors).toHaveLength(100);
    expect(res.body.details.errors[0]).toMatchObject({ line: 2, column: 'Organisatie', value: 'Nergens' });
    expect(res.body.message).toMatch(
      /^200000 rijen van upload kunnen niet gelezen worden.*De eerste 100 van 200000 problemen staan erbij\.$/,
    );
    expect(res.text.length).toBeLessThan(64 * 1024);
    expect(w.health.every((h) => h.status === 200)).toBe(true);
    expect(w.p99()).toBeLessThan(MAX_P99_MS);
    expect(w.rssGrowthMb()).toBeLessThan(MAX_RSS_GROWTH_MB);
    expect(await stored()).toBe(0);
    expect(await importEvents()).toBe(0);
    // Reading 200,000 rows takes tens of seconds when the shared test machine is busy.
  }, 300_000);

  it('imports 20,000 rows without holding up other requests', async () => {
    const w = watch(t);
    const res = await post('?fileName=groot.csv').set('content-type', 'text/csv').send(csvRows(20_000, 'good'));
    await w.stop();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 20_000, errorCount: 0, errors: [] });
    expect(w.health.length).toBeGreaterThan(1);
    expect(w.health.every((h) => h.status === 200)).toBe(true);
    expect(w.p99()).toBeLessThan(MAX_P99_MS);
    expect(await stored()).toBe(20_000);
    expect(await importEvents()).toBe(1);
  });
});

describe('a 200,000-row file under the default limits', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;

  beforeAll(async () => {
    t = await createTestApp();
    const u = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent, csrf } = await loginAgent(t.app, u.email, u.password));
    await createStudy(t.dataSource, { slug: 'groot' }, { organisations: ['RET'] });
  });
  afterAll(() => t.close());

  it('is refused by the row limit (100,000) while other requests are answered, and nothing is stored', async () => {
    const w = watch(t);
    const res = await agent
      .post('/api/studies/groot/respondents/import')
      .set('x-csrf-token', csrf)
      .set('content-type', 'text/csv')
      .send(csvRows(200_000, 'good'));
    await w.stop();
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'import.too_many_rows', details: { maxRows: 100_000 } });
    expect(res.body.message).toMatch(/meer dan 100000 rijen/);
    expect(w.health.every((h) => h.status === 200)).toBe(true);
    expect(w.p99()).toBeLessThan(MAX_P99_MS);
    expect(w.rssGrowthMb()).toBeLessThan(MAX_RSS_GROWTH_MB);
    expect(await t.dataSource.getRepository(Respondent).count()).toBe(0);
  }, 300_000);
});

describe('import limits from the configuration', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;

  beforeAll(async () => {
    t = await createTestApp({ imports: { ...DEFAULT_IMPORT_LIMITS, maxBytes: 64 * 1024, maxRows: 1000 } });
    const u = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent, csrf } = await loginAgent(t.app, u.email, u.password));
    await createStudy(t.dataSource, { slug: 'klein' }, { organisations: ['RET'] });
  });
  afterAll(() => t.close());

  const post = () => agent.post('/api/studies/klein/respondents/import').set('x-csrf-token', csrf);

  it('refuses a file past IMPORT_MAX_BYTES with 413 import.too_large, as a form upload and as the body', async () => {
    const big = csvRows(3000, 'good');
    expect(big.length).toBeGreaterThan(64 * 1024);
    for (const res of [
      await post().attach('file', big, 'groot.csv'),
      await post().set('content-type', 'text/csv').send(big),
    ]) {
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, code: 'import.too_large', details: { maxBytes: 64 * 1024 } });
      expect(res.body.message).toMatch(/groter dan 64 kB/);
    }
    expect(await t.dataSource.getRepository(Respondent).count()).toBe(0);
  });

  it('refuses a file past IMPORT_MAX_ROWS with 413 import.too_many_rows, also as a dry run', async () => {
    const res = await post().set('content-type', 'text/csv').send(csvRows(1001, 'good'));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'import.too_many_rows', details: { maxRows: 1000 } });
    await post().set('content-type', 'text/csv').send(csvRows(1000, 'good')).expect(200);
    expect(await t.dataSource.getRepository(Respondent).count()).toBe(1000);
  });

  it('tells the import page the limits and the refusals in the reader language', async () => {
    const nl = await agent.get('/studies/klein/respondents/import').expect(200);
    expect(nl.text).toContain('Een bestand mag hoogstens 64 kB groot zijn en 1.000 rijen hebben.');
    expect(nl.text).toContain('Het bestand is groter dan 64 kB.');
    const en = await agent.get('/studies/klein/respondents/import?lang=en').expect(200);
    expect(en.text).toContain('A file may be at most 64 kB and have at most 1,000 rows.');
  });
});
