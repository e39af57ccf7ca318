import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, fk, id, text, timestamp } from './columns.v1';

/** Who came to each session (present or a no-show, correctable), and every change of a respondent's status. */
export class AttendanceAndStatusHistory1795433700000 implements MigrationInterface {
  name = 'AttendanceAndStatusHistory1795433700000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'attendance',
        columns: [
          id(),
          fk('study_id'),
          fk('session_id'),
          fk('respondent_id'),
          bool('present', false),
          // The status before the first mark, so "present" corrected to "absent" gives the respondent it back.
          text('status_before', { length: 20 }),
          text('marked_by', { length: 254, nullable: true }),
          timestamp(q, 'marked_at'),
        ],
        uniques: [{ name: 'uq_attendance_session_respondent', columnNames: ['session_id', 'respondent_id'] }],
        foreignKeys: [
          {
            columnNames: ['study_id'],
            referencedTableName: 'study',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['session_id'],
            referencedTableName: 'scheduled_session',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['respondent_id'],
            referencedTableName: 'respondent',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'respondent_status_change',
        columns: [
          id(),
          fk('study_id'),
          fk('respondent_id'),
          text('from_status', { length: 20 }),
          text('to_status', { length: 20 }),
          timestamp(q, 'changed_at'),
        ],
        indices: [{ name: 'ix_respondent_status_change_respondent', columnNames: ['respondent_id', 'id'] }],
        foreignKeys: [
          {
            columnNames: ['study_id'],
            referencedTableName: 'study',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['respondent_id'],
            referencedTableName: 'respondent',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('respondent_status_change');
    await q.dropTable('attendance');
  }
}
