import { Controller, Get, Param, Query, Render } from '@nestjs/common';
import { pagerView } from '../common/pager';
import { pageOf, PageQueryDto } from '../common/paging';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { POPULATIONS } from './overview';
import { compositionView, overviewLinks, organisationsView, rowsPager } from './overview-view';
import { OverviewQueryDto } from './dto/overview-query.dto';
import { OverviewsService } from './overviews.service';

/** The partner portal: a partner sees the studies of its organisation and only its own organisation's rows. */
@Roles('partner')
@Controller('partner')
export class PartnerPagesController {
  constructor(private readonly overviews: OverviewsService) {}

  @Get()
  @Render('pages/partner/list')
  async list(@Query() query: PageQueryDto, @CurrentUser() user: AuthUser) {
    const page = pageOf(await this.overviews.partnerStudies(user), query);
    return {
      title: 'partner.title',
      stylesheets: ['/assets/css/overviews.css', '/assets/css/pager.css'],
      studies: page.items,
      pager: pagerView('/partner', {}, { ...page, count: page.items.length }),
    };
  }

  @Get('studies/:slug')
  @Render('pages/partner/show')
  async show(@Param('slug') slug: string, @Query() q: OverviewQueryDto, @CurrentUser() user: AuthUser) {
    const { suppressBelow, ...request } = q;
    const { study, overview } = await this.overviews.overview(slug, request, user);
    const composition = await this.overviews.composition(slug, { population: request.population, suppressBelow }, user);
    const own = overview.organisations[0];
    return {
      pageTitle: study.title,
      study,
      stylesheets: ['/assets/css/overviews.css', '/assets/css/pager.css'],
      organisation: own.name,
      pager: rowsPager(
        `/partner/studies/${study.slug}`,
        { population: request.population, ageBands: request.ageBands, suppressBelow },
        overview,
        request,
      ),
      filter: {
        population: overview.population,
        ageBands: request.ageBands ?? true,
        suppressBelow: suppressBelow ?? '',
      },
      populations: POPULATIONS,
      composition: compositionView(composition),
      organisations: organisationsView(overview, request),
      disclosure: overview.disclosure,
      // The files carry the same composition table as the page, so the same suppression.
      downloads: overviewLinks(`/api/partner/studies/${study.slug}/overview`, { ...request, suppressBelow }),
    };
  }
}
