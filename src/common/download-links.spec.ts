import { downloadLinks } from './download-links';

describe(downloadLinks.name, () => {
  it('gives one link per format with the filters kept, comma CSV next and JSON last', () => {
    const links = downloadLinks('/api/studies/wp2a/journey', { organisation: 'UWV', quadrant: 'A' }, [
      'json',
      'csv',
      'xlsx',
    ]);
    expect(links).toEqual([
      { format: 'csv', href: '/api/studies/wp2a/journey?organisation=UWV&quadrant=A&format=csv' },
      { format: 'xlsx', href: '/api/studies/wp2a/journey?organisation=UWV&quadrant=A&format=xlsx' },
      {
        format: 'csv-comma',
        href: '/api/studies/wp2a/journey?organisation=UWV&quadrant=A&format=csv&delimiter=comma',
      },
      { format: 'json', href: '/api/studies/wp2a/journey?organisation=UWV&quadrant=A&format=json' },
    ]);
  });

  it('leaves out filters without a value but keeps false and numbers', () => {
    const [first] = downloadLinks('/x', { a: undefined, b: null, c: '', ageBands: false, suppressBelow: 5 }, ['csv']);
    expect(first.href).toBe('/x?ageBands=false&suppressBelow=5&format=csv');
  });

  it('escapes filter values', () => {
    const [first] = downloadLinks('/x', { organisation: 'Gemeente & Co' }, ['pdf']);
    expect(first.href).toBe('/x?organisation=Gemeente+%26+Co&format=pdf');
  });
});
