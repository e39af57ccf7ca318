// The canonical vocabulary of DESIGN.md. Pure: no framework imports, shared by every module. The words people read
// for these codes are in the message catalogue (words.json: quadrant.*, quadrantPlural.*, education.*, digitalComfort.*).

export const QUADRANTS = ['informatiezoeker', 'zekerheidszoeker', 'rust-in-je-hoofdzoeker', 'gemakzoeker'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const GENDERS = ['m', 'v', 'x'] as const;
export type Gender = (typeof GENDERS)[number];

export const EDUCATIONS = ['basisonderwijs', 'vmbo-mavo-lbo', 'havo-vwo', 'mbo', 'hbo', 'wo'] as const;
export type Education = (typeof EDUCATIONS)[number];

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
