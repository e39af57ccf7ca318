import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One code of a study's codebook: a category (grouping code, no Tekst-ID) or a code that can be applied. */
@Entity('codebook_code')
export class CodebookCode {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  studyId: number;

  /** Lower case without braces; kept across edits and imports so REFI-QDA tools recognise the code. */
  @Column({ type: 'varchar', length: 36 })
  guid: string;

  @Column({ type: 'varchar', length: 200 })
  label1: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  label2: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  label3: string | null;

  @Column({ type: 'varchar', length: 700 })
  pathKey: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  tekstId: string | null;

  @Column({ type: 'text', nullable: true })
  logtekst: string | null;

  @Column({ type: 'varchar', length: 7 })
  colour: string;

  @Column({ type: 'boolean', default: false })
  builtIn: boolean;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: Date })
  createdAt: Date;

  @Column({ type: Date })
  updatedAt: Date;
}
