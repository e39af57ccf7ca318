import { Inject, Injectable } from '@nestjs/common';
import { setImmediate as nextTurn } from 'timers/promises';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { StudiesService } from '../studies/studies.service';
import { batchEnd, emailKey } from './import-batches';
import { IMPORT_LIMITS, ImportLimitError, ImportLimits } from '../common/import/import-limits';
import { ImportError, ImportFileError, ImportLayout, ImportRow, parseImportFile } from './import-parser';
import { RespondentRepository } from './respondent.repository';
import { fileTooLarge } from '../common/import/uploaded-file';

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
    private readonly respondents: RespondentRepository,
    private readonly studies: StudiesService,
    private readonly audit: AuditService,
    @Inject(IMPORT_LIMITS) private readonly limits: ImportLimits,
  ) {}

  async import(slug: string, file: { buffer: Buffer; name: string }, opts: ImportOptions, actor: AuthUser | null, now = new Date()): Promise<ImportReport> {
    if (!file.buffer.length) throw AppError.invalid('import.empty', `${file.name} is empty: choose a CSV or Excel (.xlsx) file with respondents.`);
    if (file.buffer.length > this.limits.maxBytes) throw fileTooLarge(file.name, this.limits.maxBytes);
    const { study, organisations: links } = await this.studies.detail(slug);
    const organisations = links.map((l) => l.organisation.name);
    const idByName = new Map(links.map((l) => [l.organisation.name, l.organisationId]));
    let parsed;
    try {
      parsed = await parseImportFile(file.buffer, file.name, organisations, this.limits);
    } catch (err) {
      if (err instanceof ImportFileError) throw AppError.invalid('import.unreadable', err.message, { missingColumns: err.missingColumns });
      if (err instanceof ImportLimitError) throw new AppError(err.code === 'import.zip_bomb' ? 'invalid' : 'payload_too_large', err.code, err.message, err.details);
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
      errors: parsed.errors,
      errorCount: parsed.errorCount,
      unreadableRows: parsed.unreadableCount,
      organisations,
    };
    if (report.dryRun) return report;
    if (parsed.unreadableCount && !report.partial) {
      const lines = parsed.unreadableCount;
      const listed = parsed.errorCount > parsed.errors.length ? ` The first ${parsed.errors.length} of ${parsed.errorCount} problems are listed.` : '';
      throw AppError.invalid(
        'import.rows_unreadable',
        `${lines} row${lines === 1 ? '' : 's'} of ${file.name} cannot be read, so nothing was imported. Correct ${lines === 1 ? 'it' : 'them'}, or import only the readable rows with the "partial" option.${listed}`,
        { errors: parsed.errors, errorCount: parsed.errorCount, unreadableRows: lines, organisations },
      );
    }
    try {
      await this.store(study.id, parsed.rows, idByName, now, report);
      await this.audit.record({
        actor,
        action: 'respondent.import',
        studyId: study.id,
        subjectType: 'study',
        subjectId: study.slug,
        details: { file: file.name, imported: report.imported, skippedRows: parsed.unreadableCount, skippedLines: parsed.unreadableLines },
      });
    } catch (err) {
      // Stored in batches so other requests get their turn between them; a failure takes the batches back out.
      await this.respondents.deleteImported(study.id, now);
      throw err;
    }
    return report;
  }

  /**
   * In file order, a batch per statement and transaction. An address the study already has (also from earlier
   * in the file) makes the row a duplicate of that respondent: ineligible, not counted twice.
   */
  private async store(studyId: number, rows: ImportRow[], idByName: Map<string, number>, now: Date, report: ImportReport): Promise<void> {
    const emails = rows.map((r) => emailKey(r.email));
    const known = await this.respondents.firstIdsByEmail(studyId, [...new Set(emails.filter((e): e is string => !!e))]);
    for (let start = 0; start < rows.length; ) {
      const end = batchEnd(emails, start, known);
      const batch = rows.slice(start, end).map((row, i) => {
        const duplicateOfId = emails[start + i] ? known.get(emails[start + i]!) : undefined;
        if (duplicateOfId !== undefined) report.duplicates++;
        return {
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
          status: duplicateOfId !== undefined ? ('ineligible' as const) : ('eligible' as const),
          statusReason: duplicateOfId !== undefined ? 'duplicate-email' : null,
          duplicateOfId: duplicateOfId ?? null,
          source: 'import' as const,
          screenedAt: now,
        };
      });
      await this.respondents.transaction((manager) => this.respondents.insertMany(batch, manager));
      report.imported += batch.length;
      const firstSeen = [...new Set(emails.slice(start, end).filter((e): e is string => !!e && !known.has(e)))];
      for (const [email, id] of await this.respondents.firstIdsByEmail(studyId, firstSeen)) known.set(email, id);
      start = end;
      await nextTurn();
    }
  }
}
