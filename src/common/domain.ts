// The canonical vocabulary of DESIGN.md. Pure: no framework imports, shared by every module.

export const QUADRANTS = ['informatiezoeker', 'zekerheidszoeker', 'rust-in-je-hoofdzoeker', 'gemakzoeker'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const QUADRANT_LABELS: Record<Quadrant, { nl: string; en: string }> = {
  informatiezoeker: { nl: 'Informatiezoeker', en: 'Information seeker' },
  zekerheidszoeker: { nl: 'Zekerheidszoeker', en: 'Certainty seeker' },
  'rust-in-je-hoofdzoeker': { nl: 'Rust-in-je-hoofdzoeker', en: 'Peace-of-mind seeker' },
  gemakzoeker: { nl: 'Gemakzoeker', en: 'Convenience seeker' },
};

export const GENDERS = ['m', 'v', 'x'] as const;
export type Gender = (typeof GENDERS)[number];

export const EDUCATIONS = ['basisonderwijs', 'vmbo-mavo-lbo', 'havo-vwo', 'mbo', 'hbo', 'wo'] as const;
export type Education = (typeof EDUCATIONS)[number];

/** Labels as in Bijlage 5 of the research report. */
export const EDUCATION_LABELS: Record<Education, { nl: string; en: string }> = {
  basisonderwijs: { nl: 'Basisonderwijs', en: 'Primary school' },
  'vmbo-mavo-lbo': { nl: 'VMBO / MAVO / LBO', en: 'Pre-vocational secondary (vmbo/mavo/lbo)' },
  'havo-vwo': { nl: 'HAVO / VWO', en: 'Senior general secondary (havo/vwo)' },
  mbo: { nl: 'MBO', en: 'Vocational (mbo)' },
  hbo: { nl: 'HBO', en: 'Higher professional (hbo)' },
  wo: { nl: 'Universiteit of hoger', en: 'University or higher' },
};

export type EducationBand = 'laag' | 'midden' | 'hoog';
export function educationBand(e: Education): EducationBand {
  if (e === 'basisonderwijs' || e === 'vmbo-mavo-lbo') return 'laag';
  if (e === 'havo-vwo' || e === 'mbo') return 'midden';
  return 'hoog';
}

export const DIGITAL_COMFORTS = [
  'zeer-oncomfortabel',
  'oncomfortabel',
  'neutraal',
  'comfortabel',
  'zeer-comfortabel',
] as const;
export type DigitalComfort = (typeof DIGITAL_COMFORTS)[number];

export const DIGITAL_COMFORT_LABELS: Record<DigitalComfort, { nl: string; en: string }> = {
  'zeer-oncomfortabel': { nl: 'Zeer oncomfortabel', en: 'Very uncomfortable' },
  oncomfortabel: { nl: 'Oncomfortabel', en: 'Uncomfortable' },
  neutraal: { nl: 'Neutraal', en: 'Neutral' },
  comfortabel: { nl: 'Comfortabel', en: 'Comfortable' },
  'zeer-comfortabel': { nl: 'Zeer comfortabel', en: 'Very comfortable' },
};

export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];
/** The BCP 47 tag Intl formats numbers and dates with in each language. */
export const LOCALE_TAG: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** Respondent statuses, in the order a respondent moves through them. */
export const RESPONDENT_STATUSES = [
  'eligible',
  'ineligible',
  'grouped',
  'invited',
  'confirmed',
  'declined',
  'participated',
  'erased',
] as const;
export type RespondentStatus = (typeof RESPONDENT_STATUSES)[number];

/** Normalised respondent attributes: the unit the balancing, overview and import code all speak. */
export interface RespondentProfile {
  gender: Gender;
  /** As given: "47" or "45-54". */
  age: string;
  ageMin: number;
  ageMax: number;
  education: Education;
  digitalComfort: DigitalComfort;
  quadrant: Quadrant;
}

export function isOneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (list as readonly string[]).includes(v);
}
