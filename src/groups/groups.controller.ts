import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { PageQueryDto } from '../common/paging';
import { groupListsPage } from './group-lists';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { AddMemberDto, FormGroupsDto, MoveMemberDto, PromoteReserveDto, SwapMemberDto } from './dto/groups.dto';
import { GroupMembersService } from './group-members.service';
import { GroupsService } from './groups.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

@ApiTags('groups')
@Controller('api')
export class GroupsController {
  constructor(
    private readonly groups: GroupsService,
    private readonly members: GroupMembersService,
  ) {}

  @Get('studies/:slug/groups')
  async list(@Param('slug') slug: string, @Query() page: PageQueryDto) {
    const { groups, shortfalls, unplaced } = await this.groups.overview(slug);
    return { ...groupListsPage({ groups, unplaced }, page), shortfalls };
  }

  /** The groups formed and who was left out, paged as the list is (offset and limit in the query). */
  @Post('studies/:slug/groups/form')
  @HttpCode(200)
  async form(
    @Param('slug') slug: string,
    @Body() dto: FormGroupsDto,
    @Query() page: PageQueryDto,
    @CurrentUser() user: AuthUser,
  ) {
    const { groups, shortfalls, unplaced } = await this.groups.form(slug, dto, user);
    return { ...groupListsPage({ groups, unplaced }, page), shortfalls };
  }

  @Get('groups/:id')
  get(@Param('id', ParseIdPipe) id: number) {
    return this.groups.groupView(id);
  }

  @Post('groups/:id/confirm')
  @HttpCode(200)
  confirm(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.groups.confirm(id, user);
  }

  @Post('groups/:id/lock')
  @HttpCode(200)
  lock(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.groups.lock(id, user);
  }

  @Post('groups/:id/unlock')
  @HttpCode(200)
  unlock(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.groups.unlock(id, user);
  }

  @Post('groups/:id/members')
  @HttpCode(200)
  add(@Param('id', ParseIdPipe) id: number, @Body() dto: AddMemberDto, @CurrentUser() user: AuthUser) {
    return this.members.add(id, dto.respondentId, dto.role ?? 'member', user);
  }

  @Delete('groups/:id/members/:respondentId')
  remove(
    @Param('id', ParseIdPipe) id: number,
    @Param('respondentId', ParseIdPipe) respondentId: number,
    @CurrentUser() user: AuthUser,
  ) {
    return this.members.remove(id, respondentId, user);
  }

  @Post('groups/:id/members/:respondentId/move')
  @HttpCode(200)
  move(
    @Param('id', ParseIdPipe) id: number,
    @Param('respondentId', ParseIdPipe) respondentId: number,
    @Body() dto: MoveMemberDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.members.move(id, respondentId, dto, user);
  }

  @Post('groups/:id/members/:respondentId/swap')
  @HttpCode(200)
  swap(
    @Param('id', ParseIdPipe) id: number,
    @Param('respondentId', ParseIdPipe) respondentId: number,
    @Body() dto: SwapMemberDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.members.swap(id, respondentId, dto.respondentId, user);
  }

  @Post('groups/:id/members/:respondentId/promote')
  @HttpCode(200)
  promote(
    @Param('id', ParseIdPipe) id: number,
    @Param('respondentId', ParseIdPipe) respondentId: number,
    @Body() dto: PromoteReserveDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.members.promote(id, respondentId, dto.replaceRespondentId, user);
  }
}
