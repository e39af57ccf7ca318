import type { QueryRunner } from 'typeorm';
import { ScheduledSession } from '../../src/scheduling/session.entity';
import { SessionSlot } from '../../src/studies/session-slot.entity';
import { createStudy, createUser } from '../support/factories';
import { loginAgent } from '../support/http';
import { createGroupWithMembers, createModerator, createSession, createSlot } from '../support/scheduling-factories';
import { createTestApp, TestApp } from '../support/test-app';
import { isPostgresRun } from '../support/test-database';

// Removing a slot and moving a session into it, sent at the same time, end consistent: either the slot is gone and
// the move is refused as about a slot that does not exist, or the session is in the slot and the removal is refused
// as about a slot in use. Never a database error, never a session in a deleted slot.
//
// On PostgreSQL the test forces the dangerous order: another connection holds the slot's row, so the removal stops
// at its DELETE after it has counted no session in the slot; the move is sent only then. Without the study lock the
// move takes as well, it saved the session in the slot meanwhile and the DELETE then broke the foreign key (a 500).
// SQLite runs one transaction at a time (database/sqlite-transactions.ts): there is no order to force there, and the
// two requests simply run one after the other.
describe('removing a slot while a session is moved into it', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  /** Postgres: holds the slot's row so a DELETE of it waits, while a foreign-key check on it (KEY SHARE) does not. */
  async function holdSlotRow(slotId: number): Promise<QueryRunner | null> {
    if (!isPostgresRun()) return null;
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT id FROM session_slot WHERE id = $1 FOR NO KEY UPDATE', [slotId]);
    return holder;
  }

  /** Postgres: resolves once `count` statements of this database wait for a lock, or `settled` says one finished. */
  async function waitingForLocks(count: number, settled: () => boolean): Promise<void> {
    if (!isPostgresRun()) return;
    for (let i = 0; i < 500; i++) {
      const [{ n }] = await t.dataSource.query<{ n: string }[]>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      if (Number(n) >= count || settled()) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`Fewer than ${count} statements came to wait for a lock.`);
  }

  it('ends with the slot gone and the session where it was, or the session moved and the slot kept', async () => {
    const researcher = await createUser(t.dataSource, { role: 'researcher' });
    const { agent, csrf } = await loginAgent(t.app, researcher.email, researcher.password);
    const { study, organisations } = await createStudy(t.dataSource, { slug: 'race' }, { organisations: ['RET'] });
    const [here, there] = [
      await createSlot(t.dataSource, study.id, new Date('2037-12-14T09:00:00Z')),
      await createSlot(t.dataSource, study.id, new Date('2037-12-15T09:00:00Z')),
    ];
    const lead = await createModerator(t.dataSource, study.id, [here.id, there.id], { name: 'Anna' });
    const note = await createModerator(t.dataSource, study.id, [here.id, there.id], { name: 'Bram' });
    const { group } = await createGroupWithMembers(t.dataSource, study.id, organisations[0].id);
    const session = await createSession(t.dataSource, { studyId: study.id, groupId: group.id, slot: here, lead, note });

    const holder = await holdSlotRow(there.id);
    let removalDone = false;
    const removal = agent
      .delete(`/api/studies/${study.slug}/slots/${there.id}`)
      .set('x-csrf-token', csrf)
      .then((res) => ((removalDone = true), res));
    await waitingForLocks(1, () => removalDone);
    let moveDone = false;
    const move = agent
      .patch(`/api/studies/${study.slug}/sessions/${session.id}`)
      .set('x-csrf-token', csrf)
      .send({ slotId: there.id })
      .then((res) => ((moveDone = true), res));
    // The move either waits behind the removal (the study's lock) or, without it, runs to its end.
    await waitingForLocks(2, () => moveDone);
    await holder?.rollbackTransaction();
    await holder?.release();
    const [removed, moved] = await Promise.all([removal, move]);

    const slotKept = await t.dataSource.getRepository(SessionSlot).existsBy({ id: there.id });
    const { slotId } = await t.dataSource.getRepository(ScheduledSession).findOneByOrFail({ id: session.id });
    const outcome = { removal: removed.status, move: moved.status, slotKept, sessionIn: slotId };
    const removalFirst = { removal: 204, move: 404, slotKept: false, sessionIn: here.id };
    const moveFirst = { removal: 409, move: 200, slotKept: true, sessionIn: there.id };
    expect([removalFirst, moveFirst]).toContainEqual(outcome);
    if (outcome.move === 404) expect(moved.body.code).toBe('session_slot.not_found');
    else expect(removed.body.code).toBe('study.slot_in_use');
    // The order forced on PostgreSQL lets only the removal win.
    if (isPostgresRun()) expect(outcome).toEqual(removalFirst);
  });
});
