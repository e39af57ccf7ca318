import type { AuthUser } from '../../src/auth/auth-user';
import { FocusGroup } from '../../src/groups/group.entity';
import { ScheduledSession } from '../../src/scheduling/session.entity';
import { StudiesService } from '../../src/studies/studies.service';
import { GroupDissolutionService } from '../../src/study-flow/group-dissolution.service';
import { SlotRemovalService } from '../../src/study-flow/slot-removal.service';
import { createUser } from '../support/factories';
import { createScheduledGroup } from '../support/homework-factories';
import { createTestApp, TestApp } from '../support/test-app';

describe('a scheduled group keeps its session', () => {
  let t: TestApp;
  let actor: AuthUser;

  beforeAll(async () => {
    t = await createTestApp();
    const u = await createUser(t.dataSource);
    actor = { id: u.id, email: u.email, name: u.name, role: u.role, organisationId: null };
  });
  afterAll(() => t.close());

  it('refuses to dissolve a group with a scheduled session, and allows it once the session is cancelled', async () => {
    const fx = await createScheduledGroup(t.dataSource);
    await expect(t.app.get(GroupDissolutionService).dissolve(fx.group.id, actor)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'group.scheduled',
    });
    expect(await t.dataSource.getRepository(FocusGroup).countBy({ id: fx.group.id })).toBe(1);
    await t.dataSource.getRepository(ScheduledSession).update({ id: fx.session.id }, { status: 'cancelled' });
    await expect(t.app.get(GroupDissolutionService).dissolve(fx.group.id, actor)).resolves.toMatchObject({
      dissolved: fx.group.id,
    });
  });

  it('refuses to remove a slot a session uses, with a 409 instead of a database error', async () => {
    const fx = await createScheduledGroup(t.dataSource);
    await expect(t.app.get(SlotRemovalService).remove(fx.study.slug, fx.session.slotId, actor)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'study.slot_in_use',
    });
    expect((await t.app.get(StudiesService).detail(fx.study.slug)).slots).toHaveLength(1);
  });

  it("answers the groups module's own refusal first: a locked group is refused as locked, session or not", async () => {
    const fx = await createScheduledGroup(t.dataSource);
    await t.dataSource.getRepository(FocusGroup).update({ id: fx.group.id }, { status: 'locked' });
    await expect(t.app.get(GroupDissolutionService).dissolve(fx.group.id, actor)).rejects.toMatchObject({
      code: 'group.locked',
    });
  });
});
