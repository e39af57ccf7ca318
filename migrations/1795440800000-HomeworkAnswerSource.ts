import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { text } from './columns.v2';

/**
 * Where a homework's sent answers came from: typed by the respondent online, typed in from paper by a researcher,
 * or imported from a file (typed in elsewhere, or exported by another survey tool), with that file's name.
 */
export class HomeworkAnswerSource1795440800000 implements MigrationInterface {
  name = 'HomeworkAnswerSource1795440800000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('homework_assignment', [
      new TableColumn(text('answer_source', { length: 16, nullable: true })),
      new TableColumn(text('imported_from', { length: 255, nullable: true })),
    ]);
    // Answers sent before this column existed came from the form or from paper; a boolean reads as true in both databases.
    await q.query(
      "UPDATE homework_assignment SET answer_source = CASE WHEN entered_from_paper THEN 'paper' ELSE 'online' END WHERE submitted_at IS NOT NULL",
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('homework_assignment', 'imported_from');
    await q.dropColumn('homework_assignment', 'answer_source');
  }
}
