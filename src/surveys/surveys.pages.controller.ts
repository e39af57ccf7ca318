import { Controller, Get, Param, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Public } from '../auth/auth.decorators';
import { RateLimited } from '../auth/rate-limit.guard';
import { getTranslations } from '../common/view-engine';
import { ResearchOrganisationService } from '../studies/research-organisation.service';
import { SurveysService } from './surveys.service';

/** SurveyJS from the installed packages (served by app.setup.ts), the Dutch texts, and the page's own script. */
const SURVEY_SCRIPTS = [
  '/assets/survey/survey.core.min.js',
  '/assets/survey/i18n/dutch.min.js',
  '/assets/survey-ui/survey-js-ui.min.js',
];
const SURVEY_STYLESHEETS = [
  '/assets/survey/survey-core.min.css',
  '/assets/css/survey-theme.css',
  '/assets/css/survey.css',
];
/** Texts the page script shows around the survey (sending, errors, retry). */
const SCRIPT_TEXTS = ['sending', 'errorHeading', 'fixAnswers', 'networkError', 'progress'];

@Controller('s')
export class SurveysPagesController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly researchOrganisation: ResearchOrganisationService,
  ) {}

  @Public()
  @RateLimited('screener-page')
  @Get(':slug')
  @Render('pages/surveys/screener')
  async screener(@Param('slug') slug: string, @Req() req: Request) {
    const preview = req.user?.role === 'admin' || req.user?.role === 'researcher';
    const { study, definition } = await this.surveys.publicScreener(slug, req.locale, preview);
    const behind = await this.researchOrganisation.view(study);
    return {
      title: 'screener.title',
      study: { slug: study.slug, title: study.title, closed: study.status === 'closed' },
      behind,
      helpPhone: behind.phone,
      helpPhoneHref: behind.phoneHref,
      screener: {
        definition: definition.definition,
        version: definition.version,
        endpoint: `/api/studies/${study.slug}/screener`,
        storageKey: `kwadrant.screener.${study.slug}`,
      },
      texts: Object.fromEntries(SCRIPT_TEXTS.map((k) => [k, getTranslations().t(req.locale, `screener.${k}`)])),
      scripts: [...SURVEY_SCRIPTS, '/assets/js/form-problems.js', '/assets/js/survey-screener.js'],
      stylesheets: SURVEY_STYLESHEETS,
    };
  }
}
