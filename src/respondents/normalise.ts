// Turns the spellings found in real respondent files (panel bureau exports, Bijlage 5 of the research
// report, earlier studies) into the canonical vocabulary of src/common/domain.ts. Pure: no framework imports.

import { DIGITAL_COMFORTS, DigitalComfort, EDUCATIONS, Education, Gender, QUADRANTS, Quadrant } from '../common/domain';

/** Why a value is not understood: a catalogue text (`importReason.*`) and its variables, worded where it is shown. */
export interface Reason {
  key: string;
  vars?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; reason: Reason };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(key: string, vars?: Reason['vars']): Result<T> => ({ ok: false, reason: { key, vars } });
const MISSING = 'importReason.missing';

/**
 * Remembered simplified forms. An import of 100,000 rows asks for the same few spellings (and the same labels to
 * compare them with) again and again; Unicode normalisation made up most of its time.
 */
const simplified = new Map<string, string>();
const compacted = new Map<string, string>();
const SIMPLIFIED_KEPT = 10_000;

/** Lower case, accents removed, any dash as '-', whitespace collapsed: the form all lookups use. */
export function simplify(raw: string): string {
  let result = simplified.get(raw);
  if (result === undefined) {
    result = raw
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
    if (simplified.size >= SIMPLIFIED_KEPT) simplified.clear();
    if (raw.length <= 200) simplified.set(raw, result);
  }
  return result;
}

/** Letters and digits only, so "Rust-in-je-hoofd zoeker" and "rustinjehoofdzoeker" compare equal. */
function compact(raw: string): string {
  let result = compacted.get(raw);
  if (result === undefined) {
    result = simplify(raw).replace(/[^a-z0-9]/g, '');
    if (compacted.size >= SIMPLIFIED_KEPT) compacted.clear();
    if (raw.length <= 200) compacted.set(raw, result);
  }
  return result;
}

function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

// ---------------------------------------------------------------------------------------------- gender

const GENDER_WORDS: Record<string, Gender> = {
  m: 'm',
  man: 'm',
  male: 'm',
  mannelijk: 'm',
  heer: 'm',
  'de heer': 'm',
  meneer: 'm',
  dhr: 'm',
  mr: 'm',
  '♂': 'm',
  v: 'v',
  vr: 'v',
  vrw: 'v',
  vrouw: 'v',
  f: 'v',
  female: 'v',
  vrouwelijk: 'v',
  woman: 'v',
  w: 'v',
  mevrouw: 'v',
  mevr: 'v',
  mw: 'v',
  mrs: 'v',
  ms: 'v',
  '♀': 'v',
  // The report's respondent table (Bijlage 5) came through PDF extraction with the ♀ sign turned into "%".
  '%': 'v',
  x: 'x',
  anders: 'x',
  other: 'x',
  overig: 'x',
  divers: 'x',
  'non-binair': 'x',
  'non-binary': 'x',
  nonbinair: 'x',
  nonbinary: 'x',
  'zeg ik liever niet': 'x',
  'wil ik niet zeggen': 'x',
  'liever niet': 'x',
  'prefer not to say': 'x',
  'not said': 'x',
  onbekend: 'x',
  unknown: 'x',
};

/**
 * m / v / x; "x" is other or not said (DESIGN.md). Dutch and English words, initials, a trailing dot, and
 * combined answers whose parts agree ("Anders of zeg ik liever niet", the screener's own choice; "Vrouw / F").
 */
export function normaliseGender(raw: string): Result<Gender> {
  const key = simplify(raw).replace(/\.$/, '');
  if (!key) return fail(MISSING);
  const parts = key
    .split(/ ?\/ ?| of | or |, ?/)
    .map((p) => p.replace(/\.$/, '').trim())
    .filter(Boolean);
  const genders = new Set((parts.length > 1 ? parts : [key]).map((p) => lookup(GENDER_WORDS, p)));
  const gender = lookup(GENDER_WORDS, key) ?? (genders.size === 1 ? [...genders][0] : undefined);
  return gender ? ok(gender) : fail('importReason.gender', { value: raw.trim() });
}

