// An audit event as the other modules read it (AuditService); the entity implements this shape.

/** Who did what, when. Never deleted, also not when the subject is erased. */
export interface AuditRecord {
  readonly id: number;
  readonly occurredAt: Date;
  /** null for the system or an anonymous respondent; the e-mail is copied so the log outlives the account. */
  readonly actorId: number | null;
  readonly actorEmail: string | null;
  /** e.g. "study.create", "respondent.quadrant_override", "overview.download" */
  readonly action: string;
  readonly studyId: number | null;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly details: Record<string, unknown> | null;
}
