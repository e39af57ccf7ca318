import { Body, Controller, Param, Post } from '@nestjs/common';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import type { Locale } from '../common/domain';
import { OnRefusal } from '../common/form-refusal';
import { PageAction, seeOther } from '../common/page-answer';
import { UpdateStudyDto } from '../studies/dto/study.dto';
import { ResearchOrganisationService } from '../studies/research-organisation.service';
import { settingsPageModel } from '../studies/settings-page';
import { StudiesService } from '../studies/studies.service';
import { STUDY_FORM } from '../studies/study-forms';
import { StudyClosingService } from './study-closing.service';

/** The settings form of `/studies/:slug/settings`; the page itself and its other forms are the studies module's. */
@Controller('studies')
export class StudySettingsPagesController {
  constructor(
    private readonly closing: StudyClosingService,
    private readonly studies: StudiesService,
    private readonly researchOrganisation: ResearchOrganisationService,
  ) {}

  @Post(':slug')
  @PageAction()
  @OnRefusal<StudySettingsPagesController>({
    view: 'pages/studies/show',
    model: (c, req) => c.showModel(String(req.params.slug), req.locale),
    form: STUDY_FORM,
  })
  async update(@Param('slug') slug: string, @Body() dto: UpdateStudyDto, @CurrentUser() user: AuthUser) {
    const study = await this.closing.update(slug, dto, user);
    return seeOther(`/studies/${study.slug}/settings`, 'study.done.saved');
  }

  showModel(slug: string, locale: Locale) {
    return settingsPageModel(this.studies, this.researchOrganisation, slug, locale);
  }
}
