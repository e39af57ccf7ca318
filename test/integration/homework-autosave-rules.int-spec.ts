import { hashToken } from '../../src/common/tokens';
import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { HomeworkClosedStudy } from '../../src/homework/homework-closed-study.entity';
import { canEdit, linkClosedReason } from '../../src/homework/homework-rules';
import { HomeworkRepository } from '../../src/homework/homework.repository';
import { HomeworkService } from '../../src/homework/homework.service';
import { createScheduledGroup, credentialsOf } from '../support/homework-factories';
import { createTestApp, TestApp } from '../support/test-app';

// Autosave decides in SQL whether a link may still change its answers (one statement instead of a lookup and a
// write). Every combination of the states involved must come out as the rules of homework-rules.ts say. Those
// states are homework's own: the assignment's erasure and the study's closing as homework recorded them.
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
    const closedStudies = t.dataSource.getRepository(HomeworkClosedStudy);
    // Another closed study must not close this one's links.
    await closedStudies.save({
      studyId: (await createScheduledGroup(t.dataSource, { members: 1 })).study.id,
      closedAt: past,
    });
    let checked = 0;
    for (const studyClosed of [false, true]) {
      for (const erasedAt of [null, past]) {
        for (const submittedAt of [null, past]) {
          for (const deadline of [past, now, future]) {
            for (const revisionMatches of [true, false]) {
              if (studyClosed) await closedStudies.save({ studyId: fx.study.id, closedAt: past });
              else await closedStudies.delete({ studyId: fx.study.id });
              await t.dataSource
                .getRepository(HomeworkAssignment)
                .update(assignment.id, { submittedAt, deadline, erasedAt });
              const before = await t.dataSource
                .getRepository(HomeworkAssignment)
                .findOneByOrFail({ id: assignment.id });
              const expected =
                linkClosedReason({ erasedAt, studyClosed }) === null &&
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
              expect({ studyClosed, erasedAt, submittedAt, deadline, revisionMatches, saved }).toEqual({
                studyClosed,
                erasedAt,
                submittedAt,
                deadline,
                revisionMatches,
                saved: expected,
              });
              expect(after.revision).toBe(before.revision + (expected ? 1 : 0));
              // The lookup that says why a save was refused reads the same states.
              const lookup = (await repo.findLinkState('tokenHash', hashToken(token)))!;
              expect(linkClosedReason({ erasedAt: lookup.assignment.erasedAt, studyClosed: lookup.studyClosed })).toBe(
                linkClosedReason({ erasedAt, studyClosed }),
              );
              if (expected) expect(after.draft).toEqual({ firstName: `case ${checked}` });
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBe(2 * 2 * 2 * 3 * 2);
  });
});
