import { MigrationInterface, QueryRunner, Table, TableForeignKeyOptions } from 'typeorm';
import { bool, fk, id, int, text, timestamp } from './columns.v2';

const cascade = (column: string, table: string): TableForeignKeyOptions => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});

/**
 * The action register of a study: per partner organisation what is changed because of the analysis (number
 * YYYY-MM-NNN, omschrijving, analyse, actie, a milestone date and a status), who holds it, the evidence it rests
 * on (codes, quadrants, and later shareable quotes), every status change, and the measured effect (variants with
 * reached and contacts, one of them the reference).
 */
export class Actions1795441300000 implements MigrationInterface {
  name = 'Actions1795441300000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'action',
        columns: [
          id(),
          fk('study_id'),
          fk('organisation_id'),
          // YYYY-MM-NNN: the month it was registered and its place in that month's actions of the study.
          text('number', { length: 20 }),
          text('omschrijving'),
          text('analyse'),
          text('actie'),
          // A calendar day (YYYY-MM-DD), as the researcher typed it: no time zone to shift it.
          text('mijlpaal', { length: 10, nullable: true }),
          // open, in_uitvoering, afgerond, vervallen.
          text('status', { length: 20, default: 'open' }),
          // The milestone date the reminder went out for: a changed date is reminded again.
          text('reminded_mijlpaal', { length: 10, nullable: true }),
          timestamp(q, 'created_at', { defaultNow: true }),
          timestamp(q, 'updated_at', { defaultNow: true }),
        ],
        uniques: [{ name: 'uq_action_number', columnNames: ['study_id', 'number'] }],
        foreignKeys: [
          cascade('study_id', 'study'),
          { ...cascade('organisation_id', 'organisation'), onDelete: 'RESTRICT' },
        ],
        indices: [{ name: 'ix_action_reminder', columnNames: ['status', 'mijlpaal'] }],
        checks: [
          {
            name: 'ck_action_status',
            expression: "status IN ('open', 'in_uitvoering', 'afgerond', 'vervallen')",
          },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'action_holder',
        columns: [id(), fk('action_id'), fk('user_id')],
        uniques: [{ name: 'uq_action_holder', columnNames: ['action_id', 'user_id'] }],
        foreignKeys: [cascade('action_id', 'action'), cascade('user_id', 'user')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'action_evidence',
        columns: [
          id(),
          fk('action_id'),
          // code, quadrant or quote.
          text('kind', { length: 10 }),
          fk('codebook_code_id', { nullable: true }),
          text('quadrant', { length: 40, nullable: true }),
          // A shareable quote: the coded segment's id (the coding table's), wired when that table exists.
          int('coding_id', { nullable: true }),
        ],
        foreignKeys: [cascade('action_id', 'action'), cascade('codebook_code_id', 'codebook_code')],
        checks: [
          {
            name: 'ck_action_evidence_kind',
            expression:
              "(kind = 'code' AND codebook_code_id IS NOT NULL) OR (kind = 'quadrant' AND quadrant IS NOT NULL) OR (kind = 'quote' AND coding_id IS NOT NULL)",
          },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'action_status_change',
        columns: [
          id(),
          fk('action_id'),
          // null for the first status, when the action was registered.
          text('from_status', { length: 20, nullable: true }),
          text('to_status', { length: 20 }),
          int('changed_by_id', { nullable: true }),
          text('changed_by_email', { length: 254, nullable: true }),
          timestamp(q, 'changed_at', { defaultNow: true }),
          text('note', { nullable: true }),
        ],
        foreignKeys: [cascade('action_id', 'action')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'action_measurement',
        columns: [
          id(),
          fk('action_id'),
          text('name', { length: 200 }),
          int('created_by_id', { nullable: true }),
          timestamp(q, 'created_at', { defaultNow: true }),
        ],
        foreignKeys: [cascade('action_id', 'action')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'action_variant',
        columns: [
          id(),
          fk('measurement_id'),
          text('name', { length: 200 }),
          int('reached'),
          int('contacts'),
          bool('is_reference', false),
          int('position'),
        ],
        uniques: [{ name: 'uq_action_variant_name', columnNames: ['measurement_id', 'name'] }],
        foreignKeys: [cascade('measurement_id', 'action_measurement')],
        checks: [
          { name: 'ck_action_variant_counts', expression: 'contacts >= 0 AND reached >= 1 AND contacts <= reached' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('action_variant');
    await q.dropTable('action_measurement');
    await q.dropTable('action_status_change');
    await q.dropTable('action_evidence');
    await q.dropTable('action_holder');
    await q.dropTable('action');
  }
}
