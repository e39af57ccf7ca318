// Turns validated screener answers into respondent attributes. Pure: no framework imports.
import {
  DigitalComfort,
  DIGITAL_COMFORTS,
  Education,
  EDUCATIONS,
  Gender,
  GENDERS,
  isOneOf,
  Quadrant,
} from '../common/domain';
import { screenerEligibility, ScreenerIneligibility } from '../surveys/screener-definition';
import { normaliseAge } from './normalise';
import { quadrantFromStatement } from './search-strategy';
import { textOf } from '../common/text-of';

/** Who the respondent is and how to reach them: only kept for people who can take part. */
interface Profile {
  firstName: string;
  email: string;
  phone: string | null;
  contactPreference: string | null;
  gender: Gender;
  age: string;
  ageMin: number;
  ageMax: number;
  education: Education;
  digitalComfort: DigitalComfort;
}

type Nothing<T> = { [K in keyof T]: null };

export type ScreenerRespondent = (Profile | Nothing<Profile>) & {
  /** null when the respondent had contact with none of the organisations. */
  organisationId: number | null;
  quadrant: Quadrant | null;
  /** Slot ids; an empty list for "none of these moments" (the none item's value is not a number). */
  availability: number[];
  eligible: boolean;
  reason: ScreenerIneligibility | 'incomplete' | null;
};

const NO_PROFILE: Nothing<Profile> = {
  firstName: null,
  email: null,
  phone: null,
  contactPreference: null,
  gender: null,
  age: null,
  ageMin: null,
  ageMax: null,
  education: null,
  digitalComfort: null,
};

/** Thrown when validated answers still cannot make a respondent: a definition that lacks a question the intake needs. */
export class ScreenerAnswerError extends Error {
  constructor(
    /** The question (its name) whose answer the intake cannot use. */
    readonly question: string,
    detail = 'is missing or not understood',
  ) {
    super(`The answer to "${question}" ${detail}.`);
  }
}

/**
 * Run on data that validateSubmission accepted; required answers of an eligible respondent are then present.
 * Someone who is turned away keeps no name, contact details or profile, whatever the definition asked: the
 * study has no reason to hold them.
 */
export function respondentFromAnswers(data: Record<string, unknown>): ScreenerRespondent {
  const { eligible, reason } = screenerEligibility(data);
  const organisation = data.organisation;
  const organisationId = typeof organisation === 'number' ? organisation : null;
  if (!eligible)
    return {
      ...NO_PROFILE,
      organisationId,
      quadrant: null,
      availability: [],
      eligible,
      reason: reason ?? 'incomplete',
    };
  const selection = typeof data.selection === 'string' ? quadrantFromStatement(data.selection) : undefined;
  const availability = Array.isArray(data.availability)
    ? data.availability.filter((v): v is number => typeof v === 'number')
    : [];
  return {
    ...profileFrom(data),
    organisationId,
    quadrant: need('selection', selection?.ok ? selection.value : null),
    availability,
    eligible,
    reason: null,
  };
}

function need<T>(name: string, value: T | null | undefined): T {
  if (value === null || value === undefined) throw new ScreenerAnswerError(name);
  return value;
}

function profileFrom(data: Record<string, unknown>): Profile {
  const text = (name: string): string | null =>
    typeof data[name] === 'string' && data[name].trim() ? data[name].trim() : null;
  const age = normaliseAge(textOf(data.age));
  if (!age.ok) throw new ScreenerAnswerError('age', `is not understood (${age.reason.key})`);
  return {
    firstName: need('firstName', text('firstName')),
    email: need('email', text('email')),
    phone: text('phone'),
    contactPreference: text('contactPreference'),
    gender: need('gender', isOneOf(GENDERS, data.gender) ? data.gender : null),
    ...age.value,
    education: need('education', isOneOf(EDUCATIONS, data.education) ? data.education : null),
    digitalComfort: need('digitalComfort', isOneOf(DIGITAL_COMFORTS, data.digitalComfort) ? data.digitalComfort : null),
  };
}

/** What is kept of the answers of someone who is turned away: the consent and the knock-out answers, nothing else. */
const KEPT_WHEN_TURNED_AWAY = new Set(['consent', 'consentVersion', 'organisation', 'contactWhen']);

/** The raw answers worth storing. */
export function answersToKeep(data: Record<string, unknown>, eligible: boolean): Record<string, unknown> {
  if (eligible) return data;
  return Object.fromEntries(Object.entries(data).filter(([k]) => KEPT_WHEN_TURNED_AWAY.has(k)));
}
