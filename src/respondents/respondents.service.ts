import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { Page } from '../common/paging';
import type { RespondentProfile, RespondentStatus } from '../common/domain';
import { StudiesService } from '../studies/studies.service';
import type { Study } from '../studies/study';
import { SCREENER_PERSONAL_FIELDS } from '../surveys/screener-definition';
import { QuadrantOverrideDto } from './dto/respondent.dto';
import { countTable, CountTable } from './pool-counts';
import { Respondent } from './respondent.entity';
import { PoolFilter, RespondentRepository } from './respondent.repository';

export interface PoolRespondent extends Omit<Respondent, 'organisationId'> {
  organisationId: number | null;
  organisation: string | null;
}

export interface Pool {
  study: Study;
  organisations: { id: number; name: string }[];
  counts: CountTable;
  /** One page of the filtered pool; `total`, `offset` and `limit` say which. */
  respondents: PoolRespondent[];
  total: number;
  offset: number;
  limit: number;
}

/** Who reads the pool, and through what (the command line has no account: the system user is noted instead). */
export interface PoolReader {
  actor: AuthUser | null;
  via: 'page' | 'api' | 'cli';
  osUser?: string;
}

/** The normalised attributes as `respondents list` prints them: exactly these keys, in this order. */
/** Whom an erasure concerns: respondents of one study. */
export interface ErasureTarget {
  studyId: number;
  respondentIds: number[];
}

/** The respondent as erased: the normalised attributes kept, personal data gone. */
export type ErasedRespondent = Respondent;

/** A made-up person for trying the platform out (the demo study). */
export interface MadeUpRespondent extends RespondentProfile {
  organisationId: number;
  firstName: string;
  email: string;
}

export type ListedRespondent = { organisation: string | null } & {
  [K in keyof RespondentProfile]: RespondentProfile[K] | null;
} & { status: RespondentStatus };

