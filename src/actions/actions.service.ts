import { Inject, Injectable, Logger } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser, UserAccount } from '../auth/auth-user';
import { UserQueryService } from '../auth/user-query.service';
import { AppError, type FieldProblems } from '../common/app-error';
import { isOneOf, type Locale, QUADRANTS } from '../common/domain';
import { dutchParts } from '../common/dutch-time';
import { formatDate } from '../common/format';
import { translator } from '../common/view-engine';
import type { Page } from '../common/paging';
import { APP_CONFIG, type ResolvedConfig } from '../config/config.module';
import { CodebookService } from '../coding/codebook.service';
import { CodingQueryService, type ShareableQuote } from '../coding/coding-query.service';
import { OutboxService } from '../mail/outbox.service';
import { StudiesService } from '../studies/studies.service';
import { StudyQueryService } from '../studies/study-query.service';
import type { Action } from './action.entity';
import { actionsToCsv, actionsToXlsx, ExportRow, ExportWords } from './action-export';
import { ActionRepository, EvidenceRow, StoredMeasurement } from './action.repository';
import {
  ACTION_STATUSES,
  ActionField,
  actionNumber,
  ActionStatus,
  actionTextProblems,
  addDays,
  isMilestoneReminderDue,
} from './action-rules';
import type { ActionExportFormat } from './dto/action.dto';
import { measureVariants, VariantResult } from './proportions';
import { inSequence } from '../common/in-sequence';

type Study = Awaited<ReturnType<StudiesService['get']>>;

/** Who acts: a logged-in user (researchers see every organisation, partners their own), or the command line (null). */
export type Viewer = AuthUser | null;

export interface OrganisationRef {
  id: number;
  name: string;
}

export interface ActionInput {
  omschrijving?: string;
  analyse?: string;
  actie?: string;
  actiehouders?: number[];
  mijlpaal?: string | null;
  codes?: number[];
  quadrants?: string[];
  /** Coding ids of shareable quotes of the action's organisation. */
  quotes?: number[];
}

export interface NewActionInput extends ActionInput {
  organisation: unknown;
}

/** A shareable quote as the register shows it: what was said, by which pseudonym, with its code and quadrant. */
export interface QuoteEvidence {
  codingId: number;
  pseudonym: string;
  quadrant: ShareableQuote['quadrant'];
  question: string;
  text: string;
  code: { tekstId: string | null; path: string[] };
}

export interface ActionSummary {
  id: number;
  number: string;
  organisation: string;
  omschrijving: string;
  analyse: string;
  actie: string;
  actiehouders: { id: number; name: string }[];
  mijlpaal: string | null;
  status: ActionStatus;
  createdAt: Date;
  updatedAt: Date;
}

export interface ActionDetail extends ActionSummary {
  evidence: {
    codes: { id: number; tekstId: string | null; path: string[] }[];
    quadrants: string[];
    quotes: QuoteEvidence[];
  };
  history: { from: ActionStatus | null; to: ActionStatus; by: string | null; at: Date; note: string | null }[];
  measurements: MeasurementView[];
}

export interface MeasurementView {
  id: number;
  name: string;
  createdAt: Date;
  variants: (VariantResult & { reached: number; contacts: number; reference: boolean })[];
}

export interface ActionFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES: Record<ActionExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const EXPORT_COLUMNS = [
  'number',
  'organisation',
  'omschrijving',
  'analyse',
  'actie',
  'actiehouders',
  'mijlpaal',
  'status',
  'quotes',
];

/** The action register: per partner organisation what changes, who holds it, its evidence, status and measured effect. */
@Injectable()
export class ActionsService {
  private readonly logger = new Logger(ActionsService.name);

