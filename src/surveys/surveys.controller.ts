import { Body, Controller, Get, Param, ParseEnumPipe, Put, Query } from '@nestjs/common';
import { pageOf, PageQueryDto } from '../common/paging';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { PutSurveyDefinitionDto } from './dto/survey-definition.dto';
import { SURVEY_KINDS, SurveyKind } from './survey-definition.entity';
import { SurveysService } from './surveys.service';

const kindPipe = new ParseEnumPipe(Object.fromEntries(SURVEY_KINDS.map((k) => [k, k])));

@ApiTags('surveys')
@Controller('api/studies/:slug/surveys')
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Get(':kind')
  current(@Param('slug') slug: string, @Param('kind', kindPipe) kind: SurveyKind) {
    return this.surveys.current(slug, kind);
  }

  @Get(':kind/versions')
  async versions(@Param('slug') slug: string, @Param('kind', kindPipe) kind: SurveyKind, @Query() page: PageQueryDto) {
    return pageOf(await this.surveys.versions(slug, kind), page);
  }

  @Put(':kind')
  put(
    @Param('slug') slug: string,
    @Param('kind', kindPipe) kind: SurveyKind,
    @Body() dto: PutSurveyDefinitionDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.surveys.putCustom(slug, kind, dto.definition, user);
  }
}
