// Seeded random studies for the balancing tests and bench.
import { DIGITAL_COMFORTS, EDUCATIONS, GENDERS, QUADRANTS } from '../common/domain';
import { mulberry32 } from '../common/random';
import { BalancingCandidate } from './balancing-profile';
import type { BalancingInput, FixedGroup } from './balancing';
import { DEFAULT_BALANCING_SETTINGS } from './balancing';

export interface RandomStudyOptions {
  organisations: number;
  quadrants: number;
  /** Candidates per bucket are drawn from 0..maxPerBucket (or exactly this many when `exact`). */
  maxPerBucket: number;
  exact?: boolean;
  slots: number;
  /** Chance a candidate is available for a given slot. */
  availability: number;
  /** Chance a candidate has no availability data. */
  unknownAvailability: number;
  /** Values per attribute to draw from (1 = everyone alike, 3+ = full spread); small values make hard cases. */
  spread: number;
  groupsPerQuadrant: number;
  targetSize: number;
  /** Chance a bucket gets one kept group made of its first candidates. */
  keptGroups?: number;
}

export function randomStudy(seed: number, o: RandomStudyOptions): BalancingInput {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const narrow = <T>(list: readonly T[]): T[] => {
    const start = Math.floor(random() * list.length);
    return Array.from({ length: Math.min(list.length, o.spread) }, (_, i) => list[(start + i) % list.length]);
  };
  const slotIds = Array.from({ length: o.slots }, (_, i) => 100 + i);
  const candidates: BalancingCandidate[] = [];
  const fixed: FixedGroup[] = [];
  let id = 1;
  for (let org = 0; org < o.organisations; org++) {
    const organisation = `Organisatie ${org + 1}`;
    for (const quadrant of QUADRANTS.slice(0, o.quadrants)) {
      const genders = narrow(GENDERS);
      const ages = narrow([
        [20, 30],
        [40, 49],
        [60, 80],
        [25, 34],
        [45, 54],
        [55, 64],
      ] as const);
      const educations = narrow(EDUCATIONS);
      const comforts = narrow(DIGITAL_COMFORTS);
      const count = o.exact ? o.maxPerBucket : Math.floor(random() * (o.maxPerBucket + 1));
      const bucket: BalancingCandidate[] = [];
      for (let i = 0; i < count; i++) {
        const [ageMin, ageMax] = pick(ages);
        const unknown = random() < o.unknownAvailability;
        bucket.push({
          id: id++,
          organisation,
          quadrant,
          gender: pick(genders),
          ageMin,
          ageMax,
          education: pick(educations),
          digitalComfort: pick(comforts),
          screenedAt: 1_700_000_000_000 + Math.floor(random() * 50) * 60_000,
          availability: unknown ? null : slotIds.filter(() => random() < o.availability),
        });
      }
      candidates.push(...bucket);
      if (o.keptGroups && bucket.length >= 2 && random() < o.keptGroups) {
        fixed.push({
          id: 9000 + fixed.length,
          organisation,
          quadrant,
          members: bucket.slice(0, 2).map((c) => c.id),
          reserves: [],
        });
      }
    }
  }
  return {
    candidates,
    slotIds,
    fixed,
    settings: { ...DEFAULT_BALANCING_SETTINGS, groupsPerQuadrant: o.groupsPerQuadrant, targetSize: o.targetSize, seed },
  };
}

/**
 * The small studies the exactness check uses (tests and bench alike): up to 12 candidates and 2 groups per bucket,
 * 1–2 organisations, 0–5 slots, some unknown availability and some kept groups, varying with the seed.
 */
export function smallRandomStudy(seed: number): BalancingInput {
  return randomStudy(seed, {
    organisations: 1 + (seed % 2),
    quadrants: 1 + (seed % 4),
    maxPerBucket: 12,
    slots: seed % 6,
    availability: 0.25 + (seed % 7) / 10,
    unknownAvailability: 0.15,
    spread: 1 + (seed % 4),
    groupsPerQuadrant: 1 + ((seed >> 1) % 2),
    targetSize: 2 + ((seed >> 2) % 3),
    keptGroups: seed % 5 === 0 ? 0.5 : 0,
  });
}
