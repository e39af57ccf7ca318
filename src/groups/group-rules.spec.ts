import { breachText, commonSlots, groupBreaches, RuleGroup, RulePerson, SizeLimits } from './group-rules';

/** The refusal texts the API gives: every broken rule, in English. */
const groupProblems = (g: RuleGroup, limits: SizeLimits, slotIds: number[]) =>
  groupBreaches(g, limits, slotIds).map(breachText);

const limits = { minSize: 2, maxSize: 4, reservesPerGroup: 1 };
let nextId = 1;
const person = (o: Partial<RulePerson> = {}): RulePerson => ({
  id: nextId++,
  organisationId: 1,
  quadrant: 'gemakzoeker',
  availability: null,
  ...o,
});
const group = (members: RulePerson[], reserves: RulePerson[] = []): RuleGroup => ({
  id: 7,
  organisationId: 1,
  quadrant: 'gemakzoeker',
  members,
  reserves,
});

describe('group rules', () => {
  it('accepts a group of one bucket within the size limits that shares a slot', () => {
    expect(
      groupProblems(
        group([person({ availability: [1, 2] }), person({ availability: [2] })], [person({ availability: [2, 3] })]),
        limits,
        [1, 2, 3],
      ),
    ).toEqual([]);
  });

  it('refuses someone of another organisation or quadrant', () => {
    const problems = groupProblems(
      group([person(), person({ organisationId: 2 }), person({ quadrant: 'informatiezoeker' })]),
      limits,
      [],
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/one organisation and one quadrant/);
  });

  it('refuses too many or too few members and too many reserves', () => {
    expect(groupProblems(group([person(), person(), person(), person(), person()]), limits, [])).toEqual([
      expect.stringMatching(/5 members; the study allows at most 4/),
    ]);
    expect(groupProblems(group([person()]), limits, [])).toEqual([
      expect.stringMatching(/1 member; the study needs at least 2\. Add someone first, or dissolve/),
    ]);
    expect(groupProblems(group([person(), person()], [person(), person()]), limits, [])).toEqual([
      expect.stringMatching(/2 reserves/),
    ]);
  });

  it('refuses members without a shared slot, and a reserve who cannot join the members', () => {
    expect(
      groupProblems(group([person({ availability: [1] }), person({ availability: [2] })]), limits, [1, 2]),
    ).toEqual([expect.stringMatching(/share no session slot/)]);
    expect(
      groupProblems(
        group([person({ availability: [1] }), person({ availability: [1] })], [person({ availability: [2] })]),
        limits,
        [1, 2],
      ),
    ).toEqual([expect.stringMatching(/^Reserve \d+ shares no session slot/)]);
  });

  it('counts unknown availability as every slot, and a study without slots constrains nothing', () => {
    expect(commonSlots([{ availability: null }, { availability: [2, 3] }], [1, 2, 3])).toEqual([2, 3]);
    expect(groupProblems(group([person({ availability: [1] }), person({ availability: [2] })]), limits, [])).toEqual(
      [],
    );
  });
});
