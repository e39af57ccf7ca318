import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { OFFSET_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, PageQueryDto, pageLinks, parseWholeNumber } from './paging';

const check = (query: Record<string, unknown>) => {
  const dto = plainToInstance(PageQueryDto, query);
  return { dto, fields: validateSync(dto).map((e) => e.property) };
};

describe(parseWholeNumber.name, () => {
  it('reads only plain decimal whole numbers', () => {
    expect(parseWholeNumber('0')).toBe(0);
    expect(parseWholeNumber('25')).toBe(25);
    for (const bad of ['1e3', '2.5', '-1', '0x10', ' 25', '25abc', 'abc', '', '007', '9223372036854775808'])
      expect(parseWholeNumber(bad)).toBe(bad);
  });
});

describe(PageQueryDto.name, () => {
  it('defaults to the first page', () => {
    expect(check({})).toEqual({ dto: expect.objectContaining({ offset: 0, limit: PAGE_SIZE_DEFAULT }), fields: [] });
  });

  it('accepts the bounds', () => {
    expect(check({ offset: String(OFFSET_MAX), limit: String(PAGE_SIZE_MAX) }).fields).toEqual([]);
    expect(check({ offset: '0', limit: '1' }).fields).toEqual([]);
  });

  it.each([['-1'], ['1e3'], ['abc'], ['9223372036854775808'], ['1.5'], [String(OFFSET_MAX + 1)]])(
    'refuses offset=%s',
    (offset) => {
      expect(check({ offset }).fields).toEqual(['offset']);
    },
  );

  it.each([['0'], [String(PAGE_SIZE_MAX + 1)], ['1e2'], ['ten'], ['']])('refuses limit=%s', (limit) => {
    expect(check({ limit }).fields).toEqual(['limit']);
  });
});

describe(pageLinks.name, () => {
  it('says where a page starts and ends and where the neighbours are', () => {
    expect(pageLinks({ total: 120, offset: 50, limit: 50, count: 50 })).toEqual({
      from: 51,
      to: 100,
      total: 120,
      previous: 0,
      next: 100,
    });
    expect(pageLinks({ total: 120, offset: 100, limit: 50, count: 20 })).toEqual({
      from: 101,
      to: 120,
      total: 120,
      previous: 50,
      next: null,
    });
    expect(pageLinks({ total: 0, offset: 0, limit: 50, count: 0 })).toEqual({
      from: 0,
      to: 0,
      total: 0,
      previous: null,
      next: null,
    });
    expect(pageLinks({ total: 10, offset: 30, limit: 20, count: 0 })).toEqual({
      from: 0,
      to: 30,
      total: 10,
      previous: 10,
      next: null,
    });
  });
});
