import { hashToken } from '../../src/common/tokens';
import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { Respondent } from '../../src/respondents/respondent.entity';
import { Invitation } from '../../src/scheduling/invitation.entity';
import { InvitationResponsesService } from '../../src/study-flow/invitation-responses.service';
import { createStudy, createUser } from '../support/factories';
import { statusOf } from '../support/groups-factories';
import { createGroupWithMembers, createSession, createSlot } from '../support/scheduling-factories';
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
  async function invited(): Promise<{ respondent: Respondent; token: string }> {
    const { study, organisations } = await createStudy(t.dataSource, {}, { organisations: ['RET'] });
    const slot = await createSlot(t.dataSource, study.id, new Date(Date.now() + 21 * 86400_000));
    const fx = await createGroupWithMembers(t.dataSource, study.id, organisations[0].id, { members: 3 });
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
    return { respondent, token };
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
});
