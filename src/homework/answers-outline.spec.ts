import { answersOutline, currentOutline, hasText, OUTLINE_VERSION, storedOutline } from './answers-outline';

describe('answersOutline', () => {
  const answers = {
    firstName: 'Truus',
    contactMoments: 'Ik belde drie keer over mijn aanslag.',
    channels: ['telefoon', 'website'],
    contactMomentsRating: 'negatief',
    goal: '   \n ',
    afterwardsHad: 'ja',
    afterwardsReason: '',
    afterwardsInitiative: 'self',
    'channels-Comment': 'iets anders, in vrije tekst',
    notAQuestion: 'kept nowhere',
  };

  it('keeps every answer that is not free text, and of the free text only which questions hold more than blanks', () => {
    expect(answersOutline(answers)).toEqual({
      choices: {
        channels: ['telefoon', 'website'],
        contactMomentsRating: 'negatief',
        afterwardsHad: 'ja',
        afterwardsInitiative: 'self',
      },
      answered: ['firstName', 'contactMoments'],
    });
  });

  it('holds no text a respondent typed: not their name, not an answer, not an answer to a question the form lacks', () => {
    const json = JSON.stringify(storedOutline(answers));
    for (const typed of ['Truus', 'aanslag', 'vrije tekst', 'kept nowhere']) expect(json).not.toContain(typed);
  });

  it('gives the answers in the form order whatever order they came in, and nothing for no answers', () => {
    expect(answersOutline({ goal: 'x', contactMoments: 'y' }).answered).toEqual(['contactMoments', 'goal']);
    expect(answersOutline({})).toEqual({ choices: {}, answered: [] });
  });

  it('trusts a stored outline only of its own version and shape', () => {
    const stored = storedOutline(answers);
    expect(stored.v).toBe(OUTLINE_VERSION);
    expect(currentOutline(JSON.parse(JSON.stringify(stored)))).toEqual(answersOutline(answers));
    for (const other of [
      null,
      'text',
      { ...stored, v: OUTLINE_VERSION - 1 },
      { v: OUTLINE_VERSION, choices: {} },
      { v: OUTLINE_VERSION, choices: null, answered: [] },
    ])
      expect(currentOutline(other)).toBeNull();
  });

  it('counts text as answered when it holds a character other than blanks', () => {
    expect([' a ', '\u00a0x', '.'].every(hasText)).toBe(true);
    expect(['', ' ', '\n\t', '\u00a0', 3, null, ['x']].some(hasText)).toBe(false);
  });
});
