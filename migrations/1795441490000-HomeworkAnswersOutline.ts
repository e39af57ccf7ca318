import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { text } from './columns.v2';

/**
 * The sent answers without their free text, stored beside them (homework_assignment.submitted_outline), so that
 * counting a whole study does not read and parse every answer's text. Rows sent before this have none: the
 * application reads their answers instead and makes the outline then (a migration may not use the form's code).
 */
export class HomeworkAnswersOutline1795441490000 implements MigrationInterface {
  name = 'HomeworkAnswersOutline1795441490000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('homework_assignment', new TableColumn(text('submitted_outline', { nullable: true })));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('homework_assignment', 'submitted_outline');
  }
}
