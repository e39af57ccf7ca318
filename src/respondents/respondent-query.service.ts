import { Injectable } from '@nestjs/common';
import type { Locale } from '../common/domain';
import type { Respondent, RespondentStatusChange } from './respondent';
import { RespondentReadsRepository, type RespondentPlace } from './respondent-reads.repository';

export type { RespondentPlace } from './respondent-reads.repository';

/** A respondent as counted on the dashboard: where they are in the pipeline, with the e-mail only to spot gaps. */
export type PipelineRespondent = Pick<
  Respondent,
  'id' | 'organisationId' | 'quadrant' | 'status' | 'duplicateOfId' | 'email'
>;

/**
 * How the other modules read respondents: read-only, in the caller's transaction when there is one. A status
 * changes through RespondentLifecycleService, personal data through RespondentsService.
 */
@Injectable()
export class RespondentQueryService {
  constructor(private readonly reads: RespondentReadsRepository) {}

  /** By id, oldest first; with `studyId`, only those of that study. */
  byIds(ids: number[], studyId?: number): Promise<Respondent[]> {
    return this.reads.byIds(ids, studyId);
  }

  /** The organisation and quadrant of every respondent of the study who is not erased, by id. */
  placesOf(studyId: number): Promise<RespondentPlace[]> {
    return this.reads.placesOf(studyId);
  }

  byId(id: number, studyId?: number): Promise<Respondent | null> {
    return this.reads.byId(id, studyId);
  }

  /** The study's respondents whose address, in lower case, is one of `emails` (lower case too), oldest first. */
  byEmails(studyId: number, emails: string[]): Promise<Respondent[]> {
    return this.reads.byEmails(studyId, emails);
  }

  /**
   * Who may take part in forming groups: the study's eligible respondents plus `alreadyPlaced` (the members and
   * reserves of the groups being formed again), optionally of one organisation, never anyone erased.
   */
  forGrouping(studyId: number, alreadyPlaced: number[], organisationId?: number): Promise<Respondent[]> {
    return this.reads.forGrouping(studyId, alreadyPlaced, organisationId);
  }

  pipelineOf(studyId: number): Promise<PipelineRespondent[]> {
    return this.reads.pipelineOf(studyId);
  }

  /** The language each respondent filled in the screener in; imported people are missing from the map. */
  screenerLocales(ids: number[]): Promise<Map<number, Locale>> {
    return this.reads.screenerLocales(ids);
  }

  /** A respondent's way through the study, oldest step first. */
  statusChanges(respondentId: number): Promise<RespondentStatusChange[]> {
    return this.reads.statusChanges(respondentId);
  }
}
