import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale } from '../common/domain';

/** What the respondent saw as the outcome; a resubmission with the same id gets exactly this back. */
export interface ScreenerResult {
  submissionId: string;
  status: 'eligible' | 'ineligible';
  reason: string | null;
  message: string;
}

/** The raw answers of one screener submission, with the definition version they answered. */
@Entity('screener_submission')
export class ScreenerSubmission {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  studyId: number;

  /** Generated in the browser; unique per study, so a retried POST is stored once. */
  @Column({ type: 'varchar', length: 36 })
  submissionId: string;

  @Column({ type: 'integer' })
  surveyDefinitionId: number;

  @Column({ type: 'integer' })
  definitionVersion: number;

  @Column({ type: 'varchar', length: 5 })
  locale: Locale;

  /** Personal fields are removed when the respondent is erased. */
  @Column({ type: 'simple-json' })
  answers: Record<string, unknown>;

  @Column({ type: 'integer', nullable: true })
  respondentId: number | null;

  @Column({ type: 'simple-json' })
  result: ScreenerResult;

  @Column({ type: Date })
  submittedAt: Date;
}
