import type { AuthUser } from '../../src/auth/auth-user';
import { GroupMember } from '../../src/groups/group-member.entity';
import { FocusGroup } from '../../src/groups/group.entity';
import { GroupsService } from '../../src/groups/groups.service';
import { StudyQueryService } from '../../src/studies/study-query.service';
import { createStudy, createUser } from '../support/factories';
import { createBucket, MIXED } from '../support/groups-factories';
import { createTestApp, TestApp } from '../support/test-app';

// Forming groups and scheduling serialise per study through StudyQueryService.lock (the study's row on PostgreSQL,
// one transaction at a time on SQLite), so two runs for the same study never interleave.
describe(StudyQueryService.name + '.lock', () => {
  let t: TestApp;
  let actor: AuthUser;

  beforeAll(async () => {
    t = await createTestApp();
    const u = await createUser(t.dataSource);
    actor = { id: u.id, email: u.email, name: u.name, role: u.role, organisationId: null };
  });
  afterAll(() => t.close());

  it('refuses to run outside a unit of work, where a lock would end at once', async () => {
    const { study } = await createStudy(t.dataSource);

    // The decorator refuses before the method runs, synchronously: a caller's await turns that into a rejection.
    await expect(Promise.resolve().then(() => t.app.get(StudyQueryService).lock(study.id))).rejects.toThrow(
      /no existing transaction/,
    );
  });

  it('lets two formation runs of one study at the same time both finish, one after the other', async () => {
    const { study, organisations } = await createStudy(t.dataSource, {}, { organisations: ['RET'] });
    const people = await createBucket(t.dataSource, study.id, organisations[0].id, 'gemakzoeker', [...MIXED, ...MIXED]);
    const groups = t.app.get(GroupsService);

    const [first, second] = await Promise.all([groups.form(study.slug, {}, actor), groups.form(study.slug, {}, actor)]);

    // The later run replaced the earlier one's proposal rather than placing the same people a second time.
    const saved = await t.dataSource.getRepository(FocusGroup).findBy({ studyId: study.id });
    const last = [first, second].find((r) => r.groups.every((g) => saved.some((s) => s.id === g.id)));
    expect(last?.groups.length).toBe(saved.length);
    const placed = (await t.dataSource.getRepository(GroupMember).findBy({ studyId: study.id })).map(
      (p) => p.respondentId,
    );
    expect(placed.sort((a, b) => a - b)).toEqual(
      last!.groups.flatMap((g) => [...g.members, ...g.reserves]).sort((a, b) => a - b),
    );
    expect(people.length).toBeGreaterThanOrEqual(placed.length);
  });
});
