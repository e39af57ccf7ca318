import fc from 'fast-check';
import { join } from 'path';
import { AppError } from '../common/app-error';
import { Translations } from '../common/i18n';
import {
  MEASUREMENT_ERROR_REASONS,
  MeasurementInputError,
  Z_95,
  erf,
  erfc,
  measureVariants,
  normalCdf,
  twoProportionZTest,
  wilsonInterval,
  type VariantInput,
} from './proportions';

describe(erfc.name, () => {
  // Reference values from the C library's erf/erfc (glibc), independent of this implementation.
  it.each([
    [0, 1],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [2, 0.004677734981047265],
    [2.5, 0.000406952017444959],
    [3, 2.2090496998585438e-5],
    [4, 1.541725790028002e-8],
    [6, 2.1519736712498916e-17],
  ])('erfc(%d) = %d to 1e-13 relative', (x, expected) => {
    expect(Math.abs(erfc(x) - expected)).toBeLessThanOrEqual(expected * 1e-13);
    expect(Math.abs(erfc(-x) - (2 - expected))).toBeLessThanOrEqual(1e-15);
  });

  it('meets at 2.5, where it switches from the series to the continued fraction', () => {
    expect(Math.abs(erfc(2.5 - 1e-12) - erfc(2.5))).toBeLessThan(1e-14);
  });

  it('is 0 far out, 2 far below, and NaN for NaN', () => {
    expect(erfc(40)).toBe(0);
    expect(erfc(-40)).toBe(2);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(NaN)).toBeNaN();
  });

  it('is decreasing, and erf is odd', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -8, max: 8, noNaN: true }),
        fc.double({ min: 1e-6, max: 1, noNaN: true }),
        (x, step) => {
          expect(erfc(x + step)).toBeLessThanOrEqual(erfc(x));
          expect(erf(-x)).toBeCloseTo(-erf(x), 15);
        },
      ),
    );
  });
});

describe(normalCdf.name, () => {
  it('has the textbook quantiles', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(Math.abs(normalCdf(Z_95) - 0.975)).toBeLessThan(1e-15);
    expect(Math.abs(normalCdf(-Z_95) - 0.025)).toBeLessThan(1e-15);
    expect(Math.abs(normalCdf(1) - 0.8413447460685429)).toBeLessThan(1e-15);
  });
});

describe(wilsonInterval.name, () => {
  it('gives Newcombe (1998)’s worked examples: 81/263 → 0.2553–0.3662 and 15/148 → 0.0624–0.1605', () => {
    const a = wilsonInterval(81, 263);
    expect(a.low).toBeCloseTo(0.2553, 4);
    expect(a.high).toBeCloseTo(0.3662, 4);
    const b = wilsonInterval(15, 148);
    expect(b.low).toBeCloseTo(0.0624, 4);
    expect(b.high).toBeCloseTo(0.1605, 4);
  });

  it('ends exactly at 0 for no contacts and at 1 for all contacts, and stays inside [0, 1] around the rate', () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(10, 10).high).toBe(1);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([x, n]) => {
          const { low, high } = wilsonInterval(x, n);
          expect(low).toBeGreaterThanOrEqual(0);
          expect(high).toBeLessThanOrEqual(1);
          expect(low).toBeLessThanOrEqual(x / n + 1e-12);
          expect(high).toBeGreaterThanOrEqual(x / n - 1e-12);
        },
      ),
    );
  });

  it('refuses counts that are not a proportion', () => {
    expect(() => wilsonInterval(5, 0)).toThrow(MeasurementInputError);
    expect(() => wilsonInterval(6, 5)).toThrow(
      expect.objectContaining({ code: 'measurement.contacts_above_reached', field: 'contacts' }),
    );
    expect(() => wilsonInterval(-1, 5)).toThrow(expect.objectContaining({ code: 'measurement.negative' }));
    expect(() => wilsonInterval(1.5, 5)).toThrow(expect.objectContaining({ code: 'measurement.not_a_whole_number' }));
  });
});

