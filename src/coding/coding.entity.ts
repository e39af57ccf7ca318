import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** "coder": one coder's own codings, blind to the others; "final": a researcher's settlement of the answer. */
export const CODING_LAYERS = ['coder', 'final'] as const;
export type CodingLayer = (typeof CODING_LAYERS)[number];

/** A code of the study's codebook applied to a span of one homework answer. */
@Entity('coding')
export class Coding {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  studyId: number;

  @Column({ type: 'integer' })
  assignmentId: number;

  @Column({ type: 'integer' })
  respondentId: number;

  /** The question's name in the homework form. */
  @Column({ type: 'varchar', length: 100 })
  question: string;

  /** UTF-16 offsets within the answer's text; a whole answer is 0..length. */
  @Column({ type: 'integer', name: 'start_offset' })
  start: number;

  @Column({ type: 'integer', name: 'end_offset' })
  end: number;

  @Column({ type: 'integer' })
  codeId: number;

  @Column({ type: 'integer' })
  coderId: number;

  @Column({ type: 'varchar', length: 10 })
  layer: CodingLayer;

  @Column({ type: 'text', nullable: true })
  memo: string | null;

  @Column({ type: 'boolean', default: false })
  shareable: boolean;

  @Column({ type: Date })
  createdAt: Date;

  @Column({ type: Date })
  updatedAt: Date;
}
