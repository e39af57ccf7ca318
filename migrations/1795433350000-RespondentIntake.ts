import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { fk, id, int, text, timestamp } from './columns.v1';

/** Versioned survey definitions, screener submissions (once per submission id) and audited quadrant overrides. */
export class RespondentIntake1795433350000 implements MigrationInterface {
  name = 'RespondentIntake1795433350000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'survey_definition',
        columns: [
          id(),
          fk('study_id'),
          text('kind', { length: 20 }),
          int('version'),
          text('origin', { length: 20 }),
          text('definition'),
          text('content_hash', { length: 64 }),
          text('created_by', { length: 254, nullable: true }),
          timestamp(q, 'created_at', { defaultNow: true }),
        ],
        uniques: [{ name: 'uq_survey_definition_version', columnNames: ['study_id', 'kind', 'version'] }],
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
    await q.createTable(
      new Table({
        name: 'screener_submission',
        columns: [
          id(),
          fk('study_id'),
          text('submission_id', { length: 36 }),
          fk('survey_definition_id'),
          int('definition_version'),
          text('locale', { length: 5 }),
          text('answers'),
          fk('respondent_id', { nullable: true }),
          text('result'),
          timestamp(q, 'submitted_at', { defaultNow: true }),
        ],
        uniques: [{ name: 'uq_screener_submission', columnNames: ['study_id', 'submission_id'] }],
        foreignKeys: [
          {
            columnNames: ['study_id'],
            referencedTableName: 'study',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['survey_definition_id'],
            referencedTableName: 'survey_definition',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['respondent_id'],
            referencedTableName: 'respondent',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
      }),
    );
    await q.addColumns('respondent', [
      new TableColumn(text('quadrant_source', { length: 20, nullable: true })),
      new TableColumn(text('quadrant_overridden_by', { length: 254, nullable: true })),
      new TableColumn(text('quadrant_override_reason', { length: 500, nullable: true })),
      new TableColumn(timestamp(q, 'quadrant_overridden_at', { nullable: true })),
      new TableColumn(int('duplicate_of_id', { nullable: true })),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of [
      'duplicate_of_id',
      'quadrant_overridden_at',
      'quadrant_override_reason',
      'quadrant_overridden_by',
      'quadrant_source',
    ]) {
      await q.dropColumn('respondent', column);
    }
    await q.dropTable('screener_submission');
    await q.dropTable('survey_definition');
  }
}
