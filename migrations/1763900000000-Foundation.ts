import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, fk, id, int, text, timestamp } from './columns.v1';

export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'organisation',
        columns: [id(), text('name', { length: 200 })],
        uniques: [{ name: 'uq_organisation_name', columnNames: ['name'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'user',
        columns: [
          id(),
          text('email', { length: 254 }),
          text('name', { length: 200 }),
          text('role', { length: 20 }),
          fk('organisation_id', { nullable: true }),
          text('password_hash'),
          bool('active', true),
          timestamp(q, 'created_at', { defaultNow: true }),
        ],
        uniques: [{ name: 'uq_user_email', columnNames: ['email'] }],
        foreignKeys: [
          { columnNames: ['organisation_id'], referencedTableName: 'organisation', referencedColumnNames: ['id'] },
        ],
        checks: [{ name: 'ck_user_role', expression: "role IN ('admin', 'researcher', 'partner')" }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'login_session',
        columns: [
          { ...text('token_hash', { length: 64 }), isPrimary: true },
          fk('user_id'),
          timestamp(q, 'created_at', { defaultNow: true }),
          timestamp(q, 'expires_at'),
        ],
        foreignKeys: [
          { columnNames: ['user_id'], referencedTableName: 'user', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'login_attempt',
        columns: [id(), text('key', { length: 300 }), timestamp(q, 'attempted_at')],
        indices: [{ name: 'ix_login_attempt_key', columnNames: ['key', 'attempted_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'study',
        columns: [
          id(),
          text('slug', { length: 60 }),
          text('title', { length: 300 }),
          text('description', { default: '' }),
          text('locale', { length: 5, default: 'nl' }),
          text('status', { length: 20, default: 'draft' }),
          int('group_target_size', { default: 3 }),
          int('group_min_size', { default: 2 }),
          int('group_max_size', { default: 4 }),
          int('groups_per_quadrant', { default: 1 }),
          int('reserves_per_group', { default: 1 }),
          int('homework_lead_days', { default: 7 }),
          int('session_minutes', { default: 120 }),
          text('return_address', { length: 500, default: '' }),
          text('help_phone', { length: 40, default: '' }),
          bool('is_demo', false),
          timestamp(q, 'created_at', { defaultNow: true }),
        ],
        uniques: [{ name: 'uq_study_slug', columnNames: ['slug'] }],
        checks: [{ name: 'ck_study_status', expression: "status IN ('draft', 'recruiting', 'fieldwork', 'closed')" }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'study_organisation',
        columns: [
          id(),
          fk('study_id'),
          fk('organisation_id'),
          text('contact_name', { length: 200, nullable: true }),
          text('contact_email', { length: 254, nullable: true }),
          text('contact_phone', { length: 40, nullable: true }),
          int('position', { default: 0 }),
        ],
        uniques: [{ name: 'uq_study_organisation', columnNames: ['study_id', 'organisation_id'] }],
        foreignKeys: [
          {
            columnNames: ['study_id'],
            referencedTableName: 'study',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          { columnNames: ['organisation_id'], referencedTableName: 'organisation', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'session_slot',
        columns: [
          id(),
          fk('study_id'),
          timestamp(q, 'starts_at'),
          timestamp(q, 'ends_at'),
          text('online_url', { length: 500, nullable: true }),
          text('location', { length: 300, nullable: true }),
          int('capacity', { nullable: true }),
        ],
        foreignKeys: [
          {
            columnNames: ['study_id'],
            referencedTableName: 'study',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [{ name: 'ix_session_slot_study', columnNames: ['study_id', 'starts_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'respondent',
        columns: [
          id(),
          fk('study_id'),
          fk('organisation_id', { nullable: true }),
          text('first_name', { length: 200, nullable: true }),
          text('email', { length: 254, nullable: true }),
          text('phone', { length: 40, nullable: true }),
          text('contact_preference', { length: 20, nullable: true }),
          text('gender', { length: 1, nullable: true }),
          text('age', { length: 20, nullable: true }),
          int('age_min', { nullable: true }),
          int('age_max', { nullable: true }),
          text('education', { length: 20, nullable: true }),
          text('digital_comfort', { length: 20, nullable: true }),
          text('quadrant', { length: 30, nullable: true }),
          text('availability', { nullable: true }),
          text('status', { length: 20 }),
          text('status_reason', { length: 200, nullable: true }),
          text('source', { length: 20 }),
          text('consent_version', { length: 40, nullable: true }),
          timestamp(q, 'consented_at', { nullable: true }),
          timestamp(q, 'screened_at'),
          timestamp(q, 'erased_at', { nullable: true }),
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
        indices: [
          { name: 'ix_respondent_bucket', columnNames: ['study_id', 'organisation_id', 'quadrant', 'status'] },
          { name: 'ix_respondent_email', columnNames: ['study_id', 'email'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_event',
        columns: [
          id(),
          timestamp(q, 'occurred_at', { defaultNow: true }),
          fk('actor_id', { nullable: true }),
          text('actor_email', { length: 254, nullable: true }),
          text('action', { length: 100 }),
          fk('study_id', { nullable: true }),
          text('subject_type', { length: 50, nullable: true }),
          text('subject_id', { length: 100, nullable: true }),
          text('details', { nullable: true }),
        ],
        indices: [{ name: 'ix_audit_event_study', columnNames: ['study_id', 'occurred_at'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_event',
      'respondent',
      'session_slot',
      'study_organisation',
      'study',
      'login_attempt',
      'login_session',
      'user',
      'organisation',
    ]) {
      await q.dropTable(table);
    }
  }
}