// ------------------------------------------------------------------------------------------------- age

export interface AgeValue {
  /** Canonical form: "47", "45-54", or "65+" for an open-ended band. */
  age: string;
  ageMin: number;
  ageMax: number;
}

export const MAX_AGE = 120;
/** The screener's lower bound: younger people cannot consent on their own (AVG), and a 0 is usually an empty cell. */
export const MIN_AGE = 16;
/** "65+" has no stated upper end; 99 keeps band midpoints usable for balancing without inventing ages over 100. */
export const OPEN_BAND_MAX_AGE = 99;

const AGE_UNIT = /\s*(jaar|jr\.?|years?( old)?|yrs?\.?|y)$/;

/** Whole years ("47", "80 jaar") or a band ("45-54", "45 – 54", "45 t/m 54", "65+", "65 en ouder"). */
export function normaliseAge(raw: string): Result<AgeValue> {
  const key = simplify(raw).replace(AGE_UNIT, '').trim();
  if (!key) return fail(MISSING);

  const single = /^(\d{1,3})(?:[.,]0+)?$/.exec(key);
  if (single) return checkAge(raw, Number(single[1]), Number(single[1]), single[1]);

  const band = /^(\d{1,3}) ?(?:-|t\/m|tm|tot en met|tot|to|through) ?(\d{1,3})$/.exec(key);
  if (band) {
    const [min, max] = [Number(band[1]), Number(band[2])];
    return checkAge(raw, min, max, `${min}-${max}`);
  }

  const open =
    /^(\d{1,3}) ?(?:\+|(?:jaar )?(?:en|of) ouder|(?:and|or) (?:over|older)|plus)$/.exec(key) ??
    /^(?:ouder dan|over) (\d{1,3})$/.exec(key);
  if (open) {
    const min = Number(open[1]);
    return checkAge(raw, min, Math.max(min, OPEN_BAND_MAX_AGE), `${min}+`);
  }
  return fail('importReason.age', { value: raw.trim() });
}

function checkAge(raw: string, min: number, max: number, age: string): Result<AgeValue> {
  const value = raw.trim();
  if (min > MAX_AGE || max > MAX_AGE) return fail('importReason.ageAbove', { value, max: MAX_AGE });
  if (max < MIN_AGE) return fail('importReason.ageBelow', { value, min: MIN_AGE });
  if (min > max) return fail('importReason.ageBackwards', { value });
  return ok({ age, ageMin: min, ageMax: max });
}

// ------------------------------------------------------------------------------------------- education

// The labels below are input vocabulary, not display text: the spellings files use, which pages once showed. Pages
// show the words of the message catalogue (words.json); these stay here so that a file written with today's labels
// is still read when a label on the pages changes. normalise.spec checks that every label the catalogue shows is read.

/** The labels of Bijlage 5, Dutch then English. */
const EDUCATION_LABELS: Record<Education, readonly [nl: string, en: string]> = {
  basisonderwijs: ['Basisonderwijs', 'Primary school'],
  'vmbo-mavo-lbo': ['VMBO / MAVO / LBO', 'Pre-vocational secondary (vmbo/mavo/lbo)'],
  'havo-vwo': ['HAVO / VWO', 'Senior general secondary (havo/vwo)'],
  mbo: ['MBO', 'Vocational (mbo)'],
  hbo: ['HBO', 'Higher professional (hbo)'],
  wo: ['Universiteit of hoger', 'University or higher'],
};

const EDUCATION_WHOLE: Record<string, Education> = {
  geen: 'basisonderwijs',
  'geen opleiding': 'basisonderwijs',
  'geen diploma': 'basisonderwijs',
  none: 'basisonderwijs',
  'no education': 'basisonderwijs',
};

