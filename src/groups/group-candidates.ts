// From stored respondents to what the balancing and the pages need. Pure: no Nest, no TypeORM.
import type { DigitalComfort, Education, Gender, Quadrant } from '../common/domain';
import { BalancingCandidate, groupScore, GroupScore } from './balancing-profile';

/** The respondent fields the grouping reads (a structural subset of the Respondent entity). */
export interface RespondentFacts {
  id: number;
  organisationId: number | null;
  firstName: string | null;
  gender: Gender | null;
  age: string | null;
  ageMin: number | null;
  ageMax: number | null;
  education: Education | null;
  digitalComfort: DigitalComfort | null;
  quadrant: Quadrant | null;
  availability: number[] | null;
  screenedAt: Date;
}

const REQUIRED: { field: keyof RespondentFacts; label: string }[] = [
  { field: 'organisationId', label: 'organisation' },
  { field: 'quadrant', label: 'quadrant' },
  { field: 'gender', label: 'gender' },
  { field: 'ageMin', label: 'age' },
  { field: 'education', label: 'education' },
  { field: 'digitalComfort', label: 'digital comfort' },
];

/** What is missing before the respondent can be grouped (empty = complete). */
export function missingFacts(r: RespondentFacts): string[] {
  const missing = REQUIRED.filter(({ field }) => r[field] === null || r[field] === undefined).map(({ label }) => label);
  if (r.ageMin !== null && r.ageMax === null) missing.push('age');
  return missing;
}

export function incompleteReason(missing: string[]): string {
  return `the profile is incomplete (missing: ${missing.join(', ')}); complete it to include this respondent`;
}

export const NOT_PARTNER_REASON = 'had contact with an organisation that is not a partner in this study';
export const NOT_GROUPED_YET_REASON = 'not in a group yet: form the groups (or add this respondent to a group by hand)';

/**
 * Why someone has no group, as a page text: `groups.reason.<code>` in the locale files, with the missing
 * fields of an incomplete profile as `groups.field.<field>`. The English constants above are the API's texts.
 */
export interface ReasonCode {
  code: string;
  missing: string[];
}

export const fieldKey = (label: string) => `groups.field.${label.replace(/ /g, '-')}`;

export function toCandidate(r: RespondentFacts, organisation: string): BalancingCandidate {
  return {
    id: r.id,
    organisation,
    quadrant: r.quadrant!,
    gender: r.gender!,
    ageMin: r.ageMin!,
    ageMax: r.ageMax!,
    education: r.education!,
    digitalComfort: r.digitalComfort!,
    screenedAt: r.screenedAt.getTime(),
    availability: r.availability,
  };
}

/** Score of a stored group: members with an incomplete profile do not count. */
export function scoreOf(members: RespondentFacts[]): GroupScore {
  const complete = members.filter((m) => missingFacts(m).length === 0) as unknown as Parameters<typeof groupScore>[0];
  return groupScore(complete);
}

/** A member as researchers see it: first name and the balanced attributes, nothing else personal. */
export interface PersonView {
  respondentId: number;
  firstName: string | null;
  gender: Gender | null;
  age: string | null;
  education: Education | null;
  digitalComfort: DigitalComfort | null;
}

export function personView(r: RespondentFacts): PersonView {
  return {
    respondentId: r.id,
    firstName: r.firstName,
    gender: r.gender,
    age: r.age ?? (r.ageMin === null ? null : String(r.ageMin)),
    education: r.education,
    digitalComfort: r.digitalComfort,
  };
}
