import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import type { Page } from '../common/paging';
import type { Locale } from '../common/domain';
import { getTranslations } from '../common/view-engine';
import { StudiesService } from '../studies/studies.service';
import {
  BUILT_IN_CAUSES,
  Code,
  checkCodebook,
  CodeProblem,
  defaultColour,
  isTekstId,
  normaliseColour,
  normaliseLabel,
  pathKey,
} from './codebook';
import { codebookToCsv, codebookToXlsx } from './codebook-file';
import { readImportFile, ImportProblem } from './codebook-import';
import { toRefiCodes } from './codebook-refi';
import type { CodebookVersion } from './codebook-version.entity';
import { CodebookRepository, VersionAuthor } from './codebook.repository';
import {
  addCode,
  ChangeRefusal,
  CodebookFormat,
  deleteCode,
  editCode,
  replaceCodebook,
  StoredCode,
  subtree,
  VersionChange,
} from './codebook-versions';
import { buildCodebookXml } from './refi/codebook-xml';
import { guidFromName, KWADRANT_GUID_NAMESPACE } from './refi/guid';
import type { RefiPlace } from './refi/project-reader';
import { sayPlace } from './qdpx-place';

/** A study as the studies module gives it. */
type Study = Awaited<ReturnType<StudiesService['get']>>;

/** Who acts: a logged-in researcher, or the command line (null: someone with access to the server). */
export type Actor = AuthUser | null;

/** A code as typed in the editor or sent to the API: labels from Categorie 1 down, empty ones left out. */
export interface CodeInput {
  cat1: string;
  cat2?: string;
  cat3?: string;
  tekstId?: string;
  logtekst?: string;
  colour?: string;
}

export type CodeField = 'cat1' | 'cat2' | 'cat3' | 'tekstId' | 'logtekst' | 'colour';

/** A problem said in the reader's language, with where it is. */
export interface ProblemMessage {
  line: number | null;
  column: string | null;
  where: string | null;
  /** The .qdc element `where` names, as data. */
  place?: RefiPlace;
  code: string;
  message: string;
}

export interface ImportReport {
  dryRun: boolean;
  format: CodebookFormat;
  fileName: string;
  /** The version the import made (dry run: the version it would replace). */
  version: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  /** Tekst-IDs (or paths of categories) of the codes that would go or went. */
  removedCodes: string[];
  warnings: ProblemMessage[];
}

export interface CodebookExport {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES: Record<CodebookFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  qdc: 'application/xml; charset=utf-8',
};

/** Largest codebook file read (page, API, command line): the seed's table is a few kilobytes. */
export const CODEBOOK_MAX_BYTES = 2 * 1024 * 1024;

const ORIGIN = 'kwadrant 0.1.0';

const FIELD_OF: Record<CodeProblem['code'], CodeField> = {
  empty_label: 'cat1',
  too_many_levels: 'cat3',
  label_too_long: 'cat1',
  missing_parent: 'cat1',
  duplicate_path: 'cat1',
  tekst_id_format: 'tekstId',
  duplicate_tekst_id: 'tekstId',
  reserved_tekst_id: 'tekstId',
  logtekst_too_long: 'logtekst',
  colour_format: 'colour',
  missing_cause_code: 'tekstId',
};

