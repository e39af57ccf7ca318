import { MigrationInterface, QueryRunner, TableForeignKey, TableIndex } from 'typeorm';

/**
 * A quote linked as an action's evidence points at its coding: the evidence row goes with the coding, so a quote
 * of an erased respondent (whose codings erasure removes) never outlives them in the register.
 */
export class ActionQuoteEvidence1795441400000 implements MigrationInterface {
  name = 'ActionQuoteEvidence1795441400000';

  async up(q: QueryRunner): Promise<void> {
    // Before this migration nothing could store a quote through the API; a stray row would block the key.
    await q.query("DELETE FROM action_evidence WHERE kind = 'quote' AND coding_id NOT IN (SELECT id FROM coding)");
    await q.createForeignKey(
      'action_evidence',
      new TableForeignKey({
        columnNames: ['coding_id'],
        referencedTableName: 'coding',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      }),
    );
    // Removing a coding looks up the evidence that quotes it.
    await q.createIndex(
      'action_evidence',
      new TableIndex({ name: 'ix_action_evidence_coding', columnNames: ['coding_id'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('action_evidence', 'ix_action_evidence_coding');
    // SQLite keeps no constraint names: find the key by its column.
    const table = await q.getTable('action_evidence');
    const key = table?.foreignKeys.find((k) => k.columnNames.includes('coding_id'));
    if (key) await q.dropForeignKey('action_evidence', key);
  }
}
