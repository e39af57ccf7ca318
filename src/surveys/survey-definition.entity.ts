import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const SURVEY_KINDS = ['screener', 'homework'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** 'generated' from the study's set-up (organisations, slots); 'custom' when a researcher put one in. */
export type SurveyOrigin = 'generated' | 'custom';

/** One version of a study's SurveyJS JSON; never changed once stored, a change is a new version. */
@Entity('survey_definition')
export class SurveyDefinition {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  studyId: number;

  @Column({ type: 'varchar', length: 20 })
  kind: SurveyKind;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 20 })
  origin: SurveyOrigin;

  @Column({ type: 'simple-json' })
  definition: object;

  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  createdBy: string | null;

  @Column({ type: Date })
  createdAt: Date;
}
