// Inter-coder agreement for double coding: Cohen's kappa (two coders) and Krippendorff's alpha (nominal, any
// number of coders, missing values allowed), overall and per code, and the units the coders disagree on.
// Pure: no framework imports.
//
// The unit is whatever the caller passes; the coding module passes answers (one homework answer = one unit),
// not characters. A coder who did not code a unit is *missing* there (left out of that unit); a coder who read
// it and applied no code gave it the value "no code".
//
// Where a coefficient is 0/0 (no pairable units, or every pairable value is the same category, so chance
// agreement is already perfect) it is `null`: undefined, never NaN and never a guessed 1.

/** A nominal value; `null` or `undefined` is a missing value. */
export type NominalValue = string | null | undefined;

export interface KappaResult {
  /** Cohen's kappa, (po − pe) / (1 − pe); null when undefined. */
  value: number | null;
  /** Observed agreement po: the share of units on which both coders chose the same category. */
  observed: number | null;
  /** Chance agreement pe from the two coders' marginals. */
  expected: number | null;
  /** Units that both coders coded (the rest are left out). */
  units: number;
}

/** Cohen's kappa over pairs (coder A's value, coder B's value); a pair with a missing value is left out. */
export function cohensKappa(pairs: Iterable<readonly [NominalValue, NominalValue]>): KappaResult {
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  let n = 0;
  let agree = 0;
  for (const [x, y] of pairs) {
    if (x == null || y == null) continue;
    n++;
    if (x === y) agree++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  if (n === 0) return { value: null, observed: null, expected: null, units: 0 };
  let expected = 0;
  for (const [category, countA] of a) expected += (countA / n) * ((b.get(category) ?? 0) / n);
  const observed = agree / n;
  // pe = 1 only when both coders used one and the same category for every unit.
  const value = expected >= 1 ? null : (observed - expected) / (1 - expected);
  return { value, observed, expected, units: n };
}

/** One-vs-rest kappa per category: each category against all others, as a binary coding. */
export function kappaPerCategory(pairs: Iterable<readonly [NominalValue, NominalValue]>): Map<string, KappaResult> {
  const complete = [...pairs].filter((p): p is [string, string] => p[0] != null && p[1] != null);
  const categories = [...new Set(complete.flat())].sort();
  return new Map(
    categories.map((c) => [c, cohensKappa(complete.map(([x, y]) => [String(x === c), String(y === c)] as const))]),
  );
}

export interface AlphaResult {
  /** Krippendorff's alpha, 1 − Do/De; null when undefined. */
  value: number | null;
  /** Observed disagreement Do (share of disagreeing pairs within units). */
  observed: number | null;
  /** Expected disagreement De (share of disagreeing pairs over all pairable values). */
  expected: number | null;
  /** Units with at least two values (only these are pairable). */
  units: number;
  /** Pairable values n: the values in those units. */
  values: number;
}

/**
 * Krippendorff's alpha for nominal data, in the coincidence-matrix formulation (Krippendorff 2011): each unit is
 * the list of its coders' values (missing ones null/undefined). A unit with fewer than two values is not pairable.
 * Computed from per-unit category counts, which is the coincidence matrix without building it:
 *   α = 1 − (n − 1) · Σ_u (m_u² − Σ_c n_uc²) / (m_u − 1)  /  (n² − Σ_c n_c²).
 */
export function krippendorffAlpha(units: Iterable<Iterable<NominalValue>>): AlphaResult {
  const totals = new Map<string, number>();
  let n = 0;
  let pairable = 0;
  let disagreement = 0; // Σ over c≠k of the coincidences o_ck
  for (const unit of units) {
    const counts = new Map<string, number>();
    let m = 0;
    for (const v of unit) {
      if (v == null) continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
      m++;
    }
    if (m < 2) continue;
    pairable++;
    n += m;
    let sumSquares = 0;
    for (const [c, k] of counts) {
      sumSquares += k * k;
      totals.set(c, (totals.get(c) ?? 0) + k);
    }
    disagreement += (m * m - sumSquares) / (m - 1);
  }
  if (n === 0) return { value: null, observed: null, expected: null, units: 0, values: 0 };
  let totalSquares = 0;
  for (const k of totals.values()) totalSquares += k * k;
  const expectedPairs = n * n - totalSquares; // Σ over c≠k of n_c · n_k
  const observed = disagreement / n;
  const expected = expectedPairs / (n * (n - 1));
  const value = expectedPairs === 0 ? null : 1 - ((n - 1) * disagreement) / expectedPairs;
  return { value, observed, expected, units: pairable, values: n };
}

// ------------------------------------------------------------------------------------- coded units

/** One unit (an answer) with, per coder who coded it, the codes (Tekst-IDs) they applied; an absent coder is missing. */
export interface CodedUnit {
  unit: string;
  codes: Readonly<Record<string, readonly string[]>>;
}

/** One coder's coded span in an answer (the unit), with the codes applied to it. */
export interface CoderSegment {
  unit: string;
  coder: string;
  codes: readonly string[];
}

/**
 * Answers as units from span codings: per answer and coder, the codes of all their segments in it together.
 * `assigned` lists per coder the answers they were given to code: one of those without any segment of theirs is
 * "no code" (an empty set), not missing, so answers left uncoded count as they do in the textbook kappa (some QDA
 * tools only look at coded text). A coder is missing on an answer they neither were given nor coded. Units come in
 * the order they first appear in `assigned`, then in `segments`.
 */
export function codedUnits(
  segments: readonly CoderSegment[],
  assigned: Readonly<Record<string, readonly string[]>> = {},
): CodedUnit[] {
  const units = new Map<string, Map<string, Set<string>>>();
  const entry = (unit: string, coder: string) => {
    let coders = units.get(unit);
    if (!coders) {
      coders = new Map();
      units.set(unit, coders);
    }
    let codes = coders.get(coder);
    if (!codes) {
      codes = new Set();
      coders.set(coder, codes);
    }
    return codes;
  };
  for (const [coder, list] of Object.entries(assigned)) for (const unit of list) entry(unit, coder);
  for (const s of segments) {
    const codes = entry(s.unit, s.coder);
    for (const code of s.codes) codes.add(code);
  }
  return [...units].map(([unit, coders]) => ({
    unit,
    codes: Object.fromEntries([...coders].map(([coder, codes]) => [coder, [...codes].sort()])),
  }));
}

export interface CodeAgreement {
  code: string;
  /** Binary: the code present or absent per unit, over the units that at least two coders coded. */
  alpha: AlphaResult;
  /** Only with exactly two coders. */
  kappa?: KappaResult;
  /** Units where this code was applied by some but not all of the coders who coded the unit. */
  disagreements: number;
}

export interface Disagreement {
  unit: string;
  /** Per coder who coded the unit: their codes, sorted. */
  codes: Record<string, string[]>;
  /** Codes applied by at least one but not every coder of the unit. */
  differing: string[];
}

export interface AgreementReport {
  coders: string[];
  /** Units that at least two coders coded: the units the statistics are computed over. */
  units: number;
  /**
   * Nominal over the whole set of codes per unit: two coders agree on a unit when they applied exactly the
   * same codes (an empty set, "no code", is a value too).
   */
  overall: { alpha: AlphaResult; kappa?: KappaResult };
  perCode: CodeAgreement[];
  disagreements: Disagreement[];
}

const SET_SEPARATOR = '\u0001';

/**
 * Agreement between the coders of double-coded units. `coders` fixes the coder order (default: every coder
 * that appears, sorted); kappa is reported only when there are exactly two.
 */
export function agreementReport(units: readonly CodedUnit[], coders?: readonly string[]): AgreementReport {
  const coderList = coders ? [...coders] : [...new Set(units.flatMap((u) => Object.keys(u.codes)))].sort();
  const sets = units.map((u) => ({
    unit: u.unit,
    byCoder: coderList.map((c) => (u.codes[c] ? [...new Set(u.codes[c])].sort() : undefined)),
  }));
  const shared = sets.filter((u) => u.byCoder.filter(Boolean).length >= 2);
  const allCodes = [...new Set(shared.flatMap((u) => u.byCoder.flatMap((s) => s ?? [])))].sort();
  const twoCoders = coderList.length === 2;

  const setValues = shared.map((u) => u.byCoder.map((s) => s?.join(SET_SEPARATOR)));
  const overall = {
    alpha: krippendorffAlpha(setValues),
    ...(twoCoders ? { kappa: cohensKappa(setValues.map((v) => [v[0], v[1]] as const)) } : {}),
  };

  const perCode = allCodes.map((code): CodeAgreement => {
    const present = shared.map((u) => u.byCoder.map((s) => (s ? String(s.includes(code)) : undefined)));
    return {
      code,
      alpha: krippendorffAlpha(present),
      ...(twoCoders ? { kappa: cohensKappa(present.map((v) => [v[0], v[1]] as const)) } : {}),
      disagreements: present.filter((v) => new Set(v.filter((x) => x !== undefined)).size > 1).length,
    };
  });

  const disagreements: Disagreement[] = [];
  for (const u of shared) {
    const coded = u.byCoder
      .map((s, i) => [coderList[i], s] as const)
      .filter((e): e is readonly [string, string[]] => !!e[1]);
    const union = [...new Set(coded.flatMap(([, s]) => s))].sort();
    const differing = union.filter((code) => !coded.every(([, s]) => s.includes(code)));
    if (differing.length)
      disagreements.push({ unit: u.unit, codes: Object.fromEntries(coded.map(([c, s]) => [c, s])), differing });
  }

  return { coders: coderList, units: shared.length, overall, perCode, disagreements };
}
