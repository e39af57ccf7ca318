/*
 * Balanced mini focus groups: which eligible respondents form which group. Pure: no Nest, no TypeORM.
 *
 * Buckets. Every organisation × quadrant is a bucket. A bucket should get `groupsPerQuadrant` groups; groups
 * passed in as fixed (locked or confirmed) are kept as they are, count towards that number, and their
 * members and reserves are not available to other groups. All members of a group are in the same bucket and
 * share at least one session slot. A respondent without availability data counts as available for every
 * slot (listed in `assumedAvailable`). A study without slots puts no slot constraint on groups.
 *
 * Objective, compared lexicographically (the first difference decides):
 *  1. Filling, per bucket: the most members placed in new groups (each between minSize and targetSize,
 *     at most the number of groups the bucket still needs); then groups filled to the target before another
 *     is opened (group sizes sorted high to low, compared high to low: one group of 4 beats 2 + 2).
 *  2. Balance, per bucket: the sum over its new groups of the group score. A group's score is the number of
 *     distinct bands per attribute, summed over gender (m/v/x), age (<35, 35–54, 55+; a range counts by its
 *     middle), education (laag/midden/hoog) and digital comfort (neutraal or less / comfortabel / zeer
 *     comfortabel). Three people who differ in everything score 12.
 *  3. Coverage, per organisation: the number of distinct bands per attribute summed over all the
 *     organisation's groups (kept and new, all quadrants): every value should appear somewhere if the pool
 *     allows it.
 *  4. First come, first served, per bucket: members compared in service order (earliest screening, then a
 *     shuffle by `seed`, then id); the solution that includes the earlier respondent wins. When several ways
 *     to reach the best coverage exist, the one found first (bands low to high, buckets in order) is used.
 * Levels 1-3 are optimised exactly by a branch and bound (balancing-search.ts); it gives up after a node
 * limit on pathological inputs, and the result then says `provenOptimal: false`.
 *
 * Reserves are chosen after the groups: round by round, each group takes the first-served remaining
 * respondent of its bucket who shares one of its slots. They do not take part in the objective.
 */
import { QUADRANTS, Quadrant } from '../common/domain';
import {
  BalancingCandidate,
  GroupScore,
  MASK_SCORE,
  POPCOUNT3,
  profileIndex,
  scoreOfMask,
  serviceOrder,
  valueMask,
} from './balancing-profile';
import { BucketProblem, SearchSolution, searchBucket } from './balancing-search';

export { BalancingCandidate, GroupScore, groupScore } from './balancing-profile';

export interface BalancingSettings {
  groupsPerQuadrant: number;
  targetSize: number;
  minSize: number;
  maxSize: number;
  reservesPerGroup: number;
  seed: number;
}

export const DEFAULT_BALANCING_SETTINGS: BalancingSettings = {
  groupsPerQuadrant: 1,
  targetSize: 3,
  minSize: 2,
  maxSize: 4,
  reservesPerGroup: 1,
  seed: 1,
};

export interface FixedGroup {
  id: number;
  organisation: string;
  quadrant: Quadrant;
  members: number[];
  reserves: number[];
}

export interface BalancingInput {
  candidates: BalancingCandidate[];
  slotIds: number[];
  settings: BalancingSettings;
  /** Groups to keep as they are. Pass their members among the candidates too, so they count for coverage. */
  fixed?: FixedGroup[];
  /** The study's organisations: buckets without any candidate are then reported as shortfalls too. */
  organisations?: string[];
  /** Search effort per branch-and-bound run; only tests need to change it. */
  nodeLimit?: number;
}

export interface FormedGroup {
  /** The kept group's id, or null for a new group. */
  fixedId: number | null;
  organisation: string;
  quadrant: Quadrant;
  /** Respondent ids in service order. */
  members: number[];
  reserves: number[];
  /** Slot ids every member is available for. */
  slots: number[];
  score: GroupScore;
}

export interface Shortfall {
  organisation: string;
  quadrant: Quadrant;
  /** Eligible respondents in the bucket outside kept groups. */
  candidates: number;
  /** Places the bucket's new groups should have had (groups still needed × target size). */
  needed: number;
  placed: number;
  message: string;
}

