import { Body, Controller, Get, Param, Post, Query, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { QUADRANTS } from '../common/domain';
import { FormSpec, OnRefusal } from '../common/form-refusal';
import { PageAction, seeOther } from '../common/page-answer';
import { pagerView } from '../common/pager';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ACTION_STATUSES, statusChoices } from './action-rules';
import { variantLine } from './action-view';
import { ActionsService, Viewer } from './actions.service';
import {
  ACTION_EXPORT_FORMATS,
  ActionChangeDto,
  ActionListQueryDto,
  ActionStatusDto,
  CreateActionDto,
  MeasurementFormDto,
} from './dto/action.dto';

const register = (slug: string) => `/studies/${slug}/actions`;
const actionPage = (slug: string, id: number | string) => `/studies/${slug}/action/${id}`;
const STYLESHEETS = ['/assets/css/forms.css', '/assets/css/pager.css', '/assets/css/actions.css'];
/** Rows of the measurement form: enough for the seed's pilot (three cards) and one more. */
const VARIANT_ROWS = 4;

const textFields = (prefix: string) => ({
  omschrijving: { label: 'action.field.omschrijving', id: `${prefix}-omschrijving` },
  analyse: { label: 'action.field.analyse', id: `${prefix}-analyse` },
  actie: { label: 'action.field.actie', id: `${prefix}-actie` },
  actiehouders: { label: 'action.field.actiehouders', id: `${prefix}-holders` },
  mijlpaal: { label: 'action.field.mijlpaal', id: `${prefix}-mijlpaal` },
  codes: { label: 'actions.form.codes', id: `${prefix}-codes` },
  quadrants: { label: 'actions.form.quadrants', id: `${prefix}-quadrants` },
  quotes: { label: 'actions.form.quotes', id: `${prefix}-quotes` },
});
const NEW_ACTION_FORM: FormSpec = {
  name: 'new-action',
  fields: {
    organisation: { label: 'action.field.organisation', id: 'new-organisation' },
    ...textFields('new'),
    // Offered for every organisation before one is chosen.
    quotes: { label: 'actions.form.quotesNew', id: 'new-quotes' },
  },
};
const EDIT_ACTION_FORM: FormSpec = { name: 'edit-action', fields: textFields('edit') };
const STATUS_FORM: FormSpec = {
  name: 'status',
  fields: {
    status: { label: 'actions.status.new', id: 'status-new' },
    note: { label: 'actions.status.note', id: 'status-note' },
  },
};
/** A variant's fields are named as measureVariants names them (`variants[1].contacts`), one set per row. */
const VARIANT_FIELDS = {
  name: 'actions.measurement.field.name',
  reached: 'actions.measurement.field.reached',
  contacts: 'actions.measurement.field.contacts',
} as const;
const MEASUREMENT_FORM: FormSpec = {
  name: 'measurement',
  fields: {
    name: { label: 'actions.measurement.name', id: 'measurement-name' },
    ...Object.fromEntries(
      Array.from({ length: VARIANT_ROWS }, (_, i) =>
        Object.entries(VARIANT_FIELDS).map(([field, label]): [string, FormSpec['fields'][string]] => [
          `variants[${i}].${field}`,
          { label, id: `variant-${field}-${i}`, vars: { number: i + 1 } },
        ]),
      ).flat(),
    ),
  },
};

/**
 * The action register as pages: researchers see every organisation's actions, partners their own organisation's.
 * (A single action lives at /studies/:slug/action/:id: the dashboard's bulk pages use /studies/:slug/actions/:action.)
 */
@Roles(...ANY_ROLE)
@Controller('studies/:slug')
export class ActionsPagesController {
  constructor(private readonly actions: ActionsService) {}

  @Get('actions')
  @Render('pages/actions/register')
  register(@Param('slug') slug: string, @Query() q: ActionListQueryDto, @CurrentUser() user: AuthUser) {
    return this.registerModel(slug, q, user);
  }

