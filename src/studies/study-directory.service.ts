import { Injectable } from '@nestjs/common';
import type { OrganisationLabel, StudyDirectory, StudyLabel } from '../common/study-directory';
import { StudyRepository } from './study.repository';

/** Studies' and organisations' names for the base modules' pages (provided application-wide as STUDY_DIRECTORY). */
@Injectable()
export class StudyDirectoryService implements StudyDirectory {
  constructor(private readonly repository: StudyRepository) {}

  async studies(ids?: number[]): Promise<StudyLabel[]> {
    if (ids && !ids.length) return [];
    return (await this.repository.studyLabels(ids)).map(({ id, slug, title }) => ({ id, slug, title }));
  }

  async organisations(ids?: number[]): Promise<OrganisationLabel[]> {
    if (ids && !ids.length) return [];
    return (await this.repository.organisationLabels(ids)).map(({ id, name }) => ({ id, name }));
  }

  async organisationByName(name: string): Promise<OrganisationLabel | null> {
    const found = await this.repository.findOrganisationByName(name);
    return found && { id: found.id, name: found.name };
  }
}
