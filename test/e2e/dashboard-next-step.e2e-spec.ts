import type { User } from '../../src/auth/user.entity';
import { ScheduledSession } from '../../src/scheduling/session.entity';
import type { SessionSlot } from '../../src/studies/session-slot.entity';
import type { StudyFixture } from '../support/factories';
import { createStudy, createUser } from '../support/factories';
import { Agent, loginAgent } from '../support/http';
import { createGroupWithMembers, createModerator, createSession, createSlot } from '../support/scheduling-factories';
import { createTestApp, TestApp } from '../support/test-app';

// The dashboard's next step for groups without a session is the schedule only when a run would place them: with two
// moderators who cannot take another session, or no slot the members can make, it points to what is missing instead.
describe('the dashboard’s next step for groups without a session', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;
  let fx: StudyFixture;
  let slot: SessionSlot;
  let moderators: User[];

  const blockers = async () => {
    const html = (await agent.get(`/studies/${fx.study.slug}?lang=nl`).expect(200)).text;
    const section = /<ul class="dashboard-blockers">([\s\S]*?)<\/ul>\s*<\/section>/.exec(html)?.[1] ?? '';
    return [...section.matchAll(/<span>([^<]*)<\/span>[\s\S]*?<a href="([^"]+)">/g)].map((m) => [m[1], m[2]]);
  };
  const schedule = `/studies/next-step/schedule`;

  beforeAll(async () => {
    t = await createTestApp();
    const researcher = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent, csrf } = await loginAgent(t.app, researcher.email, researcher.password));
    fx = await createStudy(
      t.dataSource,
      { slug: 'next-step', groupsPerQuadrant: 1, reservesPerGroup: 0, groupTargetSize: 3, groupMinSize: 2 },
      { organisations: ['RET'], slots: 0 },
    );
    slot = await createSlot(t.dataSource, fx.study.id, new Date(Date.now() + 14 * 24 * 3_600_000));
    moderators = [
      await createModerator(t.dataSource, fx.study.id, [slot.id], { name: 'Anna' }),
      await createModerator(t.dataSource, fx.study.id, [slot.id], { name: 'Bram' }),
    ];
    const [first, second] = [
      await createGroupWithMembers(t.dataSource, fx.study.id, fx.organisations[0].id),
      await createGroupWithMembers(t.dataSource, fx.study.id, fx.organisations[0].id, { quadrant: 'informatiezoeker' }),
    ];
    // The only two moderators lead the first group's session: at that time neither is free for the second group.
    await createSession(t.dataSource, {
      studyId: fx.study.id,
      groupId: first.group.id,
      slot,
      lead: moderators[0],
      note: moderators[1],
    });
    expect(second.group.status).toBe('confirmed');
  });
  afterAll(() => t?.close());

  it('points to the moderators, not the schedule, when no two moderators can take another session', async () => {
    const found = await blockers();
    expect(found).toContainEqual([
      '1 bevestigde groep kan geen moment krijgen: op geen moment waarop de leden kunnen, zijn twee moderatoren vrij (beschikbaarheid, dagmaximum of rust).',
      `/studies/${fx.study.slug}/moderators`,
    ]);
    expect(found.map(([, href]) => href)).not.toContain(schedule);
  });

  it('points to the schedule once two more moderators can take the session, and the run then places the group', async () => {
    for (const name of ['Cas', 'Dirk']) await createModerator(t.dataSource, fx.study.id, [slot.id], { name });
    expect(await blockers()).toContainEqual(['1 bevestigde groep zonder moment.', schedule]);
    const run = await agent
      .post(`/api/studies/${fx.study.slug}/schedule/run`)
      .set('x-csrf-token', csrf)
      .send({})
      .expect(200);
    expect(run.body.placed).toHaveLength(1);
    expect(await t.dataSource.getRepository(ScheduledSession).countBy({ studyId: fx.study.id })).toBe(2);
  });

  it('points to the times when there is no time all members of a group can make', async () => {
    const third = await createGroupWithMembers(t.dataSource, fx.study.id, fx.organisations[0].id, {
      quadrant: 'gemakzoeker',
      availability: [],
    });
    expect(third.group.status).toBe('confirmed');
    const found = await blockers();
    expect(found).toContainEqual([
      '1 bevestigde groep kan geen moment krijgen: er is geen moment waarop alle leden kunnen, dat nog niet begonnen is en niet vol zit.',
      `/studies/${fx.study.slug}/settings#slots`,
    ]);
    expect(found.map(([, href]) => href)).not.toContain(schedule);
  });
});
