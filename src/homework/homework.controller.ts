import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { pageOf, PageQueryDto } from '../common/paging';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Public } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { HomeworkDraftDto, HomeworkSettingsDto, HomeworkSubmitDto, PaperEntryDto } from './dto/homework.dto';
import { HomeworkLinksService } from './homework-links.service';
import { HomeworkViewsService } from './homework-views.service';
import { HomeworkService } from './homework.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

const ipOf = (req: Request) => req.ip ?? 'unknown';

/** The respondent's form (by private link or code, no login) and the researchers' homework API. */
@ApiTags('homework')
@Controller('api')
export class HomeworkController {
  constructor(
    private readonly homework: HomeworkService,
    private readonly views: HomeworkViewsService,
    private readonly links: HomeworkLinksService,
  ) {}

  @Public()
  @Get('homework/:key')
  async state(@Param('key') key: string, @Req() req: Request) {
    return this.homework.state(await this.links.resolve(key, ipOf(req)));
  }

  /** Token links are answered before they get here, by autosave.route.ts (same body rules and service); typed codes come here. */
  @Public()
  @Put('homework/:key/draft')
  saveDraft(@Param('key') key: string, @Body() dto: HomeworkDraftDto, @Req() req: Request) {
    return this.homework.saveDraft(key, dto, ipOf(req));
  }

  @Public()
  @Post('homework/:key/submit')
  @HttpCode(200)
  submit(@Param('key') key: string, @Body() dto: HomeworkSubmitDto, @Req() req: Request) {
    return this.homework.submit(key, dto, ipOf(req));
  }

  @Get('studies/:slug/homework')
  async status(@Param('slug') slug: string, @Query() page: PageQueryDto, @CurrentUser() user: AuthUser) {
    const { study, groups } = await this.views.statusOfStudy(slug, user);
    const { items, ...paging } = pageOf(groups, page);
    return { study, groups: items, ...paging };
  }

  @Post('studies/:slug/homework/groups/:groupId/send')
  @HttpCode(200)
  send(@Param('slug') slug: string, @Param('groupId', ParseIdPipe) groupId: number, @CurrentUser() user: AuthUser) {
    return this.homework.sendForGroup(slug, groupId, user);
  }

  @Get('studies/:slug/homework/groups/:groupId/prep')
  prep(
    @Param('slug') slug: string,
    @Param('groupId', ParseIdPipe) groupId: number,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.views.prep(slug, groupId, user, req.locale);
  }

  @Post('studies/:slug/homework/assignments/:id/paper')
  @HttpCode(200)
  paper(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: PaperEntryDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.homework.enterPaper(slug, id, dto.data, user);
  }

  @Post('studies/:slug/homework/reminders')
  @HttpCode(200)
  remind(@Param('slug') slug: string) {
    return this.homework.sendReminders({ slug });
  }

  @Get('studies/:slug/homework/settings')
  settings(@Param('slug') slug: string) {
    return this.homework.settings(slug);
  }

  @Put('studies/:slug/homework/settings')
  updateSettings(@Param('slug') slug: string, @Body() dto: HomeworkSettingsDto, @CurrentUser() user: AuthUser) {
    return this.homework.updateSettings(slug, dto.reminderDays ?? null, user);
  }
}
