import fc from 'fast-check';
import {
  agreementReport,
  codedUnits,
  cohensKappa,
  kappaPerCategory,
  krippendorffAlpha,
  type CodedUnit,
  type NominalValue,
} from './agreement';

/** The classic 2 × 2 example: 50 items, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no. */
const classicPairs = (): [string, string][] => [
  ...Array.from({ length: 20 }, () => ['yes', 'yes'] as [string, string]),
  ...Array.from({ length: 5 }, () => ['yes', 'no'] as [string, string]),
  ...Array.from({ length: 10 }, () => ['no', 'yes'] as [string, string]),
  ...Array.from({ length: 15 }, () => ['no', 'no'] as [string, string]),
];

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section D: four observers, twelve units,
 * missing values (null). Rows are observers A–D, columns units 1–12.
 */
const K2011: NominalValue[][] = [
  ['1', '2', '3', '3', '2', '1', '4', '1', '2', null, null, null],
  ['1', '2', '3', '3', '2', '2', '4', '1', '2', '5', null, '3'],
  [null, '3', '3', '3', '2', '3', '4', '2', '2', '5', '1', null],
  ['1', '2', '3', '3', '2', '4', '4', '1', '2', '5', '1', null],
];
const byUnit = (observers: NominalValue[][]) => observers[0].map((_, u) => observers.map((o) => o[u]));

describe(cohensKappa.name, () => {
  it('gives 0.40 on the classic 50-item example, from po = 0.70 and pe = 0.50', () => {
    const k = cohensKappa(classicPairs());
    expect(k.units).toBe(50);
    expect(k.observed).toBeCloseTo(0.7, 12);
    expect(k.expected).toBeCloseTo(0.5, 12);
    expect(k.value).toBeCloseTo(0.4, 12);
  });

  it('leaves out pairs with a missing value', () => {
    const k = cohensKappa([...classicPairs(), ['yes', null], [undefined, 'no'], [null, null]]);
    expect(k.units).toBe(50);
    expect(k.value).toBeCloseTo(0.4, 12);
  });

  it('is 1 on perfect agreement with at least two categories and −1 on perfect disagreement of two balanced categories', () => {
    expect(
      cohensKappa([
        ['a', 'a'],
        ['b', 'b'],
        ['c', 'c'],
      ]).value,
    ).toBe(1);
    expect(
      cohensKappa([
        ['a', 'b'],
        ['b', 'a'],
      ]).value,
    ).toBe(-1);
  });

  it('is 0 when agreement is exactly what chance predicts', () => {
    expect(
      cohensKappa([
        ['a', 'a'],
        ['a', 'b'],
        ['b', 'a'],
        ['b', 'b'],
      ]).value,
    ).toBe(0);
  });

  it('is undefined (null, not NaN) when both coders used one single category everywhere', () => {
    const k = cohensKappa([
      ['a', 'a'],
      ['a', 'a'],
    ]);
    expect(k).toEqual({ value: null, observed: 1, expected: 1, units: 2 });
  });

  it('is undefined with no pairable units', () => {
    expect(cohensKappa([])).toEqual({ value: null, observed: null, expected: null, units: 0 });
    expect(cohensKappa([['a', null]])).toEqual({ value: null, observed: null, expected: null, units: 0 });
  });
});

describe(kappaPerCategory.name, () => {
  it('on two categories gives each the overall kappa (one-vs-rest of a binary coding is the same table)', () => {
    const per = kappaPerCategory(classicPairs());
    expect([...per.keys()]).toEqual(['no', 'yes']);
    expect(per.get('yes')!.value).toBeCloseTo(0.4, 12);
    expect(per.get('no')!.value).toBeCloseTo(0.4, 12);
  });

  it('treats each category against the rest', () => {
    // a: both coders agree on the one unit with a → kappa 1; b and c are confused with each other.
    const per = kappaPerCategory([
      ['a', 'a'],
      ['b', 'c'],
      ['c', 'b'],
      ['b', 'b'],
    ]);
    expect(per.get('a')!.value).toBe(1);
    // b vs rest: pairs (F,F) (T,F) (F,T) (T,T): po = 0.5, pe = 0.5 → 0.
    expect(per.get('b')!.value).toBe(0);
    // c vs rest: (F,F) (F,T) (T,F) (F,F): po = 0.5, pe = 1/4·1/4 + 3/4·3/4 = 0.625 → −1/3.
    expect(per.get('c')!.value).toBeCloseTo(-1 / 3, 12);
  });
});

