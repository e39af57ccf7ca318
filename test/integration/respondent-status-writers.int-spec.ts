import type { AuthUser } from '../../src/auth/auth-user';
import { hashToken } from '../../src/common/tokens';
import { GroupMember } from '../../src/groups/group-member.entity';
import { FocusGroup } from '../../src/groups/group.entity';
import { GroupDissolverService } from '../../src/groups/group-dissolver.service';
import { Respondent } from '../../src/respondents/respondent.entity';
import { RespondentStatusChange } from '../../src/respondents/respondent-status-change.entity';
import { Invitation } from '../../src/scheduling/invitation.entity';
import { InvitationResponsesService } from '../../src/study-flow/invitation-responses.service';
import { createStudy, createUser } from '../support/factories';
import { statusOf } from '../support/groups-factories';
import { createGroupWithMembers, createSession, createSlot, type GroupFixture } from '../support/scheduling-factories';
import { createTestApp, inTransaction, TestApp } from '../support/test-app';

// Groups and scheduling move a respondent's status only through RespondentLifecycleService: each move leaves a
// history row, and it belongs to the same unit of work as the group or invitation change that causes it.
describe('the status moves that groups and scheduling cause', () => {
  let t: TestApp;
  let actor: AuthUser;

  beforeAll(async () => {
    t = await createTestApp();
    const u = await createUser(t.dataSource, { role: 'researcher' });
    actor = { id: u.id, email: u.email, name: u.name, role: u.role, organisationId: null };
  });
  afterAll(() => t.close());

  const historyOf = (respondentId: number) =>
    t.dataSource.getRepository(RespondentStatusChange).find({ where: { respondentId }, order: { id: 'ASC' } });

  /** A confirmed group of three with one reserve, a scheduled session and an open invitation for the first member. */
  async function invitedGroup(): Promise<GroupFixture & { token: string }> {
    const { study, organisations } = await createStudy(t.dataSource, {}, { organisations: ['RET'] });
    const slot = await createSlot(t.dataSource, study.id, new Date(Date.now() + 21 * 86400_000));
    const fx = await createGroupWithMembers(t.dataSource, study.id, organisations[0].id, { members: 3, reserves: 1 });
    const lead = await createUser(t.dataSource, { role: 'researcher' });
    const notes = await createUser(t.dataSource, { role: 'researcher' });
    const session = await createSession(t.dataSource, {
      studyId: study.id,
      groupId: fx.group.id,
      slot,
      lead,
      note: notes,
    });
    const token = `decline-${session.id}`;
    const decliner = fx.members[0];
    await t.dataSource.getRepository(Invitation).save({
      studyId: study.id,
      sessionId: session.id,
      respondentId: decliner.id,
      tokenHash: hashToken(token),
      status: 'sent',
      sequence: 0,
      sentAt: new Date(),
      respondedAt: null,
    });
    await t.dataSource.getRepository(Respondent).update({ id: decliner.id }, { status: 'invited' });
    return { ...fx, token };
  }

  it('a decline moves the decliner and the reserve who takes the place, each with a history row', async () => {
    const fx = await invitedGroup();
    const [decliner] = fx.members;
    const [reserve] = fx.reserves;

    const result = await t.app.get(InvitationResponsesService).decline(fx.token);

    expect(result.promotedRespondentId).toBe(reserve.id);
    expect(await statusOf(t.dataSource, decliner.id)).toBe('declined');
    expect(await historyOf(decliner.id)).toMatchObject([{ fromStatus: 'invited', toStatus: 'declined' }]);
    expect((await historyOf(reserve.id))[0]).toMatchObject({ fromStatus: 'eligible', toStatus: 'grouped' });
  });

  it('a decline whose unit of work fails leaves invitation, group and statuses as they were', async () => {
    const fx = await invitedGroup();
    const [decliner] = fx.members;
    const [reserve] = fx.reserves;

    const failing = inTransaction(t, async () => {
      await t.app.get(InvitationResponsesService).decline(fx.token);
      throw new Error('the decline failed');
    });

    await expect(failing).rejects.toThrow('the decline failed');
    expect(await statusOf(t.dataSource, decliner.id)).toBe('invited');
    expect(await statusOf(t.dataSource, reserve.id)).toBe('eligible');
    expect(await historyOf(decliner.id)).toEqual([]);
    expect(await historyOf(reserve.id)).toEqual([]);
    expect(
      await t.dataSource.getRepository(Invitation).findOneByOrFail({ tokenHash: hashToken(fx.token) }),
    ).toMatchObject({ status: 'sent' });
    expect(await t.dataSource.getRepository(GroupMember).findOneByOrFail({ respondentId: decliner.id })).toMatchObject({
      groupId: fx.group.id,
      role: 'member',
    });
  });

  it('dissolving a group moves its members back to eligible, each with a history row', async () => {
    const { study, organisations } = await createStudy(t.dataSource, {}, { organisations: ['RET'] });
    const fx = await createGroupWithMembers(t.dataSource, study.id, organisations[0].id, { status: 'proposed' });

    await t.app.get(GroupDissolverService).dissolve(fx.group.id, actor);

    for (const member of fx.members) {
      expect(await statusOf(t.dataSource, member.id)).toBe('eligible');
      expect(await historyOf(member.id)).toMatchObject([{ fromStatus: 'grouped', toStatus: 'eligible' }]);
    }
  });

  it('a dissolve whose unit of work fails keeps the group and its members grouped, without history', async () => {
    const { study, organisations } = await createStudy(t.dataSource, {}, { organisations: ['RET'] });
    const fx = await createGroupWithMembers(t.dataSource, study.id, organisations[0].id, { status: 'proposed' });

    const failing = inTransaction(t, async () => {
      await t.app.get(GroupDissolverService).dissolve(fx.group.id, actor);
      throw new Error('the dissolve failed');
    });

    await expect(failing).rejects.toThrow('the dissolve failed');
    expect(await t.dataSource.getRepository(FocusGroup).countBy({ id: fx.group.id })).toBe(1);
    for (const member of fx.members) {
      expect(await statusOf(t.dataSource, member.id)).toBe('grouped');
      expect(await historyOf(member.id)).toEqual([]);
    }
  });
});