// Multi-word names are rewritten to a level token before the tokens are read; longest first, so
// "voorbereidend wetenschappelijk onderwijs" (vwo) is not read as "wetenschappelijk onderwijs" (wo).
const EDUCATION_PHRASES: [string, string][] = (
  [
    ['voorbereidend middelbaar beroepsonderwijs', 'vmbo'],
    ['voorbereidend wetenschappelijk onderwijs', 'vwo'],
    ['hoger algemeen voortgezet onderwijs', 'havo'],
    ['middelbaar algemeen voortgezet onderwijs', 'mavo'],
    ['middelbaar beroepsonderwijs', 'mbo'],
    ['wetenschappelijk onderwijs', 'wo'],
    ['hoger beroepsonderwijs', 'hbo'],
    ['lager beroepsonderwijs', 'lbo'],
    ['universiteit of hoger', 'wo'],
    ['university or higher', 'wo'],
    ['university of applied sciences', 'hbo'],
    ['higher professional', 'hbo'],
    ['higher vocational', 'hbo'],
    ['intermediate vocational', 'mbo'],
    ['senior general secondary', 'havo'],
    ['pre vocational secondary', 'vmbo'],
    ['pre vocational', 'vmbo'],
    ['primary education', 'basisonderwijs'],
    ['primary school', 'basisonderwijs'],
    ['elementary school', 'basisonderwijs'],
    ['lagere school', 'basisonderwijs'],
    ['lager onderwijs', 'basisonderwijs'],
  ] as [string, string][]
).sort((a, b) => b[0].length - a[0].length);

const EDUCATION_TOKENS: Record<string, Education> = {
  basisonderwijs: 'basisonderwijs',
  basisschool: 'basisonderwijs',
  primary: 'basisonderwijs',
  bao: 'basisonderwijs',
  vmbo: 'vmbo-mavo-lbo',
  mavo: 'vmbo-mavo-lbo',
  lbo: 'vmbo-mavo-lbo',
  vbo: 'vmbo-mavo-lbo',
  mulo: 'vmbo-mavo-lbo',
  lts: 'vmbo-mavo-lbo',
  lhno: 'vmbo-mavo-lbo',
  leao: 'vmbo-mavo-lbo',
  ulo: 'vmbo-mavo-lbo',
  praktijkonderwijs: 'vmbo-mavo-lbo',
  havo: 'havo-vwo',
  vwo: 'havo-vwo',
  hbs: 'havo-vwo',
  mms: 'havo-vwo',
  atheneum: 'havo-vwo',
  gymnasium: 'havo-vwo',
  lyceum: 'havo-vwo',
  prevocational: 'vmbo-mavo-lbo',
  mbo: 'mbo',
  mts: 'mbo',
  meao: 'mbo',
  roc: 'mbo',
  vocational: 'mbo',
  hbo: 'hbo',
  hts: 'hbo',
  heao: 'hbo',
  hogeschool: 'hbo',
  wo: 'wo',
  universiteit: 'wo',
  university: 'wo',
  universitair: 'wo',
  academisch: 'wo',
  master: 'wo',
  phd: 'wo',
  doctoraal: 'wo',
  doctoraat: 'wo',
  gepromoveerd: 'wo',
};

/** Degrees that name a level only when nothing else does: "HBO master" is an hbo master, "master" alone is wo. */
const DEGREE_TOKENS = new Set(['master', 'phd']);

const EDUCATION_EXPECTED = EDUCATIONS.map((e) => EDUCATION_LABELS[e][0]).join(', ');

/**
 * The six levels of Bijlage 5. Reads combined spellings ("VMBO / MAVO/ LBO", "havo/vwo", "Havo / VWO"),
 * full Dutch names, the English labels, and older school types (mulo, mts, hts...). Words around a level
 * ("hbo (niet afgerond)") are ignored; two different levels in one cell ("mbo/hbo") are refused as ambiguous.
 * "Geen (opleiding)" counts as basisonderwijs: the lowest level there is.
 */
