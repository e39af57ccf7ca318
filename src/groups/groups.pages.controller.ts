import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { pagerView } from '../common/pager';
import { groupListsPage } from './group-lists';
import type { Request, Response } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { isConfirmed, renderConfirmation } from '../common/confirmation';
import { AddToGroupDto, FormGroupsDto, GroupsPageQueryDto, MoveMemberDto, PromoteReserveDto, SwapMemberDto } from './dto/groups.dto';
import { GroupMembersService } from './group-members.service';
import { groupsPage, refusalText } from './groups-page';
import { GroupsService } from './groups.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

const NOTICE_COOKIE = 'kw_groups_notice';

interface Notice {
  kind: 'done' | 'refused';
  /** A refusal's message (English, as the API gives it), or for a success "locale key|a|b". */
  text: string;
  /** A refusal's code and details: the page says it in the reader's language where the locale files can. */
  code?: string;
  details?: Record<string, unknown>;
}

const STATUS_ACTIONS = ['confirm', 'lock', 'unlock', 'dissolve'] as const;
const isStatusAction = (a: string): a is (typeof STATUS_ACTIONS)[number] => (STATUS_ACTIONS as readonly string[]).includes(a);

@Controller('studies/:slug/groups')
export class GroupsPagesController {
  constructor(
    private readonly groups: GroupsService,
    private readonly members: GroupMembersService,
  ) {}

  @Get()
  @Render('pages/groups/index')
  async show(@Param('slug') slug: string, @Query() query: GroupsPageQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const overview = await this.groups.overview(slug);
    const scope = query.organisation;
    const dryRun = query.preview === '1' ? await this.groups.formDetailed(slug, { dryRun: true, organisation: scope }, null) : null;
    const notice = readNotice(req);
    if (notice) res.clearCookie(NOTICE_COOKIE, { path: `/studies/${slug}/groups` });
    // One page of the groups and of those left out (the preview's too); the counts speak of the whole study.
    const shown = groupListsPage(overview, query);
    const previewShown = dryRun && { ...dryRun, report: { ...dryRun.report, ...groupListsPage(dryRun.report, query) } };
    const view = groupsPage({ ...overview, groups: shown.groups, unplaced: shown.unplaced }, previewShown, res.locals.locale);
    const longest = Math.max(shown.total, shown.unplacedTotal, dryRun?.report.groups.length ?? 0, dryRun?.report.unplaced.length ?? 0);
    const count = Math.max(0, Math.min(query.limit, longest - query.offset));
    return {
      title: 'groups.title',
      stylesheets: ['/assets/css/groups.css', '/assets/css/pager.css'],
      ...view,
      counts: { groups: overview.groups.length, unplaced: overview.unplaced.length, shortfalls: overview.shortfalls.length },
      pager: pagerView(`/studies/${slug}/groups`, { preview: query.preview, organisation: query.organisation }, { total: longest, offset: query.offset, limit: query.limit, count }),
      previewOrganisation: scope ?? '',
      // A closed study's groups are a record: the page offers no changes (the server refuses them anyway).
      closed: overview.study.status === 'closed',
      notice,
    };
  }

  @Post('form')
  form(@Param('slug') slug: string, @Body() dto: FormGroupsDto, @CurrentUser() user: AuthUser, @Res() res: Response) {
    return act(res, slug, async () => {
      const report = await this.groups.form(slug, { organisation: dto.organisation }, user);
      return `groups.notice.formed|${report.groups.length}|${report.shortfalls.length}`;
    });
  }