export type UnplacedReason = 'bucket-full' | 'no-slot' | 'too-few-candidates' | 'no-common-slot' | 'no-slot-with-group';

export const UNPLACED_REASONS: Record<UnplacedReason, string> = {
  'bucket-full': 'all group places and reserve places of this organisation and quadrant are taken',
  'no-slot': 'not available for any session slot',
  'too-few-candidates': 'too few eligible respondents in this organisation and quadrant to form a group',
  'no-common-slot': 'shares no session slot with enough others in this organisation and quadrant',
  'no-slot-with-group': 'shares no session slot with any group of this organisation and quadrant',
};

export interface Unplaced {
  respondentId: number;
  reason: UnplacedReason;
}

export interface BalancingResult {
  groups: FormedGroup[];
  shortfalls: Shortfall[];
  unplaced: Unplaced[];
  /** Candidates without availability data, treated as available for every slot. */
  assumedAvailable: number[];
  objective: {
    /** Members placed in new groups (level 1). */
    placed: number;
    /** Sum of group scores over all groups, kept ones included (level 2). */
    groupScore: number;
    /** Sum over organisations of distinct bands over their groups (level 3). */
    coverage: number;
  };
  provenOptimal: boolean;
}

const DEFAULT_NODE_LIMIT = 2_000_000;

interface Bucket {
  organisation: string;
  quadrant: Quadrant;
  fixed: FixedGroup[];
  /** Candidates outside kept groups, in service order. */
  pool: BalancingCandidate[];
  /** The pool members available for at least one slot: index i is person i of `problem`. */
  usable: BalancingCandidate[];
  problem: BucketProblem;
  groupsNeeded: number;
  sizes: number[];
  score: number;
  solution: SearchSolution | null;
  /** Masks of solutions found at the best score, and requirements proven impossible at it. */
  feasibleMasks: number[];
  infeasible: number[];
}

export function validateSettings(s: BalancingSettings): void {
  const whole = (v: number) => Number.isInteger(v) && v >= 0;
  if (![s.groupsPerQuadrant, s.targetSize, s.minSize, s.maxSize, s.reservesPerGroup].every(whole)) {
    throw new RangeError('Group settings must be whole numbers of zero or more');
  }
  if (s.minSize < 2 || s.maxSize > 4 || s.minSize > s.targetSize || s.targetSize > s.maxSize) {
    throw new RangeError('Group size must satisfy 2 <= minSize <= targetSize <= maxSize <= 4');
  }
}

