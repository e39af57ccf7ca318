import { Body, Controller, Get, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ActionFile, ActionsService } from './actions.service';
import {
  ActionChangeDto,
  ActionExportQueryDto,
  ActionListQueryDto,
  ActionStatusDto,
  CreateActionDto,
  MeasurementDto,
} from './dto/action.dto';

/** The action register of a study: researchers see every organisation's actions, partners their own organisation's. */
@ApiTags('actions')
@Roles(...ANY_ROLE)
@Controller('api/studies/:slug/actions')
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Post()
  create(@Param('slug') slug: string, @Body() dto: CreateActionDto, @CurrentUser() user: AuthUser) {
    return this.actions.create(slug, dto, user);
  }

  @Get()
  list(@Param('slug') slug: string, @Query() q: ActionListQueryDto, @CurrentUser() user: AuthUser) {
    return this.actions.list(slug, user, q);
  }

  /** CSV (UTF-8 with BOM and ";") or XLSX; audited. */
  @Get('export')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(
    @Param('slug') slug: string,
    @Query() q: ActionExportQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    sendActionFile(
      res,
      await this.actions.export(slug, user, {
        format: q.format ?? 'csv',
        organisation: q.organisation,
        locale: req.locale,
        via: 'api',
      }),
    );
  }

  @Get(':id')
  get(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.actions.get(slug, id, user);
  }

  @Patch(':id')
  update(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: ActionChangeDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.actions.update(slug, id, dto, user);
  }

  @Post(':id/status')
  setStatus(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: ActionStatusDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.actions.setStatus(slug, id, dto, user);
  }

  /** `{ name, variants: [{ name, reached, contacts, reference? }] }` → each rate with its 95 % Wilson interval, and against the reference the difference and p. */
  @Post(':id/measurements')
  async addMeasurement(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: MeasurementDto,
    @CurrentUser() user: AuthUser,
  ) {
    const m = await this.actions.addMeasurement(slug, id, dto, user);
    return {
      id: m.id,
      name: m.name,
      variants: m.variants.map(({ name, rate, low, high, difference, p }) => ({
        name,
        rate,
        low,
        high,
        ...(difference === undefined ? {} : { difference, p }),
      })),
    };
  }
}

/** Sends an exported register as a download (pages use it too). */
export function sendActionFile(res: Response, file: ActionFile): void {
  res.status(200);
  res.setHeader('Content-Type', file.contentType);
  res.attachment(file.fileName);
  res.setHeader('Cache-Control', 'no-store');
  res.end(file.body);
}