  constructor(
    private readonly repository: ActionRepository,
    private readonly studies: StudiesService,
    private readonly studyQuery: StudyQueryService,
    private readonly users: UserQueryService,
    private readonly codebook: CodebookService,
    private readonly codingQuery: CodingQueryService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /**
   * The study and the organisations the viewer may see: all for researchers and the command line, their own for a
   * partner. A partner whose organisation is not in the study gets the 404 of a study that does not exist.
   */
  async scope(slug: string, viewer: Viewer): Promise<{ study: Study; organisations: OrganisationRef[] }> {
    const study = await this.studies.get(slug);
    const all = (await this.studies.organisationsOf(study.id)).map((so) => ({
      id: so.organisationId,
      name: so.organisation.name,
    }));
    if (viewer?.role !== 'partner') return { study, organisations: all };
    const own = all.filter((o) => o.id === viewer.organisationId);
    if (!own.length) throw AppError.notFound('study', slug);
    return { study, organisations: own };
  }

  /** Registers an action with its first status (open), holders and evidence; answers its id and number. */
  async create(slug: string, input: NewActionInput, viewer: Viewer): Promise<{ id: number; number: string }> {
    // Two registrations in the same month at once may pick the same number: the unique key refuses one, which tries again.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.createOnce(slug, input, viewer);
      } catch (err) {
        if (attempt >= 5 || !isUniqueViolation(err)) throw err;
      }
    }
  }

  @Transactional()
  private async createOnce(
    slug: string,
    input: NewActionInput,
    viewer: Viewer,
  ): Promise<{ id: number; number: string }> {
    const { study, organisations } = await this.scope(slug, viewer);
    const organisation = this.organisationOf(input.organisation, organisations, viewer);
    const text = {
      omschrijving: input.omschrijving ?? '',
      analyse: input.analyse ?? '',
      actie: input.actie ?? '',
      mijlpaal: input.mijlpaal ?? null,
    };
    this.checkText(text, input.actiehouders ?? []);
    const holders = await this.checkHolders(input.actiehouders ?? [], organisation);
    const evidence = await this.checkEvidence(study, organisation, input);
    const now = new Date();
    const month = dutchParts(now).date.slice(0, 7);
    const number = actionNumber(month, await this.repository.nextSequence(study.id, month));
    const action = await this.repository.insert({
      studyId: study.id,
      organisationId: organisation.id,
      number,
      ...trimmed(text),
      status: 'open',
      remindedMijlpaal: null,
      createdAt: now,
      updatedAt: now,
    });
    await this.repository.replaceHolders(action.id, holders);
    await this.repository.replaceEvidence(action.id, evidence);
    await this.repository.addStatusChange({
      actionId: action.id,
      fromStatus: null,
      toStatus: 'open',
      changedById: viewer?.id ?? null,
      changedByEmail: viewer?.email ?? null,
      changedAt: now,
      note: null,
    });
    await this.audit.record({
      actor: viewer,
      action: 'action.create',
      studyId: study.id,
      subjectType: 'action',
      subjectId: number,
      details: { organisation: organisation.name, holders, mijlpaal: text.mijlpaal },
    });
    return { id: action.id, number };
  }

  async list(
    slug: string,
    viewer: Viewer,
    filter: { organisation?: string; status?: ActionStatus; offset: number; limit: number },
  ): Promise<Page<ActionSummary> & { organisations: string[] }> {
    const { study, organisations } = await this.scope(slug, viewer);
    const chosen =
      filter.organisation === undefined
        ? organisations
        : [this.filterOrganisation(filter.organisation, organisations, viewer)];
    const { items, total } = await this.repository.page(
      study.id,
      chosen.map((o) => o.id),
      filter,
    );
    return {
      items: await this.summaries(items, organisations),
      total,
      offset: filter.offset,
      limit: filter.limit,
      organisations: organisations.map((o) => o.name),
    };
  }

  async get(slug: string, id: number, viewer: Viewer): Promise<ActionDetail> {
    const { study, organisations } = await this.scope(slug, viewer);
    const action = await this.visibleAction(study, id, organisations);
    const [summary] = await this.summaries([action], organisations);
    const [evidence, history, measurements] = await inSequence(
      () => this.repository.evidenceOf(action.id),
      () => this.repository.historyOf(action.id),
      () => this.repository.measurementsOf(action.id),
    );
    const codeIds = evidence.filter((e) => e.kind === 'code').map((e) => e.codebookCodeId);
    const codes = codeIds.length ? (await this.codebook.codebook(study.slug)).codes : [];
    const quoteIds = evidence.flatMap((e) => (e.kind === 'quote' ? [e.codingId!] : []));
    const quotes = quoteIds.length
      ? await this.quotesOf(study, summary.organisation)
      : new Map<number, QuoteEvidence & { organisation: string }>();
    return {
      ...summary,
      evidence: {
        codes: codes
          .filter((c) => c.id !== undefined && codeIds.includes(c.id))
          .map((c) => ({ id: c.id!, tekstId: c.tekstId, path: c.path })),
        quadrants: evidence.filter((e) => e.kind === 'quadrant').map((e) => e.quadrant!),
        // Only quotes that are still final, shareable and of the action's organisation are shown.
        quotes: quoteIds.flatMap((id) => {
          const found = quotes.get(id);
          return found ? [quoteEvidence(found)] : [];
        }),
      },
      history: history.map((h) => ({
        from: h.fromStatus,
        to: h.toStatus,
        by: h.changedByEmail,
        at: h.changedAt,
        note: h.note,
      })),
      measurements: measurements.map(measurementView),
    };
  }

  /** Changes the given fields (holders and evidence are replaced as a whole); audited with what changed. */
  @Transactional()
  async update(slug: string, id: number, input: ActionInput, viewer: Viewer): Promise<ActionDetail> {
    const { study, organisations } = await this.scope(slug, viewer);
    const action = await this.visibleAction(study, id, organisations);
    const organisation = organisations.find((o) => o.id === action.organisationId)!;
    const text = {
      omschrijving: input.omschrijving ?? action.omschrijving,
      analyse: input.analyse ?? action.analyse,
      actie: input.actie ?? action.actie,
      mijlpaal: input.mijlpaal === undefined ? action.mijlpaal : input.mijlpaal,
    };
    this.checkText(text, input.actiehouders);
    const holders = input.actiehouders && (await this.checkHolders(input.actiehouders, organisation));
    const stored = await this.repository.evidenceOf(action.id);
    const evidence =
      input.codes !== undefined || input.quadrants !== undefined || input.quotes !== undefined
        ? await this.checkEvidence(study, organisation, {
            codes: input.codes ?? stored.flatMap((e) => (e.kind === 'code' ? [e.codebookCodeId!] : [])),
            quadrants: input.quadrants ?? stored.flatMap((e) => (e.kind === 'quadrant' ? [e.quadrant!] : [])),
            quotes: input.quotes ?? stored.flatMap((e) => (e.kind === 'quote' ? [e.codingId!] : [])),
          })
        : undefined;
    const next = trimmed(text);
    const changed = (Object.keys(next) as ActionField[]).filter((f) => next[f] !== action[f]);
    await this.repository.update(action.id, { ...next, updatedAt: new Date() });
    if (holders) await this.repository.replaceHolders(action.id, holders);
    if (evidence) await this.repository.replaceEvidence(action.id, evidence);
    await this.audit.record({
      actor: viewer,
      action: 'action.update',
      studyId: study.id,
      subjectType: 'action',
      subjectId: action.number,
      details: {
        organisation: organisation.name,
        changed: [...changed, ...(holders ? ['actiehouders'] : []), ...(evidence ? ['evidence'] : [])],
        ...(changed.includes('mijlpaal') ? { mijlpaal: { from: action.mijlpaal, to: next.mijlpaal } } : {}),
      },
    });
    return this.get(slug, id, viewer);
  }

  /** A new status with its note in the history; the same status again is refused. */
  @Transactional()
  async setStatus(
    slug: string,
    id: number,
    change: { status: ActionStatus; note?: string },
    viewer: Viewer,
  ): Promise<ActionDetail> {
    const { study, organisations } = await this.scope(slug, viewer);
    const action = await this.visibleAction(study, id, organisations);
    if (action.status === change.status)
      throw AppError.invalid(
        'action.status_unchanged',
        `Action ${action.number} already has status ${change.status}.`,
        { status: [`is already ${change.status}`] },
        { number: action.number },
      ).withProblems({ status: [{ key: 'action.problem.statusUnchanged' }] });
    const now = new Date();
    const note = change.note?.trim() || null;
    await this.repository.update(action.id, { status: change.status, updatedAt: now });
    await this.repository.addStatusChange({
      actionId: action.id,
      fromStatus: action.status,
      toStatus: change.status,
      changedById: viewer?.id ?? null,
      changedByEmail: viewer?.email ?? null,
      changedAt: now,
      note,
    });
    await this.audit.record({
      actor: viewer,
      action: 'action.status',
      studyId: study.id,
      subjectType: 'action',
      subjectId: action.number,
      details: { from: action.status, to: change.status, ...(note ? { note } : {}) },
    });
    return this.get(slug, id, viewer);
  }

  /** Stores a measurement of the action's effect; bad counts or references are a 400 and store nothing. */
  @Transactional()
  async addMeasurement(
    slug: string,
    id: number,
    input: { name: string; variants: readonly unknown[] },
    viewer: Viewer,
  ): Promise<MeasurementView> {
    const { study, organisations } = await this.scope(slug, viewer);
    const action = await this.visibleAction(study, id, organisations);
    const name = input.name.trim();
    if (!name)
      throw AppError.invalid('action.measurement_name', 'A measurement needs a name.', {
        name: ['should not be empty'],
      }).withProblems({ name: [{ key: 'action.problem.required' }] });
    const results = measureVariants(input.variants);
    const variants = input.variants.map((raw, i) => {
      const v = raw as { reached: number; contacts: number; reference?: unknown };
      return {
        name: results.variants[i].name,
        reached: v.reached,
        contacts: v.contacts,
        isReference: v.reference === true,
        position: i,
      };
    });
    const saved = await this.repository.addMeasurement(
      { actionId: action.id, name, createdById: viewer?.id ?? null, createdAt: new Date() },
      variants,
    );
    await this.audit.record({
      actor: viewer,
      action: 'action.measurement',
      studyId: study.id,
      subjectType: 'action',
      subjectId: action.number,
      details: { measurement: name, variants: variants.map((v) => v.name) },
    });
    return measurementView({
      id: saved.id,
      name,
      createdAt: saved.createdAt,
      variants: variants.map((v, i) => ({ ...v, id: i, measurementId: saved.id })),
    });
  }

  /** The register as a file (CSV for Dutch Excel, or XLSX) in the reader's language; every export is audited. */
  @Transactional()
  async export(
    slug: string,
    viewer: Viewer,
    options: { format: ActionExportFormat; organisation?: string; locale: Locale; via: 'page' | 'api' | 'cli' },
  ): Promise<ActionFile> {
    const rows = await this.exportRows(slug, viewer, options.organisation);
    const t = translator(options.locale);
    const words: ExportWords = {
      headings: EXPORT_COLUMNS.map((c) => t(`action.field.${c}`)),
      status: Object.fromEntries(ACTION_STATUSES.map((st) => [st, t(`action.status.${st}`)])) as ExportWords['status'],
      locale: options.locale,
    };
    const body =
      options.format === 'csv'
        ? actionsToCsv(rows.rows, words)
        : await actionsToXlsx(rows.rows, words, t('action.export.sheet'));
    await this.audit.record({
      actor: viewer,
      action: 'action.export',
      studyId: rows.study.id,
      subjectType: 'study',
      subjectId: rows.study.slug,
      details: {
        format: options.format,
        actions: rows.rows.length,
        via: options.via,
        ...(options.organisation ? { organisation: options.organisation } : {}),
      },
    });
    return {
      fileName: `acties-${rows.study.slug}.${options.format}`,
      contentType: CONTENT_TYPES[options.format],
      body,
    };
  }

  /** Every action the viewer may see, as JSON for the command line; audited like a file. */
  @Transactional()
  async exportList(slug: string, viewer: Viewer, organisation: string | undefined, via: 'api' | 'cli') {
    const { study, rows } = await this.exportRows(slug, viewer, organisation);
    await this.audit.record({
      actor: viewer,
      action: 'action.export',
      studyId: study.id,
      subjectType: 'study',
      subjectId: study.slug,
      details: { format: 'json', actions: rows.length, via, ...(organisation ? { organisation } : {}) },
    });
    return rows;
  }

  /** Every action the viewer may see (no paging), as the command line and the files list them. */
  async exportRows(slug: string, viewer: Viewer, organisation?: string): Promise<{ study: Study; rows: ExportRow[] }> {
    const { study, organisations } = await this.scope(slug, viewer);
    const chosen =
      organisation === undefined ? organisations : [this.filterOrganisation(organisation, organisations, viewer)];
    const rows: ExportRow[] = [];
    const quotes = await this.quotesOf(study);
    for (let offset = 0; ; offset += 200) {
      const page = await this.repository.page(
        study.id,
        chosen.map((o) => o.id),
        { offset, limit: 200 },
      );
      const quoted = await this.repository.quoteIdsOf(page.items.map((a) => a.id));
      for (const row of await this.summaries(page.items, organisations))
        rows.push({
          ...row,
          // The same quotes the action's page shows: final, shareable and of the action's own organisation.
          quotes: (quoted.get(row.id) ?? []).flatMap((id) => {
            const q = quotes.get(id);
            return q && q.organisation === row.organisation ? [quoteEvidence(q)] : [];
          }),
        });
      if (offset + 200 >= page.total) break;
    }
    return { study, rows };
  }

  /** Who can hold an action of the organisation: researchers and the organisation's partners. */
  async possibleHolders(organisationId: number): Promise<UserAccount[]> {
    const [staff, partners] = await Promise.all([
      this.users.activeStaff(),
      this.users.activePartnersOf(organisationId),
    ]);
    return [...staff, ...partners];
  }

  /** The codes a researcher can link as evidence (the study's codebook, categories included). */
  async evidenceCodes(slug: string): Promise<{ id: number; tekstId: string | null; path: string[] }[]> {
    const { codes } = await this.codebook.codebook(slug);
    return codes.filter((c) => c.id !== undefined).map((c) => ({ id: c.id!, tekstId: c.tekstId, path: c.path }));
  }

  /**
   * How many of the action's linked quotes are no longer a shareable final coding of its organisation (unmarked,
   * settled otherwise): they are not shown, and the edit page, which offers only quotes that are, unlinks them on
   * saving; it says so beforehand.
   */
  async withdrawnQuotes(slug: string, id: number, viewer: Viewer): Promise<number> {
    const { study, organisations } = await this.scope(slug, viewer);
    const action = await this.visibleAction(study, id, organisations);
    const linked = (await this.repository.evidenceOf(action.id)).flatMap((e) =>
      e.kind === 'quote' ? [e.codingId!] : [],
    );
    if (!linked.length) return 0;
    const organisation = organisations.find((o) => o.id === action.organisationId)!;
    const shareable = await this.quotesOf(study, organisation.name);
    return linked.filter((codingId) => !shareable.has(codingId)).length;
  }

  /** The quotes a researcher can link as evidence of an organisation's action: its shareable final codings. */
  async evidenceQuotes(slug: string, organisation: OrganisationRef): Promise<QuoteEvidence[]> {
    const study = await this.studies.get(slug);
    return [...(await this.quotesOf(study, organisation.name)).values()].map(quoteEvidence);
  }

  /**
   * E-mails every holder of each active action whose milestone is at most ACTION_REMINDER_DAYS ahead, once per
   * milestone date: the claim and the mails are one transaction, so a mail goes out if and only if the claim holds.
   */
  async sendMilestoneReminders(opts: { now?: Date } = {}): Promise<{ checked: number; sent: number }> {
    const today = dutchParts(opts.now ?? new Date()).date;
    const days = this.config.actions.reminderDays;
    const candidates = await this.repository.reminderCandidates(today, addDays(today, days));
    let sent = 0;
    for (const action of candidates) {
      if (!isMilestoneReminderDue(action, today, days)) continue;
      sent += await this.txHost.withTransaction(async () => {
        if (!(await this.repository.claimReminder(action.id, action.mijlpaal!))) return 0;
        const study = await this.studyQuery.byId(action.studyId);
        if (!study || study.status === 'closed') return 0;
        const holderIds = (await this.repository.holdersOf([action.id])).get(action.id) ?? [];
        const holders = (await this.users.byIds(holderIds)).filter((u) => u.active);
        for (const holder of holders) {
          await this.outbox.enqueueTemplate({
            idempotencyKey: `action-milestone:${action.id}:${action.mijlpaal}:user:${holder.id}`,
            studyId: study.id,
            kind: 'action-milestone',
            to: holder.email,
            template: 'action-milestone',
            locale: study.locale,
            data: {
              name: holder.name,
              number: action.number,
              omschrijving: action.omschrijving,
              actie: action.actie,
              mijlpaal: formatDate(new Date(`${action.mijlpaal}T12:00:00Z`), study.locale),
              study: study.title,
              link: `${this.config.baseUrl}/studies/${study.slug}/action/${action.id}`,
            },
          });
        }
        return holders.length;
      });
    }
    if (sent) this.logger.log({ msg: 'action milestone reminders', sent });
    return { checked: candidates.length, sent };
  }

  // ------------------------------------------------------------------------------------------- helpers

  private async visibleAction(study: Study, id: number, organisations: OrganisationRef[]): Promise<Action> {
    const action = await this.repository.findInStudy(study.id, id);
    // Another organisation's action is answered as one that does not exist.
    if (!action || !organisations.some((o) => o.id === action.organisationId)) throw AppError.notFound('action', id);
    return action;
  }

  private async summaries(actions: Action[], organisations: OrganisationRef[]): Promise<ActionSummary[]> {
    const holders = await this.repository.holdersOf(actions.map((a) => a.id));
    const users = new Map((await this.users.byIds([...new Set([...holders.values()].flat())])).map((u) => [u.id, u]));
    const names = new Map(organisations.map((o) => [o.id, o.name]));
    return actions.map((a) => ({
      id: a.id,
      number: a.number,
      organisation: names.get(a.organisationId) ?? '',
      omschrijving: a.omschrijving,
      analyse: a.analyse,
      actie: a.actie,
      actiehouders: (holders.get(a.id) ?? [])
        .map((id) => users.get(id))
        .filter((u) => u !== undefined)
        .map((u) => ({ id: u.id, name: u.name })),
      mijlpaal: a.mijlpaal,
      status: a.status,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    }));
  }

  /** The organisation an action is for: a partner organisation of the study (by name or id) the viewer may see. */
  private organisationOf(value: unknown, visible: OrganisationRef[], viewer: Viewer): OrganisationRef {
    const found = visible.find((o) => o.name === value || o.id === value);
    if (found) return found;
    if (viewer?.role === 'partner')
      throw AppError.forbidden(
        'Partners can only see and register actions of their own organisation.',
        'error.auth.forbidden.ownActions',
      );
    const typed = typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value ?? '');
    throw AppError.invalid(
      'action.organisation',
      `"${typed}" is not a partner organisation of this study. Choose one of: ${visible.map((o) => o.name).join(', ') || '(none yet)'}.`,
      { organisation: ['is not a partner organisation of this study'] },
      { organisation: typed, known: visible.map((o) => o.name).join(', ') || '—' },
    ).withProblems({ organisation: [{ key: 'action.problem.organisation' }] });
  }

  private filterOrganisation(name: string, visible: OrganisationRef[], viewer: Viewer): OrganisationRef {
    return this.organisationOf(name, visible, viewer);
  }

  /**
   * The texts and milestone; `holders` as given (undefined: not changed). A missing holder is named with them, so a
   * form with both problems is not refused twice for what one look at it would show.
   */
  private checkText(
    text: { omschrijving: string; analyse: string; actie: string; mijlpaal: string | null },
    holders: number[] | undefined,
  ): void {
    const problems = actionTextProblems(text);
    const fields = Object.keys(problems) as ActionField[];
    if (!fields.length) return;
    const details: Record<string, string[]> = Object.fromEntries(fields.map((f) => [f, problems[f]!]));
    const shown: FieldProblems = Object.fromEntries(fields.map((f) => [f, problems[f]!.map((key) => ({ key }))]));
    if (holders !== undefined && holders.length === 0) {
      details.actiehouders = ['should not be empty'];
      shown.actiehouders = [{ key: 'action.problem.noHolder' }];
    }
    const named = Object.keys(details).join(', ');
    throw AppError.invalid('action.invalid', `Please correct: ${named}.`, details, { fields: named }).withProblems(
      shown,
    );
  }

  /** Holders are accounts: researchers or admins, or partners of the action's own organisation. */
  private async checkHolders(ids: number[], organisation: OrganisationRef): Promise<number[]> {
    const unique = [...new Set(ids)];
    if (!unique.length)
      throw AppError.invalid('action.no_holder', 'An action needs at least one holder (actiehouder).', {
        actiehouders: ['should not be empty'],
      }).withProblems({ actiehouders: [{ key: 'action.problem.noHolder' }] });
    const users = await this.users.byIds(unique);
    const known = new Set(users.filter((u) => u.active).map((u) => u.id));
    const unknown = unique.filter((id) => !known.has(id));
    if (unknown.length)
      throw AppError.invalid(
        'action.unknown_holder',
        `No active account has the id ${unknown.join(', ')}.`,
        { actiehouders: [`unknown account: ${unknown.join(', ')}`] },
        { ids: unknown.join(', ') },
      ).withProblems({ actiehouders: [{ key: 'action.problem.unknownHolder', vars: { ids: unknown.join(', ') } }] });
    const outsiders = users.filter((u) => u.role === 'partner' && u.organisationId !== organisation.id);
    if (outsiders.length)
      throw AppError.invalid(
        'action.holder_organisation',
        `${outsiders.map((u) => u.name).join(', ')} is a partner of another organisation than ${organisation.name}.`,
        { actiehouders: [`partner of another organisation: ${outsiders.map((u) => u.id).join(', ')}`] },
        { names: outsiders.map((u) => u.name).join(', '), organisation: organisation.name },
      ).withProblems({ actiehouders: [{ key: 'action.problem.holderOrganisation' }] });
    return unique;
  }

  /**
   * The quotes a new action of any of these organisations can link, per organisation in the order given: read once
   * for the study, as the new-action form offers them before an organisation is chosen.
   */
  async evidenceQuotesPerOrganisation(
    slug: string,
    organisations: OrganisationRef[],
  ): Promise<{ organisation: string; quotes: QuoteEvidence[] }[]> {
    const all = [...(await this.quotesOf(await this.studies.get(slug))).values()];
    return organisations
      .map((o) => ({ organisation: o.name, quotes: all.filter((q) => q.organisation === o.name).map(quoteEvidence) }))
      .filter((o) => o.quotes.length > 0);
  }

  /** The study's shareable quotes by coding id, of one organisation or of all. */
  private async quotesOf(
    study: Study,
    organisation?: string,
  ): Promise<Map<number, QuoteEvidence & { organisation: string }>> {
    const quotes = await this.codingQuery.shareableQuotes(study.id, organisation);
    return new Map(quotes.map((q) => [q.codingId, { ...quoteEvidence(q), organisation: q.organisation }]));
  }

  /**
   * Evidence: codes of this study's codebook, quadrants, and quotes (final codings marked shareable of the action's
   * organisation), each once.
   */
  private async checkEvidence(
    study: Study,
    organisation: OrganisationRef,
    input: { codes?: number[]; quadrants?: string[]; quotes?: number[] },
  ): Promise<EvidenceRow[]> {
    const codeIds = [...new Set(input.codes ?? [])];
    const quadrants = [...new Set(input.quadrants ?? [])];
    const quoteIds = [...new Set(input.quotes ?? [])];
    if (quoteIds.length) {
      const known = await this.quotesOf(study, organisation.name);
      const unknown = quoteIds.filter((id) => !known.has(id));
      if (unknown.length)
        throw AppError.invalid(
          'action.unknown_quote',
          `${unknown.join(', ')} is not a shareable quote of ${organisation.name} in this study.`,
          { quotes: [`not a shareable quote of the organisation: ${unknown.join(', ')}`] },
          { ids: unknown.join(', '), organisation: organisation.name },
        ).withProblems({ quotes: [{ key: 'action.problem.unknownQuote', vars: { ids: unknown.join(', ') } }] });
    }
    if (codeIds.length) {
      const known = new Set((await this.evidenceCodes(study.slug)).map((c) => c.id));
      const unknown = codeIds.filter((id) => !known.has(id));
      if (unknown.length)
        throw AppError.invalid(
          'action.unknown_code',
          `The codebook of this study has no code with the id ${unknown.join(', ')}.`,
          { codes: [`unknown code: ${unknown.join(', ')}`] },
          { ids: unknown.join(', ') },
        ).withProblems({ codes: [{ key: 'action.problem.unknownCode', vars: { ids: unknown.join(', ') } }] });
    }
    const badQuadrant = quadrants.find((q) => !isOneOf(QUADRANTS, q));
    if (badQuadrant !== undefined)
      throw AppError.invalid('action.quadrant', `"${badQuadrant}" is not a quadrant.`, {
        quadrants: ['must be a quadrant'],
      });
    return [
      ...codeIds.map((id) => ({ kind: 'code' as const, codebookCodeId: id, quadrant: null, codingId: null })),
      ...quadrants.map((q) => ({ kind: 'quadrant' as const, codebookCodeId: null, quadrant: q, codingId: null })),
      ...quoteIds.map((id) => ({ kind: 'quote' as const, codebookCodeId: null, quadrant: null, codingId: id })),
    ];
  }
}

