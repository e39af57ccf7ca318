import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { setImmediate as nextTurn } from 'timers/promises';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { StudiesService } from '../studies/studies.service';
import { batchEnd, emailKey } from './import-batches';
import { IMPORT_LIMITS, ImportLimitError, ImportLimits } from '../common/import/import-limits';
import type { Locale } from '../common/domain';
import { getTranslations } from '../common/view-engine';
import { ImportFileError, ImportLayout, ImportRow, parseImportFile, RowProblem } from './import-parser';
import { RespondentRepository } from './respondent.repository';
import { fileTooLarge } from '../common/import/uploaded-file';

/** Addresses read per statement when an import looks up the study's respondents: a few milliseconds' work. */
const EMAIL_PAGE_SIZE = 5000;
/** A reason quotes the study's organisations: a long list is cut so that an error report stays small. */
const MAX_SHOWN_REASON = 300;

/** A cell that cannot be read, with its reason worded in the reader's language. */
export interface ImportError extends Omit<RowProblem, 'reason'> {
  reason: string;
}

function worded(problems: RowProblem[], locale: Locale): ImportError[] {
  const i18n = getTranslations();
  return problems.map((p) => {
    const reason = i18n.t(locale, p.reason.key, p.reason.vars);
    return { ...p, reason: reason.length > MAX_SHOWN_REASON ? `${reason.slice(0, MAX_SHOWN_REASON - 1)}…` : reason };
  });
}

export interface ImportOptions {
  dryRun?: boolean;
  /** Import the readable rows even when others cannot be read. */
  partial?: boolean;
}

export interface ImportReport {
  file: string;
  layout: ImportLayout;
  dryRun: boolean;
  partial: boolean;
  /** Rows that can be imported (dry run: would be). */
  readable: number;
  imported: number;
  /** Of the imported rows: e-mail addresses the study already had (flagged, not counted twice). */
  duplicates: number;
  /** The first problems (at most 100); `errorCount` counts them all. */
  errors: ImportError[];
  errorCount: number;
  /** Rows with at least one problem (left out). */
  unreadableRows: number;
  organisations: string[];
}

