import { groupListsPage } from './group-lists';

describe(groupListsPage.name, () => {
  const lists = { groups: [1, 2, 3, 4, 5], unplaced: ['a', 'b'] };

  it('pages both lists with one window and tells each total', () => {
    expect(groupListsPage(lists, { offset: 0, limit: 2 })).toEqual({
      groups: [1, 2],
      unplaced: ['a', 'b'],
      total: 5,
      unplacedTotal: 2,
      offset: 0,
      limit: 2,
    });
    expect(groupListsPage(lists, { offset: 2, limit: 2 })).toEqual({
      groups: [3, 4],
      unplaced: [],
      total: 5,
      unplacedTotal: 2,
      offset: 2,
      limit: 2,
    });
  });

  it('answers empty lists past the end', () => {
    expect(groupListsPage(lists, { offset: 10, limit: 50 })).toMatchObject({ groups: [], unplaced: [], total: 5 });
  });
});
