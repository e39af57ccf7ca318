// End-to-end streaming of the overview CSV from the database (SQLite) through RespondentPopulationRepository's keyset
// pagination, against a baseline that reads every row in one query first. Each measurement runs in a fresh
// process on a freshly filled database file.
// Run: node -r ./bench/register.js bench/overview-db.ts [--sizes 1000,10000,100000]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIGITAL_COMFORTS, EDUCATIONS, GENDERS, QUADRANTS } from '../src/common/domain';
import { APP_ENTITIES } from '../src/app.entities';
import { openDataSource } from '../src/database/data-source';
import { anonymiseRows, type OverviewInput } from '../src/overviews/anonymise';
import { writeCsv } from '../src/overviews/exporters/csv';
import { buildSummary } from '../src/overviews/overview';
import { POPULATION_STATUSES } from '../src/overviews/overview-request';
import type { PopulationScope } from '../src/respondents/population';
import { RespondentPopulationRepository } from '../src/respondents/respondent-population.repository';
import { measureExport } from './memory-probe';

const ORGANISATIONS = ['Belastingdienst', 'RET', 'Vitens', 'Gemeente Utrecht'];
type Mode = 'streamed' | 'all-at-once';

async function fill(file: string, n: number): Promise<void> {
  const ds = await openDataSource({ type: 'better-sqlite3', file }, APP_ENTITIES, { migrate: true });
  await ds.query(
    `INSERT INTO study (slug, title, description, locale, status, created_at) VALUES ('bench', 'Bench', '', 'nl', 'closed', '2026-11-01 00:00:00')`,
  );
  for (const [i, name] of ORGANISATIONS.entries()) {
    await ds.query('INSERT INTO organisation (name) VALUES (?)', [name]);
    await ds.query('INSERT INTO study_organisation (study_id, organisation_id, position) VALUES (1, ?, ?)', [i + 1, i]);
  }
  let seed = 42;
  const pick = <T>(list: readonly T[]) => list[(seed = (seed * 1103515245 + 12345) % 2147483648) % list.length];
  await ds.transaction(async (m) => {
    const BATCH = 500;
    for (let start = 0; start < n; start += BATCH) {
      const values: unknown[] = [];
      const rows: string[] = [];
      for (let i = start; i < Math.min(n, start + BATCH); i++) {
        const age = 18 + (i % 70);
        rows.push('(1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
        values.push(
          1 + (i % 4),
          `Naam ${i}`,
          `r${i}@example.org`,
          pick(GENDERS),
          String(age),
          age,
          age,
          pick(EDUCATIONS),
          pick(DIGITAL_COMFORTS),
          pick(QUADRANTS),
          'participated',
          'import',
          '2026-11-01 00:00:00',
        );
      }
      await m.query(
        `INSERT INTO respondent (study_id, organisation_id, first_name, email, gender, age, age_min, age_max, education, digital_comfort, quadrant, status, source, screened_at) VALUES ${rows.join(', ')}`,
        values,
      );
    }
  });
  await ds.destroy();
}

async function measureOne(file: string, mode: Mode) {
  const ds = await openDataSource({ type: 'better-sqlite3', file }, APP_ENTITIES, { migrate: false });
  const repository = new RespondentPopulationRepository(ds);
  const scope: PopulationScope = {
    studyId: 1,
    // fill() numbered the organisations 1… in this order.
    organisations: ORGANISATIONS.map((name, i) => ({ id: i + 1, name })),
    statuses: POPULATION_STATUSES.participants,
  };
  try {
    return await measureExport(async (sink) => {
      const summary = buildSummary('bench', 'participants', ORGANISATIONS, await repository.compositionCounts(scope));
      let inputs: AsyncIterable<OverviewInput> | OverviewInput[] = repository.streamRows(scope, { ageBands: true });
      if (mode === 'all-at-once') {
        const all: OverviewInput[] = [];
        for await (const row of inputs) all.push(row);
        inputs = all;
      }
      await writeCsv(summary, anonymiseRows(inputs, { ageBands: true }), sink);
    });
  } finally {
    await ds.destroy();
  }
}

function run() {
  const at = process.argv.indexOf('--sizes');
  const sizes = (at > 0 ? process.argv[at + 1] : '1000,10000,100000').split(',').map(Number);
  const mb = (b: number) => (b / 1048576).toFixed(1).padStart(8);
  const dir = mkdtempSync(join(tmpdir(), 'kwadrant-bench-'));
  try {
    console.log('mode          respondents   time (s)   output MB   base RSS MB   peak RSS MB   heap growth MB');
    for (const n of sizes) {
      const file = join(dir, `bench-${n}.sqlite`);
      execFileSync(process.execPath, [...process.execArgv, __filename, '--fill', file, String(n)]);
      for (const mode of ['streamed', 'all-at-once'] as Mode[]) {
        const json = execFileSync(
          process.execPath,
          ['--expose-gc', ...process.execArgv, __filename, '--one', file, mode],
          { encoding: 'utf8' },
        );
        const r = JSON.parse(json);
        console.log(
          `${mode.padEnd(12)}  ${String(n).padStart(11)}   ${(r.ms / 1000).toFixed(2).padStart(8)}   ${mb(r.bytes)}    ${mb(r.baseRss)}      ${mb(r.peakRss)}      ${mb(r.heapGrowth)}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fillAt = process.argv.indexOf('--fill');
const oneAt = process.argv.indexOf('--one');
if (fillAt > 0) {
  fill(process.argv[fillAt + 1], Number(process.argv[fillAt + 2])).catch((err) => {
    console.error(err);
    process.exit(1);
  });
} else if (oneAt > 0) {
  void measureOne(process.argv[oneAt + 1], process.argv[oneAt + 2] as Mode).then((r) =>
    process.stdout.write(JSON.stringify(r)),
  );
} else {
  run();
}
