// Time and peak memory of the streaming overview exports (CSV, XLSX, PDF) at 1,000, 10,000 and 100,000
// respondents. Each measurement runs in a fresh process so one export's memory does not hide another's.
// Run: node -r ./bench/register.js bench/overview.ts [--sizes 1000,10000] [--formats csv,pdf]
import { execFileSync } from 'node:child_process';
import { DIGITAL_COMFORTS, EDUCATIONS, GENDERS, QUADRANTS } from '../src/common/domain';
import { anonymiseRows, type OverviewInput } from '../src/overviews/anonymise';
import { buildSummary } from '../src/overviews/overview';
import { writeCsv } from '../src/overviews/exporters/csv';
import { writePdf } from '../src/overviews/exporters/pdf';
import { writeXlsx } from '../src/overviews/exporters/xlsx';
import { measureExport } from './memory-probe';

const FORMATS = { csv: writeCsv, xlsx: writeXlsx, pdf: writePdf } as const;
type Format = keyof typeof FORMATS;
const ORGANISATIONS = ['Belastingdienst', 'RET', 'Vitens', 'Gemeente Utrecht'];

/** Deterministic synthetic respondents, already in the order the database would stream them. */
function* respondents(n: number): Generator<OverviewInput> {
  let seed = 42;
  const pick = <T>(list: readonly T[]) => list[(seed = (seed * 1103515245 + 12345) % 2147483648) % list.length];
  const perOrganisation = Math.ceil(n / ORGANISATIONS.length);
  let made = 0;
  for (const organisation of ORGANISATIONS) {
    const perQuadrant = Math.ceil(perOrganisation / QUADRANTS.length);
    for (const quadrant of QUADRANTS) {
      for (let i = 0; i < perQuadrant && made < n; i++, made++) {
        const age = 18 + Math.floor((i / perQuadrant) * 70);
        yield {
          organisation,
          quadrant,
          gender: pick(GENDERS),
          age: String(age),
          ageMin: age,
          ageMax: age,
          education: pick(EDUCATIONS),
          digitalComfort: pick(DIGITAL_COMFORTS),
        };
      }
    }
  }
}

function countsOf(n: number) {
  const counts = new Map<string, { organisation: string; quadrant: (typeof QUADRANTS)[number]; count: number }>();
  for (const r of respondents(n)) {
    const key = `${r.organisation}|${r.quadrant}`;
    const c =
      counts.get(key) ?? counts.set(key, { organisation: r.organisation, quadrant: r.quadrant, count: 0 }).get(key)!;
    c.count++;
  }
  return counts.values();
}

async function measureOne(format: Format, n: number) {
  const summary = buildSummary('Benchmark', 'participants', ORGANISATIONS, countsOf(n));
  return measureExport((sink) => FORMATS[format](summary, anonymiseRows(respondents(n), { ageBands: true }), sink));
}

function run() {
  const arg = (name: string) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const sizes = (arg('--sizes') ?? '1000,10000,100000').split(',').map(Number);
  const formats = (arg('--formats') ?? 'csv,xlsx,pdf').split(',') as Format[];
  const mb = (b: number) => (b / 1048576).toFixed(1).padStart(8);
  console.log('format  respondents   time (s)   output MB   base RSS MB   peak RSS MB   heap growth MB');
  for (const format of formats) {
    for (const n of sizes) {
      const json = execFileSync(
        process.execPath,
        ['--expose-gc', ...process.execArgv, __filename, '--one', format, String(n)],
        { encoding: 'utf8' },
      );
      const r = JSON.parse(json);
      console.log(
        `${format.padEnd(6)}  ${String(n).padStart(11)}   ${(r.ms / 1000).toFixed(2).padStart(8)}   ${mb(r.bytes)}    ${mb(r.baseRss)}      ${mb(r.peakRss)}      ${mb(r.heapGrowth)}`,
      );
    }
  }
}

const one = process.argv.indexOf('--one');
if (one > 0) {
  void measureOne(process.argv[one + 1] as Format, Number(process.argv[one + 2])).then((r) =>
    process.stdout.write(JSON.stringify(r)),
  );
} else {
  run();
}
