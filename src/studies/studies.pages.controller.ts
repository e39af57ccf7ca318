import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { pagerView } from '../common/pager';
import { PageQueryDto } from '../common/paging';
import type { Request, Response } from 'express';
import type { Locale } from '../common/domain';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { isConfirmed, renderConfirmation } from '../common/confirmation';
import { formatSlot } from '../common/format';
import { CreateStudyDto, OrganisationDto, SlotFormDto, StudyLogoDto, UpdateOrganisationDto, UpdateStudyDto } from './dto/study.dto';
import { LOGO_MAX_BYTES } from './research-organisation';
import { ResearchOrganisationService } from './research-organisation.service';
import { slotModeOf } from './study-rules';
import { STUDY_STATUSES } from './study.entity';
import { StudiesService } from './studies.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

@Controller('studies')
export class StudiesPagesController {
  constructor(
    private readonly studies: StudiesService,
    private readonly researchOrganisation: ResearchOrganisationService,
  ) {}

  @Get()
  @Render('pages/studies/list')
  async list(@Query() query: PageQueryDto) {
    const page = await this.studies.list(query);
    return { title: 'studies.title', studies: page.items, pager: pagerView('/studies', {}, { ...page, count: page.items.length }), stylesheets: ['/assets/css/pager.css'] };
  }

  @Post()
  async create(@Body() dto: CreateStudyDto, @CurrentUser() user: AuthUser, @Res() res: Response) {
    const study = await this.studies.create(dto, user);
    res.redirect(303, `/studies/${study.slug}`);
  }

  /** The study's settings (the study's first page, /studies/:slug, is its dashboard). */
  @Get(':slug/settings')
  @Render('pages/studies/show')
  show(@Param('slug') slug: string, @Req() req: Request) {
    return this.showModel(slug, req.locale);
  }

  @Post(':slug/logo')
  async setLogo(@Param('slug') slug: string, @Body() dto: StudyLogoDto, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response) {
    await this.researchOrganisation.setLogo(slug, dto.logo, user, req.locale);
    res.redirect(303, `/studies/${slug}/settings#behind`);
  }

  @Post(':slug/logo/delete')
  async removeLogo(@Param('slug') slug: string, @CurrentUser() user: AuthUser, @Res() res: Response) {
    await this.researchOrganisation.removeLogo(slug, user);
    res.redirect(303, `/studies/${slug}/settings#behind`);
  }

  @Post(':slug')
  async update(@Param('slug') slug: string, @Body() dto: UpdateStudyDto, @CurrentUser() user: AuthUser, @Res() res: Response) {
    const study = await this.studies.update(slug, dto, user);
    res.redirect(303, `/studies/${study.slug}/settings`);
  }

  @Post(':slug/organisations')
  async addOrganisation(@Param('slug') slug: string, @Body() dto: OrganisationDto, @CurrentUser() user: AuthUser, @Res() res: Response) {
    await this.studies.addOrganisation(slug, dto, user);
    res.redirect(303, `/studies/${slug}/settings#organisations`);
  }

  @Post(':slug/organisations/:id')
  async updateOrganisation(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateOrganisationDto, @CurrentUser() user: AuthUser, @Res() res: Response) {
    await this.studies.updateOrganisation(slug, id, dto, user);
    res.redirect(303, `/studies/${slug}/settings#organisations`);
  }

  @Post(':slug/organisations/:id/delete')
  async removeOrganisation(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @Body('confirm') confirm: unknown, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response) {
    if (!isConfirmed(confirm)) {
      const name = (await this.studies.organisationLink(slug, id)).organisation.name;
      return renderConfirmation(res, req.locale, {
        heading: { key: 'confirm.organisation.heading', vars: { name } },
        consequences: [{ key: 'confirm.organisation.effect', vars: { name } }, { key: 'confirm.organisation.noMail' }],
        action: `/studies/${slug}/organisations/${id}/delete`,
        confirmLabel: { key: 'confirm.organisation.button' },
        back: `/studies/${slug}/settings#organisations`,
      });
    }
    await this.studies.removeOrganisation(slug, id, user);
    res.redirect(303, `/studies/${slug}/settings#organisations`);
  }

  @Post(':slug/slots')
  async addSlot(@Param('slug') slug: string, @Body() dto: SlotFormDto, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response) {
    // A refused slot comes back with the typed values and each problem next to its field, in the reader's language.
    const problems = await this.studies.slotProblems(slug, dto);
    if (Object.keys(problems).length) return res.status(400).render('pages/studies/show', await this.showModel(slug, req.locale, { values: dto, problems }));
    await this.studies.addSlot(slug, dto, user);
    res.redirect(303, `/studies/${slug}/settings#slots`);
  }

  @Post(':slug/slots/:id/delete')
  async removeSlot(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @Body('confirm') confirm: unknown, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response) {
    if (!isConfirmed(confirm)) {
      const { slot, sessions } = await this.studies.slotRemovalPreview(slug, id);
      return renderConfirmation(res, req.locale, {
        heading: { key: 'confirm.slot.heading', vars: { when: formatSlot(slot.startsAt, slot.endsAt, req.locale) } },
        consequences: [{ key: 'confirm.slot.effect' }, ...(sessions ? [{ key: 'confirm.slot.inUse', vars: { count: sessions } }] : [])],
        action: `/studies/${slug}/slots/${id}/delete`,
        confirmLabel: { key: 'confirm.slot.button' },
        back: `/studies/${slug}/settings#slots`,
      });
    }
    await this.studies.removeSlot(slug, id, user);
    res.redirect(303, `/studies/${slug}/settings#slots`);
  }

  private async showModel(slug: string, locale: Locale, slotForm: { values: SlotFormDto; problems: Record<string, string[]> } | null = null) {
    const detail = await this.studies.detail(slug);
    const problems = slotForm?.problems ?? {};
    const values = slotForm?.values ?? {};
    const mode = values.mode ?? (values.location && !values.onlineUrl ? 'in_person' : 'online');
    return {
      pageTitle: detail.study.title,
      stylesheets: ['/assets/css/forms.css'],
      ...detail,
      statuses: STUDY_STATUSES.map((s) => ({ value: s, selected: s === detail.study.status })),
      slots: detail.slots.map((s) => ({ ...s, label: formatSlot(s.startsAt, s.endsAt, locale), inPerson: slotModeOf(s) === 'in_person' })),
      slotForm: {
        values,
        online: mode === 'online',
        // Field -> problem keys (slotProblem.<code>); the summary at the top links to each field.
        problems: Object.fromEntries(Object.entries(problems).map(([field, codes]) => [field, codes.map((c) => `slotProblem.${c}`)])),
        summary: Object.entries(problems).flatMap(([field, codes]) => codes.map((c) => ({ field: SLOT_FIELD_IDS[field] ?? 'slot-date', key: `slotProblem.${c}`, label: `slotField.${field}` }))),
      },
      behindPreview: await this.researchOrganisation.view(detail.study),
      logoMaxKb: LOGO_MAX_BYTES / 1000,
      scripts: ['/assets/js/study-logo.js'],
    };
  }
}

/** Form field ids of the slot form, for the error summary's links. */
const SLOT_FIELD_IDS: Record<string, string> = { date: 'slot-date', startTime: 'slot-start', endTime: 'slot-end', start: 'slot-start', end: 'slot-end', mode: 'slot-mode-online', onlineUrl: 'slot-url', location: 'slot-location' };
