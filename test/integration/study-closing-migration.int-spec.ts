import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { StudyClosingRecords1795441440000 } from '../../migrations/1795441440000-StudyClosingRecords';
import { HomeworkAssignment, newAssignment } from '../../src/homework/homework-assignment.entity';
import { Respondent } from '../../src/respondents/respondent.entity';
import { Study } from '../../src/studies/study.entity';
import { createScheduledGroup, HomeworkFixture } from '../support/homework-factories';
import { openAppDataSource, resetDatabase, testDatabaseConfig } from '../support/test-database';

// Mail and homework used to read the study's status and the respondent's erasure themselves; now they keep their
// own record. A database upgraded with closed studies and erased respondents in it must behave as before.
describe(StudyClosingRecords1795441440000.name, () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openAppDataSource(testDatabaseConfig(), { migrate: false });
    await resetDatabase(ds);
  });

  afterAll(async () => {
    await ds.runMigrations({ transaction: 'all' });
    await ds.destroy();
  });

  const undoThroughIt = async () => {
    const steps = MIGRATIONS.length - MIGRATIONS.indexOf(StudyClosingRecords1795441440000);
    for (let i = 0; i < steps; i++) await ds.undoLastMigration({ transaction: 'all' });
  };

  const assign = (fx: HomeworkFixture, i: number) =>
    ds.getRepository(HomeworkAssignment).save(
      newAssignment({
        studyId: fx.study.id,
        groupId: fx.group.id,
        respondentId: fx.members[i].id,
        sessionId: fx.session.id,
        sessionStartsAt: fx.session.startsAt,
        deadline: fx.session.startsAt,
        credentialNonce: `nonce-${fx.members[i].id}`,
        tokenHash: `token-${fx.members[i].id}`,
        codeHash: `code-${fx.members[i].id}`,
        locale: 'nl',
        letterSentAt: null,
        createdAt: new Date(),
      }),
    );

  it('carries closed studies and erased respondents over into the records of mail and homework', async () => {
    const closed = await createScheduledGroup(ds, { members: 2 });
    const open = await createScheduledGroup(ds, { members: 2 });
    const [erased, kept, erasedByStatus, plain] = [
      await assign(closed, 0),
      await assign(closed, 1),
      await assign(open, 0),
      await assign(open, 1),
    ];
    const erasedAt = new Date('2026-10-01T08:00:00.000Z');
    await ds.getRepository(Study).update(closed.study.id, { status: 'closed' });
    await ds.getRepository(Respondent).update(closed.members[0].id, { status: 'erased', erasedAt });
    // Only the status says so: still erased.
    await ds.getRepository(Respondent).update(open.members[0].id, { status: 'erased' });

    await undoThroughIt();
    await ds.runMigrations({ transaction: 'all' });

    const studyIds = async (table: string) =>
      (await ds.query<{ study_id: number }[]>(`SELECT study_id FROM ${table} ORDER BY study_id`)).map((r) =>
        Number(r.study_id),
      );
    expect(await studyIds('outbox_hold')).toEqual([closed.study.id]);
    expect(await studyIds('homework_closed_study')).toEqual([closed.study.id]);
    const after = async (id: number) => (await ds.getRepository(HomeworkAssignment).findOneByOrFail({ id })).erasedAt;
    expect(await after(erased.id)).toEqual(erasedAt);
    expect(await after(erasedByStatus.id)).toBeInstanceOf(Date);
    expect(await after(kept.id)).toBeNull();
    expect(await after(plain.id)).toBeNull();
  });
});
