import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { JourneyDownloadQueryDto, JourneyQueryDto } from './dto/journey-query.dto';
import { JOURNEY_CONTENT_TYPES } from './journey-files';
import type { PartnerJourney } from './journey-partner';
import { JourneysService } from './journeys.service';

@ApiTags('journeys')
@Controller('api')
export class JourneysController {
  constructor(private readonly journeys: JourneysService) {}

  /** Researchers: the journey report of every organisation (or one, or one quadrant), as JSON, CSV or XLSX. */
  @Get('studies/:slug/journey')
  @ApiProduces(...new Set(Object.values(JOURNEY_CONTENT_TYPES).map((t) => t.split(';')[0])))
  async journey(
    @Param('slug') slug: string,
    @Query() q: JourneyDownloadQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { format, delimiter, ...request } = q;
    const download = await this.journeys.download(
      slug,
      { ...request, format: format ?? 'json', delimiter, locale: req.locale },
      user,
    );
    res.status(200);
    res.setHeader('Content-Type', download.contentType);
    // JSON is read inline by API clients; files are attachments with their name.
    if (!download.contentType.startsWith('application/json')) res.attachment(download.fileName);
    res.setHeader('Cache-Control', 'no-store');
    res.end(download.body);
  }

  /** Partners: their own organisation's report and the consortium's, counts only, small counts suppressed. */
  @Roles('partner')
  @Get('partner/studies/:slug/journey')
  partnerJourney(
    @Param('slug') slug: string,
    @Query() q: JourneyQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<PartnerJourney> {
    return this.journeys.partnerJson(slug, q, user);
  }
}
