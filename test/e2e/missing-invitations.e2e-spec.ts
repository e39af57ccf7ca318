import { Invitation } from '../../src/scheduling/invitation.entity';
import type { ScheduledSession } from '../../src/scheduling/session.entity';
import type { Study } from '../../src/studies/study.entity';
import { createRespondent, createStudy, createUser } from '../support/factories';
import { Agent, loginAgent } from '../support/http';
import {
  createGroupWithMembers,
  createModerator,
  createSession,
  createSlot,
  GroupFixture,
} from '../support/scheduling-factories';
import { createTestApp, TestApp } from '../support/test-app';

// Someone put in a group by hand after its invitations went out is not invited by that: the researcher is told, on
// the schedule and as the dashboard's next step, and sends the missing invitation when they choose to.
describe('members without an invitation after the invitations went out', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;
  let study: Study;
  let organisationId: number;
  let group: GroupFixture;
  let session: ScheduledSession;

  const invitations = () => t.dataSource.getRepository(Invitation).countBy({ sessionId: session.id });
  const schedulePage = async () => {
    const html = (await agent.get(`/studies/${study.slug}/schedule?lang=nl`).expect(200)).text;
    const from = html.slice(html.indexOf(`id="session-${session.id}"`));
    return from.slice(0, from.indexOf('</article>'));
  };
  const blockers = async () => {
    const html = (await agent.get(`/studies/${study.slug}?lang=nl`).expect(200)).text;
    const section = /<ul class="dashboard-blockers">([\s\S]*?)<\/ul>\s*<\/section>/.exec(html)?.[1] ?? '';
    return [...section.matchAll(/<span>([^<]*)<\/span>[\s\S]*?<a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => m.slice(1));
  };
  const addByHand = async (overrides: { email?: string | null } = {}) => {
    const r = await createRespondent(t.dataSource, study.id, organisationId, {
      quadrant: 'gemakzoeker',
      status: 'eligible',
      ...overrides,
    });
    await agent
      .post(`/api/groups/${group.group.id}/members`)
      .set('x-csrf-token', csrf)
      .send({ respondentId: r.id })
      .expect(200);
    return r;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const researcher = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent, csrf } = await loginAgent(t.app, researcher.email, researcher.password));
    const fx = await createStudy(t.dataSource, { slug: 'missing' }, { organisations: ['RET'], slots: 0 });
    study = fx.study;
    organisationId = fx.organisations[0].id;
    const slot = await createSlot(t.dataSource, study.id, new Date(Date.now() + 14 * 24 * 3_600_000));
    const [anna, bram] = [
      await createModerator(t.dataSource, study.id, [slot.id], { name: 'Anna' }),
      await createModerator(t.dataSource, study.id, [slot.id], { name: 'Bram' }),
    ];
    group = await createGroupWithMembers(t.dataSource, study.id, organisationId, { members: 2 });
    session = await createSession(t.dataSource, {
      studyId: study.id,
      groupId: group.group.id,
      slot,
      lead: anna,
      note: bram,
    });
    await agent
      .post(`/api/studies/${study.slug}/invitations`)
      .set('x-csrf-token', csrf)
      .send({ groupId: group.group.id })
      .expect(200);
    expect(await invitations()).toBe(2);
  });
  afterAll(() => t?.close());

  it('invites nobody by itself, and says so on the schedule and as the dashboard’s next step', async () => {
    expect(await schedulePage()).not.toContain('nog geen uitnodiging');
    expect((await blockers()).map(([text]) => text).join()).not.toContain('nog geen uitnodiging');

    await addByHand();
    // Someone without an address is left to phone or letter, as the invitations did: not counted.
    await addByHand({ email: null });
    expect(await invitations()).toBe(2);

    const onSchedule = await schedulePage();
    expect(onSchedule).toContain(
      `<p class="schedule-missing" id="session-${session.id}-missing">1 deelnemer heeft nog geen uitnodiging: in de groep gezet nadat de uitnodigingen verstuurd waren.`,
    );
    expect(onSchedule).toMatch(
      new RegExp(
        `<button type="submit" class="button" aria-describedby="session-${session.id}-missing">Ontbrekende uitnodigingen versturen`,
      ),
    );
    expect(await blockers()).toContainEqual([
      '1 deelnemer heeft nog geen uitnodiging: in de groep gezet nadat de uitnodigingen verstuurd waren.',
      `/studies/${study.slug}/schedule#session-${session.id}`,
      'Ontbrekende uitnodigingen versturen',
    ]);
    // The sessions as a whole were invited: that step is not asked again.
    expect((await blockers()).map(([text]) => text).join()).not.toContain('nog niet (helemaal) uitgenodigd');
  });

  it('stops saying so once the missing invitation is sent from the schedule', async () => {
    await agent
      .post(`/studies/${study.slug}/schedule/groups/${group.group.id}/invitations`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(303);
    expect(await invitations()).toBe(3);
    expect(await schedulePage()).not.toContain('nog geen uitnodiging');
    expect((await blockers()).map(([text]) => text).join()).not.toContain('nog geen uitnodiging');
  });
});
