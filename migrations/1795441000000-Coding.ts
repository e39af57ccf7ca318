import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, fk, id, int, text, timestamp } from './columns.v2';

/**
 * Codings of the homework: a code of the study's codebook applied to a span of one answer (UTF-16 offsets within
 * that answer's text; a whole answer is 0..length). A coder's codings ("coder" layer) are blind to other coders;
 * a researcher's settlement of an answer is its "final" layer.
 */
export class Coding1795441000000 implements MigrationInterface {
  name = 'Coding1795441000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'coding',
        columns: [
          id(),
          fk('study_id'),
          fk('assignment_id'),
          // The assignment's respondent, so an erasure finds their codings without reading homework.
          fk('respondent_id'),
          // The question's name in the homework form.
          text('question', { length: 100 }),
          int('start_offset'),
          int('end_offset'),
          fk('code_id'),
          fk('coder_id'),
          text('layer', { length: 10 }),
          text('memo', { nullable: true }),
          // A quote a researcher marked shareable with partners.
          bool('shareable', false),
          timestamp(q, 'created_at', { defaultNow: true }),
          timestamp(q, 'updated_at', { defaultNow: true }),
        ],
        indices: [
          { name: 'ix_coding_study', columnNames: ['study_id', 'layer'] },
          { name: 'ix_coding_answer', columnNames: ['assignment_id', 'question'] },
          { name: 'ix_coding_respondent', columnNames: ['respondent_id'] },
          { name: 'ix_coding_code', columnNames: ['code_id'] },
        ],
        foreignKeys: [
          {
            columnNames: ['study_id'],
            referencedTableName: 'study',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['assignment_id'],
            referencedTableName: 'homework_assignment',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          // A code deleted from the codebook takes its codings with it (the version history keeps the code).
          {
            columnNames: ['code_id'],
            referencedTableName: 'codebook_code',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          { columnNames: ['coder_id'], referencedTableName: 'user', referencedColumnNames: ['id'] },
        ],
        checks: [
          { name: 'ck_coding_span', expression: 'start_offset >= 0 AND end_offset >= start_offset' },
          { name: 'ck_coding_layer', expression: "layer IN ('coder', 'final')" },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('coding');
  }
}
