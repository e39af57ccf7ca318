// Figures of a measurement as a page shows them, in the reader's language: rates and intervals as percentages,
// the difference in percentage points and p with three significant digits. Pure.
import { LOCALE_TAG, type Locale } from '../common/domain';

export interface VariantFigures {
  name: string;
  reached: number;
  contacts: number;
  reference: boolean;
  rate: number;
  low: number;
  high: number;
  difference?: number;
  p?: number | null;
}

export interface VariantLine {
  name: string;
  reference: boolean;
  reached: string;
  contacts: string;
  rate: string;
  interval: string;
  difference: string;
  p: string;
}

export function variantLine(v: VariantFigures, locale: Locale): VariantLine {
  const tag = LOCALE_TAG[locale];
  const count = new Intl.NumberFormat(tag);
  const percent = new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const points = new Intl.NumberFormat(tag, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
  });
  const p = new Intl.NumberFormat(tag, { maximumSignificantDigits: 3 });
  return {
    name: v.name,
    reference: v.reference,
    reached: count.format(v.reached),
    contacts: count.format(v.contacts),
    rate: percent.format(v.rate),
    interval: `${percent.format(v.low)} – ${percent.format(v.high)}`,
    difference: v.difference === undefined ? '' : points.format(v.difference * 100),
    p: v.p === undefined || v.p === null ? '' : v.p < 0.001 ? `< ${p.format(0.001)}` : p.format(v.p),
  };
}
