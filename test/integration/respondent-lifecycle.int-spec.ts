import { RespondentStatusChange } from '../../src/respondents/respondent-status-change.entity';
import { RespondentLifecycleService } from '../../src/respondents/respondent-lifecycle.service';
import { createRespondent, createStudy } from '../support/factories';
import { statusOf } from '../support/groups-factories';
import { createTestApp, inTransaction, TestApp } from '../support/test-app';

describe('the respondent lifecycle, the one writer of a status', () => {
  let t: TestApp;
  let lifecycle: RespondentLifecycleService;

  beforeAll(async () => {
    t = await createTestApp();
    lifecycle = t.app.get(RespondentLifecycleService);
  });
  afterAll(() => t.close());

  it('moves only those at the step before, with a history row each', async () => {
    const { study, organisations } = await createStudy(t.dataSource, {}, { organisations: ['RET'] });
    const eligible = await createRespondent(t.dataSource, study.id, organisations[0].id, { status: 'eligible' });
    const confirmed = await createRespondent(t.dataSource, study.id, organisations[0].id, { status: 'confirmed' });

    expect(await lifecycle.move([eligible.id, confirmed.id], 'grouped', 'placed-in-group')).toEqual([eligible.id]);

    expect(await statusOf(t.dataSource, eligible.id)).toBe('grouped');
    expect(await statusOf(t.dataSource, confirmed.id)).toBe('confirmed');
    const history = await t.dataSource.getRepository(RespondentStatusChange).findBy({ studyId: study.id });
    expect(history).toMatchObject([{ respondentId: eligible.id, fromStatus: 'eligible', toStatus: 'grouped' }]);
  });

  it("joins the caller's transaction and is undone with it", async () => {
    const { study, organisations } = await createStudy(t.dataSource, {}, { organisations: ['RET'] });
    const person = await createRespondent(t.dataSource, study.id, organisations[0].id, { status: 'invited' });

    const failing = inTransaction(t, async () => {
      await lifecycle.move([person.id], 'declined', 'declined');
      throw new Error('the decline failed');
    });

    await expect(failing).rejects.toThrow('the decline failed');
    expect(await statusOf(t.dataSource, person.id)).toBe('invited');
    expect(await t.dataSource.getRepository(RespondentStatusChange).countBy({ respondentId: person.id })).toBe(0);
  });

  it('refuses a reason that cannot lead to the status asked for, and changes nothing', async () => {
    const { study, organisations } = await createStudy(t.dataSource, {}, { organisations: ['RET'] });
    const person = await createRespondent(t.dataSource, study.id, organisations[0].id, { status: 'eligible' });

    await expect(lifecycle.move([person.id], 'participated', 'placed-in-group')).rejects.toThrow(
      'cannot become participated',
    );
    expect(await statusOf(t.dataSource, person.id)).toBe('eligible');
  });
});
