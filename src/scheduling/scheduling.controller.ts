import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Patch, Query, Req } from '@nestjs/common';
import { pageOf, PageQueryDto } from '../common/paging';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import {
  ModeratorSettingsDto,
  MoveSessionDto,
  RunScheduleDto,
  SendInvitationsDto,
  SwapModeratorsDto,
} from './dto/scheduling.dto';
import { InvitationsService } from './invitations.service';
import { ModeratorsService } from './moderators.service';
import { SchedulingService } from './scheduling.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

@ApiTags('scheduling')
@Controller('api')
export class SchedulingController {
  constructor(
    private readonly scheduling: SchedulingService,
    private readonly invitations: InvitationsService,
    private readonly moderators: ModeratorsService,
  ) {}

  @Get('studies/:slug/schedule')
  async view(@Param('slug') slug: string, @Query() page: PageQueryDto, @Req() req: Request) {
    const view = await this.scheduling.view(slug, req.locale);
    // Days and groups without a session are paged together, each with its own total.
    const days = pageOf(view.days, page);
    const unscheduled = pageOf(view.unscheduled, page);
    return {
      ...view,
      days: days.items,
      unscheduled: unscheduled.items,
      total: days.total,
      unscheduledTotal: unscheduled.total,
      offset: page.offset,
      limit: page.limit,
    };
  }

  @Post('studies/:slug/schedule/run')
  @HttpCode(200)
  run(@Param('slug') slug: string, @Body() dto: RunScheduleDto, @CurrentUser() user: AuthUser, @Req() req: Request) {
    return this.scheduling.run(slug, { dryRun: dto.dryRun }, user, req.locale);
  }

  @Patch('studies/:slug/sessions/:id')
  move(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: MoveSessionDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.scheduling.move(slug, id, dto, user, req.locale);
  }

  @Post('studies/:slug/sessions/:id/swap-moderators')
  @HttpCode(200)
  swap(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: SwapModeratorsDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.scheduling.swapModerators(slug, id, dto.otherSessionId, user, req.locale);
  }

  @Post('studies/:slug/sessions/:id/cancel')
  @HttpCode(204)
  cancel(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.scheduling.cancel(slug, id, user);
  }

  @Post('studies/:slug/invitations')
  @HttpCode(200)
  sendInvitations(@Param('slug') slug: string, @Body() dto: SendInvitationsDto, @CurrentUser() user: AuthUser) {
    return this.invitations.sendForStudy(slug, dto.groupId, user);
  }

  @Get('studies/:slug/moderators')
  async moderatorsOf(@Param('slug') slug: string, @Query() page: PageQueryDto) {
    return pageOf(await this.moderators.list(slug), page);
  }

  @Put('studies/:slug/moderators/:userId')
  setModerator(
    @Param('slug') slug: string,
    @Param('userId', ParseIdPipe) userId: number,
    @Body() dto: ModeratorSettingsDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.moderators.upsert(slug, userId, dto, user);
  }

  @Delete('studies/:slug/moderators/:userId')
  @HttpCode(204)
  removeModerator(
    @Param('slug') slug: string,
    @Param('userId', ParseIdPipe) userId: number,
    @CurrentUser() user: AuthUser,
  ) {
    return this.moderators.remove(slug, userId, user);
  }

  @Post('moderator/feed')
  @HttpCode(200)
  renewFeed(@CurrentUser() user: AuthUser) {
    return this.moderators.renewFeed(user);
  }
}
