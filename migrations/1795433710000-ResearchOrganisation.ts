import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { fk, text, timestamp } from './columns.v1';

/** Who stands behind a study: the research organisation, its privacy statement, a help e-mail address and a logo. */
export class ResearchOrganisation1795433710000 implements MigrationInterface {
  name = 'ResearchOrganisation1795433710000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('study', [
      new TableColumn(text('research_organisation', { length: 200, default: '' })),
      new TableColumn(text('privacy_url', { length: 500, default: '' })),
      new TableColumn(text('help_email', { length: 254, default: '' })),
    ]);
    // Its own table, so the small image is read only when a page asks for it, not with every study.
    await q.createTable(
      new Table({
        name: 'study_logo',
        columns: [
          { ...fk('study_id'), isPrimary: true },
          text('content_type', { length: 40 }),
          // Base64: one column type that SQLite and PostgreSQL store alike.
          text('data'),
          timestamp(q, 'updated_at'),
        ],
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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('study_logo');
    for (const column of ['help_email', 'privacy_url', 'research_organisation']) await q.dropColumn('study', column);
  }
}
