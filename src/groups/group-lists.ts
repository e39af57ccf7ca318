// The groups' lists in bounded pages. A study's groups and the respondents left out of them are two lists of
// one answer; one offset and limit page both, and each says its own total. Pure: no framework imports.

export interface GroupListsPage<G, U> {
  groups: G[];
  unplaced: U[];
  /** How many groups there are in all. */
  total: number;
  /** How many respondents are left out in all. */
  unplacedTotal: number;
  offset: number;
  limit: number;
}

export function groupListsPage<G, U>(
  lists: { groups: readonly G[]; unplaced: readonly U[] },
  page: { offset: number; limit: number },
): GroupListsPage<G, U> {
  const end = page.offset + page.limit;
  return {
    groups: lists.groups.slice(page.offset, end),
    unplaced: lists.unplaced.slice(page.offset, end),
    total: lists.groups.length,
    unplacedTotal: lists.unplaced.length,
    offset: page.offset,
    limit: page.limit,
  };
}