describe(twoProportionZTest.name, () => {
  it('gives 5/83 against 12/99 → z = −1.4078, p = 0.1592', () => {
    const t = twoProportionZTest(5, 83, 12, 99);
    expect(t.z!).toBeCloseTo(-1.4078, 4);
    expect(t.p!).toBeCloseTo(0.1592, 4);
    expect(t.difference).toBeCloseTo(5 / 83 - 12 / 99, 15);
  });

  it('is antisymmetric in z and symmetric in p', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        (x1, extra1, x2, extra2) => {
          const n1 = x1 + extra1 + 1;
          const n2 = x2 + extra2 + 1;
          const ab = twoProportionZTest(x1, n1, x2, n2);
          const ba = twoProportionZTest(x2, n2, x1, n1);
          if (ab.z === null) return expect(ba).toEqual({ difference: -ab.difference || 0, z: null, p: null });
          expect(ba.z!).toBeCloseTo(-ab.z, 10);
          expect(ba.p!).toBeCloseTo(ab.p!, 12);
          expect(ab.p!).toBeGreaterThanOrEqual(0);
          expect(ab.p!).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('names the offending count by its parameter', () => {
    expect(() => twoProportionZTest(5, 83, 100, 99)).toThrow(
      expect.objectContaining({ code: 'measurement.contacts_above_reached', field: 'contacts2' }),
    );
    expect(() => twoProportionZTest(5, 0, 1, 99)).toThrow(
      expect.objectContaining({ code: 'measurement.zero_reached', field: 'reached1' }),
    );
  });

  it('has no test (null) when there is no variation: both rates 0, or both 1', () => {
    expect(twoProportionZTest(0, 15000, 0, 44000)).toEqual({ difference: 0, z: null, p: null });
    expect(twoProportionZTest(3, 3, 7, 7)).toEqual({ difference: 0, z: null, p: null });
  });
});

describe(measureVariants.name, () => {
  // The seed's pilot "Beter vooraf informeren": about 44,000 addresses got the current announcement card and
  // about 15,000 each one of two new designs; 0.36 %, 0.11 % and 0.26 % reacted. Counts rebuilt from those rates.
  const pilot: VariantInput[] = [
    { name: 'Het huidige ontwerp', reached: 44000, contacts: 158, reference: true },
    { name: 'Verbetervoorstel MKV', reached: 15000, contacts: 17 },
    { name: 'Verbetervoorstel projectteam', reached: 15000, contacts: 39 },
  ];

  it('gives the pilot’s rates, intervals and tests against the current design', () => {
    const [current, mkv, team] = measureVariants(pilot).variants;
    expect(current).toEqual({
      name: 'Het huidige ontwerp',
      rate: 158 / 44000,
      low: expect.any(Number),
      high: expect.any(Number),
    });
    expect(current.low).toBeCloseTo(0.0030737, 7);
    expect(current.high).toBeCloseTo(0.0041948, 7);
    expect(mkv.rate).toBeCloseTo(0.0011333, 7);
    expect(mkv.low).toBeCloseTo(0.0007077, 7);
    expect(mkv.high).toBeCloseTo(0.0018144, 7);
    expect(mkv.difference!).toBeCloseTo(-0.0024576, 7);
    // z = −4.7797: far beyond chance.
    expect(mkv.p!).toBeCloseTo(1.75516e-6, 10);
    expect(team.difference!).toBeCloseTo(-0.0009909, 7);
    // z = −1.8168: the project team's design is not shown to differ at the 5 % level.
    expect(team.p!).toBeCloseTo(0.069253, 6);
  });

  it('gives the reference neither difference nor p, and p null when nothing can be tested', () => {
    const r = measureVariants([
      { name: 'A', reached: 100, contacts: 0 },
      { name: 'B', reached: 50, contacts: 0, reference: true },
    ]).variants;
    expect(r[0]).toEqual({ name: 'A', rate: 0, low: 0, high: expect.any(Number), difference: 0, p: null });
    expect(r[1]).not.toHaveProperty('p');
    expect(r[1]).not.toHaveProperty('difference');
  });

  it.each([
    [[], 'no_variants', 'variants'],
    [[{ name: 'A', reached: 10, contacts: 11, reference: true }], 'contacts_above_reached', 'variants[0].contacts'],
    [
      [
        { name: 'A', reached: 10, contacts: 1, reference: true },
        { name: 'B', reached: -5, contacts: 1 },
      ],
      'negative',
      'variants[1].reached',
    ],
    [[{ name: 'A', reached: 10, contacts: 1.5, reference: true }], 'not_a_whole_number', 'variants[0].contacts'],
    [[{ name: 'A', reached: '10', contacts: 1, reference: true }], 'not_a_whole_number', 'variants[0].reached'],
    [[{ name: 'A', reached: 0, contacts: 0, reference: true }], 'zero_reached', 'variants[0].reached'],
    [[{ name: 'A', reached: 10, contacts: 1 }], 'no_reference', 'variants'],
    [
      [
        { name: 'A', reached: 10, contacts: 1, reference: true },
        { name: 'B', reached: 10, contacts: 1, reference: true },
      ],
      'several_references',
      'variants[1].reference',
    ],
    [[{ name: ' ', reached: 10, contacts: 1, reference: true }], 'name_missing', 'variants[0].name'],
    [
      [
        { name: 'A', reached: 10, contacts: 1, reference: true },
        { name: 'A ', reached: 10, contacts: 1 },
      ],
      'duplicate_name',
      'variants[1].name',
    ],
  ])('refuses %j with %s on %s', (variants, reason, field) => {
    const run = () => measureVariants(variants);
    expect(run).toThrow(MeasurementInputError);
    expect(run).toThrow(
      expect.objectContaining({
        kind: 'invalid',
        code: `measurement.${reason}`,
        field,
        details: expect.objectContaining({ field }),
      }),
    );
  });

  it.each([
    [
      [{ name: 'Kaart B', reached: 10, contacts: 11, reference: true }],
      'measurement.field.contacts',
      { number: 1, name: 'Kaart B' },
    ],
    [[{ name: '', reached: 10, contacts: 1, reference: true }], 'actions.measurement.field.name', { number: 1 }],
  ])('names the field of %j for a person as %s, beside the path in details', (variants, textKey, vars) => {
    expect(() => measureVariants(variants)).toThrow(expect.objectContaining({ vars: { field: { textKey, vars } } }));
  });

  it('throws an AppError of kind invalid, so the one error filter answers 400', () => {
    expect(() => measureVariants([])).toThrow(AppError);
  });

  it('has a Dutch and an English text for every refusal', () => {
    const t = new Translations(join(__dirname, '../../templates'));
    for (const reason of MEASUREMENT_ERROR_REASONS) {
      const key = `measurement.error.${reason}`;
      expect(t.keys('nl')).toContain(key);
      expect(t.keys('en')).toContain(key);
      expect(t.t('nl', key, { field: 'x' })).not.toEqual(t.t('en', key, { field: 'x' }));
    }
  });
});
