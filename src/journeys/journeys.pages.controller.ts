import { Controller, Get, Param, Query, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { QUADRANTS } from '../common/domain';
import { translator } from '../common/view-engine';
import { POPULATIONS } from '../overviews/overview';
import { JourneyQueryDto } from './dto/journey-query.dto';
import { journeyLinks, quoteViews } from './journey-page';
import { journeyPictures } from './journey-pictures';
import type { Count, JourneyGroup } from './journey-report';
import { journeyBlocks } from './journey-view';
import { JourneysService } from './journeys.service';

const STYLESHEETS = ['/assets/css/overviews.css', '/assets/css/journeys.css', '/assets/css/journey-pictures.css'];

/** No group has a respondent with homework: the page says so instead of pictures and tables that are all zeros. */
const nobodyHandedIn = (groups: JourneyGroup<Count>[]): boolean => groups.every((g) => g.respondents === 0);

@Controller()
export class JourneysPagesController {
  constructor(private readonly journeys: JourneysService) {}

  /** Researchers: the four quadrants of an organisation side by side, or one quadrant across organisations. */
  @Get('studies/:slug/journey')
  @Render('pages/journeys/show')
  async show(
    @Param('slug') slug: string,
    @Query() request: JourneyQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    const { study, organisations, report } = await this.journeys.report(slug, request, user);
    // Nothing to draw: the pictures (vega, the slow part of the page) and tables are not shown, so not made.
    const nobodyYet = nobodyHandedIn(report.groups);
    return {
      title: 'journeys.title',
      study,
      stylesheets: STYLESHEETS,
      filterAction: `/studies/${study.slug}/journey`,
      filter: {
        organisation: request.organisation ?? '',
        quadrant: request.quadrant ?? '',
        population: report.population,
      },
      organisationChoices: organisations,
      quadrants: QUADRANTS,
      populations: POPULATIONS,
      quadrantName: request.quadrant ? translator(req.locale)(`quadrant.${request.quadrant}`) : '',
      nobodyYet,
      pictures: nobodyYet ? null : await journeyPictures(report, req.locale, { idPrefix: 'picture' }),
      blocks: nobodyYet ? [] : journeyBlocks(report.groups, { locale: req.locale, quadrant: request.quadrant }),
      downloads: journeyLinks(`/api/studies/${study.slug}/journey`, request),
    };
  }

  /** Partners: their own organisation, the consortium as counts only, and the quotes marked shareable. */
  @Roles('partner')
  @Get('partner/studies/:slug/journey')
  @Render('pages/journeys/partner')
  async partner(
    @Param('slug') slug: string,
    @Query() request: JourneyQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    const { study, journey } = await this.journeys.partner(slug, request, user);
    const locale = req.locale;
    const ownNobodyYet = nobodyHandedIn(journey.groups);
    return {
      pageTitle: study.title,
      study,
      stylesheets: STYLESHEETS,
      organisation: journey.organisation,
      k: journey.k,
      filterAction: `/partner/studies/${study.slug}/journey`,
      filter: { quadrant: request.quadrant ?? '', population: journey.population },
      quadrants: QUADRANTS,
      populations: POPULATIONS,
      quadrantName: request.quadrant ? translator(locale)(`quadrant.${request.quadrant}`) : '',
      ownNobodyYet,
      consortiumNobodyYet: nobodyHandedIn(journey.consortium),
      pictures: ownNobodyYet
        ? null
        : await journeyPictures(journey, locale, { idPrefix: 'picture', suppressedBelow: journey.k }),
      own: journeyBlocks(journey.groups, { locale, k: journey.k, quadrant: request.quadrant, idPrefix: 'own' }),
      consortium: journeyBlocks(journey.consortium, {
        locale,
        k: journey.k,
        quadrant: request.quadrant,
        idPrefix: 'consortium',
      }),
      quotes: quoteViews(journey.quotes, locale),
    };
  }
}
