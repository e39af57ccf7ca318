// What the base modules (audit, auth, mail) may know about studies and organisations: names to show, for filters and
// labels. Studies lie above them, so the base modules inject this interface (STUDY_DIRECTORY) and the studies module
// provides it application-wide; they never import a study entity.

export const STUDY_DIRECTORY = Symbol('STUDY_DIRECTORY');

export interface StudyLabel {
  id: number;
  slug: string;
  title: string;
}

export interface OrganisationLabel {
  id: number;
  name: string;
}

export interface StudyDirectory {
  /** Studies by title; only the given ids when ids are passed. */
  studies(ids?: number[]): Promise<StudyLabel[]>;
  /** Organisations by name; only the given ids when ids are passed. */
  organisations(ids?: number[]): Promise<OrganisationLabel[]>;
  organisationByName(name: string): Promise<OrganisationLabel | null>;
}
