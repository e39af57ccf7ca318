import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AuthService } from '../auth/auth.service';
import { UserQueryService } from '../auth/user-query.service';
import { AppError } from '../common/app-error';
import type { Locale } from '../common/domain';
import { getTranslations } from '../common/view-engine';
import { RespondentQueryService } from '../respondents/respondent-query.service';
import { StudiesService } from '../studies/studies.service';
import { CodebookService } from './codebook.service';
import { toRefiCodes } from './codebook-refi';
import type { StoredCode } from './codebook-versions';
import { CodingQueryService } from './coding-query.service';
import { CodingRepository } from './coding.repository';
import {
  codingGuid,
  ExportCoding,
  ExportHomework,
  homeworkSource,
  sourceGuid,
  studyExport,
  userGuid,
} from './qdpx-export';
import { CoderMatch, ImportProblem, resolveImport } from './qdpx-import';
import { sayPlace } from './qdpx-place';
import { planImport } from './refi/import-plan';
import type { RefiPlace } from './refi/project-reader';
import { QdpxError, readQdpx, writeQdpx } from './refi/qdpx';
import { buildStudyProject } from './refi/respondent-project';
import type { AnswerSpan } from './refi/answer-spans';

/** Who acts: a logged-in researcher, or the command line (null). */
export type QdpxActor = AuthUser | null;

/** Largest project read: 47 homework texts and their codings are far below it. */
export const QDPX_MAX_BYTES = 20 * 1024 * 1024;

export interface QdpxImportReport {
  dryRun: boolean;
  fileName: string;
  /** Codings that land (dry run: would land). */
  added: number;
  /** Codings of the project that the study already has. */
  unchanged: number;
  newCodes: { path: string[]; tekstId: string | null }[];
  coders: { name: string; matchedBy: CoderMatch['by'] }[];
  /** What could not be placed, said in the reader's language (`place` for scripts); none of it is stored. */
  unmatched: { code: string; where: string; place: RefiPlace; message: string }[];
}

/**
 * REFI-QDA projects (.qdpx) of a study's coded homework: the export other QDA tools open, and the import of what
 * they saved after coding. See qdpx-export.ts and qdpx-import.ts for what goes where.
 */
@Injectable()
export class QdpxService {
  constructor(
    private readonly studies: StudiesService,
    private readonly query: CodingQueryService,
    private readonly codingRows: CodingRepository,
    private readonly codebook: CodebookService,
    private readonly respondents: RespondentQueryService,
    private readonly auth: AuthService,
    private readonly users: UserQueryService,
    private readonly audit: AuditService,
  ) {}

  /** The study as a .qdpx archive; every export is an audit event (`coding.qdpx.export`). */
  async export(
    slug: string,
    actor: QdpxActor,
    via: 'page' | 'api' | 'cli',
  ): Promise<{ fileName: string; body: Buffer }> {
    const study = await this.studies.get(slug);
    const { codes } = await this.codebook.codebook(slug);
    const [homework, spans] = await Promise.all([
      this.homework(study.id),
      this.query.codings(study.id, { layer: 'coder' }),
    ]);
    const guidOf = new Map(codes.map((c) => [c.id, c.guid]));
    const codings: ExportCoding[] = spans.flatMap((s) =>
      s.codes.flatMap((c) =>
        guidOf.has(c.id)
          ? [
              {
                id: c.codingId,
                assignmentId: s.assignmentId,
                question: s.question,
                start: s.start,
                end: s.end,
                codeGuid: guidOf.get(c.id)!,
                coderId: s.coderId,
                memo: c.memo,
              },
            ]
          : [],
      ),
    );
    const coders = await this.query.coderNames([...new Set(codings.map((c) => c.coderId))]);
    const exported = studyExport({
      study: { id: study.id, name: study.title },
      createdAt: new Date(),
      codes: toRefiCodes(codes),
      homework: homework.list,
      pseudonyms: homework.pseudonyms,
      codings,
      coders,
    });
    const body = await writeQdpx(buildStudyProject(exported));
    await this.audit.record({
      actor,
      action: 'coding.qdpx.export',
      studyId: study.id,
      subjectType: 'study',
      subjectId: study.slug,
      details: { respondents: exported.respondents.length, codings: codings.length, coders: coders.size, via },
    });
    return { fileName: `kwadrant-${study.slug}.qdpx`, body };
  }

  /**
   * Reads a project another QDA tool saved after coding the exported sources and lands its new codes, coders and
   * codings in one transaction; what cannot be placed is reported and left out. A dry run only reports.
   */
  async import(
    slug: string,
    file: { buffer: Buffer; name: string },
    opts: { dryRun?: boolean },
    actor: QdpxActor,
    locale: Locale,
  ): Promise<QdpxImportReport> {
    if (file.buffer.length > QDPX_MAX_BYTES)
      throw new AppError(
        'payload_too_large',
        'qdpx.too_large',
        `${file.name} is larger than ${QDPX_MAX_BYTES / 1024 / 1024} MB.`,
        { maxBytes: QDPX_MAX_BYTES },
        { mb: QDPX_MAX_BYTES / 1024 / 1024 },
      );
    const contents = await readQdpx(file.buffer).catch((err: unknown) => {
      if (err instanceof QdpxError)
        throw AppError.invalid(
          'qdpx.unreadable',
          `${file.name} is not a REFI-QDA project that can be read: ${err.message}`,
          { reason: err.code },
          { name: file.name, reason: getTranslations().t(locale, `qdpx.reason.${err.code}`) },
        );
      throw err;
    });
    return this.land(slug, file.name, contents, opts.dryRun ?? false, actor, locale);
  }

