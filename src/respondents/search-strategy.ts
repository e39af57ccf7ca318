// The two ways an answer becomes a search-strategy quadrant (Bijlage 6, Van der Veen & Van Ossenbruggen, 2015): the
// chosen statement of the selection question (surveys/selection-question.ts; the screener shuffles the statements per
// respondent) or the two axes. Pure: no framework imports.

import { QUADRANTS, Quadrant, isOneOf } from '../common/domain';
import { Result } from './normalise';

/** The chosen statement decides the quadrant: the answer's value is the quadrant key. */
export function quadrantFromStatement(choice: string): Result<Quadrant> {
  if (isOneOf(QUADRANTS, choice)) return { ok: true, value: choice };
  return {
    ok: false,
    reason: { key: 'importReason.quadrant', vars: { value: choice, expected: QUADRANTS.join(', ') } },
  };
}

export interface AxesScale {
  min: number;
  max: number;
}

export interface AxesPlacement {
  quadrant: Quadrant;
  /** Distance of the closer axis from its midpoint, as a share of half the scale: 0 = on a boundary, 1 = at an end. */
  margin: number;
  informsMargin: number;
  decidesMargin: number;
  nearBoundary: boolean;
}

/** Below this margin a placement is flagged for the researcher to confirm. */
export const NEAR_BOUNDARY_MARGIN = 0.25;

/**
 * The two-axis form. `informs`: low = little / goal-directed, high = extensively. `decides`: low = alone,
 * high = with advice from others. Each axis splits at the midpoint of the scale, (min + max) / 2. A value
 * exactly on the midpoint counts as the high end (extensively, with advice): the rule has to pick a side,
 * and such an answer always comes back with margin 0 and nearBoundary true, so a researcher looks at it.
 */
export function quadrantFromAxes(
  informs: number,
  decides: number,
  scale: AxesScale,
  nearBelow = NEAR_BOUNDARY_MARGIN,
): AxesPlacement {
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max) || scale.min >= scale.max) {
    throw new RangeError(`scale must run from a lower to a higher number, got ${scale.min}..${scale.max}`);
  }
  for (const [name, value] of [
    ['informs', informs],
    ['decides', decides],
  ] as const) {
    if (!Number.isFinite(value) || value < scale.min || value > scale.max) {
      throw new RangeError(`${name} must lie on the scale ${scale.min}..${scale.max}, got ${value}`);
    }
  }
  const mid = (scale.min + scale.max) / 2;
  const half = (scale.max - scale.min) / 2;
  const extensively = informs >= mid;
  const withAdvice = decides >= mid;
  const quadrant: Quadrant = extensively
    ? withAdvice
      ? 'zekerheidszoeker'
      : 'informatiezoeker'
    : withAdvice
      ? 'rust-in-je-hoofdzoeker'
      : 'gemakzoeker';
  const informsMargin = Math.abs(informs - mid) / half;
  const decidesMargin = Math.abs(decides - mid) / half;
  const margin = Math.min(informsMargin, decidesMargin);
  return { quadrant, margin, informsMargin, decidesMargin, nearBoundary: margin < nearBelow };
}
