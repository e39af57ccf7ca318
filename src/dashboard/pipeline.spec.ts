import { blockers, PipelinePerson, pipelineTable, stepsReached, StudyState } from './pipeline';

const person = (over: Partial<PipelinePerson> = {}): PipelinePerson => ({
  organisationId: 1,
  quadrant: 'gemakzoeker',
  status: 'eligible',
  duplicate: false,
  grouped: false,
  scheduled: false,
  invited: false,
  confirmed: false,
  homeworkSent: false,
  homeworkSubmitted: false,
  ...over,
});

describe(stepsReached.name, () => {
  it('counts each step a person reached, in order', () => {
    expect([...stepsReached(person())]).toEqual(['screened', 'eligible']);
    expect([
      ...stepsReached(
        person({
          status: 'confirmed',
          grouped: true,
          scheduled: true,
          invited: true,
          confirmed: true,
          homeworkSent: true,
        }),
      ),
    ]).toEqual(['screened', 'eligible', 'grouped', 'scheduled', 'invited', 'confirmed', 'homeworkSent']);
  });

  it('a participant has reached every step up to attended, homework only if it was done', () => {
    expect([...stepsReached(person({ status: 'participated' }))]).toEqual([
      'screened',
      'eligible',
      'grouped',
      'scheduled',
      'invited',
      'confirmed',
      'attended',
    ]);
  });

  it('ineligible, declined and erased people were screened only; a duplicate sign-up counts nowhere', () => {
    for (const status of ['ineligible', 'declined', 'erased'] as const)
      expect([...stepsReached(person({ status, grouped: true }))]).toEqual(['screened']);
    expect(stepsReached(person({ duplicate: true })).size).toBe(0);
  });
});

describe(pipelineTable.name, () => {
  it('counts per organisation × quadrant against the groups’ places, with totals', () => {
    const table = pipelineTable(
      [
        person(),
        person({ status: 'grouped', grouped: true }),
        person({ organisationId: 2, quadrant: 'informatiezoeker', status: 'participated' }),
        person({ organisationId: null, quadrant: null, status: 'ineligible' }),
      ],
      [
        { id: 1, name: 'RET' },
        { id: 2, name: 'Vitens' },
      ],
      { groupsPerQuadrant: 2, groupTargetSize: 3 },
    );
    expect(table.rows).toHaveLength(8);
    const ret = table.rows.find((r) => r.organisation === 'RET' && r.quadrant === 'gemakzoeker')!;
    expect(ret).toMatchObject({
      target: 6,
      counts: { screened: 2, eligible: 2, grouped: 1, scheduled: 0, attended: 0 },
    });
    expect(
      table.rows.find((r) => r.organisation === 'Vitens' && r.quadrant === 'informatiezoeker')!.counts.attended,
    ).toBe(1);
    expect(table.totals).toMatchObject({ screened: 4, eligible: 3, grouped: 2, attended: 1 });
    expect(table.target).toBe(48);
    expect(table.unplaced).toBe(1);
  });
});

describe(blockers.name, () => {
  const ready: StudyState = {
    respondents: 40,
    slots: 8,
    ungrouped: 0,
    groups: { proposed: 0, kept: 4 },
    moderators: 3,
    unscheduledGroups: 0,
    unplaceable: { moderators: 0, slots: 0 },
    uninvitedSessions: 0,
    uninvitedMembers: { count: 0, firstSessionId: null },
    homeworkDue: 0,
    unmarkedSessions: { count: 0, firstId: null },
    shortCells: [],
  };

  it('a study with nothing in the way has no blockers', () => {
    expect(blockers(ready)).toEqual([]);
  });

  it('an empty study first needs respondents and slots', () => {
    expect(
      blockers({ ...ready, respondents: 0, slots: 0, groups: { proposed: 0, kept: 0 } }).map((b) => b.code),
    ).toEqual(['no-respondents', 'no-slots']);
  });

  it('lists what blocks each step in pipeline order, with the bulk action where there is one', () => {
    const all = blockers({
      ...ready,
      shortCells: [{ organisation: 'RET', quadrant: 'gemakzoeker', count: 1, target: 4 }],
      groups: { proposed: 3, kept: 2 },
      moderators: 1,
      unscheduledGroups: 2,
      uninvitedSessions: 1,
      uninvitedMembers: { count: 2, firstSessionId: 9 },
      homeworkDue: 5,
      unmarkedSessions: { count: 1, firstId: 7 },
    });
    expect(all).toEqual([
      { code: 'short-cells', count: 1, remedy: { page: 'import' } },
      { code: 'proposed-groups', count: 3, remedy: { bulk: 'confirm-groups' } },
      { code: 'no-moderators', count: 1, remedy: { page: 'moderators' } },
      { code: 'unscheduled-groups', count: 2, remedy: { page: 'schedule' } },
      { code: 'uninvited-sessions', count: 1, remedy: { bulk: 'invite' } },
      { code: 'uninvited-members', count: 2, remedy: { page: 'invite-missing' } },
      { code: 'homework-due', count: 5, remedy: { bulk: 'homework' } },
      { code: 'unmarked-sessions', count: 1, remedy: { page: 'attendance' } },
    ]);
  });

  it('sends to the schedule only the groups a run would place; the others to the moderators or the times they lack', () => {
    const waiting = { ...ready, unscheduledGroups: 4 };
    expect(blockers({ ...waiting, unplaceable: { moderators: 2, slots: 1 } })).toEqual([
      { code: 'moderators-full', count: 2, remedy: { page: 'moderators' } },
      { code: 'slots-unusable', count: 1, remedy: { page: 'settings' } },
      { code: 'unscheduled-groups', count: 1, remedy: { page: 'schedule' } },
    ]);
    expect(blockers({ ...waiting, unplaceable: { moderators: 4, slots: 0 } }).map((b) => b.code)).toEqual([
      'moderators-full',
    ]);
    // Fewer than two moderators is said as such, not once more as moderators who are full.
    expect(
      blockers({ ...waiting, moderators: 1, unplaceable: { moderators: 4, slots: 0 } }).map((b) => b.code),
    ).toEqual(['no-moderators']);
  });

  it('asks to form groups only while there are none', () => {
    expect(blockers({ ...ready, ungrouped: 6, groups: { proposed: 0, kept: 0 } }).map((b) => b.code)).toEqual([
      'ungrouped',
    ]);
    expect(blockers({ ...ready, ungrouped: 6 })).toEqual([]);
  });
});