export function formGroups(input: BalancingInput): BalancingResult {
  const { settings } = input;
  validateSettings(settings);
  const nodeLimit = input.nodeLimit ?? DEFAULT_NODE_LIMIT;
  const slotIds = input.slotIds;
  const slotCount = Math.max(1, slotIds.length);
  const words = Math.ceil(slotCount / 32);
  const slotIndex = new Map(slotIds.map((id, t) => [id, t]));
  const availabilityWords = (c: BalancingCandidate): Int32Array => {
    const out = new Int32Array(words);
    if (c.availability === null || slotIds.length === 0) {
      for (let t = 0; t < slotCount; t++) out[t >> 5] |= 1 << (t & 31);
    } else {
      for (const id of c.availability) {
        const t = slotIndex.get(id);
        if (t !== undefined) out[t >> 5] |= 1 << (t & 31);
      }
    }
    return out;
  };
  const availability = new Map<number, Int32Array>();
  for (const c of input.candidates) availability.set(c.id, availabilityWords(c));
  const byId = new Map(input.candidates.map((c) => [c.id, c]));

  let provenOptimal = true;
  const buckets = collectBuckets(input);
  for (const b of buckets.values()) {
    b.usable = b.pool.filter((c) => availability.get(c.id)!.some((w) => w !== 0));
    b.problem = toProblem(b.usable, availability, slotCount, words);
    b.groupsNeeded = Math.max(0, settings.groupsPerQuadrant - b.fixed.length);
    if (!planBucket(b, settings, nodeLimit)) provenOptimal = false;
  }
  if (!maximiseCoverage(buckets, byId, nodeLimit)) provenOptimal = false;

  const groups: FormedGroup[] = [];
  const shortfalls: Shortfall[] = [];
  const unplaced: Unplaced[] = [];
  const slotsOf = (mask: Int32Array): number[] =>
    slotIds.length === 0 ? [] : slotIds.filter((_, t) => ((mask[t >> 5] >>> (t & 31)) & 1) === 1);
  let placed = 0;
  const orgMasks = new Map<string, number>();

  for (const b of buckets.values()) {
    for (const f of b.fixed) {
      const known = f.members.map((id) => byId.get(id)).filter((c): c is BalancingCandidate => c !== undefined);
      const common = intersect(
        known.map((c) => availability.get(c.id)!),
        words,
        slotCount,
      );
      const mask = known.reduce((m, c) => m | valueMask(c), 0);
      orgMasks.set(b.organisation, (orgMasks.get(b.organisation) ?? 0) | mask);
      groups.push({
        fixedId: f.id,
        organisation: b.organisation,
        quadrant: b.quadrant,
        members: [...f.members],
        reserves: [...f.reserves],
        slots: slotsOf(common),
        score: scoreOfMask(mask),
      });
    }
    const formed: { members: BalancingCandidate[]; reserves: BalancingCandidate[]; common: Int32Array }[] = b.sizes.map(
      () => ({
        members: [],
        reserves: [],
        common: new Int32Array(0),
      }),
    );
    b.usable.forEach((c, i) => {
      const g = b.solution ? b.solution.assignment[i] : -1;
      if (g >= 0) formed[g].members.push(c);
    });
    const taken = new Set<number>();
    for (const f of formed) {
      f.common = intersect(
        f.members.map((c) => availability.get(c.id)!),
        words,
        slotCount,
      );
      for (const c of f.members) taken.add(c.id);
    }
    for (let round = 0; round < settings.reservesPerGroup; round++) {
      for (const f of formed) {
        const reserve = b.usable.find((c) => !taken.has(c.id) && shares(availability.get(c.id)!, f.common));
        if (reserve) {
          f.reserves.push(reserve);
          taken.add(reserve.id);
        }
      }
    }
    for (const f of formed) {
      const mask = f.members.reduce((m, c) => m | valueMask(c), 0);
      orgMasks.set(b.organisation, (orgMasks.get(b.organisation) ?? 0) | mask);
      placed += f.members.length;
      groups.push({
        fixedId: null,
        organisation: b.organisation,
        quadrant: b.quadrant,
        members: f.members.map((c) => c.id),
        reserves: f.reserves.map((c) => c.id),
        slots: slotsOf(f.common),
        score: scoreOfMask(mask),
      });
    }
    // Kept groups count too: a kept group of 2 leaves its bucket short of the target, and that must stay visible.
    const kept = b.fixed.reduce((sum, f) => sum + f.members.length, 0);
    const placedHere = kept + formed.reduce((s, f) => s + f.members.length, 0);
    const needed = settings.groupsPerQuadrant * settings.targetSize;
    if (placedHere < needed) shortfalls.push(shortfall(b, needed, placedHere, b.pool.length + kept));
    for (const c of b.pool) {
      if (taken.has(c.id)) continue;
      unplaced.push({ respondentId: c.id, reason: unplacedReason(b, c, availability.get(c.id)!, formed, settings) });
    }
  }

  let coverage = 0;
  for (const mask of orgMasks.values()) coverage += MASK_SCORE[mask];
  return {
    groups,
    shortfalls,
    unplaced,
    assumedAvailable: input.candidates
      .filter((c) => c.availability === null)
      .map((c) => c.id)
      .sort((a, b) => a - b),
    objective: { placed, groupScore: groups.reduce((s, g) => s + g.score.total, 0), coverage },
    provenOptimal,
  };
}

function bucketKey(organisation: string, quadrant: Quadrant): string {
  return `${organisation}\u0000${quadrant}`;
}

