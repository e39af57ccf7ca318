import { Body, Controller, Get, Header, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { pagerView } from '../common/pager';
import { pageOf, PageQueryDto } from '../common/paging';
import type { Request, Response } from 'express';
import { CurrentUser, Public } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { FormSpec, OnRefusal } from '../common/form-refusal';
import { PageAction, seeOther } from '../common/page-answer';
import type { Locale } from '../common/domain';
import { formatDate, formatDateTime } from '../common/format';
import { getTranslations } from '../common/view-engine';
import { CodeEntryDto, HomeworkSettingsDto } from './dto/homework.dto';
import type { FormQuestion } from './homework-form';
import { writeHomeworkPdf } from './homework-pdf';
import { HomeworkLinksService } from './homework-links.service';
import { HomeworkViewsService, PrintView } from './homework-views.service';
import { HomeworkService } from './homework.service';
import { letterParagraphs } from './letter-text';
import { normaliseCode } from './short-code';
import { ParseIdPipe } from '../common/parse-id.pipe';

const SURVEY_SCRIPTS = [
  '/assets/survey/survey.core.min.js',
  '/assets/survey/i18n/dutch.min.js',
  '/assets/survey-ui/survey-js-ui.min.js',
];
/** The form, its problem summary and the merge of two tabs' answers. */
const FORM_SCRIPTS = [
  ...SURVEY_SCRIPTS,
  '/assets/js/form-problems.js',
  '/assets/js/answer-merge.js',
  '/assets/js/homework-form.js',
];
const PAGE_STYLESHEETS = ['/assets/css/survey-theme.css', '/assets/css/homework.css'];
const SURVEY_STYLESHEETS = ['/assets/survey/survey-core.min.css', ...PAGE_STYLESHEETS];
/** Texts the form script shows (save status, conflicts, errors), in the page's language. */
const SCRIPT_TEXTS = [
  'saving',
  'savedAt',
  'saveFailed',
  'offline',
  'conflict',
  'conflictYourText',
  'loadNewest',
  'submitting',
  'submitted',
  'submittedLate',
  'submitFailed',
  'fixAnswers',
  'closed',
  'deadlinePassed',
  'edit',
  'resubmitHint',
  'paperSaved',
  'copyHint',
  'completeButton',
  'unsentChanges',
  'conflictHeading',
  'merged',
];

const ipOf = (req: Request) => req.ip ?? 'unknown';

/** Respondents get a page in their language with the helpline, never a technical error; the status is the kind's. */
const RESPONDENT_REFUSALS: AppError['kind'][] = ['gone', 'not_found', 'too_many_requests'];
const unavailableModel = (c: HomeworkPagesController, req: Request, err: AppError) => ({
  title: `homework.unavailable.${err.kind}.title`,
  kind: err.kind,
  heading: `homework.unavailable.${err.kind}.title`,
  body: `homework.unavailable.${err.kind}.body`,
  helpPhone: (err.details?.helpPhone as string | undefined) ?? c.helpPhone(),
  locale: req.locale,
  stylesheets: PAGE_STYLESHEETS,
});
const unavailable = () =>
  OnRefusal<HomeworkPagesController>({
    view: 'pages/homework/unavailable',
    kinds: RESPONDENT_REFUSALS,
    model: unavailableModel,
  });
/** A typed code that does not open anything shows the code page again with what was typed and why. */
const CODE_PROBLEMS: Partial<Record<AppError['kind'], string>> = {
  invalid: 'homework.code.format',
  not_found: 'homework.code.unknown',
  too_many_requests: 'homework.code.throttled',
};

/** A question of the print version: every chosen box is crossed (several for "choose all that apply"), as in the PDF. */
function printQuestion(q: FormQuestion, answer: string) {
  const chosen = new Set(answer.split(', '));
  return {
    ...q,
    answer,
    choices: q.choices.map((c) => ({ ...c, chosen: chosen.has(c.text) })),
    lines: q.type === 'comment' ? [1, 2, 3, 4] : [1],
  };
}
const translate = (locale: Locale) => (key: string, vars?: Record<string, unknown>) =>
  getTranslations().t(locale, key, vars);
const scriptTexts = (locale: Locale) =>
  Object.fromEntries(SCRIPT_TEXTS.map((k) => [k, getTranslations().t(locale, `homework.form.${k}`)]));

/** A refusal on the homework status page shows that page again (the reminder form as typed). */
const onStatusPage = (form?: FormSpec) =>
  OnRefusal<HomeworkPagesController>({
    view: 'pages/homework/status',
    model: (c, req) => c.statusModel(String(req.params.slug), req.user as AuthUser, new PageQueryDto()),
    form,
  });

/** The respondent's pages (/h) and the researchers' homework pages. */
@Controller()
export class HomeworkPagesController {
  constructor(
    private readonly homework: HomeworkService,
    private readonly views: HomeworkViewsService,
    private readonly links: HomeworkLinksService,
  ) {}

  @Public()
  @Get('h')
  @Render('pages/homework/code')
  codeForm() {
    return this.codeModel();
  }

  codeModel() {
    return { title: 'homework.code.title', stylesheets: PAGE_STYLESHEETS, helpPhone: this.links.helpPhone() };
  }

  helpPhone(): string {
    return this.links.helpPhone();
  }

  @Public()
  @Post('h')
  @PageAction()
  @OnRefusal<HomeworkPagesController>({
    view: (err) => (err.kind === 'gone' ? 'pages/homework/unavailable' : 'pages/homework/code'),
    kinds: ['invalid', ...RESPONDENT_REFUSALS],
    model: (c, req, err) => {
      if (err.kind === 'gone') return unavailableModel(c, req, err);
      const typed = (req.body as { code?: unknown } | undefined)?.code;
      return { ...c.codeModel(), error: CODE_PROBLEMS[err.kind], value: typeof typed === 'string' ? typed : '' };
    },
  })
  async enterCode(@Body() dto: CodeEntryDto, @Req() req: Request) {
    const code = normaliseCode(dto.code);
    if (!code) throw AppError.invalid('homework.code_format', 'A code has 8 letters and digits.');
    await this.links.resolve(code, ipOf(req));
    return seeOther(`/h/${code}`);
  }

  @Public()
  @Get('h/:key')
  @Header('Referrer-Policy', 'no-referrer')
  @Render('pages/homework/form')
  @unavailable()
  async form(@Param('key') key: string, @Req() req: Request) {
    const lookup = await this.links.resolve(key, ipOf(req));
    const [state, { behind, helpPhone }] = await Promise.all([
      this.homework.state(lookup),
      this.homework.behindOf(lookup.assignment.studyId),
    ]);
    return {
      title: 'homework.form.title',
      organisation: state.organisation,
      deadline: formatDate(state.deadline, req.locale),
      pastDeadline: state.pastDeadline,
      sessionDay: formatDate(state.sessionStartsAt, req.locale),
      helpPhone,
      behind,
      printUrl: `/h/${encodeURIComponent(key)}/print`,
      pdfUrl: `/h/${encodeURIComponent(key)}/pdf`,
      homework: {
        mode: 'respondent',
        endpoint: `/api/homework/${encodeURIComponent(key)}`,
        definition: state.definition,
        data: state.data,
        revision: state.revision,
        currentPage: state.currentPage,
        canEdit: state.canEdit,
        submittedAt: state.submittedAt ? formatDateTime(state.submittedAt, req.locale) : null,
        unsentChanges: state.unsentChanges,
        late: state.late,
        storageKey: `kw-homework-${lookup.assignment.id}`,
      },
      texts: scriptTexts(req.locale),
      scripts: FORM_SCRIPTS,
      stylesheets: SURVEY_STYLESHEETS,
    };
  }

  @Public()
  @Get('h/:key/print')
  @Header('Referrer-Policy', 'no-referrer')
  @Render('pages/homework/print')
  @unavailable()
  async print(@Param('key') key: string, @Req() req: Request) {
    const view = await this.views.printForLink(await this.links.resolve(key, ipOf(req)));
    return this.printModel(view, `/h/${encodeURIComponent(key)}/pdf`);
  }

  /** A download: the PDF is written to the response as it is made. */
  @Public()
  @Get('h/:key/pdf')
  @unavailable()
  async pdf(@Param('key') key: string, @Req() req: Request, @Res() res: Response) {
    await this.sendPdf(res, await this.views.printForLink(await this.links.resolve(key, ipOf(req))));
  }

  @Get('studies/:slug/homework')
  @Render('pages/homework/status')
  status(@Param('slug') slug: string, @Query() query: PageQueryDto, @CurrentUser() user: AuthUser) {
    return this.statusModel(slug, user, query);
  }

  async statusModel(slug: string, user: AuthUser, query: PageQueryDto) {
    const [view, settings] = await Promise.all([this.views.statusOfStudy(slug, user), this.homework.settings(slug)]);
    const page = pageOf(view.groups, query);
    return {
      title: 'homework.status.title',
      ...view,
      groups: page.items,
      pager: pagerView(`/studies/${slug}/homework`, {}, { ...page, count: page.items.length }),
      reminder: settings,
      stylesheets: [...PAGE_STYLESHEETS, '/assets/css/pager.css', '/assets/css/forms.css'],
    };
  }

  @Post('studies/:slug/homework/groups/:groupId/send')
  @PageAction()
  @onStatusPage()
  async send(
    @Param('slug') slug: string,
    @Param('groupId', ParseIdPipe) groupId: number,
    @CurrentUser() user: AuthUser,
  ) {
    await this.homework.sendForGroup(slug, groupId, user);
    return seeOther(`/studies/${slug}/homework#group-${groupId}`, 'homework.done.sent', { groupId });
  }

  @Post('studies/:slug/homework/settings')
  @PageAction()
  @onStatusPage({
    name: 'reminder',
    fields: { reminderDays: { label: 'homework.status.reminderDays', id: 'reminderDays' } },
  })
  async updateSettings(@Param('slug') slug: string, @Body() dto: HomeworkSettingsDto, @CurrentUser() user: AuthUser) {
    await this.homework.updateSettings(slug, dto.reminderDays ?? null, user);
    return seeOther(`/studies/${slug}/homework`, 'homework.done.settings');
  }

  @Get('studies/:slug/homework/groups/:groupId')
  @Render('pages/homework/prep')
  async prep(
    @Param('slug') slug: string,
    @Param('groupId', ParseIdPipe) groupId: number,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    const view = await this.views.prep(slug, groupId, user, req.locale);
    return { title: 'homework.prep.title', ...view, stylesheets: PAGE_STYLESHEETS };
  }

  @Get('studies/:slug/homework/assignments/:id/print')
  @Render('pages/homework/print')
  async researcherPrint(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: AuthUser,
  ) {
    const view = await this.views.printForResearcher(slug, id, user, 'print');
    return this.printModel(view, `/studies/${slug}/homework/assignments/${id}/pdf`);
  }

  @Get('studies/:slug/homework/assignments/:id/pdf')
  async researcherPdf(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: AuthUser,
    @Res() res: Response,
  ) {
    await this.sendPdf(res, await this.views.printForResearcher(slug, id, user, 'pdf'));
  }

  @Get('studies/:slug/homework/assignments/:id/paper')
  @Render('pages/homework/paper')
  async paperForm(
    @Param('slug') slug: string,
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    const assignment = await this.views.paperEntryOf(slug, id, user);
    const form = await this.homework.formOf(assignment);
    return {
      title: 'homework.paper.title',
      slug,
      organisation: form.organisation,
      homework: {
        mode: 'paper',
        endpoint: `/api/studies/${encodeURIComponent(slug)}/homework/assignments/${id}/paper`,
        definition: form.definition,
        data: assignment.submitted ?? assignment.draft ?? {},
        revision: assignment.revision,
        currentPage: null,
        canEdit: true,
        statusUrl: `/studies/${encodeURIComponent(slug)}/homework`,
      },
      texts: scriptTexts(req.locale),
      scripts: FORM_SCRIPTS,
      stylesheets: SURVEY_STYLESHEETS,
    };
  }

  private printModel(view: PrintView, pdfUrl: string) {
    return {
      title: 'homework.print.title',
      locale: view.locale,
      letter: view.letter,
      behind: view.letter.behind,
      paragraphs: letterParagraphs(view.letter, translate(view.locale)),
      pages: view.pages.map((p) => ({
        ...p,
        questions: p.questions.map((q) => printQuestion(q, view.answers[q.name] ?? '')),
      })),
      pdfUrl,
      stylesheets: PAGE_STYLESHEETS,
    };
  }

  private async sendPdf(res: Response, view: PrintView): Promise<void> {
    res.status(200);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Cache-Control', 'no-store');
    res.attachment('huiswerkopdracht.pdf');
    await writeHomeworkPdf(view, translate(view.locale), res);
  }
}
