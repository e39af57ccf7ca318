import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, fk, id, int, text, timestamp } from './columns.v1';

/**
 * Moderators (researcher accounts per study, with the slots they can do and their limits), scheduled sessions
 * (one per group), respondents' invitations with hashed confirm/decline tokens, and moderators' private feed tokens.
 * Sessions point at users, not moderator rows: one person's sessions across studies must not overlap.
 */
export class Scheduling1795433500000 implements MigrationInterface {
  name = 'Scheduling1795433500000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'moderator',
        columns: [
          id(),
          fk('study_id'),
          fk('user_id'),
          bool('active', true),
          int('max_per_day', { default: 2 }),
          int('min_rest_minutes', { default: 30 }),
          timestamp(q, 'created_at', { defaultNow: true }),
          timestamp(q, 'updated_at', { defaultNow: true }),
        ],
        uniques: [{ name: 'uq_moderator_study_user', columnNames: ['study_id', 'user_id'] }],
        foreignKeys: [
          {
            columnNames: ['study_id'],
            referencedTableName: 'study',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          { columnNames: ['user_id'], referencedTableName: 'user', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        checks: [{ name: 'ck_moderator_limits', expression: 'max_per_day >= 1 AND min_rest_minutes >= 0' }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'moderator_slot',
        columns: [id(), fk('moderator_id'), fk('slot_id')],
        uniques: [{ name: 'uq_moderator_slot', columnNames: ['moderator_id', 'slot_id'] }],
        foreignKeys: [
          {
            columnNames: ['moderator_id'],
            referencedTableName: 'moderator',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['slot_id'],
            referencedTableName: 'session_slot',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'moderator_feed',
        columns: [
          id(),
          fk('user_id'),
          text('token_hash', { length: 64 }),
          timestamp(q, 'created_at', { defaultNow: true }),
        ],
        uniques: [
          { name: 'uq_moderator_feed_user', columnNames: ['user_id'] },
          { name: 'uq_moderator_feed_token', columnNames: ['token_hash'] },
        ],
        foreignKeys: [
          { columnNames: ['user_id'], referencedTableName: 'user', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'scheduled_session',
        columns: [
          id(),
          fk('study_id'),
          fk('group_id'),
          fk('slot_id'),
          fk('lead_moderator_id'),
          fk('note_moderator_id'),
          timestamp(q, 'starts_at'),
          timestamp(q, 'ends_at'),
          int('sequence', { default: 0 }),
          text('status', { length: 20, default: 'scheduled' }),
          timestamp(q, 'invited_at', { nullable: true }),
          fk('invited_lead_id', { nullable: true }),
          fk('invited_note_id', { nullable: true }),
          timestamp(q, 'created_at', { defaultNow: true }),
          timestamp(q, 'updated_at', { defaultNow: true }),
        ],
        uniques: [{ name: 'uq_scheduled_session_group', columnNames: ['group_id'] }],
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
          // A slot with a session cannot be removed: the session must be moved or cancelled first.
          { columnNames: ['slot_id'], referencedTableName: 'session_slot', referencedColumnNames: ['id'] },
          { columnNames: ['lead_moderator_id'], referencedTableName: 'user', referencedColumnNames: ['id'] },
          { columnNames: ['note_moderator_id'], referencedTableName: 'user', referencedColumnNames: ['id'] },
        ],
        indices: [
          { name: 'ix_scheduled_session_study', columnNames: ['study_id', 'status'] },
          { name: 'ix_scheduled_session_lead', columnNames: ['lead_moderator_id'] },
          { name: 'ix_scheduled_session_note', columnNames: ['note_moderator_id'] },
        ],
        checks: [
          { name: 'ck_scheduled_session_status', expression: "status IN ('scheduled', 'cancelled')" },
          { name: 'ck_scheduled_session_two_moderators', expression: 'lead_moderator_id <> note_moderator_id' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'invitation',
        columns: [
          id(),
          fk('study_id'),
          fk('session_id'),
          fk('respondent_id'),
          text('token_hash', { length: 64 }),
          text('status', { length: 20, default: 'sent' }),
          int('sequence', { default: 0 }),
          timestamp(q, 'sent_at'),
          timestamp(q, 'responded_at', { nullable: true }),
        ],
        uniques: [
          { name: 'uq_invitation_session_respondent', columnNames: ['session_id', 'respondent_id'] },
          { name: 'uq_invitation_token', columnNames: ['token_hash'] },
        ],
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
        checks: [
          { name: 'ck_invitation_status', expression: "status IN ('sent', 'confirmed', 'declined', 'cancelled')" },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('invitation');
    await q.dropTable('scheduled_session');
    await q.dropTable('moderator_feed');
    await q.dropTable('moderator_slot');
    await q.dropTable('moderator');
  }
}
