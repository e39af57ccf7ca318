import { AuditEvent } from '../../src/audit/audit-event.entity';
import { createTestApp, TestApp } from '../support/test-app';

describe('overlapping transactions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("one transaction's rollback never undoes another's committed work", async () => {
    const repo = () => t.dataSource.getRepository(AuditEvent);
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const committed = t.dataSource.transaction(async (m) => {
      await m.getRepository(AuditEvent).save({ occurredAt: new Date(), action: 'test.committed', actorId: null, actorEmail: null, studyId: null, subjectType: null, subjectId: null, details: null });
      await wait(30);
    });
    const failed = t.dataSource.transaction(async (m) => {
      await wait(10);
      await m.getRepository(AuditEvent).save({ occurredAt: new Date(), action: 'test.rolled_back', actorId: null, actorEmail: null, studyId: null, subjectType: null, subjectId: null, details: null });
      throw new Error('roll back');
    });
    await committed;
    await expect(failed).rejects.toThrow('roll back');
    expect(await repo().countBy({ action: 'test.committed' })).toBe(1);
    expect(await repo().countBy({ action: 'test.rolled_back' })).toBe(0);
  });

  it('a transaction opened inside another still runs (no deadlock)', async () => {
    const result = await t.dataSource.transaction(async () => t.dataSource.transaction(async () => 'inner done'));
    expect(result).toBe('inner done');
  });
});