/** Buckets in a stable order: organisation, then quadrant as in QUADRANTS. */
function collectBuckets(input: BalancingInput): Map<string, Bucket> {
  const found = new Map<string, { organisation: string; quadrant: Quadrant }>();
  const note = (organisation: string, quadrant: Quadrant) =>
    found.set(bucketKey(organisation, quadrant), { organisation, quadrant });
  for (const o of input.organisations ?? []) for (const q of QUADRANTS) note(o, q);
  for (const c of input.candidates) note(c.organisation, c.quadrant);
  for (const f of input.fixed ?? []) note(f.organisation, f.quadrant);
  const ordered = [...found.values()].sort(
    (a, b) =>
      (a.organisation < b.organisation ? -1 : a.organisation > b.organisation ? 1 : 0) ||
      QUADRANTS.indexOf(a.quadrant) - QUADRANTS.indexOf(b.quadrant),
  );
  const buckets = new Map<string, Bucket>();
  for (const { organisation, quadrant } of ordered) {
    buckets.set(bucketKey(organisation, quadrant), {
      organisation,
      quadrant,
      fixed: [],
      pool: [],
      usable: [],
      problem: undefined as unknown as BucketProblem,
      groupsNeeded: 0,
      sizes: [],
      score: 0,
      solution: null,
      feasibleMasks: [],
      infeasible: [],
    });
  }
  const inFixed = new Set<number>();
  for (const f of input.fixed ?? []) {
    buckets.get(bucketKey(f.organisation, f.quadrant))!.fixed.push(f);
    for (const id of [...f.members, ...f.reserves]) inFixed.add(id);
  }
  for (const c of serviceOrder(input.candidates, input.settings.seed)) {
    if (!inFixed.has(c.id)) buckets.get(bucketKey(c.organisation, c.quadrant))!.pool.push(c);
  }
  return buckets;
}

function toProblem(
  usable: BalancingCandidate[],
  availability: Map<number, Int32Array>,
  slotCount: number,
  words: number,
): BucketProblem {
  const n = usable.length;
  const problem: BucketProblem = {
    n,
    slotCount,
    words,
    valueMask: new Int32Array(n),
    profile: new Uint8Array(n),
    avail: new Int32Array(n * words),
  };
  usable.forEach((c, i) => {
    problem.valueMask[i] = valueMask(c);
    problem.profile[i] = profileIndex(c);
    problem.avail.set(availability.get(c.id)!, i * words);
  });
  return problem;
}

/** Group size vectors in order of preference (objective level 1): most members, then fullest groups first. */
export function sizeVectors(groups: number, minSize: number, targetSize: number, people: number): number[][] {
  const out: number[][] = [];
  const extend = (prefix: number[], max: number) => {
    if (prefix.length > 0) out.push(prefix);
    if (prefix.length === groups) return;
    for (let s = max; s >= minSize; s--) extend([...prefix, s], s);
  };
  extend([], targetSize);
  const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
  const lexDesc = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return b[i] - a[i];
    return a.length - b.length;
  };
  return out.filter((v) => sum(v) <= people).sort((a, b) => sum(b) - sum(a) || lexDesc(a, b));
}

/** Levels 1 and 2 for one bucket, with the first-served solution at that score. Returns false if not proven. */
function planBucket(b: Bucket, settings: BalancingSettings, nodeLimit: number): boolean {
  let proven = true;
  const pool = b.usable.reduce((m, c) => m | valueMask(c), 0);
  for (const sizes of sizeVectors(b.groupsNeeded, settings.minSize, settings.targetSize, b.problem.n)) {
    let upper = 0;
    for (const s of sizes) for (let a = 0; a < 12; a += 3) upper += Math.min(s, POPCOUNT3[(pool >> a) & 7]);
    // The bound is usually reached on large pools, which makes the first search short.
    let outcome = searchBucket(b.problem, sizes, upper, 0, nodeLimit);
    if (!outcome.best) outcome = searchBucket(b.problem, sizes, 0, 0, nodeLimit);
    if (!outcome.complete) proven = false;
    if (outcome.best) {
      b.sizes = sizes;
      b.score = outcome.best.score;
      b.solution = outcome.best;
      b.feasibleMasks.push(outcome.best.mask);
      return proven;
    }
  }
  return proven;
}

/** Can the bucket reach its best score with bands including `required`? Cached, using monotonicity. */
function reaches(b: Bucket, required: number, nodeLimit: number, state: { proven: boolean }): boolean {
  if (b.feasibleMasks.some((m) => (m & required) === required)) return true;
  if (b.infeasible.some((r) => (r & required) === r)) return false;
  const outcome = searchBucket(b.problem, b.sizes, b.score, required, nodeLimit);
  if (!outcome.complete) state.proven = false;
  if (outcome.best) b.feasibleMasks.push(outcome.best.mask);
  else b.infeasible.push(required);
  return outcome.best !== null;
}

