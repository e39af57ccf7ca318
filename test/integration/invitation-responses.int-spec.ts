import { hashToken } from '../../src/common/tokens';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { GroupMember } from '../../src/groups/group-member.entity';
import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { Respondent } from '../../src/respondents/respondent.entity';
import { Invitation } from '../../src/scheduling/invitation.entity';
import { InvitationsService } from '../../src/scheduling/invitations.service';
import { InvitationResponsesService } from '../../src/study-flow/invitation-responses.service';
import { createStudy, createUser } from '../support/factories';
import { statusOf } from '../support/groups-factories';
import { createGroupWithMembers, createSession, createSlot, type GroupFixture } from '../support/scheduling-factories';
import { createTestApp, inTransaction, TestApp } from '../support/test-app';

// Confirming an invitation spans scheduling (the invitation, the respondent's status) and homework (the assignment
// and its letter): the orchestrator above both runs them as one unit of work.
describe(InvitationResponsesService.name, () => {
  let t: TestApp;
  let responses: InvitationResponsesService;

  beforeAll(async () => {
    t = await createTestApp();
    responses = t.app.get(InvitationResponsesService);
  });
  afterAll(() => t.close());

  /** A scheduled session three weeks ahead and an open invitation for the group's first member. */
  async function invited(
    opts: { reserves?: number } = {},
  ): Promise<{ respondent: Respondent; token: string } & GroupFixture> {
    const { study, organisations } = await createStudy(t.dataSource, {}, { organisations: ['RET'] });
    const slot = await createSlot(t.dataSource, study.id, new Date(Date.now() + 21 * 86400_000));
    const fx = await createGroupWithMembers(t.dataSource, study.id, organisations[0].id, {
      members: 3,
      reserves: opts.reserves ?? 0,
    });
    const [lead, notes] = [await createUser(t.dataSource), await createUser(t.dataSource)];
    const session = await createSession(t.dataSource, {
      studyId: study.id,
      groupId: fx.group.id,
      slot,
      lead,
      note: notes,
    });
    const respondent = fx.members[0];
    const token = `confirm-${session.id}`;
    await t.dataSource.getRepository(Invitation).save({
      studyId: study.id,
      sessionId: session.id,
      respondentId: respondent.id,
      tokenHash: hashToken(token),
      status: 'sent',
      sequence: 0,
      sentAt: new Date(),
      respondedAt: null,
    });
    await t.dataSource.getRepository(Respondent).update({ id: respondent.id }, { status: 'invited' });
    return { ...fx, respondent, token };
  }

  const lettersTo = (email: string) => t.dataSource.getRepository(OutboxMessage).countBy({ toAddress: email });

  it('confirms and gives the member their homework and its letter, once', async () => {
    const { respondent, token } = await invited();

    expect((await responses.confirm(token)).alreadyConfirmed).toBe(false);
    expect((await responses.confirm(token)).alreadyConfirmed).toBe(true);

    expect(await statusOf(t.dataSource, respondent.id)).toBe('confirmed');
    expect(await t.dataSource.getRepository(HomeworkAssignment).countBy({ respondentId: respondent.id })).toBe(1);
    expect(await lettersTo(respondent.email!)).toBe(1);
  });

  it('a confirmation whose unit of work fails leaves no invitation change, homework or letter behind', async () => {
    const { respondent, token } = await invited();

    const failing = inTransaction(t, async () => {
      await responses.confirm(token);
      throw new Error('the confirmation failed');
    });

    await expect(failing).rejects.toThrow('the confirmation failed');
    expect(await statusOf(t.dataSource, respondent.id)).toBe('invited');
    expect(await t.dataSource.getRepository(Invitation).findOneByOrFail({ tokenHash: hashToken(token) })).toMatchObject(
      { status: 'sent' },
    );
    expect(await t.dataSource.getRepository(HomeworkAssignment).countBy({ respondentId: respondent.id })).toBe(0);
    expect(await lettersTo(respondent.email!)).toBe(0);
  });

  const placeOf = (respondentId: number) => t.dataSource.getRepository(GroupMember).findOneBy({ respondentId });
  const audited = (action: string, groupId: number) =>
    t.dataSource.getRepository(AuditEvent).countBy({ action, subjectId: String(groupId) });

  it("scheduling's decline answers for the invitation alone; the group's places are not its to change", async () => {
    const fx = await invited({ reserves: 1 });

    await t.app.get(InvitationsService).decline(fx.token);

    expect(await statusOf(t.dataSource, fx.respondent.id)).toBe('declined');
    expect(await placeOf(fx.respondent.id)).toMatchObject({ groupId: fx.group.id, role: 'member' });
    expect(await placeOf(fx.reserves[0].id)).toMatchObject({ groupId: fx.group.id, role: 'reserve' });
    expect(await audited('group.reserve_promote', fx.group.id)).toBe(0);
  });

  it('declines once: the decliner leaves, the reserve moves in, and a second decline changes nothing', async () => {
    const fx = await invited({ reserves: 1 });

    expect(await responses.decline(fx.token)).toMatchObject({ promotedRespondentId: fx.reserves[0].id });
    expect(await responses.decline(fx.token)).toMatchObject({ alreadyDeclined: true, promotedRespondentId: null });

    expect(await placeOf(fx.respondent.id)).toBeNull();
    expect(await placeOf(fx.reserves[0].id)).toMatchObject({ groupId: fx.group.id, role: 'member', position: 3 });
    expect(await statusOf(t.dataSource, fx.reserves[0].id)).toBe('grouped');
    expect(await audited('group.reserve_promote', fx.group.id)).toBe(1);
  });

  it('a decline without a reserve who can come records that no one took the place', async () => {
    const fx = await invited();

    expect(await responses.decline(fx.token)).toMatchObject({ promotedRespondentId: null });

    expect(await placeOf(fx.respondent.id)).toBeNull();
    expect(await audited('group.no_reserve', fx.group.id)).toBe(1);
  });
});
