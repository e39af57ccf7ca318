// What the respondents module tells the modules above it about a population: counts, ids with organisation and
// quadrant, and the anonymisable profile columns. No name, e-mail address or phone number is part of any of these.
import type { Quadrant, RespondentProfile, RespondentStatus } from '../common/domain';

export interface PopulationOrganisation {
  id: number;
  name: string;
}

/** Which respondents a population holds: one study, some of its organisations, some statuses. */
export interface PopulationScope {
  studyId: number;
  organisations: readonly PopulationOrganisation[];
  statuses: readonly RespondentStatus[];
}

/** A respondent of a population as reports on top of it see them: no profile, no personal data. */
export interface PopulationMember {
  respondentId: number;
  organisation: string;
  quadrant: Quadrant;
}

/** A respondent's profile columns with the organisation's name: what an anonymised overview is built from. */
export interface PopulationProfile extends RespondentProfile {
  organisation: string;
}

export interface OrganisationQuadrantCount {
  organisation: string;
  quadrant: Quadrant;
  count: number;
}

/** How recognisable the profile rows are: the smallest number of identical rows and how many stand alone. */
export interface DisclosureCounts {
  k: number;
  uniqueRows: number;
}
