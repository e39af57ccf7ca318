import { Body, Controller, Get, Param, Post, Query, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { pagerView } from '../common/pager';
import { PageQueryDto } from '../common/paging';
import type { Locale } from '../common/domain';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { unlessConfirmed } from '../common/confirmation';
import { OnRefusal } from '../common/form-refusal';
import { PageAction, seeOther } from '../common/page-answer';
import { CreateStudyDto, OrganisationDto, SlotFormDto, StudyLogoDto, UpdateOrganisationDto } from './dto/study.dto';
import { ResearchOrganisationService } from './research-organisation.service';
import { settingsPageModel } from './settings-page';
import { StudiesService } from './studies.service';
import { ParseIdPipe } from '../common/parse-id.pipe';
import {
  NEW_STUDY_FORM,
  ORGANISATION_FORM,
  SLOT_FORM,
  STUDY_FORM,
  LOGO_FORM,
  NEW_ORGANISATION_FORM,
} from './study-forms';

/** A refused form on the settings page shows that page again, with the form as typed. */
const onSettings = (form: typeof STUDY_FORM) =>
  OnRefusal<StudiesPagesController>({
    view: 'pages/studies/show',
    model: (c, req) => c.showModel(String(req.params.slug), req.locale),
    form,
  });

@Controller('studies')
export class StudiesPagesController {
  constructor(
    private readonly studies: StudiesService,
    private readonly researchOrganisation: ResearchOrganisationService,
  ) {}

  @Get()
  @Render('pages/studies/list')
  list(@Query() query: PageQueryDto) {
    return this.listModel(query);
  }

  @Post()
  @PageAction()
  @OnRefusal<StudiesPagesController>({
    view: 'pages/studies/list',
    model: (c) => c.listModel(new PageQueryDto()),
    form: NEW_STUDY_FORM,
  })
  async create(@Body() dto: CreateStudyDto, @CurrentUser() user: AuthUser) {
    const study = await this.studies.create(dto, user);
    return seeOther(`/studies/${study.slug}`, 'studies.done.created', { title: study.title });
  }

  /** The study's settings (the study's first page, /studies/:slug, is its dashboard). */
  @Get(':slug/settings')
  @Render('pages/studies/show')
  show(@Param('slug') slug: string, @Req() req: Request) {
    return this.showModel(slug, req.locale);
  }

  @Post(':slug/logo')
  @PageAction()
  @onSettings(LOGO_FORM)
  async setLogo(
    @Param('slug') slug: string,
    @Body() dto: StudyLogoDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    await this.researchOrganisation.setLogo(slug, dto.logo, user, req.locale);
    return seeOther(`/studies/${slug}/settings#behind`, 'study.done.logoSaved');
  }

  @Post(':slug/logo/delete')
  @PageAction()
  async removeLogo(@Param('slug') slug: string, @CurrentUser() user: AuthUser) {
    await this.researchOrganisation.removeLogo(slug, user);
    return seeOther(`/studies/${slug}/settings#behind`, 'study.done.logoRemoved');
  }

  @Post(':slug/organisations')
  @PageAction()
  @onSettings(NEW_ORGANISATION_FORM)
  async addOrganisation(@Param('slug') slug: string, @Body() dto: OrganisationDto, @CurrentUser() user: AuthUser) {
    await this.studies.addOrganisation(slug, dto, user);
    return seeOther(`/studies/${slug}/settings#organisations`, 'study.done.organisationAdded', {
      name: dto.name.trim(),
    });
  }

  @Post(':slug/organisations/:id')
  @PageAction()
  @onSettings(ORGANISATION_FORM)
  async updateOrganisation(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: UpdateOrganisationDto,
    @CurrentUser() user: AuthUser,
  ) {
    const link = await this.studies.updateOrganisation(slug, id, dto, user);
    return seeOther(`/studies/${slug}/settings#organisations`, 'study.done.organisationSaved', {
      name: link.organisation?.name ?? '',
    });
  }

  @Post(':slug/organisations/:id/delete')
  @PageAction()
  async removeOrganisation(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body('confirm') confirm: unknown,
    @CurrentUser() user: AuthUser,
  ) {
    const name = (await this.studies.organisationLink(slug, id)).organisation.name;
    await unlessConfirmed(confirm, () => ({
      heading: { key: 'confirm.organisation.heading', vars: { name } },
      consequences: [{ key: 'confirm.organisation.effect', vars: { name } }, { key: 'confirm.organisation.noMail' }],
      action: `/studies/${slug}/organisations/${id}/delete`,
      confirmLabel: { key: 'confirm.organisation.button' },
      back: `/studies/${slug}/settings#organisations`,
    }));
    await this.studies.removeOrganisation(slug, id, user);
    return seeOther(`/studies/${slug}/settings#organisations`, 'study.done.organisationRemoved', { name });
  }

  @Post(':slug/slots')
  @PageAction()
  @onSettings(SLOT_FORM)
  async addSlot(@Param('slug') slug: string, @Body() dto: SlotFormDto, @CurrentUser() user: AuthUser) {
    await this.studies.addSlot(slug, dto, user);
    return seeOther(`/studies/${slug}/settings#slots`, 'study.done.slotAdded');
  }

  async listModel(query: PageQueryDto) {
    const page = await this.studies.list(query);
    return {
      title: 'studies.title',
      studies: page.items,
      pager: pagerView('/studies', {}, { ...page, count: page.items.length }),
      stylesheets: ['/assets/css/pager.css', '/assets/css/forms.css'],
    };
  }

  showModel(slug: string, locale: Locale) {
    return settingsPageModel(this.studies, this.researchOrganisation, slug, locale);
  }
}
