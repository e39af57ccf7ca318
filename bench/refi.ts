// REFI-QDA exchange: how long writing a study's .qdpx and planning the import of it take, and how large it is.
// A study like the seed's (47 respondents) and a large one (1,000); every free-text question answered with about
// 300 characters (emoji and line breaks included) and 10 codings per respondent.
import { performance } from 'node:perf_hooks';
import { guidFromName, KWADRANT_GUID_NAMESPACE } from '../src/coding/refi/guid';
import { planImport } from '../src/coding/refi/import-plan';
import { readQdpx, writeQdpx } from '../src/coding/refi/qdpx';
import { buildStudyProject, RespondentExport } from '../src/coding/refi/respondent-project';
import { buildHomeworkSource } from '../src/coding/refi/source-text';
import { buildHomeworkDefinition } from '../src/surveys/homework-definition';
import { translators } from '../src/common/view-engine';

const definition = buildHomeworkDefinition({ organisation: 'Waterbedrijf' }, translators());
const textQuestions = (definition as { pages: { elements: { type: string; name: string }[] }[] }).pages
  .flatMap((p) => p.elements)
  .filter((e) => e.type === 'comment')
  .map((e) => e.name);
const guid = (name: string) => guidFromName(KWADRANT_GUID_NAMESPACE, `bench:${name}`);
const code = guid('code');
const coder = guid('coder');

function respondent(i: number): RespondentExport {
  const answer = (q: string) => `Antwoord ${i} op ${q}: ik belde 👍 twee keer.\nNiemand wist het 😐. `.repeat(4);
  const answers = Object.fromEntries(textQuestions.map((q) => [q, answer(q)]));
  const source = buildHomeworkSource({ definition, answers, personal: [`naam${i}`, `r${i}@example.nl`] });
  const codings = Array.from({ length: 10 }, (_, k) => ({
    guid: guid(`coding:${i}:${k}`),
    question: textQuestions[k % textQuestions.length],
    start: 0,
    end: 8,
    codeGuid: code,
    coderGuid: coder,
  }));
  const pseudonym = `R${String(i + 1).padStart(2, '0')}`;
  const variables = {
    organisation: 'Waterbedrijf',
    quadrant: 'Gemakzoeker',
    gender: 'v',
    ageBand: '75+',
    educationBand: 'laag',
    digitalComfort: 'Neutraal',
  };
  return { caseGuid: guid(`case:${i}`), sourceGuid: guid(`source:${i}`), pseudonym, variables, source, codings };
}

async function measure(count: number): Promise<void> {
  const respondents = Array.from({ length: count }, (_, i) => respondent(i));
  const study = {
    studyGuid: guid('study'),
    name: 'Bench',
    origin: 'kwadrant bench',
    createdAt: new Date('2026-11-30T12:00:00Z'),
    users: [{ guid: coder, name: 'Coder' }],
    codes: [{ guid: code, name: 'OORZAAK_FOUT', isCodable: true, children: [] }],
    respondents,
  };
  let t = performance.now();
  let cpu = process.cpuUsage();
  const archive = await writeQdpx(buildStudyProject(study));
  const writeMs = performance.now() - t;
  const writeCpu = process.cpuUsage(cpu).user / 1000;
  t = performance.now();
  cpu = process.cpuUsage();
  const plan = planImport(await readQdpx(archive), {
    sources: new Map(respondents.map((r) => [r.sourceGuid, r.source])),
    codeGuids: new Set([code]),
    exportedCodings: new Map(respondents.flatMap((r) => r.codings.map((c) => [c.guid, c] as const))),
  });
  const readMs = performance.now() - t;
  const readCpu = process.cpuUsage(cpu).user / 1000;
  if (plan.codings.length !== count * 10 || plan.problems.length > 0) throw new Error('round trip lost codings');
  console.log(
    `${count} respondents, ${count * 10} codings: write ${writeMs.toFixed(0)} ms (CPU ${writeCpu.toFixed(0)} ms), ` +
      `read + plan ${readMs.toFixed(0)} ms (CPU ${readCpu.toFixed(0)} ms), archive ${(archive.length / 1024).toFixed(0)} KiB`,
  );
}

void (async () => {
  await measure(47);
  await measure(1000);
})();
