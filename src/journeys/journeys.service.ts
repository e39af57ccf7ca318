import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { Locale, Quadrant } from '../common/domain';
import { CodebookService } from '../coding/codebook.service';
import type { Population } from '../overviews/overview';
import { parseDelimiter } from '../overviews/overview-request';
import { OverviewsService, type PopulationMember, type Viewer } from '../overviews/overviews.service';
import { JOURNEY_CONTENT_TYPES, journeyCsv, journeyFileName, journeyXlsx, type JourneyFormat } from './journey-files';
import { journeyPdf } from './journey-pdf';
import { partnerJourney, type PartnerJourney } from './journey-partner';
import { journeyReport, type JourneyReport } from './journey-report';
import { JOURNEY_SOURCES, type JourneyCoding, type JourneySources } from './journey-sources';

export interface JourneyRequest {
  /** An organisation's name; partners always get their own. */
  organisation?: string;
  quadrant?: Quadrant;
  population?: Population;
}

export interface JourneyDownloadRequest extends JourneyRequest {
  format: JourneyFormat;
  locale: Locale;
  delimiter?: string;
}

export interface JourneyDownload {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** The study as the journey pages show it. */
export interface JourneyStudy {
  slug: string;
  title: string;
}

interface Computed {
  study: JourneyStudy & { id: number };
  /** The study's k for partners. */
  partnerMinCount: number;
  /** Every organisation the report covers, in the study's order. */
  organisations: string[];
  /** Every organisation of the study. */
  allOrganisations: string[];
  /** The viewer's own organisation when the viewer is a partner. */
  own?: string;
  members: PopulationMember[];
  report: JourneyReport;
  codings: JourneyCoding[];
}

/**
 * The journey report of a study: the population's respondents (as the overviews filter them) with their sent
 * homework and the final coding of their answers. Researchers see everything as counts; a partner sees its own
 * organisation and the consortium as suppressed counts and only the quotes a researcher marked shareable.
 */
@Injectable()
export class JourneysService {
  constructor(
    private readonly overviews: OverviewsService,
    private readonly codebook: CodebookService,
    private readonly audit: AuditService,
    @Inject(JOURNEY_SOURCES) private readonly sources: JourneySources,
  ) {}

  /** Researchers (and the command line): the report with every count. */
  async report(
    slug: string,
    request: JourneyRequest,
    viewer: Viewer,
  ): Promise<{ study: JourneyStudy; organisations: string[]; report: JourneyReport }> {
    if (viewer?.role === 'partner') throw AppError.forbidden();
    const c = await this.compute(slug, request, viewer);
    return { study: c.study, organisations: c.allOrganisations, report: c.report };
  }

  /** Partners: their own organisation's report and the consortium's, small counts suppressed, shareable quotes. */
  async partner(
    slug: string,
    request: JourneyRequest,
    viewer: AuthUser,
  ): Promise<{ study: JourneyStudy; journey: PartnerJourney }> {
    if (viewer.role !== 'partner') throw AppError.forbidden();
    const c = await this.compute(slug, request, viewer);
    const journey = partnerJourney(c.report, {
      organisation: c.own!,
      k: c.partnerMinCount,
      members: new Map(c.members.map((m) => [m.respondentId, m])),
      codings: c.codings,
    });
    return { study: c.study, journey };
  }

  /** The partner's report as JSON over the API; every call is an audit event. */
  async partnerJson(slug: string, request: JourneyRequest, viewer: AuthUser): Promise<PartnerJourney> {
    const { study, journey } = await this.partner(slug, request, viewer);
    await this.recordDownload(viewer, study, { ...request, organisation: journey.organisation }, 'json', journey);
    return journey;
  }

  /** A researcher's download in any format (the API's JSON too); every download is an audit event. */
  async download(slug: string, request: JourneyDownloadRequest, viewer: Viewer): Promise<JourneyDownload> {
    const { study, report } = await this.report(slug, request, viewer);
    await this.recordDownload(viewer, study, request, request.format, report);
    const fileName = journeyFileName({ ...request, study: study.slug, population: report.population });
    const contentType = JOURNEY_CONTENT_TYPES[request.format];
    switch (request.format) {
      case 'json':
        return { fileName, contentType, body: Buffer.from(JSON.stringify(report, null, 2) + '\n', 'utf8') };
      case 'csv':
        return { fileName, contentType, body: journeyCsv(report, request.locale, parseDelimiter(request.delimiter)) };
      case 'xlsx':
        return { fileName, contentType, body: await journeyXlsx(report, request.locale) };
      case 'pdf':
        return { fileName, contentType, body: await journeyPdf(report, request.locale, { studyTitle: study.title }) };
    }
  }

  private async recordDownload(
    viewer: Viewer,
    study: JourneyStudy & { id?: number },
    request: JourneyRequest,
    format: JourneyFormat,
    report: { population: string },
  ): Promise<void> {
    await this.audit.record({
      actor: viewer,
      action: 'journey.download',
      studyId: study.id,
      subjectType: 'study',
      subjectId: study.slug,
      details: {
        format,
        organisation: request.organisation ?? null,
        quadrant: request.quadrant ?? null,
        population: report.population,
        ...(viewer ? {} : { via: 'cli' }),
      },
    });
  }

  private async compute(slug: string, request: JourneyRequest, viewer: Viewer): Promise<Computed> {
    const isPartner = viewer?.role === 'partner';
    // A partner's report covers every organisation (the consortium's counts); its own is picked out afterwards.
    const population = await this.overviews.population(
      slug,
      { organisation: request.organisation, population: request.population },
      viewer,
    );
    const { study } = population;
    const members = population.members.filter((m) => !request.quadrant || m.quadrant === request.quadrant);
    const byId = new Map(members.map((m) => [m.respondentId, m]));
    const [{ homework, codings }, codebook] = await Promise.all([
      this.sources.read(study.id),
      this.codebook.codebook(slug),
    ]);
    const respondents = homework.flatMap((h) => {
      const m = byId.get(h.respondentId);
      if (!m) return [];
      const { respondentId: id, organisation, quadrant } = m;
      return [{ id, organisation, quadrant, answers: h.choices, answered: h.answered }];
    });
    const report = journeyReport({
      study: study.slug,
      population: population.population,
      respondents,
      codings: codings.map((c) => ({
        respondent: c.respondentId,
        question: c.question,
        start: c.start,
        end: c.end,
        codes: c.tekstIds,
      })),
      codebook: codebook.codes,
      organisations: population.organisations,
    });
    if (request.quadrant) report.groups = report.groups.filter((g) => g.quadrant === request.quadrant);
    return {
      study: { id: study.id, slug: study.slug, title: study.title },
      partnerMinCount: study.partnerMinCount,
      organisations: population.organisations,
      allOrganisations: population.allOrganisations,
      ...(isPartner ? { own: population.own } : {}),
      members,
      report,
      codings,
    };
  }
}
