import { AuditEvent } from '../../src/audit/audit-event.entity';
import type { AuthUser } from '../../src/auth/auth-user';
import { GroupMember } from '../../src/groups/group-member.entity';
import { FocusGroup } from '../../src/groups/group.entity';
import { GroupMembersService } from '../../src/groups/group-members.service';
import { GroupDissolverService } from '../../src/groups/group-dissolver.service';
import { GroupsService } from '../../src/groups/groups.service';
import { Respondent } from '../../src/respondents/respondent.entity';
import { createRespondent, createStudy, createUser, StudyFixture } from '../support/factories';
import { createBucket, MIXED, statusOf } from '../support/groups-factories';
import { createTestApp, TestApp } from '../support/test-app';

describe('groups on a real database', () => {
  let t: TestApp;
  let groups: GroupsService;
  let members: GroupMembersService;
  let actor: AuthUser;

  beforeAll(async () => {
    t = await createTestApp();
    groups = t.app.get(GroupsService);
    members = t.app.get(GroupMembersService);
    const u = await createUser(t.dataSource);
    actor = { id: u.id, email: u.email, name: u.name, role: u.role, organisationId: null };
  });
  afterAll(() => t.close());

  /** Two organisations; A has a full gemakzoeker bucket (3 + 1 reserve), B has two informatiezoekers only. */
  async function setup(
    settings: Partial<FocusGroupSettings> = {},
  ): Promise<StudyFixture & { a: number[]; b: number[] }> {
    const fx = await createStudy(t.dataSource, settings, {
      organisations: [`A ${Math.random()}`, `B ${Math.random()}`],
    });
    const [orgA, orgB] = fx.organisations;
    const a = await createBucket(t.dataSource, fx.study.id, orgA.id, 'gemakzoeker', [...MIXED, MIXED[0]]);
    const b = await createBucket(t.dataSource, fx.study.id, orgB.id, 'informatiezoeker', MIXED.slice(0, 2));
    return { ...fx, a: a.map((r) => r.id), b: b.map((r) => r.id) };
  }
  type FocusGroupSettings = {
    groupsPerQuadrant: number;
    reservesPerGroup: number;
    groupTargetSize: number;
    groupMaxSize: number;
  };

  it('saves proposed groups, marks members grouped (reserves stay eligible), reports shortfalls, and audits', async () => {
    const fx = await setup();
    const report = await groups.form(fx.study.slug, {}, actor);
    const [orgA, orgB] = fx.organisations.map((o) => o.name);
    const saved = report.groups.find((g) => g.organisation === orgA && g.quadrant === 'gemakzoeker')!;
    expect(saved).toMatchObject({ members: fx.a.slice(0, 3), reserves: [fx.a[3]], score: { total: 12 } });
    expect(saved.id).toEqual(expect.any(Number));
    expect(report.groups.find((g) => g.organisation === orgB)).toMatchObject({ members: fx.b, reserves: [] });
    expect(report.shortfalls).toContainEqual({ organisation: orgB, quadrant: 'gemakzoeker', candidates: 0, needed: 3 });
    expect(report.shortfalls).toContainEqual({
      organisation: orgB,
      quadrant: 'informatiezoeker',
      candidates: 2,
      needed: 3,
    });
    expect(report.shortfalls).toHaveLength(7);
    expect(await t.dataSource.getRepository(FocusGroup).countBy({ studyId: fx.study.id, status: 'proposed' })).toBe(2);
    expect(await statusOf(t.dataSource, fx.a[0])).toBe('grouped');
    expect(await statusOf(t.dataSource, fx.a[3])).toBe('eligible');
    const events = await t.dataSource.getRepository(AuditEvent).findBy({ action: 'group.form', studyId: fx.study.id });
    expect(events).toHaveLength(1);
    expect(events[0].details).toMatchObject({ created: report.groups.map((g) => g.id) });
  });

  it('a dry run shows the same proposal with null ids and saves nothing', async () => {
    const fx = await setup();
    const dry = await groups.form(fx.study.slug, { dryRun: true }, actor);
    expect(dry.groups.map((g) => g.id)).toEqual([null, null]);
    expect(await t.dataSource.getRepository(FocusGroup).countBy({ studyId: fx.study.id })).toBe(0);
    expect(await statusOf(t.dataSource, fx.a[0])).toBe('eligible');
    const saved = await groups.form(fx.study.slug, {}, actor);
    expect(saved.groups.map(({ id, ...rest }) => rest)).toEqual(dry.groups.map(({ id, ...rest }) => rest));
  });

  it('never takes ineligible or erased respondents, and names incomplete profiles', async () => {
    const fx = await setup();
    const [orgA] = fx.organisations;
    const ineligible = await createRespondent(t.dataSource, fx.study.id, orgA.id, {
      status: 'ineligible',
      quadrant: 'informatiezoeker',
    });
    const erased = await createRespondent(t.dataSource, fx.study.id, orgA.id, {
      status: 'erased',
      erasedAt: new Date(),
      quadrant: 'informatiezoeker',
    });
    const incomplete = await createRespondent(t.dataSource, fx.study.id, orgA.id, {
      education: null as never,
      quadrant: 'informatiezoeker',
    });
    const report = await groups.form(fx.study.slug, { dryRun: true }, actor);
    const everyone = [
      ...report.groups.flatMap((g) => [...g.members, ...g.reserves]),
      ...report.unplaced.map((u) => u.respondentId),
    ];
    expect(everyone).not.toContain(ineligible.id);
    expect(everyone).not.toContain(erased.id);
    expect(report.unplaced).toContainEqual({
      respondentId: incomplete.id,
      reason: expect.stringContaining('missing: education'),
    });
  });

  it('re-running keeps locked and confirmed groups, replaces proposed ones, and fills around the kept', async () => {
    const fx = await setup({ groupsPerQuadrant: 2, reservesPerGroup: 0 });
    const [orgA] = fx.organisations;
    const extra = await createBucket(t.dataSource, fx.study.id, orgA.id, 'gemakzoeker', MIXED);
    const first = await groups.form(fx.study.slug, {}, actor);
    const inA = first.groups.filter((g) => g.organisation === orgA.name);
    expect(inA).toHaveLength(2);
    await groups.lock(inA[0].id!, actor);
    const replacedId = first.groups.find((g) => g.organisation !== orgA.name)!.id!;
    const late = await createBucket(t.dataSource, fx.study.id, orgA.id, 'gemakzoeker', MIXED);
    await t.app.get(GroupDissolverService).dissolve(inA[1].id!, actor);
    const second = await groups.form(fx.study.slug, {}, actor);
    const kept = second.groups.find((g) => g.id === inA[0].id)!;
    expect(kept.members).toEqual(inA[0].members);
    expect(second.groups.filter((g) => g.organisation === orgA.name && g.quadrant === 'gemakzoeker')).toHaveLength(2);
    expect(second.groups.map((g) => g.id)).not.toContain(replacedId);
    expect(await t.dataSource.getRepository(FocusGroup).findOneBy({ id: replacedId })).toBeNull();
    const placed = new Set(second.groups.flatMap((g) => g.members));
    for (const id of kept.members) expect(await statusOf(t.dataSource, id)).toBe('grouped');
    expect([...extra, ...late].some((r) => placed.has(r.id))).toBe(true);
    // The members of the replaced group were grouped again (they are the only ones of their bucket).
    for (const id of fx.b) expect(await statusOf(t.dataSource, id)).toBe('grouped');
  });

  it('confirm, lock and unlock change the status; a locked group refuses every change', async () => {
    const fx = await setup();
    const report = await groups.form(fx.study.slug, {}, actor);
    const id = report.groups[0].id!;
    expect((await groups.confirm(id, actor)).status).toBe('confirmed');
    expect((await groups.lock(id, actor)).status).toBe('locked');
    await expect(members.remove(id, fx.a[0], actor)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'group.locked',
      message: expect.stringMatching(/locked\. Unlock it first/),
    });
    await expect(t.app.get(GroupDissolverService).dissolve(id, actor)).rejects.toMatchObject({ code: 'group.locked' });
    expect((await groups.unlock(id, actor)).status).toBe('confirmed');
    const kept = await groups.form(fx.study.slug, {}, actor);
    expect(kept.groups.map((g) => g.id)).toContain(id);
    const actions = (
      await t.dataSource.getRepository(AuditEvent).findBy({ studyId: fx.study.id, subjectId: String(id) })
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['group.confirm', 'group.lock', 'group.unlock']));
  });

  it('checks every manual change and says why it is refused', async () => {
    const fx = await setup({ groupMaxSize: 3 });
    const report = await groups.form(fx.study.slug, {}, actor);
    const [orgA] = fx.organisations;
    const ga = report.groups.find((g) => g.organisation === orgA.name)!.id!;
    const gb = report.groups.find((g) => g.organisation !== orgA.name)!.id!;
    await expect(members.move(ga, fx.a[0], { groupId: gb }, actor)).rejects.toMatchObject({
      kind: 'invalid',
      code: 'group.change_refused',
      message: expect.stringMatching(/one organisation and one quadrant/),
    });
    await expect(members.promote(ga, fx.a[3], undefined, actor)).rejects.toMatchObject({
      message: expect.stringMatching(/4 members; the study allows at most 3/),
    });
    await expect(members.remove(gb, fx.b[0], actor)).rejects.toMatchObject({
      message: expect.stringMatching(/needs at least 2\. Add someone first, or dissolve the group/),
    });
    const newcomer = await createRespondent(t.dataSource, fx.study.id, orgA.id, {
      quadrant: 'gemakzoeker',
      availability: [fx.slots[1].id],
    });
    // After this the members can only meet in the first slot, and the newcomer only in the second.
    await t.dataSource.getRepository(Respondent).update({ id: fx.a[1] }, { availability: [fx.slots[0].id] });
    await expect(members.swap(ga, fx.a[2], newcomer.id, actor)).rejects.toMatchObject({
      message: expect.stringMatching(/share no session slot/),
    });
    expect(await statusOf(t.dataSource, newcomer.id)).toBe('eligible');
  });

  it('moves, swaps and promotes with the statuses following the role, and audits each change', async () => {
    const fx = await setup();
    const report = await groups.form(fx.study.slug, {}, actor);
    const ga = report.groups.find((g) => g.organisation === fx.organisations[0].name)!.id!;
    const [r1, , , reserve] = fx.a;
    const promoted = await members.promote(ga, reserve, r1, actor);
    expect(promoted[0].members.map((m) => m.respondentId)).toEqual([reserve, fx.a[1], fx.a[2]]);
    expect(promoted[0].reserves.map((m) => m.respondentId)).toEqual([r1]);
    expect(await statusOf(t.dataSource, reserve)).toBe('grouped');
    expect(await statusOf(t.dataSource, r1)).toBe('eligible');
    const moved = await members.move(ga, r1, { groupId: ga, role: 'member' }, actor);
    expect(moved[0].members).toHaveLength(4);
    await members.remove(ga, r1, actor);
    expect(await statusOf(t.dataSource, r1)).toBe('eligible');
    const added = await members.add(ga, r1, 'reserve', actor);
    expect(added[0].reserves.map((m) => m.respondentId)).toEqual([r1]);
    const actions = (await t.dataSource.getRepository(AuditEvent).findBy({ studyId: fx.study.id })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['group.reserve_promote', 'group.member_move', 'group.member_remove', 'group.member_add']),
    );
  });

  it('dissolving returns the members to eligible and keeps the trace in the audit log', async () => {
    const fx = await setup();
    const report = await groups.form(fx.study.slug, {}, actor);
    const id = report.groups[0].id!;
    await t.app.get(GroupDissolverService).dissolve(id, actor);
    expect(await t.dataSource.getRepository(FocusGroup).findOneBy({ id })).toBeNull();
    for (const r of report.groups[0].members) expect(await statusOf(t.dataSource, r)).toBe('eligible');
    const [event] = await t.dataSource
      .getRepository(AuditEvent)
      .findBy({ action: 'group.dissolve', subjectId: String(id) });
    expect(event.details).toMatchObject({ members: report.groups[0].members });
  });

  it('forms one organisation only when asked, leaving the others alone', async () => {
    const fx = await setup();
    const [orgA, orgB] = fx.organisations;
    const report = await groups.form(fx.study.slug, { organisation: orgB.name.toUpperCase() }, actor);
    expect(report.groups.every((g) => g.organisation === orgB.name)).toBe(true);
    expect(report.shortfalls.every((s) => s.organisation === orgB.name)).toBe(true);
    expect(await statusOf(t.dataSource, fx.a[0])).toBe('eligible');
    await expect(groups.form(fx.study.slug, { organisation: 'Nobody' }, actor)).rejects.toMatchObject({
      code: 'group.unknown_organisation',
      message: expect.stringContaining(orgA.name),
    });
  });

  it('never puts one respondent in two groups, also when two changes race', async () => {
    const fx = await setup({ groupsPerQuadrant: 2, reservesPerGroup: 0 });
    const [orgA] = fx.organisations;
    const more = await createBucket(t.dataSource, fx.study.id, orgA.id, 'gemakzoeker', MIXED);
    const report = await groups.form(fx.study.slug, {}, actor);
    const [g1, g2] = report.groups.filter((g) => g.organisation === orgA.name).map((g) => g.id!);
    const free = await createRespondent(t.dataSource, fx.study.id, orgA.id, { quadrant: 'gemakzoeker' });
    const results = await Promise.allSettled([
      members.add(g1, free.id, 'member', actor),
      members.add(g2, free.id, 'member', actor),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(/already in group|at the same moment/),
    });
    expect(await t.dataSource.getRepository(GroupMember).countBy({ respondentId: free.id })).toBe(1);
    expect(more).toHaveLength(3);
  });

  it('the database itself refuses a second place for the same respondent', async () => {
    const fx = await setup();
    const report = await groups.form(fx.study.slug, {}, actor);
    const [g1, g2] = report.groups.map((g) => g.id!);
    await expect(
      t.dataSource.getRepository(GroupMember).insert({
        studyId: fx.study.id,
        groupId: g2,
        respondentId: report.groups[0].members[0],
        role: 'reserve',
        position: 9,
      }),
    ).rejects.toThrow();
    expect(g1).not.toBe(g2);
  });
});
