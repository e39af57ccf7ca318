import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
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
  async list(@Param('slug') slug: string) {
    const { groups, shortfalls, unplaced } = await this.groups.overview(slug);
    return { groups, shortfalls, unplaced };
  }

  @Post('studies/:slug/groups/form')
  @HttpCode(200)
  form(@Param('slug') slug: string, @Body() dto: FormGroupsDto, @CurrentUser() user: AuthUser) {
    return this.groups.form(slug, dto, user);
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

  @Post('groups/:id/dissolve')
  @HttpCode(200)
  dissolve(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.groups.dissolve(id, user);
  }

  @Post('groups/:id/members')
  @HttpCode(200)
  add(@Param('id', ParseIdPipe) id: number, @Body() dto: AddMemberDto, @CurrentUser() user: AuthUser) {
    return this.members.add(id, dto.respondentId, dto.role ?? 'member', user);
  }

  @Delete('groups/:id/members/:respondentId')
  remove(@Param('id', ParseIdPipe) id: number, @Param('respondentId', ParseIdPipe) respondentId: number, @CurrentUser() user: AuthUser) {
    return this.members.remove(id, respondentId, user);
  }

  @Post('groups/:id/members/:respondentId/move')
  @HttpCode(200)
  move(@Param('id', ParseIdPipe) id: number, @Param('respondentId', ParseIdPipe) respondentId: number, @Body() dto: MoveMemberDto, @CurrentUser() user: AuthUser) {
    return this.members.move(id, respondentId, dto, user);
  }

  @Post('groups/:id/members/:respondentId/swap')
  @HttpCode(200)
  swap(@Param('id', ParseIdPipe) id: number, @Param('respondentId', ParseIdPipe) respondentId: number, @Body() dto: SwapMemberDto, @CurrentUser() user: AuthUser) {
    return this.members.swap(id, respondentId, dto.respondentId, user);
  }

  @Post('groups/:id/members/:respondentId/promote')
  @HttpCode(200)
  promote(@Param('id', ParseIdPipe) id: number, @Param('respondentId', ParseIdPipe) respondentId: number, @Body() dto: PromoteReserveDto, @CurrentUser() user: AuthUser) {
    return this.members.promote(id, respondentId, dto.replaceRespondentId, user);
  }
}
