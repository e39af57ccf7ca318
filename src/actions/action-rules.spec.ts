import {
  actionNumber,
  actionTextProblems,
  addDays,
  isMilestoneReminderDue,
  sequenceOf,
  statusChoices,
} from './action-rules';

describe(actionNumber.name, () => {
  it('writes the month and a three-digit sequence, as the seed does (2015-03-001)', () => {
    expect(actionNumber('2015-03', 1)).toBe('2015-03-001');
    expect(actionNumber('2026-11', 42)).toBe('2026-11-042');
    expect(actionNumber('2026-11', 1000)).toBe('2026-11-1000');
  });
});

describe(sequenceOf.name, () => {
  it('reads the sequence of a number of the same month only', () => {
    expect(sequenceOf('2015-03-012', '2015-03')).toBe(12);
    expect(sequenceOf('2015-04-012', '2015-03')).toBe(0);
    expect(sequenceOf('nonsense', '2015-03')).toBe(0);
  });
});

describe(actionTextProblems.name, () => {
  const valid = { omschrijving: 'Kaart', analyse: 'Veel bellers', actie: 'Nieuwe kaart', mijlpaal: '2026-12-15' };

  it('accepts an action with its three texts and a calendar day (or none)', () => {
    expect(actionTextProblems(valid)).toEqual({});
    expect(actionTextProblems({ ...valid, mijlpaal: null })).toEqual({});
  });

  it('names each empty or too long text and a day that is not in the calendar', () => {
    expect(
      actionTextProblems({ omschrijving: ' ', analyse: 'x'.repeat(5001), actie: 'ok', mijlpaal: '2026-02-30' }),
    ).toEqual({
      omschrijving: ['action.problem.required'],
      analyse: ['action.problem.tooLong'],
      mijlpaal: ['action.problem.date'],
    });
  });
});

describe(isMilestoneReminderDue.name, () => {
  const action = { status: 'open' as const, mijlpaal: '2026-12-15', remindedMijlpaal: null };

  it('is due from `days` before the milestone up to the day itself', () => {
    expect(isMilestoneReminderDue(action, '2026-12-07', 7)).toBe(false);
    expect(isMilestoneReminderDue(action, '2026-12-08', 7)).toBe(true);
    expect(isMilestoneReminderDue(action, '2026-12-15', 7)).toBe(true);
    expect(isMilestoneReminderDue(action, '2026-12-16', 7)).toBe(false);
  });

  it('is sent once per milestone date: again only when the date changed', () => {
    expect(isMilestoneReminderDue({ ...action, remindedMijlpaal: '2026-12-15' }, '2026-12-10', 7)).toBe(false);
    expect(isMilestoneReminderDue({ ...action, remindedMijlpaal: '2026-12-01' }, '2026-12-10', 7)).toBe(true);
  });

  it('is never due for a finished or dropped action, or one without a milestone', () => {
    expect(isMilestoneReminderDue({ ...action, status: 'afgerond' }, '2026-12-10', 7)).toBe(false);
    expect(isMilestoneReminderDue({ ...action, status: 'vervallen' }, '2026-12-10', 7)).toBe(false);
    expect(isMilestoneReminderDue({ ...action, status: 'in_uitvoering' }, '2026-12-10', 7)).toBe(true);
    expect(isMilestoneReminderDue({ ...action, mijlpaal: null }, '2026-12-10', 7)).toBe(false);
  });
});

describe(addDays.name, () => {
  it('moves across months and years', () => {
    expect(addDays('2026-12-03', -7)).toBe('2026-11-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe(statusChoices.name, () => {
  it('offers every other status, the next step of the work first and never "open" first', () => {
    expect(statusChoices('open')).toEqual(['in_uitvoering', 'afgerond', 'vervallen']);
    expect(statusChoices('in_uitvoering')).toEqual(['afgerond', 'open', 'vervallen']);
    expect(statusChoices('afgerond')).toEqual(['in_uitvoering', 'open', 'vervallen']);
    expect(statusChoices('vervallen')).toEqual(['in_uitvoering', 'open', 'afgerond']);
  });
});
