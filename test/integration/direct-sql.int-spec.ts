import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { DirectSql } from '../../src/database/direct-sql';
import { createTestApp, TestApp } from '../support/test-app';

// Runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL: the same `?` statements on both.
describe('DirectSql', () => {
  let t: TestApp;
  let sql: DirectSql;
  const insert = 'INSERT INTO audit_event (occurred_at, action, details) VALUES (?, ?, NULL)';

  beforeAll(async () => {
    t = await createTestApp();
    sql = t.app.get(DirectSql);
  });
  afterAll(() => t.close());

  it('reads and writes with ? placeholders on either database, and counts the changed rows', async () => {
    expect(await sql.run(insert, ['2026-11-23 10:00:00.000', 'direct.one'])).toBe(1);
    expect(await sql.run(insert, ['2026-11-23 10:00:01.000', 'direct.one'])).toBe(1);
    const row = await sql.get('SELECT COUNT(*) AS n FROM audit_event WHERE action = ? AND occurred_at >= ?', [
      'direct.one',
      '2026-11-23 10:00:00.000',
    ]);
    expect(Number(row!.n)).toBe(2);
    expect(await sql.run('UPDATE audit_event SET action = ? WHERE action = ?', ['direct.two', 'direct.one'])).toBe(2);
    expect(await sql.run('UPDATE audit_event SET action = ? WHERE action = ?', ['direct.two', 'direct.none'])).toBe(0);
    expect(await sql.get('SELECT id FROM audit_event WHERE action = ?', ['direct.none'])).toBeUndefined();
  });

  it("waits for another request's open transaction, so that transaction's rollback cannot take the write with it", async () => {
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const txHost = t.app.get<TransactionHost<TransactionalAdapterTypeOrm>>(TransactionHost);
    const failed = txHost.withTransaction(async () => {
      await txHost.tx.getRepository(AuditEvent).save({
        occurredAt: new Date(),
        action: 'direct.rolled_back',
        actorId: null,
        actorEmail: null,
        studyId: null,
        subjectType: null,
        subjectId: null,
        details: null,
      });
      await wait(30);
      throw new Error('roll back');
    });
    await wait(5); // the transaction above is open now
    const written = sql.run(insert, ['2026-11-23 11:00:00.000', 'direct.survives']);
    await expect(failed).rejects.toThrow('roll back');
    expect(await written).toBe(1);
    const count = async (action: string) =>
      Number((await sql.get('SELECT COUNT(*) AS n FROM audit_event WHERE action = ?', [action]))!.n);
    expect(await count('direct.survives')).toBe(1);
    expect(await count('direct.rolled_back')).toBe(0);
  });
});
