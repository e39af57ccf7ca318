import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { fk, int, timestamp } from './columns.v2';

/**
 * Mail and homework keep their own record of what closing a study and erasing a respondent mean for them, so that
 * neither reads the study's or the respondent's table: the outbox holds a closed study's mail (`outbox_hold`),
 * homework closes its links (`homework_closed_study`), and an erased respondent's assignment says so itself
 * (`homework_assignment.erased_at`). Existing closed studies and erased respondents are carried over, so the
 * platform behaves after the upgrade as it did before.
 */
export class StudyClosingRecords1795441440000 implements MigrationInterface {
  name = 'StudyClosingRecords1795441440000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'outbox_hold',
        // No foreign key, as on outbox_message.study_id: the outbox lies below the studies and outlives them.
        columns: [{ ...int('study_id'), isPrimary: true }, timestamp(q, 'held_at')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'homework_closed_study',
        columns: [{ ...fk('study_id'), isPrimary: true }, timestamp(q, 'closed_at')],
        foreignKeys: [
          {
            columnNames: ['study_id'],
            referencedTableName: 'study',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await q.addColumn('homework_assignment', new TableColumn(timestamp(q, 'erased_at', { nullable: true })));

    await q.query(
      "INSERT INTO outbox_hold (study_id, held_at) SELECT id, CURRENT_TIMESTAMP FROM study WHERE status = 'closed'",
    );
    await q.query(
      "INSERT INTO homework_closed_study (study_id, closed_at) SELECT id, CURRENT_TIMESTAMP FROM study WHERE status = 'closed'",
    );
    await q.query(
      'UPDATE homework_assignment SET erased_at = (SELECT COALESCE(r.erased_at, CURRENT_TIMESTAMP) FROM respondent r ' +
        'WHERE r.id = homework_assignment.respondent_id) WHERE EXISTS (SELECT 1 FROM respondent r ' +
        "WHERE r.id = homework_assignment.respondent_id AND (r.status = 'erased' OR r.erased_at IS NOT NULL))",
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('homework_assignment', 'erased_at');
    await q.dropTable('homework_closed_study');
    await q.dropTable('outbox_hold');
  }
}
