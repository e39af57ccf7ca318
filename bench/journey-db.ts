// The journey report from the database, end to end: a SQLite file holding 10,000 participants (4 organisations ×
// 4 quadrants) with sent homework and 10 final coded segments each (a contact reason of the seed's codebook plus a
// cause class: 200,000 coding rows), read by the real services (population, homework, masking, final coding)
// through JourneysService.report. The same data is also given to the pure journeyReport in the same run, so the
// ratio shows what the reading costs. The study and codebook go in through the services, the bulk rows as SQL.
// Run: node -r ./bench/register.js bench/journey-db.ts [--respondents 10000] [--codings 10] [--runs 3]
// BENCH_DATABASE_URL=postgres://…/some_test_db runs it on PostgreSQL instead: that database's public schema is
// dropped first and at the end (only a database whose name says "test" or "bench" is taken).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { CAUSE_TEKST_IDS } from '../src/coding/codebook';
import { CodebookService } from '../src/coding/codebook.service';
import { storedOutline } from '../src/homework/answers-outline';
import { QUADRANTS } from '../src/common/domain';
import { mulberry32 } from '../src/common/random';
import { resolveConfig } from '../src/config/resolve-config';
import {
  journeyReport,
  STEP_QUESTIONS,
  type FinalCoding,
  type JourneyRespondent,
} from '../src/journeys/journey-report';
import { JourneysService } from '../src/journeys/journeys.service';
import { StudiesService } from '../src/studies/studies.service';
import { HOMEWORK_CHANNELS, HOMEWORK_RATINGS } from '../src/surveys/homework-definition';
import { mb, medianOf, numberOption } from './bench-options';

const RESPONDENTS = numberOption('respondents', 10_000);
const CODINGS_EACH = numberOption('codings', 10);
const RUNS = numberOption('runs', 3);
const ORGANISATIONS = ['Belastingdienst', 'RET', 'Vitens', 'Gemeente Utrecht'];
const BATCH = 400;
const NOW = '2026-11-01 10:00:00';

const random = mulberry32(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];

const POSTGRES = process.env.BENCH_DATABASE_URL;

/** Inserts rows in batches of one multi-row statement each. */
async function insertRows(ds: DataSource, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  await ds.transaction(async (m) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      let n = 0;
      const values = batch.map(() => `(${columns.map(() => (POSTGRES ? `$${++n}` : '?')).join(', ')})`);
      await m.query(`INSERT INTO "${table}" (${columns.join(', ')}) VALUES ${values.join(', ')}`, batch.flat());
    }
  });
}

/** An empty public schema in the PostgreSQL database, which the application then migrates. */
async function emptyPostgres(url: string): Promise<void> {
  if (!/test|bench/.test(new URL(url).pathname))
    throw new Error('BENCH_DATABASE_URL must name a test or bench database');
  const ds = await new DataSource({ type: 'postgres', url }).initialize();
  await ds.query('DROP SCHEMA IF EXISTS public CASCADE');
  await ds.query('CREATE SCHEMA public');
  await ds.destroy();
}