export function normaliseEducation(raw: string): Result<Education> {
  const key = simplify(raw);
  if (!key) return fail(MISSING);
  const byLabel = EDUCATIONS.find((e) => [e, ...EDUCATION_LABELS[e]].some((l) => compact(l) === compact(key)));
  if (byLabel) return ok(byLabel);
  const whole = lookup(EDUCATION_WHOLE, key.replace(/[^a-z ]/g, '').trim());
  if (whole) return ok(whole);

  let text = ` ${key.replace(/\./g, '').replace(/[^a-z0-9]+/g, ' ')} `;
  for (const [phrase, token] of EDUCATION_PHRASES) text = text.split(` ${phrase} `).join(` ${token} `);
  const tokens = text.split(' ').filter((t) => lookup(EDUCATION_TOKENS, t));
  const schools = tokens.filter((t) => !DEGREE_TOKENS.has(t));
  const levels = new Set((schools.length ? schools : tokens).map((t) => EDUCATION_TOKENS[t]));

  if (levels.size === 1) return ok([...levels][0]);
  if (levels.size > 1)
    return fail('importReason.educationSeveral', { value: raw.trim(), levels: [...levels].join(', ') });
  if (/middelbare school|voortgezet onderwijs|secondary|high school/.test(key)) {
    return fail('importReason.educationAmbiguous', { value: raw.trim() });
  }
  return fail('importReason.education', { value: raw.trim(), expected: EDUCATION_EXPECTED });
}

// ------------------------------------------------------------------------------------- digital comfort

/** The five points of the scale as the report labels them, Dutch then English (input vocabulary, see above). */
const DIGITAL_COMFORT_LABELS: Record<DigitalComfort, readonly [nl: string, en: string]> = {
  'zeer-oncomfortabel': ['Zeer oncomfortabel', 'Very uncomfortable'],
  oncomfortabel: ['Oncomfortabel', 'Uncomfortable'],
  neutraal: ['Neutraal', 'Neutral'],
  comfortabel: ['Comfortabel', 'Comfortable'],
  'zeer-comfortabel': ['Zeer comfortabel', 'Very comfortable'],
};

const COMFORT_WORDS: Record<string, DigitalComfort> = {
  '1': 'zeer-oncomfortabel',
  'heel oncomfortabel': 'zeer-oncomfortabel',
  'erg oncomfortabel': 'zeer-oncomfortabel',
  'helemaal niet comfortabel': 'zeer-oncomfortabel',
  'totaal niet comfortabel': 'zeer-oncomfortabel',
  'very uncomfortable': 'zeer-oncomfortabel',
  'not at all comfortable': 'zeer-oncomfortabel',
  '2': 'oncomfortabel',
  'niet comfortabel': 'oncomfortabel',
  'weinig comfortabel': 'oncomfortabel',
  uncomfortable: 'oncomfortabel',
  'not comfortable': 'oncomfortabel',
  '3': 'neutraal',
  neutral: 'neutraal',
  gemiddeld: 'neutraal',
  'niet comfortabel niet oncomfortabel': 'neutraal',
  'neither comfortable nor uncomfortable': 'neutraal',
  '4': 'comfortabel',
  comfortable: 'comfortabel',
  'redelijk comfortabel': 'comfortabel',
  'vrij comfortabel': 'comfortabel',
  'fairly comfortable': 'comfortabel',
  '5': 'zeer-comfortabel',
  'heel comfortabel': 'zeer-comfortabel',
  'erg comfortabel': 'zeer-comfortabel',
  'very comfortable': 'zeer-comfortabel',
};

/**
 * The five-point scale "Mate comfortabel met digitale middelen": Dutch and English words, the keys, or
 * the scale points 1 (zeer oncomfortabel) to 5 (zeer comfortabel).
 */
export function normaliseDigitalComfort(raw: string): Result<DigitalComfort> {
  const key = simplify(raw)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (!key) return fail(MISSING);
  const comfort = comfortWord(key);
  if (comfort) return ok(comfort);
  // Survey exports write the scale point with its label ("5 - zeer comfortabel", "neutraal (3)"); both must agree.
  const pair = /^([1-5]) (.+)$/.exec(key) ?? /^(.+) ([1-5])$/.exec(key);
  if (pair) {
    const [a, b] = [comfortWord(pair[1]), comfortWord(pair[2])];
    if (a && a === b) return ok(a);
  }
  const expected = DIGITAL_COMFORTS.map((c) => DIGITAL_COMFORT_LABELS[c][0]).join(', ');
  return fail('importReason.digitalComfort', { value: raw.trim(), expected });
}

