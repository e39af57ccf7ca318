import { Controller, Get, Param, Post, Query, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { PageAction, seeOther } from '../common/page-answer';
import { pagerView } from '../common/pager';
import { pageOf, PageQueryDto } from '../common/paging';
import { blockerView, bulkView, isBulkAction, pipelineView, remedyLink } from './dashboard-view';
import { BULK_ACTIONS, DashboardService } from './dashboard.service';
import type { BulkAction } from './pipeline';

const STYLESHEETS = ['/assets/css/lists.css', '/assets/css/dashboard.css'];
const home = (slug: string) => `/studies/${encodeURIComponent(slug)}`;

function bulkAction(value: string): BulkAction {
  if (!isBulkAction(value)) throw AppError.notFound('action', value);
  return value;
}

/** `/studies/:slug`: the study's first page. */
@Controller('studies/:slug')
export class DashboardPagesController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Render('pages/dashboard/show')
  async show(@Param('slug') slug: string, @Query() query: PageQueryDto, @Req() req: Request) {
    const d = await this.dashboard.dashboard(slug);
    const [next] = d.blockers;
    // The pipeline has a row per organisation × quadrant: one page of them, the totals over all.
    const pipeline = pipelineView(d.pipeline, req.locale);
    const rows = pageOf(pipeline.rows, query);
    return {
      pageTitle: d.study.title,
      study: d.study,
      screenerUrl: `/s/${encodeURIComponent(d.study.slug)}`,
      empty: d.state.respondents === 0,
      next: next
        ? remedyLink(d.study.slug, next.remedy, d.state)
        : { href: `${home(d.study.slug)}/overview`, label: 'dashboard.go.overview' },
      allClear: !next,
      blockers: d.blockers.map((b) => blockerView(d.study.slug, b, d.state, req.locale)),
      pipeline: { ...pipeline, rows: rows.items },
      pager: pagerView(home(d.study.slug), {}, { ...rows, count: rows.items.length }),
      bulk: BULK_ACTIONS.map((a) => bulkView(d.study.slug, d.previews[a])),
      stylesheets: [...STYLESHEETS, '/assets/css/pager.css'],
    };
  }

  /** Says what a bulk action will do (how many groups, people and e-mails) before it is done. */
  @Get('actions/:action')
  @Render('pages/dashboard/confirm')
  async confirm(@Param('slug') slug: string, @Param('action') action: string) {
    const { study, preview } = await this.dashboard.preview(slug, bulkAction(action));
    return {
      title: `dashboard.confirm.${preview.action}.title`,
      study,
      ...bulkView(study.slug, preview),
      stylesheets: STYLESHEETS,
    };
  }

  @Post('actions/:action')
  @PageAction()
  async run(@Param('slug') slug: string, @Param('action') action: string, @CurrentUser() user: AuthUser) {
    const result = await this.dashboard.run(slug, bulkAction(action), user);
    const refused = result.refused.length;
    return seeOther(home(slug), `dashboard.done.${result.action}${refused ? '.someRefused' : ''}`, {
      count: result.done,
      refused,
    });
  }
}