  @Post(':id/:action')
  async status(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @Param('action') action: string, @Body('confirm') confirm: unknown, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response) {
    if (!isStatusAction(action)) throw AppError.notFound('group_action', action);
    if (action === 'dissolve' && !isConfirmed(confirm)) {
      const preview = await this.groups.dissolvePreview(id);
      return renderConfirmation(res, req.locale, {
        heading: { key: 'confirm.dissolve.heading', vars: { groupId: id } },
        consequences: [{ key: 'confirm.dissolve.members', vars: preview }, { key: 'confirm.dissolve.noMail' }],
        action: `/studies/${slug}/groups/${id}/dissolve`,
        confirmLabel: { key: 'confirm.dissolve.button' },
        back: `/studies/${slug}/groups#group-${id}`,
      });
    }
    return act(res, slug, async () => {
      await this.groups[action](id, user);
      return `groups.notice.${action}|${id}`;
    });
  }

  @Post('add')
  add(@Param('slug') slug: string, @Body() dto: AddToGroupDto, @CurrentUser() user: AuthUser, @Res() res: Response) {
    return act(res, slug, async () => {
      await this.members.add(dto.groupId, dto.respondentId, dto.role ?? 'member', user);
      return `groups.notice.added|${dto.respondentId}|${dto.groupId}`;
    });
  }

  @Post(':id/members/:respondentId/move')
  move(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @Param('respondentId', ParseIdPipe) respondentId: number, @Body() dto: MoveMemberDto, @CurrentUser() user: AuthUser, @Res() res: Response) {
    return act(res, slug, async () => {
      await this.members.move(id, respondentId, dto, user);
      return `groups.notice.moved|${respondentId}|${dto.groupId}`;
    });
  }

  @Post(':id/members/:respondentId/swap')
  swap(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @Param('respondentId', ParseIdPipe) respondentId: number, @Body() dto: SwapMemberDto, @CurrentUser() user: AuthUser, @Res() res: Response) {
    return act(res, slug, async () => {
      await this.members.swap(id, respondentId, dto.respondentId, user);
      return `groups.notice.swapped|${respondentId}|${dto.respondentId}`;
    });
  }

  @Post(':id/members/:respondentId/promote')
  promote(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @Param('respondentId', ParseIdPipe) respondentId: number, @Body() dto: PromoteReserveDto, @CurrentUser() user: AuthUser, @Res() res: Response) {
    return act(res, slug, async () => {
      await this.members.promote(id, respondentId, dto.replaceRespondentId, user);
      return `groups.notice.promoted|${respondentId}|${id}`;
    });
  }

  @Post(':id/members/:respondentId/remove')
  remove(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @Param('respondentId', ParseIdPipe) respondentId: number, @CurrentUser() user: AuthUser, @Res() res: Response) {
    return act(res, slug, async () => {
      await this.members.remove(id, respondentId, user);
      return `groups.notice.removed|${respondentId}|${id}`;
    });
  }
}

/**
 * Runs a page action and goes back to the groups page (post/redirect/get). A refusal is shown there, next to
 * the groups it concerns, instead of on a separate error page; anything unexpected still goes to the filter.
 */
async function act(res: Response, slug: string, work: () => Promise<string>): Promise<void> {
  let notice: Notice;
  try {
    notice = { kind: 'done', text: await work() };
  } catch (err) {
    if (!(err instanceof AppError) || err.code === 'study.not_found') throw err;
    notice = { kind: 'refused', text: err.message, code: err.code, details: err.details };
  }
  res.cookie(NOTICE_COOKIE, JSON.stringify(notice), { httpOnly: true, sameSite: 'lax', path: `/studies/${slug}/groups`, maxAge: 60_000 });
  res.redirect(303, `/studies/${slug}/groups#notice`);
}

function readNotice(req: Request): { refused: boolean; text?: string; key?: string; a?: string; b?: string } | null {
  const raw = req.cookies?.[NOTICE_COOKIE];
  if (typeof raw !== 'string') return null;
  try {
    const parsed = JSON.parse(raw) as Notice;
    if (parsed.kind === 'refused') return { refused: true, text: refusalText(parsed, req.locale) };
    const [key, a, b] = String(parsed.text).split('|');
    return key.startsWith('groups.notice.') ? { refused: false, key, a, b } : null;
  } catch {
    return null;
  }
}
