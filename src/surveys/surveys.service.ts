import { createHash } from 'crypto';
import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { formatSlot } from '../common/format';
import { translators } from '../common/view-engine';
import type { Locale } from '../common/domain';
import { screenerIsOpen, screenerNotOpen } from '../studies/screener-access';
import { StudiesService } from '../studies/studies.service';
import type { Study } from '../studies/study';
import { buildScreenerDefinition, CONSENT_TEXT_VERSION, SCREENER_REQUIRED_QUESTIONS } from './screener-definition';
import { SurveyDefinition, SurveyKind, SurveyOrigin } from './survey-definition.entity';
import { SurveyDefinitionRepository } from './survey-definition.repository';
import { definitionErrors } from './survey-validator';

export function contentHash(definition: object): string {
  return createHash('sha256').update(JSON.stringify(definition)).digest('hex');
}

/** Stored, versioned SurveyJS definitions: a submission always names the version it answered. */
@Injectable()
export class SurveysService {
  constructor(
    private readonly definitions: SurveyDefinitionRepository,
    private readonly studies: StudiesService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The screener as respondents see it now. Generated from the study's organisations and slots and stored
   * as a new version whenever that content changes; a researcher's custom definition takes precedence.
   */
  /** The screener as the public sees it: only while the study recruits (see screener-access.ts); staff may preview it. */
  async publicScreener(
    slug: string,
    locale: Locale,
    preview: boolean,
  ): Promise<{ study: Study; definition: SurveyDefinition }> {
    const study = await this.studies.get(slug).catch((err: unknown) => {
      throw err instanceof AppError && err.kind === 'not_found' ? screenerNotOpen(locale) : err;
    });
    if (!preview && !screenerIsOpen(study.status)) throw screenerNotOpen(locale);
    return this.currentScreener(slug);
  }

  async currentScreener(slug: string): Promise<{ study: Study; definition: SurveyDefinition }> {
    const { study, organisations, slots } = await this.studies.detail(slug);
    const generated = buildScreenerDefinition(
      {
        studyTitle: study.title,
        organisations: organisations.map((o) => ({ id: o.organisationId, name: o.organisation.name })),
        slots: slots.map((s) => ({
          id: s.id,
          label: { nl: formatSlot(s.startsAt, s.endsAt, 'nl'), en: formatSlot(s.startsAt, s.endsAt, 'en') },
          location: s.location,
        })),
        consentVersion: CONSENT_TEXT_VERSION,
        helpPhone: study.helpPhone || undefined,
      },
      translators(),
    );
    return { study, definition: await this.ensureGenerated(study.id, 'screener', generated) };
  }

  /** The stored definition when it is custom or has the same content; otherwise a new version of it. */
  async ensureGenerated(studyId: number, kind: SurveyKind, definition: object): Promise<SurveyDefinition> {
    const latest = await this.definitions.latest(studyId, kind);
    const hash = contentHash(definition);
    if (latest && (latest.origin === 'custom' || latest.contentHash === hash)) return latest;
    return this.storeVersion(studyId, kind, definition, 'generated', null);
  }

  findVersion(studyId: number, kind: SurveyKind, version: number): Promise<SurveyDefinition | null> {
    return this.definitions.findVersion(studyId, kind, version);
  }

  async current(slug: string, kind: SurveyKind): Promise<SurveyDefinition> {
    if (kind === 'screener') return (await this.currentScreener(slug)).definition;
    const study = await this.studies.get(slug);
    const latest = await this.definitions.latest(study.id, kind);
    if (!latest) throw AppError.notFound(`${kind}_definition`, slug);
    return latest;
  }

  async versions(slug: string, kind: SurveyKind): Promise<Omit<SurveyDefinition, 'definition'>[]> {
    const study = await this.studies.get(slug);
    return (await this.definitions.listVersions(study.id, kind)).map(({ definition: _, ...meta }) => meta);
  }

  /** A researcher's own definition: checked like the generated ones, stored as the next version. */
  async putCustom(slug: string, kind: SurveyKind, definition: object, actor: AuthUser): Promise<SurveyDefinition> {
    const study = await this.studies.get(slug);
    // Stored but never used would be worse than refused: the homework form is built for each organisation, and
    // autosave, printing and the preparation view all rely on its questions.
    if (kind === 'homework') {
      throw AppError.invalid(
        'survey.homework_fixed',
        'The homework form is the one of the research plan (Bijlage 4), built for each organisation; it cannot be replaced.',
      );
    }
    const problems = definitionErrors(definition);
    if (problems.length)
      throw AppError.invalid(
        'survey.definition_invalid',
        `The survey definition has errors: ${problems.join('; ')}`,
        { errors: problems },
        { problems: problems.join('; ') },
      );
    if (kind === 'screener') {
      const names = questionNames(definition);
      const missing = SCREENER_REQUIRED_QUESTIONS.filter((n) => !names.has(n));
      if (missing.length) {
        throw AppError.invalid(
          'survey.screener_questions_missing',
          `A screener needs the questions ${missing.join(', ')}: the intake stores a respondent from them.`,
          { missing },
          { missingList: missing.join(', ') },
        );
      }
    }
    const latest = await this.definitions.latest(study.id, kind);
    if (latest?.origin === 'custom' && latest.contentHash === contentHash(definition)) return latest;
    const stored = await this.storeVersion(study.id, kind, definition, 'custom', actor);
    await this.audit.record({
      actor,
      action: 'survey.definition_put',
      studyId: study.id,
      subjectType: 'survey_definition',
      subjectId: stored.id,
      details: { kind, version: stored.version },
    });
    return stored;
  }

  // Two requests may both find the content new; the unique (study, kind, version) lets one win and the other re-read.
  private async storeVersion(
    studyId: number,
    kind: SurveyKind,
    definition: object,
    origin: SurveyOrigin,
    actor: AuthUser | null,
  ): Promise<SurveyDefinition> {
    const hash = contentHash(definition);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.storeNextVersion(studyId, kind, definition, hash, origin, actor);
      } catch (err) {
        if (attempt >= 2) throw err;
      }
    }
  }

  @Transactional()
  private async storeNextVersion(
    studyId: number,
    kind: SurveyKind,
    definition: object,
    hash: string,
    origin: SurveyOrigin,
    actor: AuthUser | null,
  ): Promise<SurveyDefinition> {
    const latest = await this.definitions.latest(studyId, kind);
    if (latest && latest.origin === origin && latest.contentHash === hash) return latest;
    return this.definitions.insert({
      studyId,
      kind,
      version: (latest?.version ?? 0) + 1,
      origin,
      definition,
      contentHash: hash,
      createdBy: actor?.email ?? null,
      createdAt: new Date(),
    });
  }
}

function questionNames(definition: object): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.name === 'string' && typeof o.type === 'string') names.add(o.name);
      for (const key of ['pages', 'elements', 'templateElements']) if (key in o) visit(o[key]);
    }
  };
  visit(definition);
  return names;
}
