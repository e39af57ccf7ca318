// Measured effects of an action: each variant's contact rate with its 95 % Wilson score interval and, against the
// reference variant, the difference and a two-sided two-proportion z-test (pooled). Pure: no framework imports.
import { AppError, type TextRef } from '../common/app-error';

/** The 97.5 % quantile of the standard normal distribution: the z of a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/**
 * The complementary error function to about 1e-15: the power series of erf (all terms positive, so no
 * cancellation) below 2.5, and the continued fraction of erfc (Lentz's method) from there, where the series
 * would need many terms and 1 − erf would lose the small tail to rounding.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) return 1 - erfSeries(x);
  // Below the smallest double from here on (erfc(27.3) ≈ 5e-326); also keeps Infinity out of the fraction.
  if (x > 27.3) return 0;
  return erfcContinuedFraction(x);
}

export function erf(x: number): number {
  return 1 - erfc(x);
}

// erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1))
function erfSeries(x: number): number {
  const twoX2 = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 500 && term > sum * 1e-17; n++) {
    term *= twoX2 / (2 * n + 1);
    sum += term;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
}

// erfc(x) = e^(−x²)/√π · 1 / (x + ½/(x + 1/(x + 3⁄2/(x + 2/(x + …)))))
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let i = 1; i < 1000; i++) {
    const a = i / 2;
    d = x + a * d;
    d = 1 / (d === 0 ? tiny : d);
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}

/** P(Z ≤ z) for a standard normal Z. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

// ----------------------------------------------------------------------------------- input errors

export type MeasurementErrorReason =
  | 'no_variants'
  | 'name_missing'
  | 'duplicate_name'
  | 'not_a_whole_number'
  | 'negative'
  | 'zero_reached'
  | 'contacts_above_reached'
  | 'no_reference'
  | 'several_references';

export const MEASUREMENT_ERROR_REASONS: readonly MeasurementErrorReason[] = [
  'no_variants',
  'name_missing',
  'duplicate_name',
  'not_a_whole_number',
  'negative',
  'zero_reached',
  'contacts_above_reached',
  'no_reference',
  'several_references',
];

/**
 * Bad measurement input: an `invalid` AppError (so an HTTP 400) with code `measurement.<reason>`, the offending
 * field (`variants[1].contacts`) and its value. The message is English for logs; pages and the API translate
 * the code with the keys `measurement.error.<reason>` in templates/locales, naming the field as a person reads it
 * (`label`: "Variant 2 (Kaart B): contacten") while `details.field` keeps the path for programs.
 */
export class MeasurementInputError extends AppError {
  constructor(
    readonly reason: MeasurementErrorReason,
    readonly field: string,
    message: string,
    value?: unknown,
    label?: TextRef,
  ) {
    super(
      'invalid',
      `measurement.${reason}`,
      message,
      { field, ...(value === undefined ? {} : { value }) },
      label ? { field: label } : undefined,
      `measurement.error.${reason}`,
    );
    this.name = 'MeasurementInputError';
    // A page names the variant's field by its label and shows the problem next to it, without the path.
    if (/^variants\[\d+\]\.(name|reached|contacts)$/.test(field))
      this.withProblems({ [field]: [{ key: `measurement.problem.${reason}` }] });
  }
}

/** A field of the input: its path (`variants[0].contacts`) and, for a person, its label. */
interface Field {
  path: string;
  label?: TextRef;
}

/** A variant's field as the reader sees it: "Variant 1 (Kaart A): contacten", or "Variant 1: naam" before it has one. */
function variantField(index: number, part: 'name' | 'reached' | 'contacts' | 'reference', name?: string): Field {
  const vars = { number: index + 1, ...(name ? { name } : {}) };
  return {
    path: `variants[${index}].${part}`,
    // Before it has a name a variant is only its row, as the page's form labels it.
    label: { textKey: name ? `measurement.field.${part}` : `actions.measurement.field.${part}`, vars },
  };
}

function checkCount(value: unknown, field: Field): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new MeasurementInputError(
      'not_a_whole_number',
      field.path,
      `${field.path} must be a whole number, not ${JSON.stringify(value)}.`,
      value,
      field.label,
    );
  }
  if (value < 0)
    throw new MeasurementInputError(
      'negative',
      field.path,
      `${field.path} cannot be negative (${value}).`,
      value,
      field.label,
    );
  return value;
}

/** Checks one proportion; `fields` names the two counts as the caller's input does, for the error. */
function checkProportion(
  contacts: unknown,
  reached: unknown,
  fields: { contacts: Field; reached: Field } = { contacts: { path: 'contacts' }, reached: { path: 'reached' } },
): { x: number; n: number } {
  const n = checkCount(reached, fields.reached);
  const x = checkCount(contacts, fields.contacts);
  if (n === 0)
    throw new MeasurementInputError(
      'zero_reached',
      fields.reached.path,
      `${fields.reached.path} must be at least 1: a rate needs someone reached.`,
      n,
      fields.reached.label,
    );
  if (x > n) {
    throw new MeasurementInputError(
      'contacts_above_reached',
      fields.contacts.path,
      `${fields.contacts.path} (${x}) cannot be more than ${fields.reached.path} (${n}).`,
      x,
      fields.contacts.label,
    );
  }
  return { x, n };
}

