import { Body, Controller, Get, Param, Post, Query, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { unlessConfirmed } from '../common/confirmation';
import { OnRefusal } from '../common/form-refusal';
import { PageAction, seeOther } from '../common/page-answer';
import { pagerView } from '../common/pager';
import {
  AddToGroupDto,
  FormGroupsDto,
  GroupsPageQueryDto,
  MoveMemberDto,
  PromoteReserveDto,
  SwapMemberDto,
} from './dto/groups.dto';
import { groupListsPage } from './group-lists';
import { GroupMembersService } from './group-members.service';
import { groupsPage, refusalText } from './groups-page';
import { GroupsService } from './groups.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

const STATUS_ACTIONS = ['confirm', 'lock', 'unlock', 'dissolve'] as const;
const isStatusAction = (a: string): a is (typeof STATUS_ACTIONS)[number] =>
  (STATUS_ACTIONS as readonly string[]).includes(a);

/**
 * A refused change shows the groups page again, the refusal at the top next to the groups it concerns, in the
 * reader's language (an unknown study still gets the error page: the page cannot be built).
 */
const showsRefusal = () =>
  OnRefusal<GroupsPagesController>({
    view: 'pages/groups/index',
    kinds: ['invalid', 'conflict', 'not_found'],
    model: async (c, req, err) => ({
      ...(await c.pageModel(String(req.params.slug), req, new GroupsPageQueryDto())),
      refusal: refusalText({ text: err.message, code: err.code, details: err.details }, req.locale),
    }),
  });
const done = (slug: string, key: string, vars: Record<string, unknown>) =>
  seeOther(`/studies/${slug}/groups`, `groups.done.${key}`, vars);

@Controller('studies/:slug/groups')
export class GroupsPagesController {
  constructor(
    private readonly groups: GroupsService,
    private readonly members: GroupMembersService,
  ) {}

  @Get()
  @Render('pages/groups/index')
  show(@Param('slug') slug: string, @Query() query: GroupsPageQueryDto, @Req() req: Request) {
    return this.pageModel(slug, req, query);
  }

  /** The groups page, with a dry run of forming groups (for one organisation or all) when `preview` asks. */
  async pageModel(slug: string, req: Request, query: GroupsPageQueryDto) {
    const overview = await this.groups.overview(slug);
    const scope = query.organisation;
    const dryRun =
      query.preview === '1' ? await this.groups.formDetailed(slug, { dryRun: true, organisation: scope }, null) : null;
    // One page of the groups and of those left out (the preview's too); the counts speak of the whole study.
    const shown = groupListsPage(overview, query);
    const previewShown = dryRun && { ...dryRun, report: { ...dryRun.report, ...groupListsPage(dryRun.report, query) } };
    const view = groupsPage({ ...overview, groups: shown.groups, unplaced: shown.unplaced }, previewShown, req.locale);
    const longest = Math.max(
      shown.total,
      shown.unplacedTotal,
      dryRun?.report.groups.length ?? 0,
      dryRun?.report.unplaced.length ?? 0,
    );
    const count = Math.max(0, Math.min(query.limit, longest - query.offset));
    return {
      title: 'groups.title',
      stylesheets: ['/assets/css/groups.css', '/assets/css/pager.css'],
      ...view,
      counts: {
        groups: overview.groups.length,
        unplaced: overview.unplaced.length,
        shortfalls: overview.shortfalls.length,
      },
      pager: pagerView(
        `/studies/${slug}/groups`,
        { preview: query.preview, organisation: query.organisation },
        { total: longest, offset: query.offset, limit: query.limit, count },
      ),
      previewOrganisation: scope ?? '',
      // A closed study's groups are a record: the page offers no changes (the server refuses them anyway).
      closed: overview.study.status === 'closed',
    };
  }

  @Post('form')
  @PageAction()
  @showsRefusal()
  async form(@Param('slug') slug: string, @Body() dto: FormGroupsDto, @CurrentUser() user: AuthUser) {
    const report = await this.groups.form(slug, { organisation: dto.organisation }, user);
    return done(slug, 'formed', { a: report.groups.length, b: report.shortfalls.length });
  }

  @Post(':id/:action')
  @PageAction()
  @showsRefusal()
  async status(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Param('action') action: string,
    @Body('confirm') confirm: unknown,
    @CurrentUser() user: AuthUser,
  ) {
    if (!isStatusAction(action)) throw AppError.notFound('group_action', action);
    if (action === 'dissolve') {
      await unlessConfirmed(confirm, async () => ({
        heading: { key: 'confirm.dissolve.heading', vars: { groupId: id } },
        consequences: [
          { key: 'confirm.dissolve.members', vars: await this.groups.dissolvePreview(id) },
          { key: 'confirm.dissolve.noMail' },
        ],
        action: `/studies/${slug}/groups/${id}/dissolve`,
        confirmLabel: { key: 'confirm.dissolve.button' },
        back: `/studies/${slug}/groups#group-${id}`,
      }));
    }
    await this.groups[action](id, user);
    return done(slug, action, { a: id });
  }

  @Post('add')
  @PageAction()
  @showsRefusal()
  async add(@Param('slug') slug: string, @Body() dto: AddToGroupDto, @CurrentUser() user: AuthUser) {
    await this.members.add(dto.groupId, dto.respondentId, dto.role ?? 'member', user);
    return done(slug, 'added', { a: dto.respondentId, b: dto.groupId });
  }

  @Post(':id/members/:respondentId/move')
  @PageAction()
  @showsRefusal()
  async move(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Param('respondentId', ParseIdPipe) respondentId: number,
    @Body() dto: MoveMemberDto,
    @CurrentUser() user: AuthUser,
  ) {
    await this.members.move(id, respondentId, dto, user);
    return done(slug, 'moved', { a: respondentId, b: dto.groupId });
  }

  @Post(':id/members/:respondentId/swap')
  @PageAction()
  @showsRefusal()
  async swap(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Param('respondentId', ParseIdPipe) respondentId: number,
    @Body() dto: SwapMemberDto,
    @CurrentUser() user: AuthUser,
  ) {
    await this.members.swap(id, respondentId, dto.respondentId, user);
    return done(slug, 'swapped', { a: respondentId, b: dto.respondentId });
  }

  @Post(':id/members/:respondentId/promote')
  @PageAction()
  @showsRefusal()
  async promote(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Param('respondentId', ParseIdPipe) respondentId: number,
    @Body() dto: PromoteReserveDto,
    @CurrentUser() user: AuthUser,
  ) {
    await this.members.promote(id, respondentId, dto.replaceRespondentId, user);
    return done(slug, 'promoted', { a: respondentId, b: id });
  }

  @Post(':id/members/:respondentId/remove')
  @PageAction()
  @showsRefusal()
  async remove(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Param('respondentId', ParseIdPipe) respondentId: number,
    @CurrentUser() user: AuthUser,
  ) {
    await this.members.remove(id, respondentId, user);
    return done(slug, 'removed', { a: respondentId, b: id });
  }
}
