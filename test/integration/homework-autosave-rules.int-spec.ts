import { hashToken } from '../../src/common/tokens';
import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { canEdit, linkClosedReason } from '../../src/homework/homework-rules';
import { HomeworkRepository } from '../../src/homework/homework.repository';
import { HomeworkService } from '../../src/homework/homework.service';
import { Respondent } from '../../src/respondents/respondent.entity';
import { Study, STUDY_STATUSES } from '../../src/studies/study.entity';
import { createScheduledGroup, credentialsOf } from '../support/homework-factories';
import { createTestApp, TestApp } from '../support/test-app';

// Autosave decides in SQL whether a link may still change its answers (one statement instead of a lookup and a
// write). Every combination of the states involved must come out as the rules of homework-rules.ts say.
describe('autosave in one statement follows the homework rules', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('saves exactly when the link opens, the answers may change and the revision is the newest', async () => {
    const fx = await createScheduledGroup(t.dataSource, { members: 1 });
    await t.app.get(HomeworkService).sendForGroup(fx.study.slug, fx.group.id, null);
    const { token, assignment } = await credentialsOf(t, fx.members[0].id);
    const repo = t.app.get(HomeworkRepository);
    const now = new Date('2026-11-23T12:00:00.000Z');
    const past = new Date(now.getTime() - 1);
    const future = new Date(now.getTime() + 1);
    const respondents = [
      { status: 'confirmed', erasedAt: null },
      { status: 'declined', erasedAt: null },
      { status: 'confirmed', erasedAt: past },
      { status: 'erased', erasedAt: past },
    ] as const;
    let checked = 0;
    for (const studyStatus of STUDY_STATUSES) {
      for (const respondent of respondents) {
        for (const submittedAt of [null, past]) {
          for (const deadline of [past, now, future]) {
            for (const revisionMatches of [true, false]) {
              await t.dataSource.getRepository(Study).update(fx.study.id, { status: studyStatus });
              await t.dataSource
                .getRepository(Respondent)
                .update(fx.members[0].id, { status: respondent.status, erasedAt: respondent.erasedAt });
              await t.dataSource.getRepository(HomeworkAssignment).update(assignment.id, { submittedAt, deadline });
              const before = await t.dataSource
                .getRepository(HomeworkAssignment)
                .findOneByOrFail({ id: assignment.id });
              const expected =
                linkClosedReason({ status: studyStatus }, respondent) === null &&
                canEdit({ ...before, submittedAt, deadline }, now) &&
                revisionMatches;
              const saved = await repo.saveDraftIfEditable(
                'tokenHash',
                hashToken(token),
                before.revision + (revisionMatches ? 0 : 1),
                { firstName: `case ${checked}` },
                null,
                now,
              );
              const after = await t.dataSource.getRepository(HomeworkAssignment).findOneByOrFail({ id: assignment.id });
              expect({ studyStatus, respondent, submittedAt, deadline, revisionMatches, saved }).toEqual({
                studyStatus,
                respondent,
                submittedAt,
                deadline,
                revisionMatches,
                saved: expected,
              });
              expect(after.revision).toBe(before.revision + (expected ? 1 : 0));
              if (expected) expect(after.draft).toEqual({ firstName: `case ${checked}` });
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBe(STUDY_STATUSES.length * respondents.length * 2 * 3 * 2);
  });
});
