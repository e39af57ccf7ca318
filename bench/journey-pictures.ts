// The journey pictures for a full study: 10,000 respondents in 4 organisations × 4 quadrants give 16 journey maps
// and one picture of the cause classes. Prints the first picture (starting the renderer's worker and loading vega),
// all 17 pictures warm (median of the runs), the same 17 rendered directly in this thread as the baseline (the
// worker's cost is the ratio), the whole PDF, and peak memory.
// Run: node -r ./bench/register.js bench/journey-pictures.ts [--respondents 10000] [--runs 3]
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Script, constants } from 'node:vm';
import { QUADRANTS } from '../src/common/domain';
import { mulberry32 } from '../src/common/random';
import { CAUSE_TEKST_IDS } from '../src/coding/codebook';
import { HOMEWORK_CHANNELS, HOMEWORK_RATINGS } from '../src/surveys/homework-definition';
import { causeBarsSpec, journeyMapSpec } from '../src/journeys/journey-chart-data';
import { causeBarsSvg, journeyMapSvg } from '../src/journeys/journey-charts';
import { journeyPdf } from '../src/journeys/journey-pdf';
import {
  STEP_QUESTIONS,
  journeyReport,
  type FinalCoding,
  type JourneyRespondent,
} from '../src/journeys/journey-report';
import { stopRenderer, type VegaLiteSpec } from '../src/journeys/vega-renderer';
import { mb, medianOf, numberOption } from './bench-options';

const RESPONDENTS = numberOption('respondents', 10_000);
const RUNS = numberOption('runs', 3);
const ORGANISATIONS = ['Belastingdienst', 'RET', 'Vitens', 'Gemeente Utrecht'];

const random = mulberry32(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];

// Node's own import(), for the baseline: tsc and swc turn a written import() into require(), which vega's graph
// refuses. (The renderer's worker does the same in a script of its own.)
const nativeImport = (url: string) =>
  new Script(`import(${JSON.stringify(url)})`, {
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  }).runInThisContext() as Promise<unknown>;

interface Vega {
  View: new (runtime: unknown, options: { renderer: string }) => { toSVG(): Promise<string>; finalize(): void };
  parse(spec: unknown): unknown;
}
interface VegaLite {
  compile(spec: VegaLiteSpec): { spec: unknown };
}

async function main(): Promise<void> {
  const textQuestions = STEP_QUESTIONS.flatMap((s) => s.text);
  const respondents: JourneyRespondent[] = [];
  const codings: FinalCoding[] = [];
  for (let id = 1; id <= RESPONDENTS; id++) {
    const answers: Record<string, unknown> = { afterwardsHad: random() < 0.6 ? 'yes' : 'no' };
    for (const q of textQuestions) if (random() < 0.8) answers[q] = 'antwoord';
    for (const s of STEP_QUESTIONS) {
      if (random() < 0.9) answers[s.rating] = pick(HOMEWORK_RATINGS);
      if (s.channels) answers[s.channels.name] = HOMEWORK_CHANNELS.filter(() => random() < 0.2);
    }
    respondents.push({ id, organisation: pick(ORGANISATIONS), quadrant: pick(QUADRANTS), answers });
    for (let m = 0; m < 10; m++)
      codings.push({ respondent: id, question: pick(textQuestions), start: 0, end: 5, codes: [pick(CAUSE_TEKST_IDS)] });
  }
  const report = journeyReport({
    study: 'bench',
    population: 'participants',
    respondents,
    codings,
    codebook: [],
    organisations: ORGANISATIONS,
  });

  const pictures = () => Promise.all([causeBarsSvg(report, 'nl'), ...report.groups.map((g) => journeyMapSvg(g, 'nl'))]);
  // Wall time and CPU time (of every thread, the worker's too): on a busy machine the wall time also counts waiting.
  const timed = async <T>(work: () => Promise<T>) => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await work();
    const used = process.cpuUsage(cpu);
    return { result, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
  };

  const cold = await timed(() => journeyMapSvg(report.groups[0], 'nl'));
  const warm: number[] = [];
  const warmCpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const run = await timed(pictures);
    warm.push(run.ms);
    warmCpu.push(run.cpuMs);
    bytes = run.result.reduce((sum, svg) => sum + svg.length, 0);
  }

  // Baseline: the same specs compiled and rendered here, without the worker and its messages.
  const [vega, vegaLite] = (await Promise.all([
    nativeImport(pathToFileURL(require.resolve('vega')).href),
    nativeImport(pathToFileURL(require.resolve('vega-lite')).href),
  ])) as [Vega, VegaLite];
  const direct = async (spec: VegaLiteSpec) => {
    const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
    const svg = await view.toSVG();
    view.finalize();
    return svg;
  };
  const specs = [causeBarsSpec(report, 'nl'), ...report.groups.map((g) => journeyMapSpec(g, 'nl'))];
  await direct(specs[1]); // warm, as the worker is
  const baseline: number[] = [];
  const baselineCpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await timed(() => Promise.all(specs.map(direct)));
    baseline.push(run.ms);
    baselineCpu.push(run.cpuMs);
  }

  const pdf = await timed(() => journeyPdf(report, 'nl'));
  await stopRenderer();
  const maxRss = process.resourceUsage().maxRSS * 1024;

  const inWorker = medianOf(warm);
  const inThread = medianOf(baseline);
  const cpuInWorker = medianOf(warmCpu);
  const cpuInThread = medianOf(baselineCpu);
  process.stdout.write(
    `${RESPONDENTS.toLocaleString('en')} respondents, ${report.groups.length} groups: ${specs.length} pictures, ` +
      `${(bytes / 1024).toFixed(0)} kB of SVG\n` +
      `first picture (worker start, vega loaded): ${cold.ms.toFixed(0)} ms (CPU ${cold.cpuMs.toFixed(0)} ms)\n` +
      `all ${specs.length} pictures in the worker: median of ${RUNS} ${inWorker.toFixed(0)} ms ` +
      `(CPU ${cpuInWorker.toFixed(0)} ms, ${(cpuInWorker / specs.length).toFixed(0)} ms each)\n` +
      `baseline, the same rendered in this thread: ${inThread.toFixed(0)} ms (CPU ${cpuInThread.toFixed(0)} ms); ` +
      `ratio worker / baseline ${(inWorker / inThread).toFixed(2)} wall, ${(cpuInWorker / cpuInThread).toFixed(2)} CPU\n` +
      `PDF (pictures and tables, ${1 + report.groups.length} pages): ${pdf.ms.toFixed(0)} ms (CPU ${pdf.cpuMs.toFixed(0)} ms), ` +
      `${(pdf.result.length / 1024).toFixed(0)} kB\n` +
      `memory: peak RSS ${mb(maxRss)}\n`,
  );
}

void main();