@Injectable()
export class RespondentImportService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly respondents: RespondentRepository,
    private readonly studies: StudiesService,
    private readonly audit: AuditService,
    @Inject(IMPORT_LIMITS) private readonly limits: ImportLimits,
  ) {}

  async import(
    slug: string,
    file: { buffer: Buffer; name: string },
    opts: ImportOptions,
    actor: AuthUser | null,
    locale: Locale = 'nl',
    now = new Date(),
  ): Promise<ImportReport> {
    if (!file.buffer.length)
      throw AppError.invalid(
        'import.empty',
        `${file.name} is empty: choose a CSV or Excel (.xlsx) file with respondents.`,
        undefined,
        { name: file.name },
      );
    if (file.buffer.length > this.limits.maxBytes) throw fileTooLarge(file.name, this.limits.maxBytes);
    const { study, organisations: links } = await this.studies.detail(slug);
    const organisations = links.map((l) => l.organisation.name);
    const idByName = new Map(links.map((l) => [l.organisation.name, l.organisationId]));
    let parsed;
    try {
      parsed = await parseImportFile(file.buffer, file.name, organisations, this.limits);
    } catch (err) {
      if (err instanceof ImportFileError)
        throw new AppError(
          'invalid',
          'import.unreadable',
          err.message,
          { missingColumns: err.missingColumns },
          { name: file.name, columns: err.columns },
          err.reason === 'unreadable' ? undefined : `error.import.${err.reason}`,
        );
      if (err instanceof ImportLimitError)
        throw new AppError(
          err.code === 'import.zip_bomb' ? 'invalid' : 'payload_too_large',
          err.code,
          err.message,
          err.details,
        );
      throw err;
    }
    const report: ImportReport = {
      file: file.name,
      layout: parsed.layout,
      dryRun: opts.dryRun === true,
      partial: opts.partial === true,
      readable: parsed.rows.length,
      imported: 0,
      duplicates: 0,
      errors: worded(parsed.errors, locale),
      errorCount: parsed.errorCount,
      unreadableRows: parsed.unreadableCount,
      organisations,
    };
    if (report.dryRun) return report;
    if (parsed.unreadableCount && !report.partial) {
      const lines = parsed.unreadableCount;
      const listed =
        parsed.errorCount > parsed.errors.length
          ? ` The first ${parsed.errors.length} of ${parsed.errorCount} problems are listed.`
          : '';
      throw AppError.invalid(
        'import.rows_unreadable',
        `${lines} row${lines === 1 ? '' : 's'} of ${file.name} cannot be read, so nothing was imported. Correct ${lines === 1 ? 'it' : 'them'}, or import only the readable rows with the "partial" option.${listed}`,
        { errors: report.errors, errorCount: parsed.errorCount, unreadableRows: lines, organisations },
        {
          count: lines,
          name: file.name,
          listed:
            parsed.errorCount > parsed.errors.length
              ? { textKey: 'error.import.listed', vars: { shown: parsed.errors.length, total: parsed.errorCount } }
              : '',
        },
      );
    }
    // One transaction: a failure half-way stores nothing, and nobody reads half an import. The batches give
    // other requests a turn in between; on SQLite their statements wait for the commit (database/sqlite-transactions.ts).
    await this.txHost.withTransaction(async () => {
      await this.store(study.id, parsed.rows, idByName, now, report);
      await this.audit.record({
        actor,
        action: 'respondent.import',
        studyId: study.id,
        subjectType: 'study',
        subjectId: study.slug,
        details: {
          file: file.name,
          imported: report.imported,
          skippedRows: parsed.unreadableCount,
          skippedLines: parsed.unreadableLines,
        },
      });
    });
    return report;
  }

  /**
   * In file order, a batch per statement. An address the study already has (also from earlier in the file) makes
   * the row a duplicate of that respondent: ineligible, not counted twice.
   */
  private async store(
    studyId: number,
    rows: ImportRow[],
    idByName: Map<string, number>,
    now: Date,
    report: ImportReport,
  ): Promise<void> {
    const emails = rows.map((r) => emailKey(r.email));
    const known = await this.knownEmails(studyId);
    for (let start = 0; start < rows.length;) {
      const end = batchEnd(emails, start, known);
      const duplicateOf = emails.slice(start, end).map((e) => (e ? known.get(e) : undefined));
      const batch = rows.slice(start, end).map((row, i) => ({
        studyId,
        organisationId: idByName.get(row.organisation)!,
        firstName: row.firstName ?? null,
        email: row.email ?? null,
        gender: row.gender,
        age: row.age,
        ageMin: row.ageMin,
        ageMax: row.ageMax,
        education: row.education,
        digitalComfort: row.digitalComfort,
        quadrant: row.quadrant,
        quadrantSource: 'import' as const,
        availability: null,
        status: duplicateOf[i] !== undefined ? ('ineligible' as const) : ('eligible' as const),
        statusReason: duplicateOf[i] !== undefined ? 'duplicate-email' : null,
        duplicateOfId: duplicateOf[i] ?? null,
        source: 'import' as const,
        screenedAt: now,
      }));
      const ids = await this.respondents.insertMany(batch);
      ids.forEach((id, i) => {
        const email = emails[start + i];
        if (email && !known.has(email)) known.set(email, id);
      });
      report.imported += batch.length;
      report.duplicates += duplicateOf.filter((id) => id !== undefined).length;
      start = end;
      // Another request's turn; on SQLite, one that reads or writes the database waits for the commit.
      await nextTurn();
    }
  }

  /** Per address (lower case): the study's first not-erased respondent with it, read in pages. */
  private async knownEmails(studyId: number): Promise<Map<string, number>> {
    const known = new Map<string, number>();
    for (let afterId = 0; ;) {
      const page = await this.respondents.emailPage(studyId, afterId, EMAIL_PAGE_SIZE);
      for (const { id, email } of page) {
        const key = emailKey(email);
        if (key && !known.has(key)) known.set(key, id);
      }
      if (page.length < EMAIL_PAGE_SIZE) return known;
      afterId = page[page.length - 1].id;
      await nextTurn();
    }
  }
}
