import { Controller, Get, Param, Query, Render } from '@nestjs/common';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { POPULATIONS } from './overview';
import { compositionView, overviewLinks, organisationsView, rowsPager } from './overview-view';
import { OverviewQueryDto } from './dto/overview-query.dto';
import { OverviewsService } from './overviews.service';

@Controller('studies')
export class OverviewsPagesController {
  constructor(private readonly overviews: OverviewsService) {}

  /** Researchers: every organisation's overview, the composition table and the disclosure check. */
  @Get(':slug/overview')
  @Render('pages/overviews/show')
  async show(@Param('slug') slug: string, @Query() request: OverviewQueryDto, @CurrentUser() user: AuthUser) {
    const { study, overview, incomplete, organisations } = await this.overviews.overview(slug, request, user);
    return {
      title: 'overviews.title',
      study,
      stylesheets: ['/assets/css/overviews.css', '/assets/css/pager.css'],
      filter: {
        organisation: request.organisation ?? '',
        population: overview.population,
        ageBands: request.ageBands ?? false,
        suppressBelow: request.suppressBelow ?? '',
      },
      pager: rowsPager(
        `/studies/${study.slug}/overview`,
        {
          organisation: request.organisation,
          population: request.population,
          ageBands: request.ageBands,
          suppressBelow: request.suppressBelow,
        },
        overview,
        request,
      ),
      organisationChoices: organisations.map((o) => o.name),
      populations: POPULATIONS,
      composition: compositionView(overview),
      organisations: organisationsView(overview, request),
      disclosure: overview.disclosure,
      incomplete,
      downloads: overviewLinks(`/api/studies/${study.slug}/overview`, request),
    };
  }
}
