import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { VersionChange, VersionCode } from './codebook-versions';

/** One version of a study's codebook: who made it, when, by what change, and every code as it then was. */
@Entity('codebook_version')
export class CodebookVersion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  studyId: number;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 20 })
  kind: VersionChange['kind'];

  @Column({ type: 'simple-json', nullable: true })
  summary: Omit<VersionChange, 'kind'> | null;

  @Column({ type: 'simple-json' })
  codes: VersionCode[];

  @Column({ type: 'integer', nullable: true })
  changedById: number | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  changedByEmail: string | null;

  @Column({ type: Date })
  changedAt: Date;
}