@Injectable()
export class CodebookService {
  constructor(
    private readonly repository: CodebookRepository,
    private readonly studies: StudiesService,
    private readonly audit: AuditService,
    // Only to write the audit event in the change's transaction, as long as AuditService takes a manager.
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  /** The study's codebook in tree order with its version; a study that never had one starts with the cause group. */
  async codebook(slug: string): Promise<{ study: Study; version: number; codes: StoredCode[] }> {
    const study = await this.studies.get(slug);
    let current = await this.repository.currentVersion(study.id);
    if (!current) {
      // First use: the cause group is stored as version 1, so its codes have rows (ids, edit links) like any other.
      // Two first uses at once: one stores it, the other meets the version's unique key and reads what it stored.
      await this.create(study).catch((err: unknown) => {
        if (!isUniqueViolation(err)) throw err;
      });
      current = await this.repository.currentVersion(study.id);
    }
    return { study, version: current?.version ?? 0, codes: await this.repository.codesOf(study.id) };
  }

  @Transactional()
  private async create(study: Study): Promise<void> {
    if (await this.repository.currentVersion(study.id)) return;
    await this.repository.save(study.id, 1, { kind: 'create' }, builtInCodes(study.id), { id: null, email: null });
  }

  /** The codes as `kwadrant codebook list` prints them. */
  async list(
    slug: string,
  ): Promise<{ id: number | null; tekstId: string | null; path: string[]; logtekst: string | null; colour: string }[]> {
    const { codes } = await this.codebook(slug);
    return codes.map((c) => ({
      id: c.id ?? null,
      tekstId: c.tekstId,
      path: c.path,
      logtekst: c.logtekst,
      colour: c.colour,
    }));
  }

  async code(slug: string, id: number): Promise<{ study: Study; code: StoredCode; codes: StoredCode[] }> {
    const { study, codes } = await this.codebook(slug);
    const code = codes.find((c) => c.id === id);
    if (!code) throw AppError.notFound('code', id);
    return { study, code, codes };
  }

  async history(slug: string, page: { offset: number; limit: number }): Promise<Page<CodebookVersion>> {
    const study = await this.studies.get(slug);
    const [items, total] = await this.repository.versions(study.id, page);
    return { items, total, offset: page.offset, limit: page.limit };
  }

  async add(slug: string, input: CodeInput, actor: Actor, locale: Locale): Promise<StoredCode> {
    const code = this.fromInput(input, locale);
    const saved = await this.change(slug, actor, locale, (codes) => {
      const next = addCode(codes, { ...code, colour: code.colour || colourFor(codes, code.path) }, randomUUID);
      return { codes: next, change: { kind: 'add', tekstId: code.tekstId, path: code.path } };
    });
    return saved.find((c) => pathKey(c.path) === pathKey(code.path))!;
  }

  async edit(slug: string, id: number, input: CodeInput, actor: Actor, locale: Locale): Promise<StoredCode> {
    const code = this.fromInput(input, locale);
    const saved = await this.change(slug, actor, locale, (codes) => {
      const current = codes.find((c) => c.id === id);
      if (!current) throw AppError.notFound('code', id);
      const next = editCode(codes, current.guid, { ...code, colour: code.colour || current.colour }, randomUUID);
      if (typeof next === 'string') throw refusal(next, id);
      return {
        codes: next,
        change: {
          kind: 'edit',
          tekstId: code.tekstId,
          path: code.path,
          before: {
            guid: current.guid,
            path: current.path,
            tekstId: current.tekstId,
            logtekst: current.logtekst,
            colour: current.colour,
          },
        },
      };
    });
    return saved.find((c) => c.id === id)!;
  }

  /** What deleting a code would remove, for the confirmation page (the code and every code below it). */
  async removalPreview(slug: string, id: number): Promise<{ code: StoredCode; removed: StoredCode[] }> {
    const { code, codes } = await this.code(slug, id);
    if (code.builtIn) throw refusal('built_in', id);
    return { code, removed: subtree(codes, code.guid) };
  }

  async remove(slug: string, id: number, actor: Actor, locale: Locale): Promise<number> {
    let removed = 0;
    await this.change(slug, actor, locale, (codes) => {
      const current = codes.find((c) => c.id === id);
      if (!current) throw AppError.notFound('code', id);
      const result = deleteCode(codes, current.guid);
      if (typeof result === 'string') throw refusal(result, id);
      removed = result.removed.length;
      return { codes: result.codes, change: { kind: 'delete', tekstId: current.tekstId, path: current.path, removed } };
    });
    return removed;
  }

  /**
   * Replaces the codebook by a file's (CSV or XLSX in the seed's layout, or a REFI-QDA .qdc): all or nothing, every
   * problem with its line and column (or code) in the reader's language. A dry run says what would change.
   */
  async import(
    slug: string,
    file: { buffer: Buffer; name: string },
    opts: { dryRun?: boolean },
    actor: Actor,
    locale: Locale,
  ): Promise<ImportReport> {
    if (file.buffer.length > CODEBOOK_MAX_BYTES) {
      throw new AppError(
        'payload_too_large',
        'codebook.too_large',
        `${file.name} is larger than ${CODEBOOK_MAX_BYTES / 1024 / 1024} MB; a codebook file is much smaller.`,
        { maxBytes: CODEBOOK_MAX_BYTES },
        { mb: CODEBOOK_MAX_BYTES / 1024 / 1024 },
      );
    }
    const read = await readImportFile(file.buffer, file.name);
    const warnings = this.say(read.warnings, locale);
    if (!read.ok) {
      const errors = this.say(read.errors, locale);
      throw AppError.invalid(
        'codebook.file_refused',
        `${file.name} was not imported: ${errors.length} problem(s), the first: ${errors[0].message}`,
        { format: read.format, errors, warnings },
        { name: file.name, count: errors.length, first: errors[0].message },
      );
    }
    const report = (version: number, r: ReturnType<typeof replaceCodebook>, dryRun: boolean): ImportReport => ({
      dryRun,
      format: read.format,
      fileName: file.name,
      version,
      added: r.added.length,
      changed: r.changed.length,
      removed: r.removed.length,
      unchanged: r.unchanged,
      removedCodes: r.removed.map((c) => c.tekstId ?? c.path.join(' / ')),
      warnings,
    });
    if (opts.dryRun) {
      const { version, codes } = await this.codebook(slug);
      return report(version, replaceCodebook(codes, read.codes, randomUUID), true);
    }
    let result: ImportReport | undefined;
    await this.change(slug, actor, locale, (codes, version) => {
      const replacement = replaceCodebook(codes, read.codes, randomUUID);
      const same =
        replacement.codes.length === codes.length &&
        replacement.codes.every((c, i) => c.guid === codes[i].guid) &&
        !replacement.changed.length &&
        version > 0;
      // A file that changes nothing (not even the order) makes no version; the import is still audited.
      result = report(same ? version : version + 1, replacement, false);
      const { added, changed, removed, unchanged } = result;
      return {
        codes: replacement.codes,
        change: { kind: 'import', format: read.format, fileName: file.name, added, changed, removed, unchanged },
        unchanged: same,
      };
    });
    return result!;
  }

  /**
   * Codes a REFI-QDA project brought, each with its GUID, path (under a category that exists or comes before it)
   * and Tekst-ID (null for a category): added after their siblings in one version, joining the caller's
   * transaction. The codebook checks them as it checks any change.
   */
  async addCodes(
    slug: string,
    codes: readonly (Code & { guid: string })[],
    fileName: string,
    actor: Actor,
    locale: Locale,
  ): Promise<StoredCode[]> {
    if (codes.length === 0) return (await this.codebook(slug)).codes;
    return this.change(slug, actor, locale, (stored) => {
      let next = stored;
      for (const code of codes) next = addCode(next, code, () => code.guid);
      return {
        codes: next,
        change: {
          kind: 'import',
          format: 'qdpx',
          fileName,
          added: codes.length,
          changed: 0,
          removed: 0,
          unchanged: stored.length,
        },
      };
    });
  }

  /** The codebook as a file; every export is an audit event (`codebook.export`). */
  async export(
    slug: string,
    format: CodebookFormat,
    actor: Actor,
    via: 'page' | 'api' | 'cli',
  ): Promise<CodebookExport> {
    const { study, version, codes } = await this.codebook(slug);
    const body =
      format === 'csv'
        ? codebookToCsv(codes)
        : format === 'xlsx'
          ? await codebookToXlsx(codes)
          : Buffer.from(buildCodebookXml({ origin: ORIGIN, codes: toRefiCodes(codes) }), 'utf8');
    await this.audit.record({
      actor: actorOf(actor),
      action: 'codebook.export',
      studyId: study.id,
      subjectType: 'study',
      subjectId: study.slug,
      details: { format, version, codes: codes.length, via },
    });
    return { fileName: `codeboek-${study.slug}-v${version}.${format}`, contentType: CONTENT_TYPES[format], body };
  }

  /** Problems in the reader's language. */
  say(problems: readonly ImportProblem[], locale: Locale): ProblemMessage[] {
    const i18n = getTranslations();
    return problems.map((p) => ({
      line: p.line,
      column: p.column,
      where: p.place ? sayPlace(p.place, locale) : p.where,
      ...(p.place ? { place: p.place } : {}),
      code: p.key,
      message: i18n.t(locale, p.key, p.details),
    }));
  }

  /**
   * One change as one version: the codebook read and rewritten in one transaction, checked as a whole first, with
   * its audit event. A study's first change also stores the cause group it started with.
   */
  private async change(
    slug: string,
    actor: Actor,
    locale: Locale,
    apply: (
      codes: StoredCode[],
      version: number,
    ) => { codes: StoredCode[]; change: VersionChange; unchanged?: boolean },
  ): Promise<StoredCode[]> {
    const { study } = await this.codebook(slug);
    try {
      return await this.changeInTransaction(study, actor, locale, apply);
    } catch (err) {
      throw translateConcurrentChange(err);
    }
  }

  @Transactional()
  private async changeInTransaction(
    study: Study,
    actor: Actor,
    locale: Locale,
    apply: (
      codes: StoredCode[],
      version: number,
    ) => { codes: StoredCode[]; change: VersionChange; unchanged?: boolean },
  ): Promise<StoredCode[]> {
    const current = await this.repository.currentVersion(study.id);
    const codes = current ? await this.repository.codesOf(study.id) : builtInCodes(study.id);
    const { codes: next, change, unchanged } = apply(codes, current?.version ?? 0);
    const problems = checkCodebook(next);
    if (problems.length) throw this.invalidCodebook(problems, next, locale);
    if (unchanged && current) {
      await this.recordChange(study, current.version, change, actor);
      return codes;
    }
    const version = (current?.version ?? 0) + 1;
    const saved = await this.repository.save(study.id, version, change, next, authorOf(actor));
    await this.recordChange(study, version, change, actor);
    return saved;
  }

  private async recordChange(study: Study, version: number, change: VersionChange, actor: Actor): Promise<void> {
    const { kind, ...facts } = change;
    const details: Record<string, unknown> = { version, ...facts };
    if ('path' in facts) details.path = facts.path.join(' / ');
    if ('before' in facts)
      details.before = {
        tekstId: facts.before.tekstId,
        path: facts.before.path.join(' / '),
        colour: facts.before.colour,
      };
    const action = kind === 'import' ? 'codebook.import' : `codebook.code.${kind}`;
    await this.audit.record({
      actor: actorOf(actor),
      action,
      studyId: study.id,
      subjectType: 'study',
      subjectId: study.slug,
      details,
    });
  }

  private fromInput(input: CodeInput, locale: Locale): Code {
    const labels = [input.cat1, input.cat2, input.cat3].map((l) => normaliseLabel(l ?? ''));
    const problems: Partial<Record<CodeField, string[]>> = {};
    const say = (field: CodeField, key: string, vars: Record<string, unknown> = {}) =>
      (problems[field] ??= []).push(getTranslations().t(locale, key, vars));
    if (!labels[0]) say('cat1', 'codebook.field.required');
    if (labels[2] && !labels[1]) say('cat2', 'codebook.error.categorie_3_without_categorie_2');
    const tekstId = (input.tekstId ?? '').trim();
    if (tekstId && !isTekstId(tekstId)) say('tekstId', 'codebook.check.tekst_id_format', { value: tekstId });
    const logtekst = (input.logtekst ?? '').trim();
    if (logtekst && !tekstId) say('logtekst', 'codebook.error.heading_with_logtekst');
    const rawColour = (input.colour ?? '').trim();
    const colour = rawColour ? normaliseColour(rawColour) : '';
    if (colour === null) say('colour', 'codebook.check.colour_format', { value: rawColour });
    if (Object.keys(problems).length) throw invalidCode(problems);
    return { path: labels.filter(Boolean), tekstId: tekstId || null, logtekst: logtekst || null, colour: colour ?? '' };
  }

  private invalidCodebook(problems: CodeProblem[], codes: StoredCode[], locale: Locale): AppError {
    const i18n = getTranslations();
    const fields: Partial<Record<CodeField, string[]>> = {};
    for (const p of problems) {
      // checkCodebook names the other code by its place in the list; the editor names it by its path.
      const other = typeof p.details.first === 'number' ? codes[p.details.first - 1] : undefined;
      const vars = {
        ...p.details,
        path: p.path || p.details.path,
        ...(other ? { first: other.path.join(' › ') } : {}),
      };
      (fields[FIELD_OF[p.code]] ??= []).push(i18n.t(locale, `codebook.check.${p.code}`, vars));
    }
    return invalidCode(fields);
  }
}

function invalidCode(fields: Partial<Record<CodeField, string[]>>): AppError {
  const first = Object.values(fields)[0]?.[0] ?? '';
  return AppError.invalid('codebook.code_invalid', `The code was not saved: ${first}`, { fields }, { first });
}

function refusal(reason: ChangeRefusal, id: number): AppError {
  if (reason === 'not_found') return AppError.notFound('code', id);
  return AppError.conflict(
    'codebook.built_in',
    'The cause group Oorzaak and its codes OORZAAK_FOUT, OORZAAK_SELFSERVICE and OORZAAK_NODIG are part of every codebook: they cannot be deleted, and their Tekst-IDs cannot change.',
  );
}

/** Two changes from the same version at once: the second meets the version's unique key. */
function translateConcurrentChange(err: unknown): unknown {
  if (!isUniqueViolation(err)) return err;
  return AppError.conflict(
    'codebook.changed',
    'Someone changed the codebook at the same moment; reload it and make your change again.',
  );
}

function isUniqueViolation(err: unknown): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driver = err.driverError as { code?: string };
  return driver.code === '23505' || driver.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The cause group a study's codebook starts with; its GUIDs are derived from the study, so they are the same until stored. */
function builtInCodes(studyId: number): StoredCode[] {
  return BUILT_IN_CAUSES.map((c) => ({
    ...c,
    path: [...c.path],
    guid: guidFromName(KWADRANT_GUID_NAMESPACE, `study:${studyId}:code:${c.tekstId ?? pathKey(c.path)}`),
    builtIn: true,
  }));
}

/** A new code takes its Categorie 1's colour, or the next colour of the palette for a new Categorie 1. */
function colourFor(codes: readonly StoredCode[], path: string[]): string {
  const top = codes.find((c) => pathKey(c.path) === pathKey(path.slice(0, 1)));
  if (top) return top.colour;
  const categories = codes.filter((c) => c.path.length === 1 && !c.builtIn).length;
  return defaultColour(categories);
}

function actorOf(actor: Actor) {
  return actor ? { id: actor.id, email: actor.email } : null;
}

function authorOf(actor: Actor): VersionAuthor {
  return { id: actor?.id ?? null, email: actor?.email ?? null };
}