@Injectable()
export class RespondentsService {
  constructor(
    private readonly respondents: RespondentRepository,
    private readonly studies: StudiesService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The count table of the whole study and one page of its (filtered) respondents: a pool of any size stays one
   * bounded answer. Every read is a `respondents.read` audit event (who, how, which).
   */
  async pool(
    slug: string,
    filter: PoolFilter,
    page: Pick<Page<unknown>, 'offset' | 'limit'>,
    reader: PoolReader,
  ): Promise<Pool> {
    const { study, organisations: links } = await this.studies.detail(slug);
    const organisations = links.map((l) => ({ id: l.organisationId, name: l.organisation.name }));
    const names = new Map(organisations.map((o) => [o.id, o.name]));
    const [cells, [shown, total]] = await Promise.all([
      this.respondents.countCells(study.id),
      this.respondents.pageInStudy(study.id, filter, page),
    ]);
    await this.recordRead(study, reader, {
      filter,
      offset: page.offset,
      limit: page.limit,
      respondents: shown.length,
      total,
    });
    return {
      study,
      organisations,
      counts: countTable(cells, organisations, study),
      respondents: shown.map((r) => ({
        ...r,
        organisation: r.organisationId === null ? null : (names.get(r.organisationId) ?? null),
      })),
      total,
      offset: page.offset,
      limit: page.limit,
    };
  }

  /** For `kwadrant respondents list`, run by `osUser` on the server (audited as a read). */
  async listNormalised(slug: string, osUser: string): Promise<ListedRespondent[]> {
    const { study, organisations } = await this.studies.detail(slug);
    const names = new Map(organisations.map((o) => [o.organisationId, o.organisation.name]));
    const respondents = await this.respondents.listInStudy(study.id);
    await this.recordRead(study, { actor: null, via: 'cli', osUser }, { respondents: respondents.length });
    return respondents.map((r) => ({
      organisation: r.organisationId === null ? null : (names.get(r.organisationId) ?? null),
      quadrant: r.quadrant,
      gender: r.gender,
      age: r.age,
      ageMin: r.ageMin,
      ageMax: r.ageMax,
      education: r.education,
      digitalComfort: r.digitalComfort,
      status: r.status,
    }));
  }

  private async recordRead(study: Study, reader: PoolReader, details: Record<string, unknown>): Promise<void> {
    await this.audit.record({
      actor: reader.actor,
      action: 'respondents.read',
      studyId: study.id,
      subjectType: 'study',
      subjectId: study.slug,
      details: { via: reader.via, ...(reader.osUser ? { osUser: reader.osUser } : {}), ...details },
    });
  }

  @Transactional()
  async overrideQuadrant(slug: string, id: number, dto: QuadrantOverrideDto, actor: AuthUser): Promise<Respondent> {
    const study = await this.studies.get(slug);
    const respondent = await this.respondents.findInStudy(study.id, id);
    if (!respondent) throw AppError.notFound('respondent', id);
    if (respondent.status === 'erased')
      throw AppError.conflict(
        'respondent.erased',
        'This respondent has been erased; their quadrant can no longer be changed.',
      );
    const from = respondent.quadrant;
    Object.assign(respondent, {
      quadrant: dto.quadrant,
      quadrantSource: 'override',
      quadrantOverriddenBy: actor.email,
      quadrantOverrideReason: dto.reason.trim(),
      quadrantOverriddenAt: new Date(),
    });
    const saved = await this.respondents.save(respondent);
    await this.audit.record({
      actor,
      action: 'respondent.quadrant_override',
      studyId: study.id,
      subjectType: 'respondent',
      subjectId: id,
      details: { from, to: dto.quadrant, reason: dto.reason.trim() },
    });
    return saved;
  }

  /** The respondent to erase, checked to belong to the study. */
  async erasable(slug: string, id: number): Promise<ErasureTarget> {
    const study = await this.studies.get(slug);
    const respondent = await this.respondents.findInStudy(study.id, id);
    if (!respondent) throw AppError.notFound('respondent', id);
    return { studyId: study.id, respondentIds: [respondent.id] };
  }

  /** Every respondent of the study with this address (a duplicate sign-up too). */
  async erasableByEmail(slug: string, email: string): Promise<ErasureTarget> {
    const study = await this.studies.get(slug);
    const respondents = await this.respondents.findAllByEmail(study.id, email);
    if (!respondents.length) throw AppError.notFound('respondent_with_email', email);
    return { studyId: study.id, respondentIds: respondents.map((r) => r.id) };
  }

  /**
   * The respondent's part of an erasure (privacy's ErasureService does the rest in the same transaction): personal
   * data goes; the normalised attributes stay, so counts and overviews keep adding up.
   */
  async erasePersonalData(studyId: number, respondentId: number, actor: AuthUser | null): Promise<ErasedRespondent> {
    const respondent = await this.respondents.findInStudy(studyId, respondentId);
    if (!respondent) throw AppError.notFound('respondent', respondentId);
    const previousStatus = respondent.status;
    Object.assign(respondent, {
      firstName: null,
      email: null,
      phone: null,
      contactPreference: null,
      status: 'erased',
      erasedAt: respondent.erasedAt ?? new Date(),
    });
    const saved = await this.respondents.save(respondent);
    await this.respondents.recordStatusChange(respondent, previousStatus, 'erased');
    for (const submission of await this.respondents.submissionsOf(respondent.id)) {
      submission.answers = Object.fromEntries(
        Object.entries(submission.answers).filter(
          ([k]) => !(SCREENER_PERSONAL_FIELDS as readonly string[]).includes(k),
        ),
      );
      await this.respondents.saveSubmission(submission);
    }
    await this.audit.record({
      actor,
      action: 'respondent.erase',
      studyId,
      subjectType: 'respondent',
      subjectId: respondent.id,
      details: { previousStatus, source: respondent.source },
    });
    return saved;
  }

  /** Adds made-up respondents (source "demo"), eligible, screened a minute apart up to now. */
  async addMadeUp(studyId: number, people: MadeUpRespondent[]): Promise<void> {
    const now = Date.now();
    await this.respondents.insertMany(
      people.map((person, i) => ({
        ...person,
        studyId,
        status: 'eligible' as const,
        source: 'demo',
        availability: null,
        screenedAt: new Date(now - (people.length - i) * 60_000),
      })),
    );
  }
}