// ----------------------------------------------------------------------------------- statistics

export interface Interval {
  low: number;
  high: number;
}

/** Wilson score interval for contacts out of reached (Newcombe 1998, method 3); 95 % unless z is given. */
export function wilsonInterval(contacts: number, reached: number, z = Z_95): Interval {
  const { x, n } = checkProportion(contacts, reached);
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 and at n the bound is exactly 0 or 1; computed, it would be off by a rounding error.
  return { low: x === 0 ? 0 : Math.max(0, centre - half), high: x === n ? 1 : Math.min(1, centre + half) };
}

export interface TwoProportionTest {
  /** rate 1 − rate 2. */
  difference: number;
  /** (rate 1 − rate 2) / pooled standard error; null when both rates are 0 or both 1 (no variation to test). */
  z: number | null;
  /** Two-sided p-value from the standard normal; null where z is. */
  p: number | null;
}

/** Two-sided two-proportion z-test with the pooled proportion (the textbook test, no continuity correction). */
export function twoProportionZTest(
  contacts1: number,
  reached1: number,
  contacts2: number,
  reached2: number,
): TwoProportionTest {
  const a = checkProportion(contacts1, reached1, { contacts: { path: 'contacts1' }, reached: { path: 'reached1' } });
  const b = checkProportion(contacts2, reached2, { contacts: { path: 'contacts2' }, reached: { path: 'reached2' } });
  const p1 = a.x / a.n;
  const p2 = b.x / b.n;
  const pooled = (a.x + b.x) / (a.n + b.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  if (se === 0) return { difference: p1 - p2, z: null, p: null };
  const z = (p1 - p2) / se;
  return { difference: p1 - p2, z, p: erfc(Math.abs(z) / Math.SQRT2) };
}

// ----------------------------------------------------------------------------------- variants

export interface VariantInput {
  name: string;
  reached: number;
  contacts: number;
  reference?: boolean;
}

export interface VariantResult {
  name: string;
  /** contacts / reached. */
  rate: number;
  /** 95 % Wilson interval of the rate. */
  low: number;
  high: number;
  /** Only on the other variants: rate − the reference's rate. */
  difference?: number;
  /** Only on the other variants: two-sided p of the pooled z-test against the reference; null when not testable. */
  p?: number | null;
}

/**
 * A measurement's variants, each with rate and interval, and the others compared with the one reference.
 * Throws MeasurementInputError on the first bad field, in the order the variants are given.
 */
export function measureVariants(variants: readonly VariantInput[] | readonly unknown[]): {
  variants: VariantResult[];
} {
  // The input comes from outside (a JSON body): anything may stand where a variant should.
  const list: readonly unknown[] = Array.isArray(variants) ? (variants as readonly unknown[]) : [];
  if (list.length === 0) {
    throw new MeasurementInputError('no_variants', 'variants', 'A measurement needs at least one variant.');
  }
  const names = new Set<string>();
  const checked = list.map((item, i) => {
    const v: Partial<Record<keyof VariantInput, unknown>> = typeof item === 'object' && item !== null ? item : {};
    const name = typeof v.name === 'string' ? v.name.trim() : '';
    const nameField = variantField(i, 'name');
    if (!name)
      throw new MeasurementInputError(
        'name_missing',
        nameField.path,
        `Variant ${i + 1} needs a name.`,
        undefined,
        nameField.label,
      );
    if (names.has(name))
      throw new MeasurementInputError(
        'duplicate_name',
        nameField.path,
        `Two variants are called "${name}".`,
        name,
        nameField.label,
      );
    names.add(name);
    return {
      name,
      ...checkProportion(v.contacts, v.reached, {
        contacts: variantField(i, 'contacts', name),
        reached: variantField(i, 'reached', name),
      }),
      reference: v.reference === true,
    };
  });
  const references = checked.filter((v) => v.reference);
  if (references.length === 0)
    throw new MeasurementInputError(
      'no_reference',
      'variants',
      'Mark one variant as the reference to compare the others with.',
    );
  if (references.length > 1) {
    const second = checked.indexOf(references[1]);
    const field = variantField(second, 'reference', references[1].name);
    throw new MeasurementInputError(
      'several_references',
      field.path,
      'Only one variant can be the reference.',
      undefined,
      field.label,
    );
  }
  const ref = references[0];
  return {
    variants: checked.map((v) => {
      const result: VariantResult = { name: v.name, rate: v.x / v.n, ...wilsonInterval(v.x, v.n) };
      if (v === ref) return result;
      const test = twoProportionZTest(v.x, v.n, ref.x, ref.n);
      return { ...result, difference: test.difference, p: test.p };
    }),
  };
}
