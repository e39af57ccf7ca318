import { Injectable } from '@nestjs/common';
import type { Locale } from '../common/domain';
import { pagerView } from '../common/pager';
import { GroupsPageQueryDto } from './dto/groups.dto';
import { groupListsPage } from './group-lists';
import { groupsPage } from './groups-page';
import { GroupsService } from './groups.service';

/**
 * The groups page's view model. Its changes are posted by the groups module's own page controller and, for those
 * that span modules (dissolving), by the orchestrators above it; a refusal shows this page again either way.
 */
@Injectable()
export class GroupsPageService {
  constructor(private readonly groups: GroupsService) {}

  /** The groups page, with a dry run of forming groups (for one organisation or all) when `preview` asks. */
  async model(slug: string, locale: Locale, query: GroupsPageQueryDto) {
    const overview = await this.groups.overview(slug);
    const scope = query.organisation;
    const dryRun =
      query.preview === '1' ? await this.groups.formDetailed(slug, { dryRun: true, organisation: scope }, null) : null;
    // One page of the groups and of those left out (the preview's too); the counts speak of the whole study.
    const shown = groupListsPage(overview, query);
    const previewShown = dryRun && { ...dryRun, report: { ...dryRun.report, ...groupListsPage(dryRun.report, query) } };
    const view = groupsPage({ ...overview, groups: shown.groups, unplaced: shown.unplaced }, previewShown, locale);
    const longest = Math.max(
      shown.total,
      shown.unplacedTotal,
      dryRun?.report.groups.length ?? 0,
      dryRun?.report.unplaced.length ?? 0,
    );
    const count = Math.max(0, Math.min(query.limit, longest - query.offset));
    return {
      title: 'groups.title',
      stylesheets: ['/assets/css/groups.css', '/assets/css/pager.css'],
      ...view,
      counts: {
        groups: overview.groups.length,
        unplaced: overview.unplaced.length,
        shortfalls: overview.shortfalls.length,
      },
      pager: pagerView(
        `/studies/${slug}/groups`,
        { preview: query.preview, organisation: query.organisation },
        { total: longest, offset: query.offset, limit: query.limit, count },
      ),
      previewOrganisation: scope ?? '',
      // A closed study's groups are a record: the page offers no changes (the server refuses them anyway).
      closed: overview.study.status === 'closed',
    };
  }
}
