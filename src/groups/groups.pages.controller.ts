import { Body, Controller, Get, Param, Post, Query, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { PageAction } from '../common/page-answer';
import {
  AddToGroupDto,
  FormGroupsDto,
  GroupsPageQueryDto,
  MoveMemberDto,
  PromoteReserveDto,
  SwapMemberDto,
} from './dto/groups.dto';
import { GroupMembersService } from './group-members.service';
import { backToGroups, ShowsGroupsRefusal } from './groups-page.decorators';
import { GroupsPageService } from './groups-page.service';
import { GroupsService } from './groups.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

/**
 * The groups page and the changes of its groups' members. A group's status changes (confirm, lock, unlock,
 * dissolve) are posted to study-flow's GroupStatusPagesController: dissolving asks scheduling first.
 */
@Controller('studies/:slug/groups')
export class GroupsPagesController {
  constructor(
    private readonly groups: GroupsService,
    private readonly members: GroupMembersService,
    readonly groupsPage: GroupsPageService,
  ) {}

  @Get()
  @Render('pages/groups/index')
  show(@Param('slug') slug: string, @Query() query: GroupsPageQueryDto, @Req() req: Request) {
    return this.groupsPage.model(slug, req.locale, query);
  }

  @Post('form')
  @PageAction()
  @ShowsGroupsRefusal()
  async form(@Param('slug') slug: string, @Body() dto: FormGroupsDto, @CurrentUser() user: AuthUser) {
    const report = await this.groups.form(slug, { organisation: dto.organisation }, user);
    return backToGroups(slug, 'formed', { a: report.groups.length, b: report.shortfalls.length });
  }

  @Post('add')
  @PageAction()
  @ShowsGroupsRefusal()
  async add(@Param('slug') slug: string, @Body() dto: AddToGroupDto, @CurrentUser() user: AuthUser) {
    await this.members.add(dto.groupId, dto.respondentId, dto.role ?? 'member', user);
    return backToGroups(slug, 'added', { a: dto.respondentId, b: dto.groupId });
  }

  @Post(':id/members/:respondentId/move')
  @PageAction()
  @ShowsGroupsRefusal()
  async move(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Param('respondentId', ParseIdPipe) respondentId: number,
    @Body() dto: MoveMemberDto,
    @CurrentUser() user: AuthUser,
  ) {
    await this.members.move(id, respondentId, dto, user);
    return backToGroups(slug, 'moved', { a: respondentId, b: dto.groupId });
  }

  @Post(':id/members/:respondentId/swap')
  @PageAction()
  @ShowsGroupsRefusal()
  async swap(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Param('respondentId', ParseIdPipe) respondentId: number,
    @Body() dto: SwapMemberDto,
    @CurrentUser() user: AuthUser,
  ) {
    await this.members.swap(id, respondentId, dto.respondentId, user);
    return backToGroups(slug, 'swapped', { a: respondentId, b: dto.respondentId });
  }

  @Post(':id/members/:respondentId/promote')
  @PageAction()
  @ShowsGroupsRefusal()
  async promote(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Param('respondentId', ParseIdPipe) respondentId: number,
    @Body() dto: PromoteReserveDto,
    @CurrentUser() user: AuthUser,
  ) {
    await this.members.promote(id, respondentId, dto.replaceRespondentId, user);
    return backToGroups(slug, 'promoted', { a: respondentId, b: id });
  }

  @Post(':id/members/:respondentId/remove')
  @PageAction()
  @ShowsGroupsRefusal()
  async remove(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Param('respondentId', ParseIdPipe) respondentId: number,
    @CurrentUser() user: AuthUser,
  ) {
    await this.members.remove(id, respondentId, user);
    return backToGroups(slug, 'removed', { a: respondentId, b: id });
  }
}
