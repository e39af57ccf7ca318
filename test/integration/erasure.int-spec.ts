import { AuditEvent } from '../../src/audit/audit-event.entity';
import { GroupMember } from '../../src/groups/group-member.entity';
import { GroupsService } from '../../src/groups/groups.service';
import { Respondent } from '../../src/respondents/respondent.entity';
import { RespondentsService } from '../../src/respondents/respondents.service';
import { createStudy } from '../support/factories';
import { MIXED, createBucket } from '../support/groups-factories';
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

    await t.app.get(RespondentsService).erase(study.slug, people[0].id, null);

    const erased = await t.dataSource.getRepository(Respondent).findOneByOrFail({ id: people[0].id });
    expect(erased).toMatchObject({ firstName: null, email: null, phone: null, status: 'erased' });
    expect(erased.erasedAt).toBeInstanceOf(Date);
    expect(await t.dataSource.getRepository(GroupMember).countBy({ respondentId: people[0].id })).toBe(0);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'respondent.erase', subjectId: String(people[0].id) })).toBe(1);
  });
});
