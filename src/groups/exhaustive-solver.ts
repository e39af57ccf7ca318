// Reference for tests and bench: tries every way to form a bucket's groups. Only for small buckets.
import { Quadrant } from '../common/domain';
import { BalancingCandidate, MASK_SCORE, serviceOrder, valueMask } from './balancing-profile';
import type { BalancingInput } from './balancing';

export interface ExhaustiveBucket {
  organisation: string;
  quadrant: Quadrant;
  placed: number;
  /** Sizes of the new groups, high to low. */
  sizes: number[];
  score: number;
  /** Members (ids, service order) of the first-served solution with the best placed/sizes/score. */
  firstServed: number[];
  /** Band masks of all solutions with the best placed/sizes/score. */
  masks: number[];
}

export interface ExhaustiveResult {
  buckets: ExhaustiveBucket[];
  placed: number;
  /** Sum of group scores, kept groups included. */
  groupScore: number;
  /** Best sum over organisations of distinct bands over all their groups. */
  coverage: number;
}

interface Option {
  placed: number;
  sizes: number[];
  score: number;
  mask: number;
  /** Member positions in service order, ascending. */
  positions: number[];
}

/** Positive when a is better on filling then balance (objective levels 1 and 2). */
function compareFillingAndBalance(a: Option, b: Option): number {
  if (a.placed !== b.placed) return a.placed - b.placed;
  for (let i = 0; i < Math.min(a.sizes.length, b.sizes.length); i++)
    if (a.sizes[i] !== b.sizes[i]) return a.sizes[i] - b.sizes[i];
  if (a.sizes.length !== b.sizes.length) return b.sizes.length - a.sizes.length;
  return a.score - b.score;
}

/** Positive when a serves earlier respondents (smaller sorted positions). */
function compareService(a: Option, b: Option): number {
  for (let i = 0; i < a.positions.length; i++)
    if (a.positions[i] !== b.positions[i]) return b.positions[i] - a.positions[i];
  return 0;
}

export function solveExhaustively(input: BalancingInput): ExhaustiveResult {
  const { settings, slotIds } = input;
  const fixed = input.fixed ?? [];
  const inFixed = new Set(fixed.flatMap((f) => [...f.members, ...f.reserves]));
  const byId = new Map(input.candidates.map((c) => [c.id, c]));
  const slotsOf = (c: BalancingCandidate): Set<number> =>
    new Set(
      slotIds.length === 0
        ? [0]
        : c.availability === null
          ? slotIds
          : c.availability.filter((s) => slotIds.includes(s)),
    );

  const bucketKeys = new Map<string, { organisation: string; quadrant: Quadrant }>();
  for (const c of input.candidates) bucketKeys.set(`${c.organisation}|${c.quadrant}`, c);
  for (const f of fixed) bucketKeys.set(`${f.organisation}|${f.quadrant}`, f);

  const buckets: ExhaustiveBucket[] = [];
  let groupScore = 0;
  const keptMaskByOrg = new Map<string, number>();
  const masksByOrg = new Map<string, number[][]>();
  for (const [key, { organisation, quadrant }] of bucketKeys) {
    const kept = fixed.filter((f) => `${f.organisation}|${f.quadrant}` === key);
    for (const f of kept) {
      const mask = f.members.reduce((m, id) => m | (byId.has(id) ? valueMask(byId.get(id)!) : 0), 0);
      groupScore += MASK_SCORE[mask];
      keptMaskByOrg.set(organisation, (keptMaskByOrg.get(organisation) ?? 0) | mask);
    }
    const pool = serviceOrder(
      input.candidates.filter((c) => `${c.organisation}|${c.quadrant}` === key && !inFixed.has(c.id)),
      settings.seed,
    );
    const groupsNeeded = Math.max(0, settings.groupsPerQuadrant - kept.length);
    const options = allOptions(pool, slotsOf, groupsNeeded, settings.minSize, settings.targetSize);
    let best = options[0];
    for (const o of options) {
      const c = compareFillingAndBalance(o, best);
      if (c > 0 || (c === 0 && compareService(o, best) > 0)) best = o;
    }
    const optimal = options.filter((o) => compareFillingAndBalance(o, best) === 0);
    const masks = [...new Set(optimal.map((o) => o.mask))];
    masksByOrg.set(organisation, [...(masksByOrg.get(organisation) ?? []), masks]);
    groupScore += best.score;
    buckets.push({
      organisation,
      quadrant,
      placed: best.placed,
      sizes: best.sizes,
      score: best.score,
      firstServed: best.positions.map((i) => pool[i].id),
      masks,
    });
  }

  let coverage = 0;
  for (const [organisation, perBucket] of masksByOrg) {
    let reachable = new Set([keptMaskByOrg.get(organisation) ?? 0]);
    for (const masks of perBucket) {
      const next = new Set<number>();
      for (const r of reachable) for (const m of masks) next.add(r | m);
      reachable = next;
    }
    coverage += Math.max(...[...reachable].map((m) => MASK_SCORE[m]));
  }
  for (const [organisation, mask] of keptMaskByOrg) if (!masksByOrg.has(organisation)) coverage += MASK_SCORE[mask];
  return { buckets, placed: buckets.reduce((s, b) => s + b.placed, 0), groupScore, coverage };
}

/** Every set of at most `groupsNeeded` disjoint groups whose members share a slot, including the empty set. */
function allOptions(
  pool: BalancingCandidate[],
  slotsOf: (c: BalancingCandidate) => Set<number>,
  groupsNeeded: number,
  minSize: number,
  targetSize: number,
): Option[] {
  const n = pool.length;
  const slots = pool.map(slotsOf);
  const groups: { members: number; size: number; mask: number }[] = [];
  const grow = (start: number, members: number[], common: Set<number>) => {
    if (members.length >= minSize) {
      groups.push({
        members: members.reduce((m, i) => m | (1 << i), 0),
        size: members.length,
        mask: members.reduce((m, i) => m | valueMask(pool[i]), 0),
      });
    }
    if (members.length === targetSize) return;
    for (let i = start; i < n; i++) {
      const shared = new Set([...common].filter((s) => slots[i].has(s)));
      if (shared.size > 0) grow(i + 1, [...members, i], shared);
    }
  };
  for (let i = 0; i < n; i++) grow(i + 1, [i], slots[i]);

  const options: Option[] = [];
  const choose = (from: number, used: number, chosen: { size: number; mask: number }[]) => {
    const positions: number[] = [];
    for (let i = 0; i < n; i++) if ((used >> i) & 1) positions.push(i);
    options.push({
      placed: positions.length,
      sizes: chosen.map((g) => g.size).sort((a, b) => b - a),
      score: chosen.reduce((s, g) => s + MASK_SCORE[g.mask], 0),
      mask: chosen.reduce((m, g) => m | g.mask, 0),
      positions,
    });
    if (chosen.length === groupsNeeded) return;
    for (let j = from; j < groups.length; j++) {
      if ((groups[j].members & used) === 0) choose(j + 1, used | groups[j].members, [...chosen, groups[j]]);
    }
  };
  choose(0, 0, []);
  return options;
}
