// Group balancing: exactness against the exhaustive solver, quality on large pools, and speed at scale.
import { performance } from 'node:perf_hooks';
import { POPCOUNT3, valueMask } from '../src/groups/balancing-profile';
import { BalancingResult, formGroups } from '../src/groups/balancing';
import { solveExhaustively } from '../src/groups/exhaustive-solver';
import { randomStudy, smallRandomStudy } from '../src/groups/random-study';

function exactShare(instances: number): { share: number; instances: number } {
  let equal = 0;
  for (let seed = 1; seed <= instances; seed++) {
    const input = smallRandomStudy(seed);
    const ours = formGroups(input).objective;
    const optimum = solveExhaustively(input);
    if (ours.placed === optimum.placed && ours.groupScore === optimum.groupScore && ours.coverage === optimum.coverage)
      equal++;
  }
  return { share: equal / instances, instances };
}

/** Per new group: the sum over attributes of min(group size, bands present in its bucket's pool). */
function upperBound(result: BalancingResult, input: ReturnType<typeof randomStudy>): number {
  const poolMask = new Map<string, number>();
  for (const c of input.candidates) {
    const key = `${c.organisation}|${c.quadrant}`;
    poolMask.set(key, (poolMask.get(key) ?? 0) | valueMask(c));
  }
  let bound = 0;
  for (const g of result.groups) {
    if (g.fixedId !== null) continue;
    const mask = poolMask.get(`${g.organisation}|${g.quadrant}`)!;
    for (let a = 0; a < 12; a += 3) bound += Math.min(g.members.length, POPCOUNT3[(mask >> a) & 7]);
  }
  return bound;
}

function largeRatio(instances: number): { meanRatio: number; attained: number; instances: number } {
  let sum = 0;
  let attained = 0;
  for (let seed = 1; seed <= instances; seed++) {
    const input = randomStudy(seed, {
      organisations: 2,
      quadrants: 4,
      maxPerBucket: 300 + (seed % 3) * 100,
      exact: true,
      slots: 4 + (seed % 9),
      availability: 0.2 + (seed % 5) / 10,
      unknownAvailability: 0.1,
      spread: 2 + (seed % 3),
      groupsPerQuadrant: 1 + (seed % 3),
      targetSize: 2 + (seed % 3),
    });
    const result = formGroups(input);
    const newScore = result.groups.filter((g) => g.fixedId === null).reduce((s, g) => s + g.score.total, 0);
    const ratio = newScore / upperBound(result, input);
    sum += ratio;
    if (ratio === 1) attained++;
  }
  return { meanRatio: sum / instances, attained, instances };
}

function atScale(): Record<string, string | number | boolean> {
  const input = randomStudy(42, {
    organisations: 50,
    quadrants: 4,
    maxPerBucket: 500,
    exact: true,
    slots: 12,
    availability: 0.35,
    unknownAvailability: 0.05,
    spread: 6,
    groupsPerQuadrant: 1,
    targetSize: 3,
  });
  // formGroups is synchronous, so a sampling timer would never fire: compare the process's peak RSS
  // (getrusage) with the RSS just before the call instead.
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const result = formGroups(input);
  const ms = performance.now() - start;
  const heapAfter = process.memoryUsage().heapUsed;
  return {
    respondents: input.candidates.length,
    buckets: 200,
    slots: input.slotIds.length,
    ms: Math.round(ms),
    rssBeforeMB: Math.round(rssBefore / 1e5) / 10,
    peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 1e5) / 10,
    heapGrowthMB: Math.round((heapAfter - heapBefore) / 1e5) / 10,
    groups: result.groups.length,
    meanGroupScore: result.groups.reduce((s, g) => s + g.score.total, 0) / result.groups.length,
    provenOptimal: result.provenOptimal,
  };
}

// At scale first, so the peak RSS is not the exhaustive solver's.
const scale = atScale();
const small = exactShare(500);
console.log(
  `(a) small instances equal to the exhaustive optimum: ${(small.share * 100).toFixed(1)} % of ${small.instances}`,
);
const large = largeRatio(30);
console.log(
  `(b) large instances, mean ratio to the upper bound: ${large.meanRatio.toFixed(4)} (bound reached in ${large.attained} of ${large.instances})`,
);
console.log('(c) 100,000 respondents in 200 buckets:', scale);