describe(krippendorffAlpha.name, () => {
  it('gives 0.743 on Krippendorff 2011 (4 observers × 12 units, missing values); unit 12 is not pairable', () => {
    const a = krippendorffAlpha(byUnit(K2011));
    expect(a.units).toBe(11);
    expect(a.values).toBe(40);
    expect(a.value!).toBeCloseTo(0.743, 3);
  });

  it('gives 0.095 on Krippendorff 2011 binary example (two observers, ten units)', () => {
    const a = krippendorffAlpha(
      byUnit([
        ['0', '1', '0', '0', '0', '0', '0', '0', '1', '0'],
        ['1', '1', '1', '0', '0', '1', '0', '0', '0', '0'],
      ]),
    );
    expect(a.values).toBe(20);
    expect(a.value!).toBeCloseTo(0.095, 3);
  });

  it('is 1 on identical codings with at least two distinct values', () => {
    expect(
      krippendorffAlpha([
        ['a', 'a', 'a'],
        ['b', 'b', null],
        ['c', 'c', 'c'],
      ]).value,
    ).toBe(1);
  });

  it('is undefined (null) when every pairable value is the same category', () => {
    const a = krippendorffAlpha([['a', 'a'], ['a', 'a', null], ['b']]);
    expect(a.value).toBeNull();
    expect(a.units).toBe(2);
    expect(a.expected).toBe(0);
  });

  it('is undefined with no pairable units: a unit needs two values', () => {
    expect(krippendorffAlpha([['a'], [null, 'b'], []])).toEqual({
      value: null,
      observed: null,
      expected: null,
      units: 0,
      values: 0,
    });
    expect(krippendorffAlpha([]).value).toBeNull();
  });
});

// ------------------------------------------------------------------------------------- properties

const coderCount = fc.integer({ min: 2, max: 5 });
/** units × coders with values from a small category set, some missing. */
const matrix = coderCount.chain((coders) =>
  fc.array(
    fc.array(fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: null, freq: 4 }), {
      minLength: coders,
      maxLength: coders,
    }),
    { minLength: 1, maxLength: 40 },
  ),
);

describe('agreement properties', () => {
  it('alpha does not depend on the order of the coders or of the units', () => {
    fc.assert(
      fc.property(matrix, fc.integer(), (units, seed) => {
        const rotate = <T>(xs: T[], k: number) => xs.map((_, i) => xs[(i + k) % xs.length]);
        const shifted = units.map((u) => rotate(u, Math.abs(seed) % u.length));
        const reversed = [...units].reverse().map((u) => [...u].reverse());
        const base = krippendorffAlpha(units).value;
        for (const other of [krippendorffAlpha(shifted).value, krippendorffAlpha(reversed).value]) {
          if (base === null) expect(other).toBeNull();
          else expect(other).toBeCloseTo(base, 10);
        }
      }),
    );
  });

  it('alpha is at most 1, and exactly 1 when every coder gives each unit the same value and two values occur', () => {
    fc.assert(
      fc.property(matrix, (units) => {
        const a = krippendorffAlpha(units).value;
        if (a !== null) expect(a).toBeLessThanOrEqual(1 + 1e-12);
        const identical = units.map((u) => u.map(() => u.find((v) => v != null) ?? null));
        const distinct = new Set(identical.filter((u) => u.filter((v) => v != null).length >= 2).map((u) => u[0]));
        const same = krippendorffAlpha(identical).value;
        if (distinct.size >= 2) expect(same).toBe(1);
        else expect(same).toBeNull();
      }),
    );
  });

  it('kappa is symmetric in the two coders and lies in [−1, 1]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('a', 'b', 'c')), {
          minLength: 1,
          maxLength: 60,
        }),
        (pairs) => {
          const k = cohensKappa(pairs).value;
          const swapped = cohensKappa(pairs.map(([x, y]) => [y, x] as const)).value;
          if (k === null) {
            expect(swapped).toBeNull();
            return;
          }
          expect(swapped).toBeCloseTo(k, 12);
          expect(k).toBeGreaterThanOrEqual(-1 - 1e-12);
          expect(k).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
    );
  });
});

