import { Controller, Get, Inject, Param, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { formatBytes, IMPORT_LIMITS, ImportLimits } from '../common/import/import-limits';
import { getTranslations } from '../common/view-engine';
import { homeworkForm } from './homework-form';
import { importQuestions } from './homework-import-row';
import { HomeworkService } from './homework.service';
import { LOCALE_TAG } from '../common/domain';

/** Refusals of the whole file, by their code, in the reader's language (the API's own message is English). */
const REFUSAL_CODES = [
  'import.empty',
  'import.too_large',
  'import.too_many_rows',
  'import.unpacked_too_large',
  'import.zip_bomb',
  'homework_import.unreadable',
  'homework_import.no_header',
  'homework_import.rows_invalid',
  'homework_import.no_rows',
  'homework_import.changed',
  'study.closed',
];
const SCRIPT_TEXTS = [
  'wouldImport',
  'wouldImportOne',
  'imported',
  'importedOne',
  'created',
  'createdOne',
  'replaced',
  'replacedOne',
  'problems',
  'moreProblems',
  'rows',
  'moreRows',
  'colLine',
  'colColumn',
  'colValue',
  'colReason',
  'colRespondent',
  'colAction',
  'empty',
  'confirm',
  'failed',
];
const ACTIONS = ['create', 'fill', 'replace'];

@Controller('studies/:slug/homework/import')
export class HomeworkImportPagesController {
  constructor(
    private readonly homework: HomeworkService,
    @Inject(IMPORT_LIMITS) private readonly limits: ImportLimits,
  ) {}

  @Get()
  @Render('pages/homework/import')
  async page(@Param('slug') slug: string, @Req() req: Request) {
    const study = await this.homework.study(slug);
    const t = (key: string, vars?: Record<string, unknown>) => getTranslations().t(req.locale, key, vars);
    return {
      title: 'homeworkImport.title',
      study,
      columns: importQuestions(homeworkForm('').definition).map((q) => q.name),
      limitsText: t('homeworkImport.limits', {
        maxBytes: formatBytes(this.limits.maxBytes),
        maxRows: this.limits.maxRows.toLocaleString(LOCALE_TAG[req.locale]),
      }),
      importTexts: {
        ...Object.fromEntries(SCRIPT_TEXTS.map((k) => [k, t(`homeworkImport.${k}`)])),
        actions: Object.fromEntries(ACTIONS.map((a) => [a, t(`homeworkImport.action.${a}`)])),
        codes: Object.fromEntries(REFUSAL_CODES.map((code) => [code, t(`homeworkImport.code.${code}`)])),
      },
      scripts: ['/assets/js/file-report.js', '/assets/js/homework-import.js'],
      stylesheets: ['/assets/css/respondents.css'],
    };
  }
}
