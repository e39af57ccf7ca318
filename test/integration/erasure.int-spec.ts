import { AuditEvent } from '../../src/audit/audit-event.entity';
import { GroupMember } from '../../src/groups/group-member.entity';
import { GroupsService } from '../../src/groups/groups.service';
import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { HomeworkService } from '../../src/homework/homework.service';
import { Respondent } from '../../src/respondents/respondent.entity';
import { ErasureService } from '../../src/privacy/erasure.service';
import { createStudy } from '../support/factories';
import { MIXED, createBucket } from '../support/groups-factories';
import { createScheduledGroup, credentialsOf } from '../support/homework-factories';
import { createTestApp, TestApp } from '../support/test-app';

describe('erasing a grouped respondent', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('removes personal data and the group place, and keeps an audit event', async () => {
    const { study, organisations } = await createStudy(t.dataSource, {}, { organisations: ['RET'] });
    const people = await createBucket(t.dataSource, study.id, organisations[0].id, 'gemakzoeker', MIXED);
    await t.app.get(GroupsService).form(study.slug, {}, null);
    expect(await t.dataSource.getRepository(GroupMember).countBy({ respondentId: people[0].id })).toBe(1);

    await t.app.get(ErasureService).erase(study.slug, people[0].id, null);

    const erased = await t.dataSource.getRepository(Respondent).findOneByOrFail({ id: people[0].id });
    expect(erased).toMatchObject({ firstName: null, email: null, phone: null, status: 'erased' });
    expect(erased.erasedAt).toBeInstanceOf(Date);
    expect(await t.dataSource.getRepository(GroupMember).countBy({ respondentId: people[0].id })).toBe(0);
    expect(
      await t.dataSource
        .getRepository(AuditEvent)
        .countBy({ action: 'respondent.erase', subjectId: String(people[0].id) }),
    ).toBe(1);
  });

  it("clears the respondent's homework answers, drafts included", async () => {
    const fx = await createScheduledGroup(t.dataSource, { members: 2 });
    const homework = t.app.get(HomeworkService);
    await homework.sendForGroup(fx.study.slug, fx.group.id, null);
    const { token } = await credentialsOf(t, fx.members[0].id);
    await homework.saveDraft(token, { revision: 0, data: { firstName: 'Ans' } }, '127.0.0.1');
    expect(
      (await t.dataSource.getRepository(HomeworkAssignment).findOneByOrFail({ respondentId: fx.members[0].id })).draft,
    ).not.toBeNull();

    await t.app.get(ErasureService).erase(fx.study.slug, fx.members[0].id, null);

    const cleared = await t.dataSource
      .getRepository(HomeworkAssignment)
      .findOneByOrFail({ respondentId: fx.members[0].id });
    expect(cleared.draft).toBeNull();
    expect(cleared.submitted).toBeNull();
  });
});