// ------------------------------------------------------------------------------------- coded units

describe(agreementReport.name, () => {
  const units: CodedUnit[] = [
    {
      unit: 'R01/goal',
      codes: { ann: ['CONS_INFO_INST_EAN', 'OORZAAK_FOUT'], bob: ['OORZAAK_FOUT', 'CONS_INFO_INST_EAN'] },
    },
    { unit: 'R01/contactWhat', codes: { ann: ['OORZAAK_NODIG'], bob: ['OORZAAK_FOUT'] } },
    { unit: 'R02/goal', codes: { ann: [], bob: [] } },
    { unit: 'R02/contactWhat', codes: { ann: ['OORZAAK_NODIG'], bob: ['OORZAAK_NODIG', 'CONS_INFO_INST_EAN'] } },
    // Coded by one coder only: its coding stands, but it is not part of the agreement.
    { unit: 'R03/goal', codes: { ann: ['OORZAAK_FOUT'] } },
  ];

  it('computes over the units at least two coders coded, with the set of codes as the nominal value', () => {
    const r = agreementReport(units);
    expect(r.coders).toEqual(['ann', 'bob']);
    expect(r.units).toBe(4);
    // Sets agree on 2 of 4 units (order of codes does not matter, the empty set is a value).
    expect(r.overall.kappa!.observed).toBe(0.5);
    expect(r.overall.kappa!.units).toBe(4);
    expect(r.overall.alpha.units).toBe(4);
    expect(r.overall.alpha.value).toEqual(
      krippendorffAlpha([
        ['E|F', 'E|F'],
        ['N', 'F'],
        ['', ''],
        ['N', 'E|N'],
      ]).value,
    );
  });

  it('gives per code the binary agreement on presence and counts the units where the code is disputed', () => {
    const r = agreementReport(units);
    expect(r.perCode.map((c) => c.code)).toEqual(['CONS_INFO_INST_EAN', 'OORZAAK_FOUT', 'OORZAAK_NODIG']);
    const ean = r.perCode[0];
    // present: (T,T) (F,F) (F,F) (F,T): po = 3/4, pA = 1/4, pB = 2/4, pe = 1/8 + 3/8 = 1/2 → kappa 1/2.
    expect(ean.kappa!.value).toBeCloseTo(0.5, 12);
    expect(ean.disagreements).toBe(1);
    expect(ean.alpha.value).toEqual(
      krippendorffAlpha([
        ['true', 'true'],
        ['false', 'false'],
        ['false', 'false'],
        ['false', 'true'],
      ]).value,
    );
  });

  it('lists the disagreements with each coder’s codes and the disputed codes', () => {
    expect(agreementReport(units).disagreements).toEqual([
      {
        unit: 'R01/contactWhat',
        codes: { ann: ['OORZAAK_NODIG'], bob: ['OORZAAK_FOUT'] },
        differing: ['OORZAAK_FOUT', 'OORZAAK_NODIG'],
      },
      {
        unit: 'R02/contactWhat',
        codes: { ann: ['OORZAAK_NODIG'], bob: ['CONS_INFO_INST_EAN', 'OORZAAK_NODIG'] },
        differing: ['CONS_INFO_INST_EAN'],
      },
    ]);
  });

  it('reports alpha but no kappa for three coders, and Krippendorff 2011 through coded units', () => {
    const three = agreementReport([
      { unit: 'u1', codes: { a: ['X'], b: ['X'], c: ['Y'] } },
      { unit: 'u2', codes: { a: ['Y'], b: ['Y'], c: ['Y'] } },
    ]);
    expect(three.overall.kappa).toBeUndefined();
    expect(three.perCode.every((c) => c.kappa === undefined)).toBe(true);

    const observers = ['A', 'B', 'C', 'D'];
    const asUnits: CodedUnit[] = byUnit(K2011).map((values, i) => ({
      unit: `u${i + 1}`,
      codes: Object.fromEntries(values.flatMap((v, o) => (v == null ? [] : [[observers[o], [v]]]))),
    }));
    const r = agreementReport(asUnits, observers);
    expect(r.units).toBe(11);
    expect(r.overall.alpha.value!).toBeCloseTo(0.743, 3);
  });

  it('has nothing to compare when no unit has two coders', () => {
    const r = agreementReport([{ unit: 'u1', codes: { a: ['X'] } }]);
    expect(r.units).toBe(0);
    expect(r.overall.alpha.value).toBeNull();
    expect(r.perCode).toEqual([]);
    expect(r.disagreements).toEqual([]);
  });

  it('with identical coders has no disagreements, whatever they coded', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.constantFrom('A', 'B', 'C'), { maxLength: 3 }), { maxLength: 20 }),
        (sets) => {
          const r = agreementReport(sets.map((s, i) => ({ unit: `u${i}`, codes: { x: s, y: [...s].reverse() } })));
          expect(r.disagreements).toEqual([]);
          for (const c of r.perCode) expect(c.disagreements).toBe(0);
        },
      ),
    );
  });
});