  @Transactional()
  private async land(
    slug: string,
    fileName: string,
    contents: Awaited<ReturnType<typeof readQdpx>>,
    dryRun: boolean,
    actor: QdpxActor,
    locale: Locale,
  ): Promise<QdpxImportReport> {
    const study = await this.studies.get(slug);
    // One after the other: in a transaction on PostgreSQL every query shares one connection, which runs one at a time.
    const { codes } = await this.codebook.codebook(slug);
    const homework = await this.homework(study.id);
    const existing = await this.codingRows.ofStudy(study.id, { layer: 'coder' });
    const accounts = await this.users.staff();
    const sources = new Map(homework.list.map((h) => [sourceGuid(study.id, h.assignmentId), h] as const));
    const guidOf = new Map(codes.map((c) => [c.id, c.guid]));
    const exportedCodings = new Map<string, AnswerSpan>(
      existing.map((c) => [codingGuid(study.id, c.id), { question: c.question, start: c.start, end: c.end }]),
    );
    const plan = planImport(contents, {
      sources: new Map([...sources].map(([guid, h]) => [guid, homeworkSource(h)])),
      codeGuids: new Set(codes.map((c) => c.guid)),
      exportedCodings,
    });
    const resolution = resolveImport(plan, {
      sources: new Map([...sources].map(([guid, h]) => [guid, h.assignmentId])),
      codes,
      accounts,
      accountGuid: userGuid,
      existing: existing.flatMap((c) => (guidOf.has(c.codeId) ? [{ ...c, codeGuid: guidOf.get(c.codeId)! }] : [])),
    });
    const report: QdpxImportReport = {
      dryRun,
      fileName,
      added: resolution.codings.length,
      unchanged: resolution.unchanged,
      newCodes: resolution.newCodes.map((c) => ({ path: c.path, tekstId: c.tekstId })),
      coders: resolution.coders.map((c) => ({ name: c.name, matchedBy: c.by })),
      unmatched: resolution.unmatched.map((p) => say(p, locale)),
    };
    if (dryRun) return report;

    const accountOf = new Map<string, number>();
    for (const coder of resolution.coders) {
      accountOf.set(
        coder.guid,
        coder.by === 'new'
          ? (await this.auth.createCoderIdentity({ name: coder.name, email: coder.email }, actor)).id
          : coder.accountId,
      );
    }
    const stored: StoredCode[] = await this.codebook.addCodes(
      slug,
      resolution.newCodes.map((c) => ({
        guid: c.guid,
        path: c.path,
        tekstId: c.tekstId,
        logtekst: null,
        colour: c.colour,
      })),
      fileName,
      actor,
      locale,
    );
    const codeIdOf = new Map(stored.map((c) => [c.guid, c.id]));
    const respondentOf = new Map(homework.list.map((h) => [h.assignmentId, h.respondentId]));
    for (const c of resolution.codings) {
      await this.codingRows.insert({
        studyId: study.id,
        assignmentId: c.assignmentId,
        respondentId: respondentOf.get(c.assignmentId)!,
        question: c.question,
        start: c.start,
        end: c.end,
        codeId: codeIdOf.get(c.codeGuid)!,
        coderId: accountOf.get(c.coderGuid)!,
        layer: 'coder',
        memo: c.memo,
        shareable: false,
      });
    }
    await this.audit.record({
      actor,
      action: 'coding.qdpx.import',
      studyId: study.id,
      subjectType: 'study',
      subjectId: study.slug,
      details: {
        fileName,
        added: report.added,
        unchanged: report.unchanged,
        newCodes: report.newCodes.length,
        newCoders: resolution.coders.filter((c) => c.by === 'new').length,
        unmatched: report.unmatched.length,
      },
    });
    return report;
  }

  /** The study's submitted homework as the export needs it, with pseudonyms and the respondents' profiles. */
  private async homework(studyId: number): Promise<{ list: ExportHomework[]; pseudonyms: Map<number, string> }> {
    const material = await this.query.material(studyId);
    const people = await this.respondents.byIds(
      material.map((h) => h.respondentId),
      studyId,
    );
    const profile = new Map(people.map((p) => [p.id, p]));
    const list = material.map((h): ExportHomework => {
      const p = profile.get(h.respondentId);
      return {
        assignmentId: h.assignmentId,
        respondentId: h.respondentId,
        submittedAt: h.submittedAt,
        answers: h.answers,
        definition: h.definition,
        respondent: {
          organisation: h.organisation || null,
          quadrant: h.quadrant,
          gender: p?.gender ?? null,
          ageMin: p?.ageMin ?? null,
          ageMax: p?.ageMax ?? null,
          education: p?.education ?? null,
          digitalComfort: p?.digitalComfort ?? null,
        },
        personal: h.personal,
      };
    });
    return { list, pseudonyms: new Map(material.map((h) => [h.respondentId, h.pseudonym])) };
  }
}

function say(p: ImportProblem, locale: Locale): QdpxImportReport['unmatched'][number] {
  return {
    code: p.code,
    where: sayPlace(p.where, locale),
    place: p.where,
    message: getTranslations().t(locale, `qdpx.problem.${p.code}`),
  };
}
