import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { answersOutline, OUTLINE_VERSION } from '../../src/homework/answers-outline';
import { HomeworkQueryService } from '../../src/homework/homework-query.service';
import { HomeworkRepository } from '../../src/homework/homework.repository';
import { HomeworkService } from '../../src/homework/homework.service';
import { createScheduledGroup } from '../support/homework-factories';
import { createTestApp, TestApp } from '../support/test-app';

describe(HomeworkQueryService.name, () => {
  let t: TestApp;
  let query: HomeworkQueryService;

  beforeAll(async () => {
    t = await createTestApp();
    query = t.app.get(HomeworkQueryService);
  });
  afterAll(() => t.close());

  it('gives the sent homework of a study with its answers and source, and the progress of every assignment', async () => {
    const fixture = await createScheduledGroup(t.dataSource, { members: 4 });
    const other = await createScheduledGroup(t.dataSource, { members: 1 });
    await t.app.get(HomeworkService).sendForGroup(fixture.study.slug, fixture.group.id, null);
    await t.app.get(HomeworkService).sendForGroup(other.study.slug, other.group.id, null);
    const rows = t.dataSource.getRepository(HomeworkAssignment);
    const [online, paper, imported, open] = await Promise.all(
      fixture.members.map((m) => rows.findOneByOrFail({ respondentId: m.id })),
    );
    const at = new Date('2026-11-02T10:00:00.000Z');
    await rows.update(online.id, { submitted: { q1: 'online' }, submittedAt: at, answerSource: 'online', revision: 3 });
    await rows.update(paper.id, { submitted: { q1: 'paper' }, submittedAt: at, enteredFromPaper: true, late: true });
    await rows.update(imported.id, { submitted: { q1: 'file' }, submittedAt: at, answerSource: 'import' });
    await rows.update(open.id, { draft: { q1: 'typing' }, revision: 2 });
    await rows.update({ respondentId: other.members[0].id }, { submitted: { q1: 'x' }, submittedAt: at });

    const submitted = await query.submittedOfStudy(fixture.study.id);
    expect(submitted).toEqual([
      expect.objectContaining({ assignmentId: online.id, respondentId: online.respondentId, source: 'online' }),
      expect.objectContaining({ assignmentId: paper.id, answers: { q1: 'paper' }, source: 'paper', late: true }),
      expect.objectContaining({ assignmentId: imported.id, answers: { q1: 'file' }, source: 'import', late: false }),
    ]);
    expect(submitted[0]).toEqual({
      assignmentId: online.id,
      respondentId: online.respondentId,
      groupId: fixture.group.id,
      answers: { q1: 'online' },
      submittedAt: at,
      source: 'online',
      late: false,
    });

    const progress = await query.progressOfStudy(fixture.study.id);
    expect(progress.map((p) => p.id)).toEqual([online.id, paper.id, imported.id, open.id]);
    expect(progress[3]).toMatchObject({ revision: 2, submittedAt: null, respondentId: open.respondentId });
    expect(progress[3]).not.toHaveProperty('draft');
    expect(await query.progressOf(paper.respondentId)).toMatchObject({ id: paper.id, enteredFromPaper: true });
    expect(await query.progressOf(-1)).toBeNull();
  });

  it('gives the outlines of the sent homework: stored when sent, else made from the answers, never with their text', async () => {
    const fixture = await createScheduledGroup(t.dataSource, { members: 4 });
    await t.app.get(HomeworkService).sendForGroup(fixture.study.slug, fixture.group.id, null);
    const rows = t.dataSource.getRepository(HomeworkAssignment);
    const [sent, before, stale, erased] = await Promise.all(
      fixture.members.map((m) => rows.findOneByOrFail({ respondentId: m.id })),
    );
    const answers = (goal: string) => ({ goal, goalRating: 'positief', channels: ['telefoon'], contactWhat: ' ' });
    const now = new Date('2026-11-02T10:00:00.000Z');
    const changes = { now, late: false, source: 'online' as const, paperEnteredBy: null };
    const repository = t.app.get(HomeworkRepository);
    await repository.submit(sent.id, sent.revision, answers('sent with its outline'), changes);
    await repository.submit(erased.id, erased.revision, answers('erased afterwards'), changes);
    await repository.erase(erased.respondentId, now);
    // Sent before outlines were stored, and stored by another version (whose outline is not to be trusted).
    await rows.update(before.id, { submitted: answers('sent before'), submittedAt: now });
    await rows.update(stale.id, {
      submitted: answers('stale'),
      submittedAt: now,
      submittedOutline: { v: OUTLINE_VERSION + 1, choices: {}, answered: ['contactWhat'] },
    });

    const stored = await rows.findOneByOrFail({ id: sent.id });
    expect(stored.submittedOutline).toEqual({ v: OUTLINE_VERSION, ...answersOutline(answers('x')) });
    expect(JSON.stringify(stored.submittedOutline)).not.toContain('sent with');
    expect((await rows.findOneByOrFail({ id: erased.id })).submittedOutline).toBeNull();

    const outline = { choices: { goalRating: 'positief', channels: ['telefoon'] }, answered: ['goal'] };
    expect(await query.sentOutlinesOfStudy(fixture.study.id)).toEqual([
      { assignmentId: sent.id, respondentId: sent.respondentId, ...outline },
      { assignmentId: before.id, respondentId: before.respondentId, ...outline },
      { assignmentId: stale.id, respondentId: stale.respondentId, ...outline },
    ]);
    const full = await query.sentAnswersOf(fixture.study.id, [stale.id, erased.id, -1]);
    expect(full).toEqual([{ assignmentId: stale.id, respondentId: stale.respondentId, answers: answers('stale') }]);
  });
});