describe(codedUnits.name, () => {
  it('joins a coder’s segments in one answer into one set, and an assigned answer without segments is “no code”', () => {
    const units = codedUnits(
      [
        { unit: 'R01/goal', coder: 'ann', codes: ['OORZAAK_FOUT'] },
        { unit: 'R01/goal', coder: 'ann', codes: ['CONS_INFO_INST_EAN', 'OORZAAK_FOUT'] },
        { unit: 'R01/goal', coder: 'bob', codes: ['OORZAAK_FOUT'] },
        { unit: 'R02/goal', coder: 'bob', codes: ['OORZAAK_NODIG'] },
      ],
      { ann: ['R01/goal', 'R01/contactWhat'], bob: ['R01/goal', 'R01/contactWhat', 'R02/goal'] },
    );
    expect(units).toEqual([
      { unit: 'R01/goal', codes: { ann: ['CONS_INFO_INST_EAN', 'OORZAAK_FOUT'], bob: ['OORZAAK_FOUT'] } },
      { unit: 'R01/contactWhat', codes: { ann: [], bob: [] } },
      // Not given to ann: she is missing there, not "no code".
      { unit: 'R02/goal', codes: { bob: ['OORZAAK_NODIG'] } },
    ]);
  });

  it('counts answers both coders left uncoded as agreement, as the textbook kappa does', () => {
    const assigned = { ann: ['u1', 'u2', 'u3', 'u4'], bob: ['u1', 'u2', 'u3', 'u4'] };
    const segments = [
      { unit: 'u1', coder: 'ann', codes: ['X'] },
      { unit: 'u1', coder: 'bob', codes: ['X'] },
      { unit: 'u2', coder: 'ann', codes: ['X'] },
    ];
    const withUncoded = agreementReport(codedUnits(segments, assigned)).perCode[0];
    // X present: (T,T) (T,F) (F,F) (F,F): po = 3/4, pe = 1/2·1/4 + 1/2·3/4 = 1/2 → kappa 1/2.
    expect(withUncoded.kappa!.value).toBeCloseTo(0.5, 12);
    // Without the assignment only the coded text counts, and bob is missing on u2.
    expect(agreementReport(codedUnits(segments)).perCode[0].kappa!.units).toBe(1);
  });
});
