// The browser's merge of two tabs' homework (public/js/answer-merge.js): plain JavaScript, tested here.
import { mergeAnswers } from '../../public/js/answer-merge.js';

describe('mergeAnswers', () => {
  it('takes each tab’s own changes when they touched different questions', () => {
    const base = { firstName: 'Ans', contactMoments: 'Ik belde.' };
    const theirs = { ...base, contactMoments: 'Ik belde twee keer.' };
    const mine = { ...base, firstName: 'Ans B.', channels: ['telefoon'] };
    expect(mergeAnswers(base, theirs, mine)).toEqual({
      data: { firstName: 'Ans B.', contactMoments: 'Ik belde twee keer.', channels: ['telefoon'] },
      changedInBoth: [],
    });
  });

  it('keeps every word when both tabs wrote different texts in one question', () => {
    const merged = mergeAnswers({}, { firstName: 'Bert uit tab een' }, { firstName: 'Bert uit tab twee' }, (name) =>
      name === 'firstName' ? ' / ' : '\n\n',
    );
    expect(merged).toEqual({
      data: { firstName: 'Bert uit tab een / Bert uit tab twee' },
      changedInBoth: ['firstName'],
    });
    const story = mergeAnswers(
      { story: 'Ik belde.' },
      { story: 'Ik belde. Het duurde lang.' },
      { story: 'Ik mailde.' },
    );
    expect(story.data.story).toBe('Ik belde. Het duurde lang.\n\nIk mailde.');
  });

  it('takes the longer text when one tab only added to the other’s, and joins chosen boxes', () => {
    const base = { story: 'Ik belde', channels: ['website'] };
    const theirs = { story: 'Ik belde', channels: ['website', 'chat'] };
    const mine = { story: 'Ik belde en werd goed geholpen', channels: ['website', 'telefoon'] };
    expect(mergeAnswers(base, theirs, mine).data).toEqual({
      story: 'Ik belde en werd goed geholpen',
      channels: ['website', 'chat', 'telefoon'],
    });
    expect(mergeAnswers({}, { story: 'Ik belde en werd goed geholpen' }, { story: 'Ik belde' }).data.story).toBe(
      'Ik belde en werd goed geholpen',
    );
  });

  it('lets this tab decide a single choice both changed, and keeps what was cleared in one tab only when the other added nothing', () => {
    const choices = (name: string) => (name === 'rating' ? null : '\n\n');
    expect(mergeAnswers({ rating: 'neutraal' }, { rating: 'positief' }, { rating: 'negatief' }, choices)).toEqual({
      data: { rating: 'negatief' },
      changedInBoth: ['rating'],
    });
    expect(mergeAnswers({ story: 'Weg ermee' }, { story: 'Weg ermee' }, {}).data).toEqual({});
    expect(mergeAnswers({ story: 'Oud' }, { story: 'Nieuw' }, {}).data).toEqual({ story: 'Nieuw' });
  });
});
