import { Injectable } from '@nestjs/common';
import { Propagation, Transactional } from '@nestjs-cls/transactional';
import type { Organisation, SessionSlot, Study, StudyOrganisation } from './study';
import { StudyRepository } from './study.repository';

/**
 * How the other modules read studies, their partner organisations and session slots: read-only, in the caller's
 * transaction when there is one. Changes go through StudiesService.
 */
@Injectable()
export class StudyQueryService {
  constructor(private readonly studies: StudyRepository) {}

  /**
   * Serialises work on one study across app instances (forming groups, scheduling): the study stays locked until
   * the caller's transaction ends. Only meaningful inside that unit of work: refuses to run outside one.
   */
  @Transactional(Propagation.Mandatory)
  async lock(studyId: number): Promise<void> {
    await this.studies.lockRow(studyId);
  }

  byId(id: number): Promise<Study | null> {
    return this.studies.findById(id);
  }

  bySlug(slug: string): Promise<Study | null> {
    return this.studies.findBySlug(slug);
  }

  /** The studies an organisation takes part in, newest first. */
  studiesOfOrganisation(organisationId: number): Promise<Study[]> {
    return this.studies.studiesOfOrganisation(organisationId);
  }

  /** A study's slots, earliest first. */
  slotsOf(studyId: number): Promise<SessionSlot[]> {
    return this.studies.slotsOf(studyId);
  }

  slotsByIds(ids: number[]): Promise<SessionSlot[]> {
    return this.studies.slotsByIds(ids);
  }

  slot(id: number): Promise<SessionSlot | null> {
    return this.studies.slotById(id);
  }

  countSlots(studyId: number): Promise<number> {
    return this.studies.countSlots(studyId);
  }

  /** A study's partner organisations in the order the study lists them, each with its organisation. */
  partnersOf(studyId: number): Promise<StudyOrganisation[]> {
    return this.studies.organisationsOf(studyId);
  }

  /** How one organisation takes part in one study (its contact person), or null when it does not. */
  partner(studyId: number, organisationId: number): Promise<StudyOrganisation | null> {
    return this.studies.findPartner(studyId, organisationId);
  }

  /** Organisations by id, by name. */
  organisations(ids: number[]): Promise<Organisation[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.studies.organisationLabels([...new Set(ids)]);
  }

  async organisationNames(ids: number[]): Promise<Map<number, string>> {
    return new Map((await this.organisations(ids)).map((o) => [o.id, o.name]));
  }
}
