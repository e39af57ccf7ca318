import { Injectable } from '@nestjs/common';
import type {
  DisclosureCounts,
  OrganisationQuadrantCount,
  PopulationMember,
  PopulationProfile,
  PopulationScope,
} from './population';
import { RespondentPopulationRepository } from './respondent-population.repository';

/**
 * How the modules above read a population of respondents (the overviews, and through them the journey report):
 * only counts, ids with organisation and quadrant, and the anonymisable profile columns, so no name, e-mail address
 * or phone number ever leaves the respondents module this way. Erased respondents and second sign-ups of one
 * person are never part of a population.
 */
@Injectable()
export class RespondentPopulationQueryService {
  constructor(private readonly repository: RespondentPopulationRepository) {}

  /** Respondents per organisation (by name) and quadrant, with a complete profile. */
  compositionCounts(scope: PopulationScope): Promise<OrganisationQuadrantCount[]> {
    return this.repository.compositionCounts(scope);
  }

  disclosureCounts(scope: PopulationScope, opts: { ageBands: boolean }): Promise<DisclosureCounts> {
    return this.repository.disclosureCounts(scope, opts);
  }

  /** Everyone in the scope with a quadrant, also those whose profile is incomplete, by id. */
  members(scope: PopulationScope): Promise<PopulationMember[]> {
    return this.repository.members(scope);
  }

  /** Respondents of the scope whose profile lacks a column, so they cannot be shown as a row. */
  countIncomplete(scope: PopulationScope): Promise<number> {
    return this.repository.countIncomplete(scope);
  }

  /** The profiles of the scope, organisation by organisation in the scope's order, in batches of constant memory. */
  streamProfiles(
    scope: PopulationScope,
    opts: { ageBands: boolean; batchSize?: number },
  ): AsyncGenerator<PopulationProfile> {
    return this.repository.streamRows(scope, opts);
  }
}
