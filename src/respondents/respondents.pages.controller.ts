import { Body, Controller, Get, Inject, Param, Post, Query, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { QUADRANTS, RESPONDENT_STATUSES, LOCALE_TAG } from '../common/domain';
import { getTranslations } from '../common/view-engine';
import { PoolFilterDto, QuadrantOverrideDto } from './dto/respondent.dto';
import { pagerView } from '../common/pager';
import { StudiesService } from '../studies/studies.service';
import { RespondentsService } from './respondents.service';
import { formatBytes, IMPORT_LIMITS, ImportLimits } from '../common/import/import-limits';
import { OnRefusal, type FormSpec } from '../common/form-refusal';
import { PageAction, seeOther } from '../common/page-answer';
import { ParseIdPipe } from '../common/parse-id.pipe';

const IMPORT_CODE_TEXTS: Record<string, string> = {
  'import.too_large': 'tooLarge',
  'import.too_many_rows': 'tooManyRows',
  'import.unpacked_too_large': 'unpackedTooLarge',
  'import.zip_bomb': 'zipBomb',
  'import.rows_unreadable': 'rowsUnreadable',
};

/** The override form in each row of the pool (ids as in templates/pages/respondents/pool.hbs). */
const QUADRANT_OVERRIDE_FORM: FormSpec = {
  name: 'quadrant-{id}',
  fields: {
    quadrant: { label: 'respondents.override.quadrant', id: 'quadrant-{id}' },
    reason: { label: 'respondents.override.reason', id: 'reason-{id}' },
  },
};

@Controller('studies/:slug/respondents')
export class RespondentsPagesController {
  constructor(
    private readonly respondents: RespondentsService,
    private readonly studies: StudiesService,
    @Inject(IMPORT_LIMITS) private readonly limits: ImportLimits,
  ) {}

  @Get()
  @Render('pages/respondents/pool')
  pool(@Param('slug') slug: string, @Query() filter: PoolFilterDto, @CurrentUser() user: AuthUser) {
    return this.poolModel(slug, filter, user);
  }

  async poolModel(slug: string, filter: PoolFilterDto, user: AuthUser) {
    const pool = await this.respondents.pool(
      slug,
      { organisationId: filter.organisation, quadrant: filter.quadrant, status: filter.status },
      filter,
      { actor: user, via: 'page' },
    );
    return {
      title: 'respondents.title',
      ...pool,
      pager: pagerView(`/studies/${slug}/respondents`, filter, { ...pool, count: pool.respondents.length }),
      quadrants: QUADRANTS,
      filter,
      // Nobody at all yet (not merely nobody matching a filter): the page says how respondents come in.
      poolEmpty:
        pool.total === 0 &&
        filter.organisation === undefined &&
        filter.quadrant === undefined &&
        filter.status === undefined,
      organisationOptions: pool.organisations.map((o) => ({ ...o, selected: o.id === filter.organisation })),
      quadrantOptions: QUADRANTS.map((q) => ({ value: q, selected: q === filter.quadrant })),
      statusOptions: RESPONDENT_STATUSES.map((s) => ({ value: s, selected: s === filter.status })),
      respondents: pool.respondents.map((r) => ({
        ...r,
        erased: r.status === 'erased',
        overridden: r.quadrantSource === 'override',
      })),
      stylesheets: ['/assets/css/respondents.css', '/assets/css/pager.css', '/assets/css/forms.css'],
      scripts: ['/assets/js/row-actions.js'],
    };
  }

  @Get('import')
  @Render('pages/respondents/import')
  async importPage(@Param('slug') slug: string, @Req() req: Request) {
    const { study, organisations } = await this.studies.detail(slug);
    const limits = {
      maxBytes: formatBytes(this.limits.maxBytes),
      maxRows: this.limits.maxRows.toLocaleString(LOCALE_TAG[req.locale]),
      maxUnpacked: formatBytes(this.limits.maxUnpackedBytes),
    };
    const t = (key: string) => getTranslations().t(req.locale, `respondents.import.${key}`, limits);
    return {
      title: 'respondents.import.title',
      study,
      organisationList: organisations.map((o) => o.organisation.name).join(', '),
      limitsText: t('limits'),
      importTexts: {
        ...Object.fromEntries(
          [
            'wouldImport',
            'wouldImportOne',
            'imported',
            'importedOne',
            'problems',
            'moreProblems',
            'colLine',
            'colColumn',
            'colValue',
            'colReason',
            'empty',
          ].map((k) => [k, t(k)]),
        ),
        // The server's refusals by their code, in the reader's language (the API's own message is English).
        codes: Object.fromEntries(Object.entries(IMPORT_CODE_TEXTS).map(([code, key]) => [code, t(`code.${key}`)])),
      },
      scripts: ['/assets/js/file-report.js', '/assets/js/respondents-import.js'],
      stylesheets: ['/assets/css/respondents.css'],
    };
  }

  @Post(':id/quadrant')
  @PageAction()
  @OnRefusal<RespondentsPagesController>({
    view: 'pages/respondents/pool',
    model: (c, req) => c.poolModel(String(req.params.slug), new PoolFilterDto(), req.user as AuthUser),
    form: QUADRANT_OVERRIDE_FORM,
  })
  async overrideQuadrant(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: QuadrantOverrideDto,
    @CurrentUser() user: AuthUser,
  ) {
    await this.respondents.overrideQuadrant(slug, id, dto, user);
    return seeOther(`/studies/${slug}/respondents#respondent-${id}`, 'respondents.done.quadrant', { id });
  }
}
