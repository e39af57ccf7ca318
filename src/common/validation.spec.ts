import { pageQuery } from './validation';

describe(pageQuery.name, () => {
  it('drops the language switch and the fields a form left empty, and keeps the rest as typed', () => {
    expect(
      pageQuery({ lang: 'en', organisation: '', suppressBelow: '', population: 'participants', ageBands: 'false' }),
    ).toEqual({ population: 'participants', ageBands: 'false' });
  });

  it('keeps a value that is not empty, also one that will fail validation', () => {
    expect(pageQuery({ suppressBelow: '1', status: ['a', ''] })).toEqual({ suppressBelow: '1', status: ['a', ''] });
  });
});
