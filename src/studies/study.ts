// A study as the other modules read it (through StudyQueryService). The studies module alone writes its tables; the
// entities implement these shapes, so a column added there shows up here or the build fails.
import type { Locale } from '../common/domain';

export const STUDY_STATUSES = ['draft', 'recruiting', 'fieldwork', 'closed'] as const;
export type StudyStatus = (typeof STUDY_STATUSES)[number];

export interface Study {
  readonly id: number;
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly locale: Locale;
  readonly status: StudyStatus;
  readonly groupTargetSize: number;
  readonly groupMinSize: number;
  readonly groupMaxSize: number;
  readonly groupsPerQuadrant: number;
  readonly reservesPerGroup: number;
  readonly homeworkLeadDays: number;
  readonly sessionMinutes: number;
  /** k: what partners see of the journey report hides counts from 1 to k − 1 (2–50, default 5). */
  readonly partnerMinCount: number;
  /** Printed on letters and the paper homework. */
  readonly returnAddress: string;
  readonly helpPhone: string;
  /** Who stands behind the study, shown to respondents on every page, letter and e-mail. */
  readonly researchOrganisation: string;
  /** The research organisation's privacy statement (http or https). */
  readonly privacyUrl: string;
  readonly helpEmail: string;
  readonly isDemo: boolean;
  readonly createdAt: Date;
}

/** A moment a study's groups can meet. */
export interface SessionSlot {
  readonly id: number;
  readonly studyId: number;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly onlineUrl: string | null;
  readonly location: string | null;
  /** How many groups may meet in this slot at once; null = no limit. */
  readonly capacity: number | null;
}

/** A public service organisation; it can take part in several studies. */
export interface Organisation {
  readonly id: number;
  readonly name: string;
}

/** An organisation as partner of one study, with the contact person named in that study's letters. */
export interface StudyOrganisation {
  readonly id: number;
  readonly studyId: number;
  readonly organisationId: number;
  readonly organisation: Organisation;
  readonly contactName: string | null;
  readonly contactEmail: string | null;
  readonly contactPhone: string | null;
  readonly position: number;
}
