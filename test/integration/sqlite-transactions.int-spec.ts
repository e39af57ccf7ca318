import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { createTestApp, TestApp } from '../support/test-app';

// Ambient transactions of two concurrent requests: on SQLite (one connection) they must run one after another.
describe('overlapping transactions', () => {
  let t: TestApp;
  let txHost: TransactionHost<TransactionalAdapterTypeOrm>;
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const event = (action: string) => ({
    occurredAt: new Date(),
    action,
    actorId: null,
    actorEmail: null,
    studyId: null,
    subjectType: null,
    subjectId: null,
    details: null,
  });

  beforeAll(async () => {
    t = await createTestApp();
    txHost = t.app.get(TransactionHost);
  });
  afterAll(() => t.close());

  it("one transaction's rollback never undoes another's committed work", async () => {
    const repo = () => t.dataSource.getRepository(AuditEvent);
    const committed = txHost.withTransaction(async () => {
      await txHost.tx.getRepository(AuditEvent).save(event('test.committed'));
      await wait(30);
    });
    const failed = txHost.withTransaction(async () => {
      await wait(10);
      await txHost.tx.getRepository(AuditEvent).save(event('test.rolled_back'));
      throw new Error('roll back');
    });
    await committed;
    await expect(failed).rejects.toThrow('roll back');
    expect(await repo().countBy({ action: 'test.committed' })).toBe(1);
    expect(await repo().countBy({ action: 'test.rolled_back' })).toBe(0);
  });

  it('a statement from outside an open transaction waits for it: it neither reads the unfinished work nor goes with the rollback', async () => {
    const repo = () => t.dataSource.getRepository(AuditEvent);
    let open!: () => void;
    const opened = new Promise<void>((r) => (open = r));
    const failed = txHost.withTransaction(async () => {
      await txHost.tx.getRepository(AuditEvent).save(event('test.unfinished'));
      open();
      await wait(30);
      throw new Error('roll back');
    });
    await opened;
    const [seen, written] = await Promise.all([
      repo().countBy({ action: 'test.unfinished' }),
      repo().save(event('test.outside')),
    ]);
    await expect(failed).rejects.toThrow('roll back');
    expect(seen).toBe(0);
    expect(await repo().countBy({ action: 'test.outside', id: written.id })).toBe(1);
  });

  it('a unit of work called inside another joins it (no deadlock) and is undone with it', async () => {
    const result = await txHost.withTransaction(() => txHost.withTransaction(() => Promise.resolve('inner done')));
    expect(result).toBe('inner done');
    const outer = txHost.withTransaction(async () => {
      await txHost.withTransaction(() => txHost.tx.getRepository(AuditEvent).save(event('test.inner')));
      throw new Error('outer fails');
    });
    await expect(outer).rejects.toThrow('outer fails');
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'test.inner' })).toBe(0);
  });
});
