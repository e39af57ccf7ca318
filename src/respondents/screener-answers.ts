// Turns validated screener answers into respondent attributes. Pure: no framework imports.
import { DigitalComfort, DIGITAL_COMFORTS, Education, EDUCATIONS, Gender, GENDERS, isOneOf, Quadrant } from '../common/domain';
import { screenerEligibility, ScreenerIneligibility } from '../surveys/screener-definition';
import { normaliseAge } from './normalise';
import { quadrantFromStatement } from './search-strategy';

export interface ScreenerRespondent {
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
  /** null when the respondent had contact with none of the organisations. */
  organisationId: number | null;
  quadrant: Quadrant | null;
  /** Slot ids; an empty list for "none of these moments" (the none item's value is not a number). */
  availability: number[];
  eligible: boolean;
  reason: ScreenerIneligibility | 'incomplete' | null;
}

/** Thrown when validated answers still cannot make a respondent: a definition that lacks a question the intake needs. */
export class ScreenerAnswerError extends Error {}

/** Run on data that validateSubmission accepted; required answers of an eligible respondent are then present. */
export function respondentFromAnswers(data: Record<string, unknown>): ScreenerRespondent {
  const text = (name: string): string | null => (typeof data[name] === 'string' && (data[name] as string).trim() ? (data[name] as string).trim() : null);
  const need = <T>(name: string, value: T | null | undefined): T => {
    if (value === null || value === undefined) throw new ScreenerAnswerError(`The answer to "${name}" is missing or not understood.`);
    return value;
  };
  const age = normaliseAge(String(data.age ?? ''));
  if (!age.ok) throw new ScreenerAnswerError(`"age": ${age.reason}`);
  const { eligible, reason } = screenerEligibility(data);
  const organisation = data.organisation;
  const selection = typeof data.selection === 'string' ? quadrantFromStatement(data.selection) : undefined;
  const quadrant = eligible ? need('selection', selection?.ok ? selection.value : null) : null;
  const availability = Array.isArray(data.availability) ? data.availability.filter((v): v is number => typeof v === 'number') : [];
  return {
    firstName: need('firstName', text('firstName')),
    email: need('email', text('email')),
    phone: text('phone'),
    contactPreference: text('contactPreference'),
    gender: need('gender', isOneOf(GENDERS, data.gender) ? data.gender : null),
    ...age.value,
    education: need('education', isOneOf(EDUCATIONS, data.education) ? data.education : null),
    digitalComfort: need('digitalComfort', isOneOf(DIGITAL_COMFORTS, data.digitalComfort) ? data.digitalComfort : null),
    organisationId: typeof organisation === 'number' ? organisation : null,
    quadrant,
    availability,
    eligible,
    reason: eligible ? null : (reason ?? 'incomplete'),
  };
}