/** Wall and CPU time of one call, and the highest RSS seen while it ran (sampled every 5 ms). */
async function timed<T>(work: () => T | Promise<T>) {
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { result, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, growth: peak - base };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kwadrant-journey-db-'));
  const file = join(dir, 'bench.sqlite');
  if (POSTGRES) await emptyPostgres(POSTGRES);
  const config = resolveConfig({ ...process.env, DATABASE_URL: POSTGRES ?? `sqlite:${file}`, DATA_DIR: dir });
  const app = await NestFactory.createApplicationContext(
    AppModule.forConfig({ ...config, logLevel: 'silent', mailWorker: false }),
    { logger: false },
  );
  try {
    const ds = app.get(DataSource);
    const filling = performance.now();
    // The study, its organisations and the seed's codebook through the services, as a researcher makes them.
    const study = await app
      .get(StudiesService)
      .create({ slug: 'bench', title: 'Bench' }, null, { organisations: ORGANISATIONS });
    const seed = readFileSync(join(__dirname, '../test/fixtures/codebook/seed-contactredenen.csv'));
    await app.get(CodebookService).import('bench', { buffer: seed, name: 'seed.csv' }, {}, null, 'nl');
    const { codes } = await app.get(CodebookService).codebook('bench');
    const codeId = new Map(codes.filter((c) => c.tekstId).map((c) => [c.tekstId!, c.id!]));
    const reasons = [...codeId.keys()].filter((t) => !CAUSE_TEKST_IDS.includes(t));
    const organisationIds = new Map(
      (await app.get(StudiesService).organisationsOf(study.id)).map((so) => [so.organisation.name, so.organisationId]),
    );
    await ds.query(
      `INSERT INTO "user" (email, name, role, password_hash) VALUES ('coder@example.org', 'Coder', 'researcher', 'x')`,
    );
    const [{ id: coderId }] = await ds.query<{ id: number }[]>(
      `SELECT id FROM "user" WHERE email = 'coder@example.org'`,
    );

    // Respondents, one group per organisation × quadrant, the sent homework and its final codings.
    const textQuestions = STEP_QUESTIONS.flatMap((s) => s.text);
    const people = Array.from({ length: RESPONDENTS }, (_, i) => ({
      n: i,
      organisation: pick(ORGANISATIONS),
      quadrant: pick(QUADRANTS),
    }));
    await insertRows(
      ds,
      'respondent',
      ['study_id', 'organisation_id', 'quadrant', 'status', 'source', 'screened_at'],
      people.map((p) => [study.id, organisationIds.get(p.organisation), p.quadrant, 'participated', 'import', NOW]),
    );
    const respondentIds = (await ds.query<{ id: number }[]>('SELECT id FROM respondent ORDER BY id')).map((r) => r.id);
    const groups = ORGANISATIONS.flatMap((o) => QUADRANTS.map((q) => [study.id, organisationIds.get(o), q, 'locked']));
    await insertRows(ds, 'focus_group', ['study_id', 'organisation_id', 'quadrant', 'status'], groups);
    const groupRows = await ds.query<{ id: number; organisation_id: number; quadrant: string }[]>(
      'SELECT id, organisation_id, quadrant FROM focus_group',
    );
    const groupOf = new Map(groupRows.map((g) => [`${g.organisation_id}/${g.quadrant}`, g.id]));

    const respondents: JourneyRespondent[] = [];
    const homework: unknown[][] = [];
    for (const p of people) {
      const id = respondentIds[p.n];
      const answers: Record<string, unknown> = {};
      for (const q of textQuestions)
        if (random() < 0.8) answers[q] = `Antwoord ${id} op ${q}: `.padEnd(120 + Math.floor(random() * 300), 'tekst ');
      for (const s of STEP_QUESTIONS) {
        if (random() < 0.9) answers[s.rating] = pick(HOMEWORK_RATINGS);
        if (s.channels) answers[s.channels.name] = HOMEWORK_CHANNELS.filter(() => random() < 0.2);
        if (s.initiative) answers[s.initiative.name] = pick(s.initiative.values);
      }
      respondents.push({ id, organisation: p.organisation, quadrant: p.quadrant, answers });
      const group = groupOf.get(`${organisationIds.get(p.organisation)}/${p.quadrant}`);
      homework.push([
        study.id,
        group,
        id,
        NOW,
        NOW,
        `n${id}`,
        `t${id}`,
        `c${id}`,
        JSON.stringify(answers),
        JSON.stringify(storedOutline(answers)),
        NOW,
        'online',
      ]);
    }
    await insertRows(
      ds,
      'homework_assignment',
      [
        'study_id',
        'group_id',
        'respondent_id',
        'session_starts_at',
        'deadline',
        'credential_nonce',
        'token_hash',
        'code_hash',
        'submitted',
        'submitted_outline',
        'submitted_at',
        'answer_source',
      ],
      homework,
    );
    const assignmentOf = new Map(
      (
        await ds.query<{ id: number; respondent_id: number }[]>('SELECT id, respondent_id FROM homework_assignment')
      ).map((a) => [a.respondent_id, a.id]),
    );
    const codings: FinalCoding[] = [];
    const codingRows: unknown[][] = [];
    for (const r of respondents) {
      const answered = textQuestions.filter((q) => typeof r.answers[q] === 'string');
      if (!answered.length) continue;
      for (let m = 0; m < CODINGS_EACH; m++) {
        const question = pick(answered);
        // Each segment its own span: the coding module counts codes applied to one span once.
        const start = m * 10 + Math.floor(random() * 10);
        const segment = {
          respondent: r.id,
          question,
          start,
          end: start + 20,
          codes: [pick(reasons), pick(CAUSE_TEKST_IDS)],
        };
        codings.push(segment);
        for (const tekstId of segment.codes)
          codingRows.push([
            study.id,
            assignmentOf.get(Number(r.id)),
            r.id,
            question,
            start,
            start + 20,
            codeId.get(tekstId),
            coderId,
            'final',
          ]);
      }
    }
    await insertRows(
      ds,
      'coding',
      [
        'study_id',
        'assignment_id',
        'respondent_id',
        'question',
        'start_offset',
        'end_offset',
        'code_id',
        'coder_id',
        'layer',
      ],
      codingRows,
    );
    const fillSeconds = (performance.now() - filling) / 1000;

    // The pure report on the same data, then the report from the file through the services.
    const input = {
      study: 'bench',
      population: 'participants',
      respondents,
      codings,
      codebook: codes,
      organisations: ORGANISATIONS,
    };
    const pure: Awaited<ReturnType<typeof timed<ReturnType<typeof journeyReport>>>>[] = [];
    for (let i = 0; i <= RUNS; i++) pure.push(await timed(() => journeyReport(input)));
    const journeys = app.get(JourneysService);
    const fromDb: Awaited<ReturnType<typeof timed<Awaited<ReturnType<JourneysService['report']>>>>>[] = [];
    for (let i = 0; i <= RUNS; i++) fromDb.push(await timed(() => journeys.report('bench', {}, null)));
    // The first call of each includes compiling the code; the medians of the runs after it show the steady state.
    const steady = (xs: { ms: number; cpuMs: number; growth: number }[]) => ({
      ms: medianOf(xs.slice(1).map((x) => x.ms)),
      cpuMs: medianOf(xs.slice(1).map((x) => x.cpuMs)),
      growth: Math.max(...xs.map((x) => x.growth)),
    });
    const p = steady(pure);
    const d = steady(fromDb);
    const same = JSON.stringify(fromDb[0].result.report) === JSON.stringify(pure[0].result);
    if (!same && process.env.BENCH_DEBUG) {
      const a = fromDb[0].result.report.groups;
      const b = pure[0].result.groups;
      for (let i = 0; i < a.length; i++)
        if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) {
          const [x, y] = [JSON.stringify(a[i]), JSON.stringify(b[i])];
          let at = 0;
          while (x[at] === y[at]) at++;
          process.stderr.write(`${x.slice(at - 300, at + 200)}\n${y.slice(at - 300, at + 200)}\n`);
          break;
        }
    }
    process.stdout.write(
      `${RESPONDENTS.toLocaleString('en')} respondents, ${codingRows.length.toLocaleString('en')} coding rows ` +
        `(${codings.length.toLocaleString('en')} segments), ${POSTGRES ? 'PostgreSQL' : 'SQLite'} filled in ` +
        `${fillSeconds.toFixed(1)} s; ` +
        `same report both ways: ${same ? 'yes' : 'NO'}\n` +
        `pure journeyReport:       first ${pure[0].ms.toFixed(0)} ms, median of ${RUNS} ${p.ms.toFixed(0)} ms ` +
        `(CPU ${p.cpuMs.toFixed(0)} ms), RSS growth up to ${mb(p.growth)}\n` +
        `JourneysService.report:   first ${fromDb[0].ms.toFixed(0)} ms, median of ${RUNS} ${d.ms.toFixed(0)} ms ` +
        `(CPU ${d.cpuMs.toFixed(0)} ms), RSS growth up to ${mb(d.growth)}\n` +
        `database path / pure: ${(d.ms / p.ms).toFixed(1)}× wall, ${(d.cpuMs / p.cpuMs).toFixed(1)}× CPU; ` +
        `process peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}\n`,
    );
    if (!same) process.exitCode = 1;
  } finally {
    await app.close();
    if (POSTGRES) await emptyPostgres(POSTGRES);
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
