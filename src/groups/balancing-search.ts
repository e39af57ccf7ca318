// Exact branch and bound for one organisation × quadrant bucket. See balancing.ts for the objective.
import { MASK_SCORE, POPCOUNT3 } from './balancing-profile';

/**
 * A bucket's usable candidates in service order (index 0 = first served), as flat arrays.
 * avail holds `words` 32-bit words per person: bit t = available in slot t.
 */
export interface BucketProblem {
  n: number;
  slotCount: number;
  words: number;
  valueMask: Int32Array;
  profile: Uint8Array;
  avail: Int32Array;
}

export interface SearchSolution {
  /** Per person: index of the group they join, or -1. */
  assignment: Int8Array;
  score: number;
  mask: number;
}

export interface SearchOutcome {
  best: SearchSolution | null;
  /** false when the node limit stopped the search before it was proven optimal. */
  complete: boolean;
}

/** Per slot and position: how many of the persons from that position on are available, and their bands. */
interface Suffixes {
  count: Int32Array;
  values: Int32Array;
  /** 81-bit profile sets, three words per slot and position. */
  profiles: Int32Array;
  all: Int32Array;
}

/** The band mask of each of the 81 profiles. */
const PROFILE_MASK: Int32Array = (() => {
  const table = new Int32Array(81);
  for (let p = 0; p < 81; p++) {
    const d = p % 3;
    const e = Math.floor(p / 3) % 3;
    const a = Math.floor(p / 9) % 3;
    const g = Math.floor(p / 27);
    table[p] = (1 << g) | (1 << (3 + a)) | (1 << (6 + e)) | (1 << (9 + d));
  }
  return table;
})();

const suffixCache = new WeakMap<BucketProblem, Suffixes>();

function suffixesOf(p: BucketProblem): Suffixes {
  const cached = suffixCache.get(p);
  if (cached) return cached;
  const stride = p.n + 1;
  const count = new Int32Array(p.slotCount * stride);
  const values = new Int32Array(p.slotCount * stride);
  const profiles = new Int32Array(p.slotCount * stride * 3);
  const all = new Int32Array(stride);
  for (let i = p.n - 1; i >= 0; i--) {
    all[i] = all[i + 1] | p.valueMask[i];
    const profile = p.profile[i];
    for (let t = 0; t < p.slotCount; t++) {
      const here = (p.avail[i * p.words + (t >> 5)] >>> (t & 31)) & 1;
      const at = t * stride + i;
      count[at] = count[at + 1] + here;
      values[at] = values[at + 1] | (here ? p.valueMask[i] : 0);
      for (let w = 0; w < 3; w++) profiles[at * 3 + w] = profiles[(at + 1) * 3 + w];
      if (here) profiles[at * 3 + (profile >> 5)] |= 1 << (profile & 31);
    }
  }
  const s = { count, values, profiles, all };
  suffixCache.set(p, s);
  return s;
}

/** Upper bound on a group's final score when `open` more members come from `pool` (bands they could bring). */
function capScore(mask: number, open: number, pool: number): number {
  const union = mask | pool;
  let s = 0;
  for (let a = 0; a < 12; a += 3) s += Math.min(POPCOUNT3[(mask >> a) & 7] + open, POPCOUNT3[(union >> a) & 7]);
  return s;
}

/** Exact best score when one member is still to come: try each profile still available. */
function bestLastMember(mask: number, profiles: Int32Array, at: number): number {
  let best = -1;
  for (let w = 0; w < 3; w++) {
    let bits = profiles[at + w];
    while (bits !== 0) {
      const low = bits & -bits;
      const score = MASK_SCORE[mask | PROFILE_MASK[w * 32 + 31 - Math.clz32(low)]];
      if (score > best) best = score;
      bits ^= low;
    }
  }
  return best;
}

/**
 * Finds, among ways to form disjoint groups of exactly `sizes` from the bucket (each group's members sharing
 * a slot), one with score >= floor whose bands include `requirement`, maximising first the score and then
 * the service order (the set of members, compared as a bit vector in service order: earlier persons win).
 * Persons with the same profile are interchangeable for the score, which the dominance rule exploits.
 */
