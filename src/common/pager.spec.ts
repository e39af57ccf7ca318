import { pagerView } from './pager';
import { PAGE_SIZE_DEFAULT } from './paging';

describe(pagerView.name, () => {
  const path = '/studies/wp2a/respondents';

  it('shows no pager when everything fits on one page', () => {
    expect(pagerView(path, {}, { total: 12, limit: 50, offset: 0, count: 12 })).toEqual({
      from: 1,
      to: 12,
      total: 12,
      paged: false,
    });
  });

  it('links on from the first page, keeping the filters and leaving empty ones and the default limit out', () => {
    const query = { quadrant: 'gemakzoeker', status: '', organisation: 3, limit: PAGE_SIZE_DEFAULT, offset: 0 };
    expect(pagerView(path, query, { total: 120, limit: 50, offset: 0, count: 50 })).toEqual({
      from: 1,
      to: 50,
      total: 120,
      paged: true,
      next: `${path}?quadrant=gemakzoeker&organisation=3&offset=50`,
      last: `${path}?quadrant=gemakzoeker&organisation=3&offset=100`,
    });
  });

  it('links back from the last page, which may be short', () => {
    expect(pagerView(path, { lang: 'en' }, { total: 120, limit: 50, offset: 100, count: 20 })).toEqual({
      from: 101,
      to: 120,
      total: 120,
      paged: true,
      first: `${path}?lang=en`,
      previous: `${path}?lang=en&offset=50`,
    });
  });

  it('keeps a limit other than the default and escapes filter values', () => {
    const view = pagerView(path, { q: 'a&b c' }, { total: 30, limit: 10, offset: 10, count: 10 });
    expect(view.previous).toBe(`${path}?q=a%26b+c&limit=10`);
    expect(view.next).toBe(`${path}?q=a%26b+c&limit=10&offset=20`);
  });

  it('leads from a page beyond the end back to the last page', () => {
    const view = pagerView(path, {}, { total: 120, limit: 50, offset: 500, count: 0 });
    expect(view).toEqual({ from: 0, to: 0, total: 120, paged: true, first: path, previous: `${path}?offset=100` });
  });

  it('shows no pager for an empty list', () => {
    expect(pagerView(path, {}, { total: 0, limit: 50, offset: 0, count: 0 })).toEqual({
      from: 0,
      to: 0,
      total: 0,
      paged: false,
    });
  });
});
