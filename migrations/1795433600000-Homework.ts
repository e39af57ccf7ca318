import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, fk, id, int, text, timestamp } from './columns.v1';

/** Homework assignments (hashed link token and short code, draft with revision, submission) and per-study settings. */
export class Homework1795433600000 implements MigrationInterface {
  name = 'Homework1795433600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'homework_assignment',
        columns: [
          id(),
          fk('study_id'),
          fk('group_id'),
          fk('respondent_id'),
          // No foreign key: a rescheduled or cancelled session must not take the respondent's answers with it.
          int('session_id', { nullable: true }),
          timestamp(q, 'session_starts_at'),
          timestamp(q, 'deadline'),
          text('credential_nonce', { length: 64 }),
          text('token_hash', { length: 64 }),
          text('code_hash', { length: 64 }),
          text('locale', { length: 5, default: 'nl' }),
          text('draft', { nullable: true }),
          text('current_page', { length: 100, nullable: true }),
          int('revision', { default: 0 }),
          timestamp(q, 'draft_saved_at', { nullable: true }),
          text('submitted', { nullable: true }),
          timestamp(q, 'submitted_at', { nullable: true }),
          bool('late', false),
          bool('entered_from_paper', false),
          text('paper_entered_by', { length: 254, nullable: true }),
          timestamp(q, 'letter_sent_at', { nullable: true }),
          timestamp(q, 'reminder_sent_at', { nullable: true }),
          timestamp(q, 'created_at', { defaultNow: true }),
        ],
        uniques: [
          { name: 'uq_homework_assignment_respondent', columnNames: ['respondent_id'] },
          { name: 'uq_homework_assignment_token', columnNames: ['token_hash'] },
          { name: 'uq_homework_assignment_code', columnNames: ['code_hash'] },
        ],
        indices: [{ name: 'ix_homework_assignment_group', columnNames: ['study_id', 'group_id'] }],
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
          {
            columnNames: ['group_id'],
            referencedTableName: 'focus_group',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        checks: [{ name: 'ck_homework_assignment_revision', expression: 'revision >= 0' }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'homework_setting',
        columns: [{ ...fk('study_id'), isPrimary: true }, int('reminder_days', { nullable: true })],
        foreignKeys: [
          {
            columnNames: ['study_id'],
            referencedTableName: 'study',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        checks: [
          {
            name: 'ck_homework_setting_reminder_days',
            expression: 'reminder_days IS NULL OR (reminder_days >= 0 AND reminder_days <= 60)',
          },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('homework_setting');
    await q.dropTable('homework_assignment');
  }
}
