import { buildHomeworkDefinition } from '../surveys/homework-definition';
import { translators } from '../common/view-engine';
import { draftProblems, draftShapes } from './draft-check';

describe('draft check', () => {
  const shapes = draftShapes(buildHomeworkDefinition({ organisation: 'RET' }, translators()));

  it('knows every answerable question of the homework, and no html blocks', () => {
    expect(shapes.has('firstName')).toBe(true);
    expect(shapes.has('contactMomentsRating')).toBe(true);
    expect(shapes.has('afterwardsChannels')).toBe(true);
    expect(shapes.has('introText')).toBe(false);
  });

  it('accepts a partial draft with empty answers', () => {
    expect(draftProblems(shapes, {})).toEqual([]);
    expect(
      draftProblems(shapes, {
        firstName: 'Ans',
        contactMoments: '',
        channels: ['website', 'post'],
        goalRating: 'neutraal',
      }),
    ).toEqual([]);
  });

  it('refuses unknown keys, wrong kinds, values outside the choices and overlong text', () => {
    const problems = draftProblems(shapes, {
      hacker: 'x',
      firstName: 12,
      channels: ['fax'],
      goalRating: 'great',
      contactMoments: 'x'.repeat(2001),
    });
    expect(problems.map((p) => p.field).sort()).toEqual([
      'channels',
      'contactMoments',
      'firstName',
      'goalRating',
      'hacker',
    ]);
  });

  it('refuses answers that are not an object', () => {
    expect(draftProblems(shapes, ['a'])).toHaveLength(1);
    expect(draftProblems(shapes, null)).toHaveLength(1);
  });
});
