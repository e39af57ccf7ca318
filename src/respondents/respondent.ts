// A respondent as the other modules read it (through RespondentQueryService). Only the respondents module writes a
// respondent; the entity implements this shape, so the two cannot drift apart.
import type { DigitalComfort, Education, Gender, Quadrant, RespondentStatus } from '../common/domain';

export type RespondentSource = 'screener' | 'import' | 'demo';
/** Where the quadrant came from: the selection question, an imported file, or a researcher's override. */
export type QuadrantSource = 'screener' | 'import' | 'override';

export interface Respondent {
  readonly id: number;
  readonly studyId: number;
  /** null when the respondent had contact with none of the study's organisations (then ineligible). */
  readonly organisationId: number | null;
  // Personal data: cleared on erasure, never in overviews.
  readonly firstName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly contactPreference: string | null;
  readonly gender: Gender | null;
  /** As given: "47" or "45-54". */
  readonly age: string | null;
  readonly ageMin: number | null;
  readonly ageMax: number | null;
  readonly education: Education | null;
  readonly digitalComfort: DigitalComfort | null;
  readonly quadrant: Quadrant | null;
  /** Slot ids the respondent can attend; null = unknown (imported), counts as every slot. */
  readonly availability: number[] | null;
  readonly status: RespondentStatus;
  readonly statusReason: string | null;
  readonly source: RespondentSource;
  readonly consentVersion: string | null;
  readonly consentedAt: Date | null;
  readonly screenedAt: Date;
  readonly erasedAt: Date | null;
  readonly quadrantSource: QuadrantSource | null;
  /** E-mail of the researcher who overrode the quadrant. */
  readonly quadrantOverriddenBy: string | null;
  readonly quadrantOverrideReason: string | null;
  readonly quadrantOverriddenAt: Date | null;
  /** Set when the same e-mail address already signed up for this study: flagged, not counted twice. */
  readonly duplicateOfId: number | null;
}

/** One step of a respondent's way through the study; the first status is the one they were screened with. */
export interface RespondentStatusChange {
  readonly id: number;
  readonly studyId: number;
  readonly respondentId: number;
  readonly fromStatus: RespondentStatus;
  readonly toStatus: RespondentStatus;
  readonly changedAt: Date;
}