function quoteEvidence(q: ShareableQuote | (QuoteEvidence & { organisation: string })): QuoteEvidence {
  return {
    codingId: q.codingId,
    pseudonym: q.pseudonym,
    quadrant: q.quadrant,
    question: q.question,
    text: q.text,
    code: { tekstId: q.code.tekstId, path: q.code.path },
  };
}

function trimmed(text: { omschrijving: string; analyse: string; actie: string; mijlpaal: string | null }) {
  return {
    omschrijving: text.omschrijving.trim(),
    analyse: text.analyse.trim(),
    actie: text.actie.trim(),
    mijlpaal: text.mijlpaal,
  };
}

function measurementView(m: StoredMeasurement): MeasurementView {
  const results = measureVariants(
    m.variants.map((v) => ({ name: v.name, reached: v.reached, contacts: v.contacts, reference: v.isReference })),
  );
  return {
    id: m.id,
    name: m.name,
    createdAt: m.createdAt,
    variants: results.variants.map((r, i) => ({
      ...r,
      reached: m.variants[i].reached,
      contacts: m.variants[i].contacts,
      reference: m.variants[i].isReference,
    })),
  };
}

function isUniqueViolation(err: unknown): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driver = err.driverError as { code?: string };
  return driver.code === '23505' || driver.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