function comfortWord(key: string): DigitalComfort | undefined {
  const byLabel = DIGITAL_COMFORTS.find((c) =>
    [c, ...DIGITAL_COMFORT_LABELS[c]].some((l) => compact(l) === compact(key)),
  );
  return byLabel ?? lookup(COMFORT_WORDS, key);
}

// -------------------------------------------------------------------------------------------- quadrant

/** The quadrants' names, Dutch then English (input vocabulary, see above); QUADRANT_ALIASES reads them. */
const QUADRANT_LABELS: Record<Quadrant, readonly [nl: string, en: string]> = {
  informatiezoeker: ['Informatiezoeker', 'Information seeker'],
  zekerheidszoeker: ['Zekerheidszoeker', 'Certainty seeker'],
  'rust-in-je-hoofdzoeker': ['Rust-in-je-hoofdzoeker', 'Peace-of-mind seeker'],
  gemakzoeker: ['Gemakzoeker', 'Convenience seeker'],
};

const QUADRANT_ALIASES: Record<string, Quadrant> = {
  informatiezoeker: 'informatiezoeker',
  infozoeker: 'informatiezoeker',
  informationseeker: 'informatiezoeker',
  infoseeker: 'informatiezoeker',
  zekerheidszoeker: 'zekerheidszoeker',
  zekerheidzoeker: 'zekerheidszoeker',
  certaintyseeker: 'zekerheidszoeker',
  rustinjehoofdzoeker: 'rust-in-je-hoofdzoeker',
  rustinjehoofd: 'rust-in-je-hoofdzoeker',
  rustinhethoofdzoeker: 'rust-in-je-hoofdzoeker',
  rustzoeker: 'rust-in-je-hoofdzoeker',
  peaceofmindseeker: 'rust-in-je-hoofdzoeker',
  gemakzoeker: 'gemakzoeker',
  gemakszoeker: 'gemakzoeker',
  conveniencezoeker: 'gemakzoeker',
  convenienceseeker: 'gemakzoeker',
};

/** The four quadrants by key or label, singular or plural, any case, hyphens or spaces, Dutch or English. */
export function normaliseQuadrant(raw: string): Result<Quadrant> {
  const key = compact(raw).replace(/(zoeker|seeker)s$/, '$1');
  if (!key) return fail(MISSING);
  const quadrant = lookup(QUADRANT_ALIASES, key);
  if (quadrant) return ok(quadrant);
  const expected = QUADRANTS.map((q) => `${QUADRANT_LABELS[q][0]} (${QUADRANT_LABELS[q][1]})`).join(', ');
  return fail('importReason.quadrant', { value: raw.trim(), expected });
}

// ---------------------------------------------------------------------------------------- organisation

/** One of the study's organisations, compared without case, accents, spaces or punctuation; returns its official name. */
export function normaliseOrganisation(raw: string, organisations: readonly string[]): Result<string> {
  const key = compact(raw);
  if (!key) return fail(MISSING);
  const match = organisations.find((o) => compact(o) === key);
  if (match) return ok(match);
  // Files often shorten a name ("Utrecht" or "Gem. Utrecht" for "Gemeente Utrecht", "De Belastingdienst",
  // "Vitens N.V."): accept it when exactly one organisation contains all its words.
  const words = organisationWords(raw);
  const partial = organisations.filter((o) => {
    const own = organisationWords(o);
    return words.length > 0 && words.every((w) => own.includes(w));
  });
  if (partial.length === 1) return ok(partial[0]);
  if (organisations.length === 0) return fail('importReason.organisationNone', { value: raw.trim() });
  return fail('importReason.organisation', { value: raw.trim(), organisations: organisations.join(', ') });
}

/** Articles and legal forms say nothing about which organisation is meant; "gem." is short for gemeente. */
const ORGANISATION_NOISE = new Set(['de', 'het', 'the', 'nv', 'bv']);

function organisationWords(name: string): string[] {
  return simplify(name)
    .replace(/\b([nb])\.? ?v\.?(?=\s|$)/g, '$1v')
    .replace(/\bgem\./g, 'gemeente')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !ORGANISATION_NOISE.has(w));
}