  @Post('actions')
  @PageAction()
  @OnRefusal<ActionsPagesController>({
    view: 'pages/actions/register',
    kinds: ['invalid', 'forbidden'],
    model: (c, req) => c.registerModel(String(req.params.slug), new ActionListQueryDto(), req.user!),
    form: NEW_ACTION_FORM,
  })
  async create(@Param('slug') slug: string, @Body() dto: CreateActionDto, @CurrentUser() user: AuthUser) {
    const { id, number } = await this.actions.create(slug, dto, user);
    return seeOther(actionPage(slug, id), 'actions.done.created', { number });
  }

  @Get('action/:id')
  @Render('pages/actions/show')
  show(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.showModel(slug, id, user, req);
  }

  @Get('action/:id/edit')
  @Render('pages/actions/edit')
  edit(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.editModel(slug, id, user);
  }

  @Post('action/:id')
  @PageAction()
  @OnRefusal<ActionsPagesController>({
    view: 'pages/actions/edit',
    model: (c, req) => c.editModel(String(req.params.slug), Number(req.params.id), req.user!),
    form: EDIT_ACTION_FORM,
  })
  async update(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: ActionChangeDto,
    @CurrentUser() user: AuthUser,
  ) {
    // A form without ticked boxes sends no field at all: no boxes ticked means none.
    const action = await this.actions.update(
      slug,
      id,
      {
        ...dto,
        actiehouders: dto.actiehouders ?? [],
        codes: dto.codes ?? [],
        quadrants: dto.quadrants ?? [],
        quotes: dto.quotes ?? [],
      },
      user,
    );
    return seeOther(actionPage(slug, id), 'actions.done.saved', { number: action.number });
  }

  @Post('action/:id/status')
  @PageAction()
  @OnRefusal<ActionsPagesController>({
    view: 'pages/actions/show',
    model: (c, req) => c.showModel(String(req.params.slug), Number(req.params.id), req.user!, req),
    form: STATUS_FORM,
  })
  async setStatus(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: ActionStatusDto,
    @CurrentUser() user: AuthUser,
  ) {
    const action = await this.actions.setStatus(slug, id, dto, user);
    return seeOther(`${actionPage(slug, id)}#history`, 'actions.done.status', { number: action.number });
  }

  @Post('action/:id/measurements')
  @PageAction()
  @OnRefusal<ActionsPagesController>({
    view: 'pages/actions/show',
    model: (c, req) => c.showModel(String(req.params.slug), Number(req.params.id), req.user!, req),
    form: MEASUREMENT_FORM,
  })
  async addMeasurement(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: MeasurementFormDto,
    @CurrentUser() user: AuthUser,
  ) {
    const m = await this.actions.addMeasurement(slug, id, { name: dto.name, variants: formVariants(dto) }, user);
    return seeOther(`${actionPage(slug, id)}#measurement-${m.id}`, 'actions.done.measured', { name: m.name });
  }

  // ------------------------------------------------------------------------------------------- view models

  async registerModel(slug: string, q: ActionListQueryDto, user: Viewer) {
    const page = { offset: q.offset ?? 0, limit: q.limit ?? 50 };
    const { study, organisations } = await this.actions.scope(slug, user);
    const list = await this.actions.list(slug, user, { ...q, ...page });
    const filter = { organisation: q.organisation ?? '', status: q.status ?? '' };
    const exportQuery = q.organisation ? `&organisation=${encodeURIComponent(q.organisation)}` : '';
    return {
      title: 'actions.page.title',
      study,
      isPartner: user?.role === 'partner',
      organisations: organisations.map((o) => o.name),
      statuses: ACTION_STATUSES,
      quadrants: QUADRANTS,
      filter,
      rows: list.items,
      total: list.total,
      pager: pagerView(register(study.slug), filter, { ...list, count: list.items.length }),
      downloads: ACTION_EXPORT_FORMATS.map((format) => ({
        format,
        href: `/api/studies/${study.slug}/actions/export?format=${format}${exportQuery}`,
      })),
      holders: await this.holderChoices(organisations),
      quoteGroups: await this.actions.evidenceQuotesPerOrganisation(slug, organisations),
      stylesheets: STYLESHEETS,
    };
  }

