import { Body, Controller, Get, HttpCode, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { isConfirmed, renderConfirmation } from '../common/confirmation';
import { pagerView } from '../common/pager';
import { pageOf, PageQueryDto } from '../common/paging';
import { AddModeratorFormDto, ModeratorSettingsDto, MoveSessionDto, RunScheduleFormDto, SchedulePageQueryDto, SwapModeratorsDto } from './dto/scheduling.dto';
import { InvitationsService } from './invitations.service';
import { ModeratorsService } from './moderators.service';
import { SchedulingService } from './scheduling.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

const NOTICES = ['saved', 'moved', 'swapped', 'cancelled', 'invited'];
const REFUSAL_COOKIE = 'kw_schedule_refusal';

@Controller()
export class SchedulingPagesController {
  constructor(
    private readonly scheduling: SchedulingService,
    private readonly invitations: InvitationsService,
    private readonly moderators: ModeratorsService,
  ) {}

  @Get('studies/:slug/schedule')
  @Render('pages/scheduling/schedule')
  async schedule(@Param('slug') slug: string, @Query() query: SchedulePageQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const refusal = typeof req.cookies?.[REFUSAL_COOKIE] === 'string' ? String(req.cookies[REFUSAL_COOKIE]).slice(0, 2000) : null;
    if (refusal) res.clearCookie(REFUSAL_COOKIE, { path: schedulePath(slug) });
    const [view, plan] = await Promise.all([this.scheduling.view(slug, req.locale), this.scheduling.run(slug, { dryRun: true }, null, req.locale)]);
    const reasons = new Map(plan.unplaced.map((u) => [u.groupId, u.reason]));
    const allSessions = view.days.flatMap((d) => d.slots.flatMap((s) => s.sessions.map((x) => ({ id: x.id, label: `${x.group} · ${s.label}` }))));
    const { preview, done } = query;
    // One page of days and of groups without a session; the move and swap choices still name every slot and session.
    const days = pageOf(view.days, query);
    const waiting = pageOf(view.unscheduled, query);
    const longest = Math.max(days.total, waiting.total);
    return {
      title: 'schedule.title',
      ...view,
      days: days.items,
      pager: pagerView(schedulePath(slug), { preview }, { total: longest, offset: query.offset, limit: query.limit, count: Math.max(days.items.length, waiting.items.length) }),
      notice: !refusal && done && NOTICES.includes(done) ? `schedule.done.${done}` : null,
      refusal,
      preview: preview === '1' ? plan : null,
      unscheduled: waiting.items.map((g) => ({ ...g, reason: reasons.get(g.groupId) ?? null })),
      slotOptions: view.days.flatMap((d) => d.slots.map((s) => ({ id: s.id, label: s.label }))),
      sessionOptions: allSessions,
      canSwap: allSessions.length > 1,
      // Empty states that say what to do first: a session needs a lead and a note-taker, and confirmed groups.
      needsModerators: view.moderators.length < 2,
      nothingToSchedule: view.sessionCount === 0 && view.unscheduled.length === 0,
      stylesheets: ['/assets/css/scheduling.css', '/assets/css/pager.css'],
    };
  }

  @Post('studies/:slug/schedule/run')
  async run(@Param('slug') slug: string, @Body() dto: RunScheduleFormDto, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response) {
    if (dto.mode === 'preview') return res.redirect(303, `/studies/${slug}/schedule?preview=1#proposal`);
    await act(res, slug, 'saved', '', () => this.scheduling.run(slug, { dryRun: false }, user, req.locale));
  }

  @Post('studies/:slug/sessions/:id/move')
  async move(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @Body() dto: MoveSessionDto, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response) {
    await act(res, slug, 'moved', `session-${id}`, () => this.scheduling.move(slug, id, dto, user, req.locale));
  }

  @Post('studies/:slug/sessions/:id/swap')
  async swap(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @Body() dto: SwapModeratorsDto, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response) {
    await act(res, slug, 'swapped', `session-${id}`, () => this.scheduling.swapModerators(slug, id, dto.otherSessionId, user, req.locale));
  }

  @Post('studies/:slug/sessions/:id/cancel')
  async cancel(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @Body('confirm') confirm: unknown, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response) {
    if (!isConfirmed(confirm)) {
      const p = await this.scheduling.cancellationPreview(slug, id, req.locale);
      const anyMail = p.respondentsMailed + p.moderatorsMailed > 0;
      return renderConfirmation(res, req.locale, {
        heading: { key: 'confirm.cancel.heading', vars: { groupId: p.groupId, when: p.when } },
        consequences: [
          ...(anyMail || p.respondentsNotMailed ? [] : [{ key: 'confirm.cancel.notInvited' }]),
          ...(p.respondentsMailed ? [{ key: 'confirm.cancel.respondents', vars: { count: p.respondentsMailed } }] : []),
          ...(p.respondentsNotMailed ? [{ key: 'confirm.cancel.noEmail', vars: { count: p.respondentsNotMailed } }] : []),
          ...(p.moderatorsMailed ? [{ key: 'confirm.cancel.moderators', vars: { count: p.moderatorsMailed } }] : []),
          { key: 'confirm.cancel.after' },
        ],
        action: `/studies/${slug}/sessions/${id}/cancel`,
        confirmLabel: { key: anyMail ? 'confirm.cancel.button' : 'confirm.cancel.buttonNoMail' },
        back: `/studies/${slug}/schedule#session-${id}`,
      });
    }
    await act(res, slug, 'cancelled', '', () => this.scheduling.cancel(slug, id, user));
  }

  @Post('studies/:slug/schedule/groups/:groupId/invitations')
  async invite(@Param('slug') slug: string, @Param('groupId', ParseIdPipe) groupId: number, @CurrentUser() user: AuthUser, @Res() res: Response) {
    let anchor = '';
    await act(res, slug, 'invited', () => anchor, async () => {
      anchor = `session-${(await this.invitations.sendForGroup(slug, groupId, user)).sessionId}`;
    });
  }

  @Get('studies/:slug/moderators')
  @Render('pages/scheduling/moderators')
  async moderatorsPage(@Param('slug') slug: string, @Query() query: PageQueryDto, @Req() req: Request) {
    const [view, moderators, candidates] = await Promise.all([this.scheduling.view(slug, req.locale), this.moderators.list(slug), this.moderators.candidates(slug)]);
    const slots = view.days.flatMap((d) => d.slots.map((s) => ({ id: s.id, label: s.label })));
    const page = pageOf(moderators, query);
    return {
      title: 'moderators.title',
      study: view.study,
      moderators: page.items.map((m) => ({ ...m, slots: slots.map((s) => ({ ...s, checked: m.slotIds.includes(s.id) })) })),
      pager: pagerView(`/studies/${slug}/moderators`, {}, { ...page, count: page.items.length }),
      candidates,
      slots,
      stylesheets: ['/assets/css/scheduling.css', '/assets/css/pager.css'],
    };
  }

  @Post('studies/:slug/moderators')
  async addModerator(@Param('slug') slug: string, @Body() dto: AddModeratorFormDto, @CurrentUser() user: AuthUser, @Res() res: Response) {
    const { userId, ...settings } = dto;
    await this.moderators.upsert(slug, userId, { ...settings, slotIds: settings.slotIds ?? [] }, user);
    res.redirect(303, `/studies/${slug}/moderators#moderator-${userId}`);
  }

  @Post('studies/:slug/moderators/:userId')
  async updateModerator(@Param('slug') slug: string, @Param('userId', ParseIdPipe) userId: number, @Body() dto: ModeratorSettingsDto, @CurrentUser() user: AuthUser, @Res() res: Response) {
    // An HTML form sends no field for unticked boxes: no slotIds means none ticked, no active means inactive.
    await this.moderators.upsert(slug, userId, { ...dto, slotIds: dto.slotIds ?? [], active: dto.active ?? false }, user);
    res.redirect(303, `/studies/${slug}/moderators#moderator-${userId}`);
  }

  @Post('studies/:slug/moderators/:userId/delete')
  async removeModerator(@Param('slug') slug: string, @Param('userId', ParseIdPipe) userId: number, @Body('confirm') confirm: unknown, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response) {
    if (!isConfirmed(confirm)) {
      const p = await this.moderators.removalPreview(slug, userId);
      return renderConfirmation(res, req.locale, {
        heading: { key: 'confirm.moderator.heading', vars: { name: p.name } },
        consequences: [
          { key: 'confirm.moderator.effect', vars: { name: p.name, email: p.email } },
          ...(p.sessions ? [{ key: 'confirm.moderator.sessions', vars: { count: p.sessions, name: p.name } }] : []),
          { key: 'confirm.moderator.noMail' },
        ],
        action: `/studies/${slug}/moderators/${userId}/delete`,
        confirmLabel: { key: 'confirm.moderator.button' },
        back: `/studies/${slug}/moderators`,
      });
    }
    await this.moderators.remove(slug, userId, user);
    res.redirect(303, `/studies/${slug}/moderators`);
  }

  @Get('moderator')
  @Render('pages/scheduling/moderator')
  async moderatorPage(@Query() query: PageQueryDto, @CurrentUser() user: AuthUser, @Req() req: Request) {
    const page = pageOf(await this.moderators.mySessions(user.id, req.locale), query);
    return {
      title: 'moderator.title',
      sessions: page.items,
      pager: pagerView('/moderator', {}, { ...page, count: page.items.length }),
      hasFeed: await this.moderators.hasFeed(user.id),
      feedUrl: null,
      stylesheets: ['/assets/css/pager.css'],
    };
  }

  @Post('moderator/feed')
  @HttpCode(200)
  @Render('pages/scheduling/moderator')
  async renewFeed(@CurrentUser() user: AuthUser, @Req() req: Request) {
    const { url } = await this.moderators.renewFeed(user);
    return { title: 'moderator.title', sessions: await this.moderators.mySessions(user.id, req.locale), hasFeed: true, feedUrl: url };
  }
}

const schedulePath = (slug: string) => `/studies/${encodeURIComponent(slug)}/schedule`;

/**
 * Runs a schedule-page action and goes back to the schedule (post/redirect/get). A refusal (a rule the change
 * would break, a session cancelled meanwhile) is shown at the top of the schedule instead of on an error page;
 * an unknown study and anything unexpected still go to the error filter.
 */
async function act(res: Response, slug: string, done: string, anchor: string | (() => string), work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (!(err instanceof AppError) || err.code === 'study.not_found') throw err;
    res.cookie(REFUSAL_COOKIE, err.message, { httpOnly: true, sameSite: 'lax', path: schedulePath(slug), maxAge: 60_000 });
    return res.redirect(303, `${schedulePath(slug)}#refusal`);
  }
  const hash = typeof anchor === 'function' ? anchor() : anchor;
  res.redirect(303, `${schedulePath(slug)}?done=${done}${hash ? `#${hash}` : ''}`);
}
