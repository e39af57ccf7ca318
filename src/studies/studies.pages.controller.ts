import { Body, Controller, Get, Param, ParseIntPipe, Post, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { formatSlot } from '../common/format';
import { CreateStudyDto, OrganisationDto, SlotDto, UpdateOrganisationDto, UpdateStudyDto } from './dto/study.dto';
import { STUDY_STATUSES } from './study.entity';
import { StudiesService } from './studies.service';

@Controller('studies')
export class StudiesPagesController {
  constructor(private readonly studies: StudiesService) {}

  @Get()
  @Render('pages/studies/list')
  async list() {
    return { title: 'studies.title', studies: await this.studies.list() };
  }

  @Post()
  async create(@Body() dto: CreateStudyDto, @CurrentUser() user: AuthUser, @Res() res: Response) {
    const study = await this.studies.create(dto, user);
    res.redirect(303, `/studies/${study.slug}`);
  }

  @Get(':slug')
  @Render('pages/studies/show')
  async show(@Param('slug') slug: string, @Res({ passthrough: true }) res: Response) {
    const detail = await this.studies.detail(slug);
    const locale = res.locals.locale;
    return {
      title: detail.study.title,
      ...detail,
      statuses: STUDY_STATUSES.map((s) => ({ value: s, selected: s === detail.study.status })),
      slots: detail.slots.map((s) => ({ ...s, label: formatSlot(s.startsAt, s.endsAt, locale) })),
    };
  }

  @Post(':slug')
  async update(@Param('slug') slug: string, @Body() dto: UpdateStudyDto, @CurrentUser() user: AuthUser, @Res() res: Response) {
    const study = await this.studies.update(slug, dto, user);
    res.redirect(303, `/studies/${study.slug}`);
  }

  @Post(':slug/organisations')
  async addOrganisation(@Param('slug') slug: string, @Body() dto: OrganisationDto, @CurrentUser() user: AuthUser, @Res() res: Response) {
    await this.studies.addOrganisation(slug, dto, user);
    res.redirect(303, `/studies/${slug}#organisations`);
  }

  @Post(':slug/organisations/:id')
  async updateOrganisation(@Param('slug') slug: string, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateOrganisationDto, @CurrentUser() user: AuthUser, @Res() res: Response) {
    await this.studies.updateOrganisation(slug, id, dto, user);
    res.redirect(303, `/studies/${slug}#organisations`);
  }

  @Post(':slug/organisations/:id/delete')
  async removeOrganisation(@Param('slug') slug: string, @Param('id', ParseIntPipe) id: number, @CurrentUser() user: AuthUser, @Res() res: Response) {
    await this.studies.removeOrganisation(slug, id, user);
    res.redirect(303, `/studies/${slug}#organisations`);
  }

  @Post(':slug/slots')
  async addSlot(@Param('slug') slug: string, @Body() dto: SlotDto, @CurrentUser() user: AuthUser, @Res() res: Response) {
    await this.studies.addSlot(slug, dto, user);
    res.redirect(303, `/studies/${slug}#slots`);
  }

  @Post(':slug/slots/:id/delete')
  async removeSlot(@Param('slug') slug: string, @Param('id', ParseIntPipe) id: number, @CurrentUser() user: AuthUser, @Res() res: Response) {
    await this.studies.removeSlot(slug, id, user);
    res.redirect(303, `/studies/${slug}#slots`);
  }
}
