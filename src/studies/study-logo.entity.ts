import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LogoType } from './research-organisation';

/** The research organisation's logo of a study: a checked PNG or JPEG of at most LOGO_MAX_BYTES. */
@Entity('study_logo')
export class StudyLogo {
  @PrimaryColumn({ type: 'integer' })
  studyId: number;

  @Column({ type: 'varchar', length: 40 })
  contentType: LogoType;

  /** Base64 of the image bytes. */
  @Column({ type: 'text' })
  data: string;

  @Column({ type: Date })
  updatedAt: Date;
}
