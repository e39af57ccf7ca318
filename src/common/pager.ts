// The links under a bounded list page (templates/partials/pager.hbs), built from the page the list answered
// with (paging.ts). Pure: no framework imports.
import { PAGE_SIZE_DEFAULT, Page, pageLinks } from './paging';

export interface PagerView {
  /** 1-based positions of the first and last item shown; 0 and 0 on an empty page. */
  from: number;
  to: number;
  total: number;
  first?: string;
  previous?: string;
  next?: string;
  last?: string;
  /** More than one page, or a page past the first: the pager is shown. */
  paged: boolean;
}

/**
 * Links to the neighbouring pages, keeping the page's filters (empty ones left out) and a limit other than the
 * default. `query` is the page's validated query; `path` has no query string.
 */
export function pagerView(
  path: string,
  query: object,
  page: Pick<Page<unknown>, 'total' | 'offset' | 'limit'> & { count: number },
): PagerView {
  const href = (offset: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (key === 'offset' || key === 'limit' || value === undefined || value === null || value === '') continue;
      params.set(key, String(value));
    }
    if (page.limit !== PAGE_SIZE_DEFAULT) params.set('limit', String(page.limit));
    if (offset > 0) params.set('offset', String(offset));
    const qs = params.toString();
    return qs ? `${path}?${qs}` : path;
  };
  const links = pageLinks(page);
  const lastOffset = page.total > 0 ? Math.floor((page.total - 1) / page.limit) * page.limit : 0;
  const view: PagerView = {
    from: links.from,
    to: page.count ? links.to : 0,
    total: page.total,
    paged: page.total > page.limit || page.offset > 0,
  };
  if (links.previous !== null) {
    view.first = href(0);
    // A page past the end leads back to the last page rather than to another empty one.
    view.previous = href(Math.min(links.previous, lastOffset));
  }
  if (links.next !== null) {
    view.next = href(links.next);
    view.last = href(lastOffset);
  }
  return view;
}
