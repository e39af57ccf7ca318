import { Controller, Get, Param, Query, Render } from '@nestjs/common';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { POPULATIONS } from './overview';
import { compositionView, downloadLinks, organisationsView } from './overview-view';
import { OverviewQueryDto } from './dto/overview-query.dto';
import { OverviewsService } from './overviews.service';

/** The partner portal: a partner sees the studies of its organisation and only its own organisation's rows. */
@Roles('partner')
@Controller('partner')
export class PartnerPagesController {
  constructor(private readonly overviews: OverviewsService) {}

  @Get()
  @Render('pages/partner/list')
  async list(@CurrentUser() user: AuthUser) {
    return { title: 'partner.title', stylesheets: ['/assets/css/overviews.css'], studies: await this.overviews.partnerStudies(user) };
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
      stylesheets: ['/assets/css/overviews.css'],
      organisation: own.name,
      filter: { population: overview.population, ageBands: request.ageBands ?? true, suppressBelow: suppressBelow ?? '' },
      populations: POPULATIONS,
      composition: compositionView(composition),
      organisations: organisationsView(overview),
      disclosure: overview.disclosure,
      // The files carry the same composition table as the page, so the same suppression.
      downloads: downloadLinks(`/api/partner/studies/${study.slug}/overview`, { ...request, suppressBelow }),
    };
  }
}
