import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { OverviewDownloadQueryDto, OverviewQueryDto } from './dto/overview-query.dto';
import { DownloadRequest, OverviewsService } from './overviews.service';
import { sendDownload } from './send-download';
import { pageOf, PageQueryDto } from '../common/paging';

const FORMATS_PRODUCED = [
  'application/json',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/pdf',
  'text/markdown',
];

@ApiTags('overviews')
@Controller('api')
export class OverviewsController {
  constructor(private readonly overviews: OverviewsService) {}

  /** Researchers: the overview of every organisation (or one), in any format. */
  @Get('studies/:slug/overview')
  @ApiProduces(...FORMATS_PRODUCED)
  async overview(
    @Param('slug') slug: string,
    @Query() q: OverviewDownloadQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await sendDownload(res, await this.overviews.download(slug, downloadRequest(q, req), user));
  }

  @Get('studies/:slug/composition')
  composition(@Param('slug') slug: string, @Query() q: OverviewQueryDto, @CurrentUser() user: AuthUser) {
    return this.overviews.composition(slug, q, user);
  }

  /** Partners: the studies their organisation takes part in. */
  @Roles('partner')
  @Get('partner/studies')
  async partnerStudies(@Query() page: PageQueryDto, @CurrentUser() user: AuthUser) {
    return pageOf(await this.overviews.partnerStudies(user), page);
  }

  /** Partners: their own organisation's overview, ages in bands unless ageBands=false. */
  @Roles('partner')
  @Get('partner/studies/:slug/overview')
  @ApiProduces(...FORMATS_PRODUCED)
  async partnerOverview(
    @Param('slug') slug: string,
    @Query() q: OverviewDownloadQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await sendDownload(res, await this.overviews.download(slug, downloadRequest(q, req), user));
  }

  /** Partners: the consortium's composition table, counts only. */
  @Roles('partner')
  @Get('partner/studies/:slug/composition')
  partnerComposition(@Param('slug') slug: string, @Query() q: OverviewQueryDto, @CurrentUser() user: AuthUser) {
    return this.overviews.composition(slug, q, user);
  }
}

/** The query as the service takes it; JSON answers one page of rows (files hold them all). */
function downloadRequest(q: OverviewDownloadQueryDto, req: Request): DownloadRequest {
  const { offset, limit, ...request } = q;
  return { ...request, format: q.format ?? 'json', locale: req.locale, page: { offset, limit } };
}
