// The attribute bands the balancing objective counts, and the bit encoding the search runs on.
import { DigitalComfort, Education, Gender, Quadrant, educationBand } from '../common/domain';
import { mulberry32 } from '../common/random';

/** What the balancing needs to know about an eligible respondent. */
export interface BalancingCandidate {
  id: number;
  organisation: string;
  quadrant: Quadrant;
  gender: Gender;
  ageMin: number;
  ageMax: number;
  education: Education;
  digitalComfort: DigitalComfort;
  /** Epoch ms of the screening; earlier is served first. */
  screenedAt: number;
  /** Slot ids the respondent can attend; null = unknown (e.g. imported), counted as every slot. */
  availability: number[] | null;
}

export type BalancedAttribute = 'gender' | 'age' | 'education' | 'digitalComfort';
export const BALANCED_ATTRIBUTES: readonly BalancedAttribute[] = ['gender', 'age', 'education', 'digitalComfort'];

export interface GroupScore {
  total: number;
  gender: number;
  age: number;
  education: number;
  digitalComfort: number;
}

type ProfileFields = Pick<BalancingCandidate, 'gender' | 'ageMin' | 'ageMax' | 'education' | 'digitalComfort'>;

const GENDER_BAND: Record<Gender, number> = { m: 0, v: 1, x: 2 };
const EDUCATION_BAND = { laag: 0, midden: 1, hoog: 2 } as const;
const COMFORT_BAND: Record<DigitalComfort, number> = {
  'zeer-oncomfortabel': 0,
  oncomfortabel: 0,
  neutraal: 0,
  comfortabel: 1,
  'zeer-comfortabel': 2,
};

/** <35, 35–54, 55+; an age range ("45-54") counts by its middle. */
export function ageBand(ageMin: number, ageMax: number): number {
  const middle = (ageMin + ageMax) / 2;
  if (middle < 35) return 0;
  if (middle < 55) return 1;
  return 2;
}

/** The band (0..2) of each balanced attribute, in BALANCED_ATTRIBUTES order. */
export function bands(c: ProfileFields): [number, number, number, number] {
  return [
    GENDER_BAND[c.gender],
    ageBand(c.ageMin, c.ageMax),
    EDUCATION_BAND[educationBand(c.education)],
    COMFORT_BAND[c.digitalComfort],
  ];
}

/** 12 bits: attribute a, band v sets bit 3a+v. The OR over a group's members is all its score depends on. */
export function valueMask(c: ProfileFields): number {
  const b = bands(c);
  return (1 << b[0]) | (1 << (3 + b[1])) | (1 << (6 + b[2])) | (1 << (9 + b[3]));
}

/** One of the 81 attribute profiles (bands in base 3): people with the same profile are interchangeable for the score. */
export function profileIndex(c: ProfileFields): number {
  const b = bands(c);
  return ((b[0] * 3 + b[1]) * 3 + b[2]) * 3 + b[3];
}

/** Number of distinct bands of attribute a in a value mask. */
export const POPCOUNT3 = [0, 1, 1, 2, 1, 2, 2, 3];
export function distinctOf(mask: number, attribute: number): number {
  return POPCOUNT3[(mask >> (3 * attribute)) & 7];
}

/** Score of a value mask: the number of distinct bands summed over the four attributes (= its popcount). */
export const MASK_SCORE: Int8Array = (() => {
  const table = new Int8Array(4096);
  for (let m = 0; m < 4096; m++) table[m] = distinctOf(m, 0) + distinctOf(m, 1) + distinctOf(m, 2) + distinctOf(m, 3);
  return table;
})();

export function scoreOfMask(mask: number): GroupScore {
  return {
    total: MASK_SCORE[mask & 4095],
    gender: distinctOf(mask, 0),
    age: distinctOf(mask, 1),
    education: distinctOf(mask, 2),
    digitalComfort: distinctOf(mask, 3),
  };
}

/** The balance of one group: distinct bands per attribute, and their sum. */
export function groupScore(members: readonly ProfileFields[]): GroupScore {
  let mask = 0;
  for (const m of members) mask |= valueMask(m);
  return scoreOfMask(mask);
}

/**
 * The service order: earliest screening first, then a per-seed shuffle, then id. The whole objective's
 * tie-break is expressed through this order, so it must be the same everywhere.
 */
export function serviceOrder<T extends Pick<BalancingCandidate, 'id' | 'screenedAt'>>(
  candidates: readonly T[],
  seed: number,
): T[] {
  const key = new Map<number, number>();
  for (const c of candidates) key.set(c.id, mulberry32((seed ^ Math.imul(c.id, 0x9e3779b1)) >>> 0)());
  return [...candidates].sort((a, b) => a.screenedAt - b.screenedAt || key.get(a.id)! - key.get(b.id)! || a.id - b.id);
}
