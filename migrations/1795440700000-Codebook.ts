import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, fk, id, int, text, timestamp } from './columns.v2';

/**
 * The contact-reason codebook of a study: its codes (a path of up to three labels, a Tekst-ID for the codes that
 * can be applied, a log template, a colour and a GUID that REFI-QDA exchange keeps stable) and one row per
 * version, holding who changed what and when and the whole codebook as it then was.
 */
export class Codebook1795440700000 implements MigrationInterface {
  name = 'Codebook1795440700000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'codebook_code',
        columns: [
          id(),
          fk('study_id'),
          // Lower case without braces (the form the REFI-QDA reader gives).
          text('guid', { length: 36 }),
          text('label1', { length: 200 }),
          text('label2', { length: 200, nullable: true }),
          text('label3', { length: 200, nullable: true }),
          // The labels in lower case with single spaces, joined: the same category however it is typed.
          text('path_key', { length: 700 }),
          // null for a code that only groups others.
          text('tekst_id', { length: 64, nullable: true }),
          text('logtekst', { nullable: true }),
          text('colour', { length: 7 }),
          // The cause group and its three codes: always present, never deleted.
          bool('built_in', false),
          int('position'),
          timestamp(q, 'created_at', { defaultNow: true }),
          timestamp(q, 'updated_at', { defaultNow: true }),
        ],
        uniques: [
          { name: 'uq_codebook_code_guid', columnNames: ['study_id', 'guid'] },
          { name: 'uq_codebook_code_path', columnNames: ['study_id', 'path_key'] },
          { name: 'uq_codebook_code_tekst_id', columnNames: ['study_id', 'tekst_id'] },
        ],
        foreignKeys: [
          {
            columnNames: ['study_id'],
            referencedTableName: 'study',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        checks: [{ name: 'ck_codebook_code_levels', expression: 'label3 IS NULL OR label2 IS NOT NULL' }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'codebook_version',
        columns: [
          id(),
          fk('study_id'),
          int('version'),
          // "create", "add", "edit", "delete", "import".
          text('kind', { length: 20 }),
          // JSON: what changed (the code's Tekst-ID and path, or the import's counts and file).
          text('summary', { nullable: true }),
          // JSON: every code of this version, so any two versions can be compared.
          text('codes'),
          int('changed_by_id', { nullable: true }),
          text('changed_by_email', { length: 254, nullable: true }),
          timestamp(q, 'changed_at', { defaultNow: true }),
        ],
        // Two changes made at once cannot both become the next version: one of them is refused.
        uniques: [{ name: 'uq_codebook_version', columnNames: ['study_id', 'version'] }],
        foreignKeys: [
          {
            columnNames: ['study_id'],
            referencedTableName: 'study',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        checks: [{ name: 'ck_codebook_version_positive', expression: 'version >= 1' }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('codebook_version');
    await q.dropTable('codebook_code');
  }
}
