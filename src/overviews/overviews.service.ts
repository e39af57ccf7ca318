import type { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { Locale } from '../common/domain';
import { StudiesService } from '../studies/studies.service';
import { StudyQueryService } from '../studies/study-query.service';
import type { Study } from '../studies/study';
import { anonymiseRows, disclosure as disclosureOf, type Disclosure } from './anonymise';
import { writeCsv } from './exporters/csv';
import { toMarkdown } from './exporters/markdown';
import { writePdf } from './exporters/pdf';
import { endStream, writeChunk } from './exporters/row-source';
import { writeXlsx } from './exporters/xlsx';
import { buildOverview, buildSummary, type Overview, type OverviewSummary, type Population } from './overview';
import {
  CONTENT_TYPES,
  downloadFileName,
  parseDelimiter,
  POPULATION_STATUSES,
  type ExportFormat,
} from './overview-request';
import type { PopulationMember, PopulationOrganisation, PopulationScope } from '../respondents/population';
import { RespondentPopulationQueryService } from '../respondents/respondent-population-query.service';

export type { PopulationMember } from '../respondents/population';

export interface OverviewRequest {
  /** An organisation's name; partners always get their own. */
  organisation?: string;
  population?: Population;
  ageBands?: boolean;
  suppressBelow?: number;
}

export interface DownloadRequest extends OverviewRequest {
  format: ExportFormat;
  delimiter?: string;
  locale: Locale;
  /** JSON over HTTP: one page of each organisation's rows. Files and the command line hold every row. */
  page?: { offset: number; limit: number };
}

/** The JSON of the API and the CLI: exactly the documented shape, never the disclosure internals. */
export type OverviewJson = Omit<Overview, 'disclosure'>;

/** The JSON over HTTP: one page of rows per organisation. */
export type PagedOverviewJson = OverviewJson & { offset: number; limit: number };

/** The composition table alone: counts, no rows. */
export type CompositionJson = OverviewSummary;

export interface OverviewDownload {
  fileName: string;
  contentType: string;
  /** The disclosure check of the rows in the file (also in its audit event). */
  disclosure: Disclosure;
  /** Writes the file into `out` and ends it; rejects (after destroying `out`) on failure. */
  write(out: Writable): Promise<void>;
}

/** Who asks: a logged-in user, or null for the command line (run by someone with access to the server). */
export type Viewer = AuthUser | null;

interface Resolved {
  study: Study;
  scope: PopulationScope;
  population: Population;
  ageBands: boolean;
  suppressBelow?: number;
  /** Set when the overview is limited to one organisation. */
  organisation?: string;
  /**
   * The organisations of the composition table. A partner's rows are its own organisation's, but its
   * composition table is the whole consortium's (counts only), on the page and in every file alike.
   */
  compositionOrganisations: readonly PopulationOrganisation[];
}

@Injectable()
export class OverviewsService {
  constructor(
    private readonly populations: RespondentPopulationQueryService,
    private readonly studies: StudiesService,
    private readonly studyQuery: StudyQueryService,
    private readonly audit: AuditService,
  ) {}

  /** The study's partner organisations in the study's order, as the studies module lists them. */
  private async organisationsOf(studyId: number): Promise<PopulationOrganisation[]> {
    return (await this.studyQuery.partnersOf(studyId)).map((p) => ({
      id: p.organisationId,
      name: p.organisation.name,
    }));
  }

  /** The studies a partner's organisation takes part in. */
  partnerStudies(viewer: AuthUser): Promise<Study[]> {
    if (viewer.role !== 'partner' || !viewer.organisationId) return Promise.resolve([]);
    return this.studyQuery.studiesOfOrganisation(viewer.organisationId);
  }

  /** The whole overview in memory (the page, JSON and Markdown), with the disclosure check and what had to be left out. */
  async overview(
    slug: string,
    request: OverviewRequest,
    viewer: Viewer,
  ): Promise<{ study: Study; overview: Overview; incomplete: number; organisations: PopulationOrganisation[] }> {
    const r = await this.resolve(slug, request, viewer);
    const [overview, incomplete, organisations] = await Promise.all([
      this.inMemory(r),
      this.populations.countIncomplete(r.scope),
      this.organisationsOf(r.study.id),
    ]);
    return { study: r.study, overview, incomplete, organisations };
  }

  /** The consortium's composition table for every organisation of the study: counts only, for partners too. */
  async composition(slug: string, request: OverviewRequest, viewer: Viewer): Promise<CompositionJson> {
    const r = await this.resolve(slug, { ...request, organisation: undefined }, viewer);
    return this.summary(r);
  }

  /**
   * The members of a population (id, organisation, quadrant) with the same filters and partner rules as the
   * overview: for reports built on a population. A partner gets every organisation's members (a consortium-wide
   * comparison is counts only; the caller keeps to that) and is told which organisation is its own.
   */
  async population(
    slug: string,
    request: Pick<OverviewRequest, 'organisation' | 'population'>,
    viewer: Viewer,
  ): Promise<{
    study: Study;
    population: Population;
    /** The organisations the members come from. */
    organisations: string[];
    /** Every organisation of the study, for a choice of filter. */
    allOrganisations: string[];
    own?: string;
    members: PopulationMember[];
  }> {
    const r = await this.resolve(slug, request, viewer);
    const organisations = r.compositionOrganisations;
    const [members, all] = await Promise.all([
      this.populations.members({ ...r.scope, organisations }),
      this.organisationsOf(r.study.id),
    ]);
    return {
      study: r.study,
      population: r.population,
      organisations: organisations.map((o) => o.name),
      allOrganisations: all.map((o) => o.name),
      ...(viewer?.role === 'partner' ? { own: r.scope.organisations[0].name } : {}),
      members,
    };
  }

  /** A download in any format, streamed where the format allows; every download is an audit event. */
  async download(slug: string, request: DownloadRequest, viewer: Viewer): Promise<OverviewDownload> {
    const r = await this.resolve(slug, request, viewer);
    const { format, locale } = request;
    const { k, uniqueRows } = await this.populations.disclosureCounts(r.scope, { ageBands: r.ageBands });
    const disclosure = disclosureOf(k, uniqueRows);
    await this.audit.record({
      actor: viewer,
      action: 'overview.download',
      studyId: r.study.id,
      subjectType: 'study',
      subjectId: r.study.slug,
      details: {
        format,
        organisation: r.organisation ?? null,
        population: r.population,
        ageBands: r.ageBands,
        k: disclosure.k,
        uniqueRows: disclosure.uniqueRows,
        ...(viewer ? {} : { via: 'cli' }),
      },
    });
    const people = { locale, studyTitle: r.study.title };
    const separateComposition = r.compositionOrganisations.length !== r.scope.organisations.length;
    const fileName = downloadFileName({
      study: r.study.slug,
      organisation: r.organisation,
      population: r.population,
      format,
      locale,
    });
    const base = { fileName, contentType: CONTENT_TYPES[format], disclosure };
    if (format === 'json' || format === 'md') {
      return {
        ...base,
        write: async (out) => {
          const overview = await this.inMemory(r);
          const composition = format === 'md' && separateComposition ? await this.summary(r) : undefined;
          const text =
            format === 'json'
              ? JSON.stringify(toJson(overview, request.page), null, 2) + '\n'
              : toMarkdown(overview, { ...people, composition });
          await writeChunk(out, text);
          await endStream(out);
        },
      };
    }
    return {
      ...base,
      write: async (out) => {
        const summary = await this.summary(r);
        const rowOrganisations = r.scope.organisations.map((o) => o.name);
        const rows = anonymiseRows(this.populations.streamProfiles(r.scope, { ageBands: r.ageBands }), {
          ageBands: r.ageBands,
        });
        if (format === 'csv')
          await writeCsv(summary, rows, out, {
            locale,
            rowOrganisations,
            delimiter: parseDelimiter(request.delimiter),
          });
        else if (format === 'xlsx') await writeXlsx(summary, rows, out, { ...people, rowOrganisations, disclosure });
        else await writePdf(summary, rows, out, { ...people, rowOrganisations, disclosure });
      },
    };
  }

  async json(slug: string, request: OverviewRequest, viewer: Viewer): Promise<OverviewJson> {
    return toJson((await this.overview(slug, request, viewer)).overview);
  }

  private async inMemory(r: Resolved): Promise<Overview> {
    const inputs = [];
    for await (const input of this.populations.streamProfiles(r.scope, { ageBands: r.ageBands })) inputs.push(input);
    return buildOverview(
      r.study.slug,
      r.population,
      r.scope.organisations.map((o) => o.name),
      inputs,
      { ageBands: r.ageBands, suppressBelow: r.suppressBelow },
    );
  }

  /** The composition table: every organisation of the study for a partner, the chosen ones otherwise. */
  private async summary(r: Resolved): Promise<OverviewSummary> {
    const scope = { ...r.scope, organisations: r.compositionOrganisations };
    const counts = await this.populations.compositionCounts(scope);
    return buildSummary(
      r.study.slug,
      r.population,
      scope.organisations.map((o) => o.name),
      counts,
      { suppressBelow: r.suppressBelow },
    );
  }

  /**
   * The study and the organisations the viewer may see. A partner whose organisation is not in the study gets
   * the same 404 as for a study that does not exist, so partners cannot probe which studies exist.
   */
  private async resolve(slug: string, request: OverviewRequest, viewer: Viewer): Promise<Resolved> {
    const isPartner = viewer?.role === 'partner';
    const study = await this.studies.get(slug);
    const all = await this.organisationsOf(study.id);
    let organisations = all;
    if (isPartner) {
      const own = all.find((o) => o.id === viewer.organisationId);
      if (!own) throw AppError.notFound('study', slug);
      if (request.organisation !== undefined && request.organisation !== own.name)
        throw AppError.forbidden(
          'Partners can only see the overview of their own organisation.',
          'error.auth.forbidden.ownOrganisation',
        );
      organisations = [own];
    } else if (request.organisation !== undefined) {
      const chosen = all.find((o) => o.name === request.organisation);
      if (!chosen) {
        throw AppError.invalid(
          'overview.organisation',
          `"${request.organisation}" is not a partner organisation of this study. Choose one of: ${all.map((o) => o.name).join(', ') || '(none yet)'}.`,
          {
            organisation: ['is not a partner organisation of this study'],
          },
          { organisation: request.organisation, known: all.map((o) => o.name).join(', ') || '—' },
        );
      }
      organisations = [chosen];
    }
    const population = request.population ?? 'participants';
    return {
      study,
      population,
      scope: { studyId: study.id, organisations, statuses: POPULATION_STATUSES[population] },
      // Partners get age bands unless they ask otherwise: exact ages make small groups easier to recognise.
      ageBands: request.ageBands ?? isPartner,
      suppressBelow: request.suppressBelow,
      organisation:
        organisations.length === 1 && (isPartner || request.organisation !== undefined)
          ? organisations[0].name
          : undefined,
      compositionOrganisations: isPartner ? all : organisations,
    };
  }
}

function toJson(overview: Overview, page?: { offset: number; limit: number }): OverviewJson | PagedOverviewJson {
  const { disclosure: _disclosure, ...json } = overview;
  if (!page) return json;
  // Each organisation's total still counts all its rows; the rows are one page of them.
  const organisations = json.organisations.map((o) => ({
    ...o,
    rows: o.rows.slice(page.offset, page.offset + page.limit),
  }));
  return { ...json, organisations, offset: page.offset, limit: page.limit };
}
