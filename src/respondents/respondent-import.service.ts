import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { StudiesService } from '../studies/studies.service';
import { ImportError, ImportFileError, ImportLayout, parseImportFile } from './import-parser';
import { RespondentRepository } from './respondent.repository';

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
  errors: ImportError[];
  organisations: string[];
}

/** Max upload size; a respondent file of a few thousand rows is far below it. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

@Injectable()
export class RespondentImportService {
  constructor(
    private readonly respondents: RespondentRepository,
    private readonly studies: StudiesService,
    private readonly audit: AuditService,
  ) {}

  async import(slug: string, file: { buffer: Buffer; name: string }, opts: ImportOptions, actor: AuthUser | null, now = new Date()): Promise<ImportReport> {
    if (!file.buffer.length) throw AppError.invalid('import.empty', `${file.name} is empty: choose a CSV or Excel (.xlsx) file with respondents.`);
    if (file.buffer.length > MAX_IMPORT_BYTES) throw new AppError('payload_too_large', 'import.too_large', `${file.name} is larger than 5 MB; split it into smaller files.`);
    const { study, organisations: links } = await this.studies.detail(slug);
    const organisations = links.map((l) => l.organisation.name);
    const idByName = new Map(links.map((l) => [l.organisation.name, l.organisationId]));
    let parsed;
    try {
      parsed = await parseImportFile(file.buffer, file.name, organisations);
    } catch (err) {
      if (err instanceof ImportFileError) throw AppError.invalid('import.unreadable', err.message, { missingColumns: err.missingColumns });
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
      organisations,
    };
    if (report.dryRun) return report;
    if (parsed.errors.length && !report.partial) {
      const lines = new Set(parsed.errors.map((e) => e.line)).size;
      throw AppError.invalid(
        'import.rows_unreadable',
        `${lines} row${lines === 1 ? '' : 's'} of ${file.name} cannot be read, so nothing was imported. Correct ${lines === 1 ? 'it' : 'them'}, or import only the readable rows with the "partial" option.`,
        { errors: parsed.errors, organisations },
      );
    }
    await this.respondents.transaction(async (manager) => {
      for (const row of parsed.rows) {
        const duplicateOf = row.email ? await this.respondents.findFirstByEmail(study.id, row.email, manager) : null;
        if (duplicateOf) report.duplicates++;
        await this.respondents.insert(
          {
            studyId: study.id,
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
            quadrantSource: 'import',
            availability: null,
            status: duplicateOf ? 'ineligible' : 'eligible',
            statusReason: duplicateOf ? 'duplicate-email' : null,
            duplicateOfId: duplicateOf?.id ?? null,
            source: 'import',
            screenedAt: now,
          },
          manager,
        );
        report.imported++;
      }
      await this.audit.record(
        { actor, action: 'respondent.import', studyId: study.id, subjectType: 'study', subjectId: study.slug, details: { file: file.name, imported: report.imported, skippedLines: [...new Set(parsed.errors.map((e) => e.line))] } },
        manager,
      );
    });
    return report;
  }
}
