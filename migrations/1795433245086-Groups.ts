import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { fk, id, int, text, timestamp } from './columns.v1';

/**
 * Focus groups and their members. "group" is an SQL keyword, hence focus_group. The unique constraint on
 * (study_id, respondent_id) covers members and reserves alike: the database itself guarantees that nobody is
 * in two groups, also when two researchers (or app instances) act at the same moment.
 */
export class Groups1795433245086 implements MigrationInterface {
  name = 'Groups1795433245086';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'focus_group',
        columns: [
          id(),
          fk('study_id'),
          fk('organisation_id'),
          text('quadrant', { length: 30 }),
          text('status', { length: 20, default: 'proposed' }),
          timestamp(q, 'created_at', { defaultNow: true }),
          timestamp(q, 'updated_at', { defaultNow: true }),
        ],
        foreignKeys: [
          {
            columnNames: ['study_id'],
            referencedTableName: 'study',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          { columnNames: ['organisation_id'], referencedTableName: 'organisation', referencedColumnNames: ['id'] },
        ],
        indices: [{ name: 'ix_focus_group_bucket', columnNames: ['study_id', 'organisation_id', 'quadrant'] }],
        checks: [{ name: 'ck_focus_group_status', expression: "status IN ('proposed', 'confirmed', 'locked')" }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'group_member',
        columns: [
          id(),
          fk('study_id'),
          fk('group_id'),
          fk('respondent_id'),
          text('role', { length: 10 }),
          int('position', { default: 0 }),
        ],
        uniques: [{ name: 'uq_group_member_respondent', columnNames: ['study_id', 'respondent_id'] }],
        foreignKeys: [
          {
            columnNames: ['study_id'],
            referencedTableName: 'study',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['group_id'],
            referencedTableName: 'focus_group',
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
        indices: [{ name: 'ix_group_member_group', columnNames: ['group_id', 'role', 'position'] }],
        checks: [{ name: 'ck_group_member_role', expression: "role IN ('member', 'reserve')" }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('group_member');
    await q.dropTable('focus_group');
  }
}