export function searchBucket(
  p: BucketProblem,
  sizes: readonly number[],
  floor: number,
  requirement: number,
  nodeLimit: number,
): SearchOutcome {
  const { n, words: W, slotCount: T } = p;
  const k = sizes.length;
  const sfx = suffixesOf(p);
  const stride = n + 1;
  const vm = new Int32Array(k);
  const cnt = new Int32Array(k);
  const slots = new Int32Array(k * W);
  for (let g = 0; g < k; g++) for (let t = 0; t < T; t++) slots[g * W + (t >> 5)] |= 1 << (t & 31);
  const saved = new Int32Array((n + 1) * W);
  const assignment = new Int8Array(n).fill(-1);
  // lexAt[i]: the chosen prefix [0, i) compared with the best solution's: 1 better, 0 equal, -1 worse.
  const lexAt = new Int8Array(n + 1).fill(1);
  const skippedByProfile: number[][] = Array.from({ length: 81 }, () => []);
  let remaining = 0;
  for (const s of sizes) remaining += s;
  let bestScore = floor;
  let best: Int8Array | null = null;
  let bestMask = 0;
  let nodes = 0;
  let aborted = false;

  const groupBound = (g: number, i: number): number => {
    const open = sizes[g] - cnt[g];
    let bound = -1;
    for (let t = 0; t < T; t++) {
      if (((slots[g * W + (t >> 5)] >>> (t & 31)) & 1) === 0) continue;
      if (sfx.count[t * stride + i] < open) continue;
      const b =
        open === 1
          ? bestLastMember(vm[g], sfx.profiles, (t * stride + i) * 3)
          : capScore(vm[g], open, sfx.values[t * stride + i]);
      if (b > bound) bound = b;
    }
    return bound;
  };

  // Swapping j for an earlier, unused person of the same profile who is available wherever j is needed
  // keeps the score and serves earlier: such a branch is never the optimum.
  const dominated = (j: number, g: number): boolean => {
    const list = skippedByProfile[p.profile[j]];
    for (let s = 0; s < list.length; s++) {
      const i = list[s];
      let covers = true;
      for (let w = 0; w < W; w++) {
        if ((p.avail[j * W + w] & slots[g * W + w] & ~p.avail[i * W + w]) !== 0) {
          covers = false;
          break;
        }
      }
      if (covers) return true;
    }
    return false;
  };

  const leaf = (i: number): void => {
    let score = 0;
    let mask = 0;
    for (let g = 0; g < k; g++) {
      score += MASK_SCORE[vm[g]];
      mask |= vm[g];
    }
    if ((mask & requirement) !== requirement) return;
    if (score > bestScore || (score === bestScore && lexAt[i] > 0)) {
      bestScore = score;
      bestMask = mask;
      best = assignment.slice();
      lexAt.fill(0);
    }
  };

  const dfs = (i: number): void => {
    if (aborted) return;
    if (++nodes > nodeLimit) {
      aborted = true;
      return;
    }
    if (remaining === 0) return leaf(i);
    if (n - i < remaining) return;
    let bound = 0;
    let reachable = sfx.all[i];
    for (let g = 0; g < k; g++) {
      reachable |= vm[g];
      if (cnt[g] === sizes[g]) bound += MASK_SCORE[vm[g]];
      else {
        const b = groupBound(g, i);
        if (b < 0) return;
        bound += b;
      }
    }
    if ((reachable & requirement) !== requirement) return;
    const hopeless = () => bound < bestScore || (bound === bestScore && lexAt[i] < 0);
    if (hopeless()) return;

    const profile = p.profile[i];
    for (let g = 0; g < k; g++) {
      if (cnt[g] === sizes[g]) continue;
      // Groups of equal size are interchangeable: open them in order.
      if (cnt[g] === 0 && g > 0 && sizes[g - 1] === sizes[g] && cnt[g - 1] === 0) continue;
      let shares = false;
      for (let w = 0; w < W; w++) if ((slots[g * W + w] & p.avail[i * W + w]) !== 0) shares = true;
      if (!shares || dominated(i, g)) continue;
      if (hopeless()) return;
      lexAt[i + 1] = lexAt[i] !== 0 ? lexAt[i] : best !== null && best[i] >= 0 ? 0 : 1;
      const oldMask = vm[g];
      for (let w = 0; w < W; w++) {
        saved[i * W + w] = slots[g * W + w];
        slots[g * W + w] &= p.avail[i * W + w];
      }
      vm[g] |= p.valueMask[i];
      cnt[g]++;
      remaining--;
      assignment[i] = g;
      dfs(i + 1);
      assignment[i] = -1;
      remaining++;
      cnt[g]--;
      vm[g] = oldMask;
      for (let w = 0; w < W; w++) slots[g * W + w] = saved[i * W + w];
    }
    if (hopeless()) return;
    lexAt[i + 1] = lexAt[i] !== 0 ? lexAt[i] : best !== null && best[i] >= 0 ? -1 : 0;
    skippedByProfile[profile].push(i);
    dfs(i + 1);
    skippedByProfile[profile].pop();
  };

  dfs(0);
  const found = best as Int8Array | null;
  return { best: found ? { assignment: found, score: bestScore, mask: bestMask } : null, complete: !aborted };
}
