import { Inject, Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { Locale } from '../common/domain';
import { getTranslations } from '../common/view-engine';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { checkLogo, LOGO_MAX_BYTES, researchOrganisationView, ResearchOrganisationView } from './research-organisation';
import { Study } from './study.entity';
import { StudyRepository } from './study.repository';

/** Who stands behind a study: the details respondents see, and the logo researchers upload. */
@Injectable()
export class ResearchOrganisationService {
  constructor(
    private readonly studies: StudyRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** For pages (`absolute: false`, a path) and e-mails and PDFs (`absolute: true`, a full address). */
  async view(study: Study, opts: { absolute?: boolean } = {}): Promise<ResearchOrganisationView> {
    const version = await this.studies.logoVersion(study.id);
    return researchOrganisationView(study, this.config.helpPhone, version, opts.absolute ? this.config.baseUrl : '');
  }

  /** The logo image of a published study, or a 404. */
  async logo(slug: string): Promise<{ contentType: string; bytes: Buffer }> {
    const study = await this.studies.findBySlug(slug);
    const logo = study ? await this.studies.findLogo(study.id) : null;
    if (!study || !logo) throw AppError.notFound('study_logo', slug);
    return { contentType: logo.contentType, bytes: Buffer.from(logo.data, 'base64') };
  }

  /** The logo's bytes for a document (the homework PDF), or null when the study has none. */
  async logoOf(studyId: number): Promise<Buffer | null> {
    const logo = await this.studies.findLogo(studyId);
    return logo ? Buffer.from(logo.data, 'base64') : null;
  }

  @Transactional()
  async setLogo(slug: string, dataUrl: string, actor: AuthUser, locale: Locale): Promise<void> {
    const study = await this.get(slug);
    const checked = checkLogo(dataUrl);
    if (!checked.ok) {
      const message = getTranslations().t(locale, `study.logo.${checked.reason}`, { kb: LOGO_MAX_BYTES / 1000 });
      throw AppError.invalid(`study.logo_${checked.reason.replace(/-/g, '_')}`, message, { logo: [message] });
    }
    await this.studies.saveLogo({
      studyId: study.id,
      contentType: checked.type,
      data: checked.bytes.toString('base64'),
      updatedAt: new Date(),
    });
    await this.audit.record({
      actor,
      action: 'study.logo_set',
      studyId: study.id,
      subjectType: 'study',
      subjectId: study.slug,
      details: { type: checked.type, bytes: checked.bytes.length },
    });
  }

  @Transactional()
  async removeLogo(slug: string, actor: AuthUser): Promise<void> {
    const study = await this.get(slug);
    await this.studies.deleteLogo(study.id);
    await this.audit.record({
      actor,
      action: 'study.logo_remove',
      studyId: study.id,
      subjectType: 'study',
      subjectId: study.slug,
    });
  }

  private async get(slug: string): Promise<Study> {
    const study = await this.studies.findBySlug(slug);
    if (!study) throw AppError.notFound('study', slug);
    return study;
  }
}
