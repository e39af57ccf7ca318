import { Body, Controller, Get, HttpCode, Param, Post, Query, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import type { AppError } from '../common/app-error';
import { unlessConfirmed } from '../common/confirmation';
import { FormSpec, OnRefusal } from '../common/form-refusal';
import { PageAction, seeOther } from '../common/page-answer';
import { pagerView } from '../common/pager';
import { pageOf, PageQueryDto } from '../common/paging';
import { refusalText } from '../common/refusal-text';
import {
  AddModeratorFormDto,
  ModeratorSettingsDto,
  MoveSessionDto,
  RunScheduleFormDto,
  SchedulePageQueryDto,
  SwapModeratorsDto,
} from './dto/scheduling.dto';
import type { ViolationCode } from './explain';
import { InvitationsService } from './invitations.service';
import { ModeratorsService } from './moderators.service';
import { SchedulingService } from './scheduling.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

/** The moderators page's forms: a new moderator, and one per moderator (`{userId}` from the route). */
const NEW_MODERATOR_FORM: FormSpec = {
  name: 'new-moderator',
  fields: {
    userId: { label: 'moderators.account', id: 'add-user' },
    slotIds: { label: 'moderators.slots', id: 'add-slots' },
  },
};
const MODERATOR_FORM: FormSpec = {
  name: 'moderator-{userId}',
  fields: {
    maxPerDay: { label: 'moderators.maxPerDay', id: 'max-{userId}' },
    minRestMinutes: { label: 'moderators.minRest', id: 'rest-{userId}' },
    active: { label: 'moderators.active', id: 'active-{userId}' },
    slotIds: { label: 'moderators.slots', id: 'slots-{userId}' },
  },
};

/** Which field of the move form a broken scheduling rule is about: the slot chosen, or the two moderators. */
const RULE_FIELD: Record<ViolationCode, 'slotId' | 'moderators' | undefined> = {
  'unknown-group': undefined,
  'unknown-slot': 'slotId',
  'members-unavailable': 'slotId',
  'capacity-full': 'slotId',
  'slot-started': 'slotId',
  // The session itself has begun: no field of the form can change that.
  'session-started': undefined,
  'unknown-moderator': 'moderators',
  'same-moderator': 'moderators',
  'moderator-unavailable': 'moderators',
  'moderator-overlap': 'moderators',
  'moderator-rest': 'moderators',
  'moderator-daily-max': 'moderators',
};
const ruleField = (err: AppError) =>
  err.code === 'session_slot.not_found' ? 'slotId' : RULE_FIELD[err.code.replace(/^schedule\./, '') as ViolationCode];

/** The schedule page's forms: one to run the scheduler, and per session a move, a swap, invitations and a cancel. */
const RUN_FORM: FormSpec = { name: 'run', fields: { mode: { label: 'schedule.run.heading', id: 'run-mode' } } };
const MOVE_FORM: FormSpec = {
  name: 'move-{id}',
  fields: {
    slotId: { label: 'schedule.col.slot', id: 'move-slot-{id}' },
    leadModeratorId: { label: 'schedule.col.lead', id: 'move-lead-{id}' },
    noteModeratorId: { label: 'schedule.col.noteTaker', id: 'move-note-{id}' },
    moderators: { label: 'schedule.move.moderators', id: 'move-moderators-{id}' },
  },
  fieldOf: ruleField,
};
// Every refusal of a swap is about the session chosen to swap with (the same one, or one the rules do not allow),
// except that a session has begun: the page then offers neither it as a choice nor a swap form for it.
const SWAP_FORM: FormSpec = {
  name: 'swap-{id}',
  fields: { otherSessionId: { label: 'schedule.action.swapWith', id: 'swap-{id}' } },
  fieldOf: (err) => (err.code === 'schedule.session-started' ? undefined : 'otherSessionId'),
};
const INVITE_FORM: FormSpec = { name: 'invite-{groupId}', fields: {} };
const CANCEL_FORM: FormSpec = { name: 'cancel-{id}', fields: {} };

type ScheduleModel = Awaited<ReturnType<SchedulingPagesController['scheduleModel']>>;
const sessionsOf = (model: ScheduleModel) => model.days.flatMap((d) => d.slots.flatMap((s) => s.sessions));

/**
 * A refused change (a rule it would break, a session cancelled meanwhile) shows the schedule again with the form as
 * sent and the refusal next to the field it is about. A form that is not on the page (its session has gone, or is
 * on another page of days) cannot show it: then it is said at the top. An unknown study still gets the error page.
 */
const onSchedule = (form: FormSpec, onPage: (model: ScheduleModel, params: Record<string, string>) => boolean) =>
  OnRefusal<SchedulingPagesController>({
    view: 'pages/scheduling/schedule',
    kinds: ['invalid', 'conflict', 'not_found'],
    form,
    model: async (c, req, err) => {
      const model = await c.scheduleModel(String(req.params.slug), req, new SchedulePageQueryDto());
      if (onPage(model, req.params as Record<string, string>)) return model;
      return { ...model, refusal: refusalText(err, req.locale) };
    },
  });
const always = () => true;
const sessionShown = (model: ScheduleModel, params: Record<string, string>) =>
  sessionsOf(model).some((s) => String(s.id) === params.id);
// A session that has not begun has a swap form only when there is another such session to swap with.
const swapShown = (model: ScheduleModel, params: Record<string, string>) =>
  sessionsOf(model).some((s) => String(s.id) === params.id && (s.begun || model.canSwap));
const groupShown = (model: ScheduleModel, params: Record<string, string>) =>
  sessionsOf(model).some((s) => String(s.groupId) === params.groupId);
const onModerators = (form: FormSpec) =>
  OnRefusal<SchedulingPagesController>({
    view: 'pages/scheduling/moderators',
    model: (c, req) => c.moderatorsModel(String(req.params.slug), req, new PageQueryDto()),
    form,
  });
const scheduled = (slug: string, done: string, anchor = '') =>
  seeOther(`${schedulePath(slug)}${anchor ? `#${anchor}` : ''}`, `schedule.done.${done}`);

@Controller()
export class SchedulingPagesController {
  constructor(
    private readonly scheduling: SchedulingService,
    private readonly invitations: InvitationsService,
    private readonly moderators: ModeratorsService,
  ) {}

  @Get('studies/:slug/schedule')
  @Render('pages/scheduling/schedule')
  schedule(@Param('slug') slug: string, @Query() query: SchedulePageQueryDto, @Req() req: Request) {
    return this.scheduleModel(slug, req, query);
  }

  async scheduleModel(slug: string, req: Request, query: SchedulePageQueryDto) {
    const [view, plan] = await Promise.all([
      this.scheduling.view(slug, req.locale),
      this.scheduling.run(slug, { dryRun: true }, null, req.locale),
    ]);
    const reasons = new Map(plan.unplaced.map((u) => [u.groupId, u.reason]));
    // A session that has begun keeps its slot and moderators: it is no choice to move into or swap with.
    const allSessions = view.days.flatMap((d) =>
      d.slots.flatMap((s) =>
        s.sessions.filter((x) => !x.begun).map((x) => ({ id: x.id, label: `${x.group} · ${s.label}` })),
      ),
    );
    const slots = view.days.flatMap((d) => d.slots);
    const someSlotsBegun = slots.some((s) => s.begun);
    const { preview } = query;
    // One page of days and of groups without a session; the move and swap choices still name every slot and session.
    const days = pageOf(view.days, query);
    const waiting = pageOf(view.unscheduled, query);
    const longest = Math.max(days.total, waiting.total);
    return {
      title: 'schedule.title',
      ...view,
      days: days.items.map((d) => ({
        ...d,
        slots: d.slots.map((s) => ({
          ...s,
          // The move form says why slots that have begun are not in its list.
          sessions: s.sessions.map((x) => ({ ...x, slotHint: someSlotsBegun ? `move-slot-${x.id}-hint` : undefined })),
        })),
      })),
      pager: pagerView(
        schedulePath(slug),
        { preview },
        {
          total: longest,
          offset: query.offset,
          limit: query.limit,
          count: Math.max(days.items.length, waiting.items.length),
        },
      ),
      preview: preview === '1' ? plan : null,
      unscheduled: waiting.items.map((g) => ({ ...g, reason: reasons.get(g.groupId) ?? null })),
      slotOptions: slots.filter((s) => !s.begun).map((s) => ({ id: s.id, label: s.label })),
      sessionOptions: allSessions,
      canSwap: allSessions.length > 1,
      // Empty states that say what to do first: a session needs a lead and a note-taker, and confirmed groups.
      needsModerators: view.moderators.length < 2,
      nothingToSchedule: view.sessionCount === 0 && view.unscheduled.length === 0,
      stylesheets: ['/assets/css/scheduling.css', '/assets/css/pager.css'],
    };
  }

  @Post('studies/:slug/schedule/run')
  @PageAction()
  @onSchedule(RUN_FORM, always)
  async run(
    @Param('slug') slug: string,
    @Body() dto: RunScheduleFormDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    if (dto.mode === 'preview') return seeOther(`${schedulePath(slug)}?preview=1#proposal`);
    await this.scheduling.run(slug, { dryRun: false }, user, req.locale);
    return scheduled(slug, 'saved');
  }

  @Post('studies/:slug/sessions/:id/move')
  @PageAction()
  @onSchedule(MOVE_FORM, sessionShown)
  async move(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: MoveSessionDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    await this.scheduling.move(slug, id, dto, user, req.locale);
    return scheduled(slug, 'moved', `session-${id}`);
  }

  @Post('studies/:slug/sessions/:id/swap')
  @PageAction()
  @onSchedule(SWAP_FORM, swapShown)
  async swap(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: SwapModeratorsDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    await this.scheduling.swapModerators(slug, id, dto.otherSessionId, user, req.locale);
    return scheduled(slug, 'swapped', `session-${id}`);
  }

  @Post('studies/:slug/sessions/:id/cancel')
  @PageAction()
  @onSchedule(CANCEL_FORM, sessionShown)
  async cancel(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body('confirm') confirm: unknown,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    await unlessConfirmed(confirm, async () => {
      const p = await this.scheduling.cancellationPreview(slug, id, req.locale);
      const anyMail = p.respondentsMailed + p.moderatorsMailed > 0;
      return {
        heading: { key: 'confirm.cancel.heading', vars: { groupId: p.groupId, when: p.when } },
        consequences: [
          ...(anyMail || p.respondentsNotMailed ? [] : [{ key: 'confirm.cancel.notInvited' }]),
          ...(p.respondentsMailed ? [{ key: 'confirm.cancel.respondents', vars: { count: p.respondentsMailed } }] : []),
          ...(p.respondentsNotMailed
            ? [{ key: 'confirm.cancel.noEmail', vars: { count: p.respondentsNotMailed } }]
            : []),
          ...(p.moderatorsMailed ? [{ key: 'confirm.cancel.moderators', vars: { count: p.moderatorsMailed } }] : []),
          { key: 'confirm.cancel.after' },
        ],
        action: `/studies/${slug}/sessions/${id}/cancel`,
        confirmLabel: { key: anyMail ? 'confirm.cancel.button' : 'confirm.cancel.buttonNoMail' },
        back: `/studies/${slug}/schedule#session-${id}`,
      };
    });
    await this.scheduling.cancel(slug, id, user);
    return scheduled(slug, 'cancelled');
  }

  @Post('studies/:slug/schedule/groups/:groupId/invitations')
  @PageAction()
  @onSchedule(INVITE_FORM, groupShown)
  async invite(
    @Param('slug') slug: string,
    @Param('groupId', ParseIdPipe) groupId: number,
    @CurrentUser() user: AuthUser,
  ) {
    const { sessionId } = await this.invitations.sendForGroup(slug, groupId, user);
    return scheduled(slug, 'invited', `session-${sessionId}`);
  }

  @Get('studies/:slug/moderators')
  @Render('pages/scheduling/moderators')
  moderatorsPage(@Param('slug') slug: string, @Query() query: PageQueryDto, @Req() req: Request) {
    return this.moderatorsModel(slug, req, query);
  }

  async moderatorsModel(slug: string, req: Request, query: PageQueryDto) {
    const [view, moderators, candidates] = await Promise.all([
      this.scheduling.view(slug, req.locale),
      this.moderators.list(slug),
      this.moderators.candidates(slug),
    ]);
    const slots = view.days.flatMap((d) => d.slots.map((s) => ({ id: s.id, label: s.label })));
    const page = pageOf(moderators, query);
    return {
      title: 'moderators.title',
      study: view.study,
      moderators: page.items.map((m) => ({
        ...m,
        slots: slots.map((s) => ({ ...s, checked: m.slotIds.includes(s.id) })),
      })),
      pager: pagerView(`/studies/${slug}/moderators`, {}, { ...page, count: page.items.length }),
      candidates,
      slots,
      stylesheets: ['/assets/css/scheduling.css', '/assets/css/pager.css', '/assets/css/forms.css'],
    };
  }

  @Post('studies/:slug/moderators')
  @PageAction()
  @onModerators(NEW_MODERATOR_FORM)
  async addModerator(@Param('slug') slug: string, @Body() dto: AddModeratorFormDto, @CurrentUser() user: AuthUser) {
    const { userId, ...settings } = dto;
    await this.moderators.upsert(slug, userId, { ...settings, slotIds: settings.slotIds ?? [] }, user);
    return seeOther(`/studies/${slug}/moderators#moderator-${userId}`, 'moderators.done.added');
  }

  @Post('studies/:slug/moderators/:userId')
  @PageAction()
  @onModerators(MODERATOR_FORM)
  async updateModerator(
    @Param('slug') slug: string,
    @Param('userId', ParseIdPipe) userId: number,
    @Body() dto: ModeratorSettingsDto,
    @CurrentUser() user: AuthUser,
  ) {
    // An HTML form sends no field for unticked boxes: no slotIds means none ticked, no active means inactive.
    await this.moderators.upsert(
      slug,
      userId,
      { ...dto, slotIds: dto.slotIds ?? [], active: dto.active ?? false },
      user,
    );
    return seeOther(`/studies/${slug}/moderators#moderator-${userId}`, 'moderators.done.saved');
  }

  @Post('studies/:slug/moderators/:userId/delete')
  @PageAction()
  async removeModerator(
    @Param('slug') slug: string,
    @Param('userId', ParseIdPipe) userId: number,
    @Body('confirm') confirm: unknown,
    @CurrentUser() user: AuthUser,
  ) {
    await unlessConfirmed(confirm, async () => {
      const p = await this.moderators.removalPreview(slug, userId);
      return {
        heading: { key: 'confirm.moderator.heading', vars: { name: p.name } },
        consequences: [
          { key: 'confirm.moderator.effect', vars: { name: p.name, email: p.email } },
          ...(p.sessions ? [{ key: 'confirm.moderator.sessions', vars: { count: p.sessions, name: p.name } }] : []),
          { key: 'confirm.moderator.noMail' },
        ],
        action: `/studies/${slug}/moderators/${userId}/delete`,
        confirmLabel: { key: 'confirm.moderator.button' },
        back: `/studies/${slug}/moderators`,
      };
    });
    await this.moderators.remove(slug, userId, user);
    return seeOther(`/studies/${slug}/moderators`, 'moderators.done.removed');
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
    return {
      title: 'moderator.title',
      sessions: await this.moderators.mySessions(user.id, req.locale),
      hasFeed: true,
      feedUrl: url,
    };
  }
}

const schedulePath = (slug: string) => `/studies/${encodeURIComponent(slug)}/schedule`;
