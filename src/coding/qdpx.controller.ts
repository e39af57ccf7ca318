import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { QdpxService } from './qdpx.service';

export const QDPX_CONTENT_TYPE = 'application/zip';

export function sendQdpx(res: Response, file: { fileName: string; body: Buffer }): void {
  res.status(200);
  res.setHeader('Content-Type', QDPX_CONTENT_TYPE);
  res.attachment(file.fileName);
  res.setHeader('Cache-Control', 'no-store');
  res.end(file.body);
}

/** The study's coded homework as a REFI-QDA project, for researchers; every download is audited. */
@ApiTags('coding')
@Controller('api/studies/:slug/coding/qdpx')
export class QdpxController {
  constructor(private readonly qdpx: QdpxService) {}

  @Get()
  @ApiProduces(QDPX_CONTENT_TYPE)
  async export(@Param('slug') slug: string, @CurrentUser() user: AuthUser, @Res() res: Response) {
    sendQdpx(res, await this.qdpx.export(slug, user, 'api'));
  }
}