/**
 * Level 3: per organisation, find the largest set of bands its new groups can add to the kept groups' bands,
 * by handing each band to a bucket that can include it at its best score. Then re-solve those buckets.
 */
function maximiseCoverage(
  buckets: Map<string, Bucket>,
  byId: Map<number, BalancingCandidate>,
  nodeLimit: number,
): boolean {
  const state = { proven: true };
  const byOrg = new Map<string, Bucket[]>();
  for (const b of buckets.values()) byOrg.set(b.organisation, [...(byOrg.get(b.organisation) ?? []), b]);
  for (const list of byOrg.values()) {
    let kept = 0;
    for (const b of list)
      for (const f of b.fixed) for (const id of f.members) kept |= byId.has(id) ? valueMask(byId.get(id)!) : 0;
    const solved = list.filter((b) => b.solution !== null);
    let possible = 0;
    for (const b of solved) for (const c of b.usable) possible |= valueMask(c);
    const wanted = possible & ~kept;
    let current = 0;
    for (const b of solved) current |= b.solution!.mask;
    if ((current & wanted) === wanted) continue;
    const bits: number[] = [];
    for (let bit = 0; bit < 12; bit++) if ((wanted >> bit) & 1) bits.push(1 << bit);
    let bestCount = MASK_SCORE[current & wanted];
    let bestRequired: number[] | null = null;
    const required = solved.map(() => 0);
    const assign = (index: number, count: number): void => {
      if (count + bits.length - index <= bestCount) return;
      if (index === bits.length) {
        bestCount = count;
        bestRequired = [...required];
        return;
      }
      const bit = bits[index];
      for (let j = 0; j < solved.length && bestCount < bits.length; j++) {
        if (!solved[j].usable.some((c) => valueMask(c) & bit)) continue;
        if (!reaches(solved[j], required[j] | bit, nodeLimit, state)) continue;
        required[j] |= bit;
        assign(index + 1, count + 1);
        required[j] &= ~bit;
      }
      assign(index + 1, count);
    };
    assign(0, 0);
    const chosen = bestRequired as number[] | null;
    if (!chosen) continue;
    solved.forEach((b, j) => {
      if (chosen[j] === 0) return;
      const outcome = searchBucket(b.problem, b.sizes, b.score, chosen[j], nodeLimit);
      if (!outcome.complete) state.proven = false;
      if (outcome.best) b.solution = outcome.best;
    });
  }
  return state.proven;
}

function intersect(list: Int32Array[], words: number, slotCount: number): Int32Array {
  const out = new Int32Array(words);
  for (let t = 0; t < slotCount; t++) out[t >> 5] |= 1 << (t & 31);
  for (const a of list) for (let w = 0; w < words; w++) out[w] &= a[w];
  return out;
}

function shares(a: Int32Array, b: Int32Array): boolean {
  for (let w = 0; w < a.length; w++) if ((a[w] & b[w]) !== 0) return true;
  return false;
}

function shortfall(b: Bucket, needed: number, placed: number, candidates: number): Shortfall {
  const where = `${b.organisation} × ${b.quadrant}`;
  const message =
    candidates < needed
      ? `${where}: ${candidates} of ${needed}`
      : `${where}: ${placed} of ${needed} placed; the other ${candidates - placed} candidates share no session slot with enough others`;
  return { organisation: b.organisation, quadrant: b.quadrant, candidates, needed, placed, message };
}

function unplacedReason(
  b: Bucket,
  c: BalancingCandidate,
  avail: Int32Array,
  formed: { common: Int32Array }[],
  settings: BalancingSettings,
): UnplacedReason {
  if (b.groupsNeeded === 0) return 'bucket-full';
  if (!avail.some((w) => w !== 0)) return 'no-slot';
  if (formed.length === 0) return b.usable.length < settings.minSize ? 'too-few-candidates' : 'no-common-slot';
  return formed.some((f) => shares(avail, f.common)) ? 'bucket-full' : 'no-slot-with-group';
}
