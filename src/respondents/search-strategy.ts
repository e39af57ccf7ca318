// The search-strategy selection question of Bijlage 6 (Van der Veen & Van Ossenbruggen, 2015) and the
// two ways an answer becomes a quadrant. Pure: no framework imports.

import { Locale, QUADRANTS, Quadrant, isOneOf } from '../common/domain';
import { Result } from './normalise';

/** Stands for the organisation's name in the texts below ("organisatie X" in the report). */
export const ORGANISATION_PLACEHOLDER = '{organisatie}';

/** The question around the statements; Dutch exactly as in Bijlage 6. */
export const SELECTION_QUESTION: Record<Locale, { intro: string; question: string }> = {
  nl: {
    intro:
      'De manier waarop mensen hun zaken bij {organisatie} het liefst regelen verschilt. Hieronder hebben wij vier ' +
      'verschillende manieren van het zoeken en regelen van uw zaken bij {organisatie} omschreven.',
    question:
      'Denkt u nog eens terug aan het contact en het doel dat u wilde bereiken. Als u nu terugkijkt op het hele proces, ' +
      'in welke omschrijving herkent u zich dan het beste? (één antwoord mogelijk).',
  },
  en: {
    intro:
      'People differ in how they prefer to arrange their affairs with {organisatie}. Below we describe four different ' +
      'ways of searching for and arranging your affairs with {organisatie}.',
    question:
      'Think back to the contact and the goal you wanted to achieve. Looking back on the whole process now, which ' +
      'description do you recognise yourself in most? (one answer only)',
  },
};

/**
 * One statement per quadrant; Dutch as in Bijlage 6, with "organisatie X" as the placeholder. The one source
 * of these texts: the screener's SurveyJS question derives its choices from here. The rust-in-je-hoofdzoeker
 * statement adds the word "bij" that the report's text misses ("… mijn doel kon bereiken bij organisatie X").
 */
export const SELECTION_STATEMENTS: Record<Quadrant, Record<Locale, string>> = {
  informatiezoeker: {
    nl:
      'Ik ben uitgebreid op zoek gegaan naar de verschillende mogelijkheden om bij {organisatie} mijn doel te bereiken. ' +
      'Uiteindelijk heb ik mijn zaken geregeld zonder me te laten leiden door wat anderen vinden.',
    en:
      'I searched extensively for the different ways to achieve my goal with {organisatie}. In the end I arranged ' +
      'my affairs without being guided by what others think.',
  },
  zekerheidszoeker: {
    nl:
      'Ik heb me uitgebreid geïnformeerd over de mogelijkheden om bij {organisatie} mijn doel te bereiken. Daarbij heb ' +
      'ik ook anderen (binnen of buiten de organisatie) om advies gevraagd over hoe ik dat het beste kan aanpakken.',
    en:
      'I informed myself extensively about the ways to achieve my goal with {organisatie}. I also asked others ' +
      '(inside or outside the organisation) for advice on how best to go about it.',
  },
  'rust-in-je-hoofdzoeker': {
    nl:
      'Ik heb er zelf niet zoveel tijd aan besteed. Ik heb me laten adviseren over op welke manier ik het beste mijn ' +
      'doel kon bereiken bij {organisatie} en dat advies heb ik opgevolgd.',
    en:
      'I did not spend much time on it myself. I let others advise me on the best way to achieve my goal with ' +
      '{organisatie}, and I followed that advice.',
  },
  gemakzoeker: {
    nl:
      'Ik wist van te voren al precies hoe ik het beste mijn doel kon bereiken en heb uiteindelijk mijn zaken geregeld ' +
      'zonder me te laten leiden door wat anderen vinden (binnen of buiten de organisatie).',
    en:
      'I knew beforehand exactly how best to achieve my goal, and in the end I arranged my affairs without being ' +
      'guided by what others think (inside or outside the organisation).',
  },
};

function fill(text: string, organisation: string): string {
  return text.split(ORGANISATION_PLACEHOLDER).join(organisation);
}

export function selectionQuestion(organisation: string, locale: Locale): { intro: string; question: string } {
  const { intro, question } = SELECTION_QUESTION[locale];
  return { intro: fill(intro, organisation), question: fill(question, organisation) };
}

/**
 * The four statements for one respondent, in a fresh random order (Fisher-Yates), so no quadrant profits
 * from being read first. `random` returns [0, 1) like Math.random; tests inject a fixed sequence.
 */
export function selectionStatements(organisation: string, locale: Locale, random: () => number = Math.random): { quadrant: Quadrant; text: string }[] {
  const statements = QUADRANTS.map((quadrant) => ({ quadrant, text: fill(SELECTION_STATEMENTS[quadrant][locale], organisation) }));
  for (let i = statements.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [statements[i], statements[j]] = [statements[j], statements[i]];
  }
  return statements;
}

/** The chosen statement decides the quadrant: the answer's value is the quadrant key. */
export function quadrantFromStatement(choice: string): Result<Quadrant> {
  if (isOneOf(QUADRANTS, choice)) return { ok: true, value: choice };
  return { ok: false, reason: `"${choice}" is not one of the statements; expected one of: ${QUADRANTS.join(', ')}` };
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
export function quadrantFromAxes(informs: number, decides: number, scale: AxesScale, nearBelow = NEAR_BOUNDARY_MARGIN): AxesPlacement {
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max) || scale.min >= scale.max) {
    throw new RangeError(`scale must run from a lower to a higher number, got ${scale.min}..${scale.max}`);
  }
  for (const [name, value] of [['informs', informs], ['decides', decides]] as const) {
    if (!Number.isFinite(value) || value < scale.min || value > scale.max) {
      throw new RangeError(`${name} must lie on the scale ${scale.min}..${scale.max}, got ${value}`);
    }
  }
  const mid = (scale.min + scale.max) / 2;
  const half = (scale.max - scale.min) / 2;
  const extensively = informs >= mid;
  const withAdvice = decides >= mid;
  const quadrant: Quadrant = extensively
    ? withAdvice ? 'zekerheidszoeker' : 'informatiezoeker'
    : withAdvice ? 'rust-in-je-hoofdzoeker' : 'gemakzoeker';
  const informsMargin = Math.abs(informs - mid) / half;
  const decidesMargin = Math.abs(decides - mid) / half;
  const margin = Math.min(informsMargin, decidesMargin);
  return { quadrant, margin, informsMargin, decidesMargin, nearBoundary: margin < nearBelow };
}