  async showModel(slug: string, id: number, user: Viewer, req: Request) {
    const { study } = await this.actions.scope(slug, user);
    const action = await this.actions.get(slug, id, user);
    const typed = (req.method === 'POST' ? req.body : {}) as Partial<Record<string, unknown>>;
    const list = (v: unknown): string[] =>
      Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : '')) : typeof v === 'string' ? [v] : [];
    const [names, reached, contacts] = [
      list(typed.variantName),
      list(typed.variantReached),
      list(typed.variantContacts),
    ];
    return {
      title: 'actions.show.title',
      pageTitle: `${action.number} · ${action.omschrijving.slice(0, 60)}`,
      study,
      isPartner: user?.role === 'partner',
      action,
      statuses: statusChoices(action.status),
      measurements: action.measurements.map((m) => ({
        ...m,
        lines: m.variants.map((v) => variantLine(v, req.locale)),
      })),
      variantRows: Array.from({ length: VARIANT_ROWS }, (_, i) => ({
        index: i,
        number: i + 1,
        name: names[i] ?? '',
        reached: reached[i] ?? '',
        contacts: contacts[i] ?? '',
        reference: typeof typed.reference === 'string' ? typed.reference === String(i) : i === 0,
      })),
      stylesheets: STYLESHEETS,
    };
  }

  async editModel(slug: string, id: number, user: Viewer) {
    const { study, organisations } = await this.actions.scope(slug, user);
    const action = await this.actions.get(slug, id, user);
    const organisation = organisations.find((o) => o.name === action.organisation)!;
    const holderIds = new Set(action.actiehouders.map((h) => h.id));
    const codeIds = new Set(action.evidence.codes.map((c) => c.id));
    const quoteIds = new Set(action.evidence.quotes.map((q) => q.codingId));
    return {
      title: 'actions.edit.title',
      study,
      isPartner: user?.role === 'partner',
      action,
      holders: (await this.holderChoices([organisation])).map((h) => ({ ...h, chosen: holderIds.has(h.id) })),
      codes: (await this.actions.evidenceCodes(slug))
        .filter((c) => c.tekstId !== null)
        .map((c) => ({ ...c, label: c.path.join(' › '), chosen: codeIds.has(c.id) })),
      quadrants: QUADRANTS.map((q) => ({ value: q, chosen: action.evidence.quadrants.includes(q) })),
      quotes: (await this.actions.evidenceQuotes(slug, organisation)).map((q) => ({
        ...q,
        chosen: quoteIds.has(q.codingId),
      })),
      withdrawnQuotes: await this.actions.withdrawnQuotes(slug, id, user),
      stylesheets: STYLESHEETS,
    };
  }

  /** Researchers and the partners of these organisations, each once, with their organisation for partners. */
  private async holderChoices(organisations: { id: number; name: string }[]) {
    const seen = new Map<number, { id: number; name: string; organisation: string | null }>();
    for (const o of organisations)
      for (const u of await this.actions.possibleHolders(o.id))
        if (!seen.has(u.id))
          seen.set(u.id, { id: u.id, name: u.name, organisation: u.role === 'partner' ? o.name : null });
    return [...seen.values()];
  }
}

/** The measurement form's rows as variants; rows left empty are no variant, numbers as typed are checked as counts. */
function formVariants(dto: MeasurementFormDto): unknown[] {
  const names = dto.variantName ?? [];
  const count = (v: string | undefined) => (v !== undefined && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v);
  return names.flatMap((name, i) => {
    const reached = dto.variantReached?.[i] ?? '';
    const contacts = dto.variantContacts?.[i] ?? '';
    if (!name.trim() && !reached.trim() && !contacts.trim()) return [];
    return [{ name, reached: count(reached), contacts: count(contacts), reference: dto.reference === String(i) }];
  });
}
