import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { PageQueryDto } from '../common/paging';
import type { Request } from 'express';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { CreateStudyDto, OrganisationDto, SlotDto, StudyLogoDto, UpdateOrganisationDto } from './dto/study.dto';
import { ResearchOrganisationService } from './research-organisation.service';
import { StudiesService } from './studies.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

@ApiTags('studies')
@Controller('api/studies')
export class StudiesController {
  constructor(
    private readonly studies: StudiesService,
    private readonly researchOrganisation: ResearchOrganisationService,
  ) {}

  @Get()
  list(@Query() page: PageQueryDto) {
    return this.studies.list(page);
  }

  @Post()
  create(@Body() dto: CreateStudyDto, @CurrentUser() user: AuthUser) {
    return this.studies.create(dto, user);
  }

  @Get(':slug')
  get(@Param('slug') slug: string) {
    return this.studies.detail(slug);
  }

  /** The research organisation's logo: `{ logo: "data:image/png;base64,…" }`, a PNG or JPEG of at most 100 kB. */
  @Put(':slug/logo')
  @HttpCode(204)
  setLogo(@Param('slug') slug: string, @Body() dto: StudyLogoDto, @CurrentUser() user: AuthUser, @Req() req: Request) {
    return this.researchOrganisation.setLogo(slug, dto.logo, user, req.locale);
  }

  @Delete(':slug/logo')
  @HttpCode(204)
  removeLogo(@Param('slug') slug: string, @CurrentUser() user: AuthUser) {
    return this.researchOrganisation.removeLogo(slug, user);
  }

  @Post(':slug/organisations')
  addOrganisation(@Param('slug') slug: string, @Body() dto: OrganisationDto, @CurrentUser() user: AuthUser) {
    return this.studies.addOrganisation(slug, dto, user);
  }

  @Patch(':slug/organisations/:id')
  updateOrganisation(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: UpdateOrganisationDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.studies.updateOrganisation(slug, id, dto, user);
  }

  @Delete(':slug/organisations/:id')
  @HttpCode(204)
  removeOrganisation(@Param('slug') slug: string, @Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.studies.removeOrganisation(slug, id, user);
  }

  @Post(':slug/slots')
  addSlot(@Param('slug') slug: string, @Body() dto: SlotDto, @CurrentUser() user: AuthUser) {
    return this.studies.addSlot(slug, dto, user);
  }
}
