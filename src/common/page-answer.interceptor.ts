import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, Observable, tap } from 'rxjs';
import { APP_CONFIG, type ResolvedConfig } from '../config/config.module';
import { AppError } from './app-error';
import { errorMessage } from './error-body';
import { setFlash } from './flash';
import { PageRefusal, REFUSAL_PAGE, RefusalPage, refusedForm } from './form-refusal';
import { isSeeOther } from './page-answer';
import { getTranslations } from './view-engine';

const INPUT_REFUSALS = ['invalid', 'conflict'];

/**
 * Page actions answer one way: a success leaves its message for the next page; a refusal of a handler marked
 * @OnRefusal becomes that page again (with the form as typed), which the error filter answers with the status the
 * error's kind has. Everything else passes through untouched.
 */
@Injectable()
export class PageAnswerInterceptor implements NestInterceptor {
  private readonly secure: boolean;

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) config: ResolvedConfig,
  ) {
    this.secure = config.baseUrl.startsWith('https:');
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const page = this.reflector.get<RefusalPage | undefined>(REFUSAL_PAGE, context.getHandler());
    return next.handle().pipe(
      tap((result) => {
        if (isSeeOther(result) && result.flash) setFlash(http.getResponse<Response>(), result.flash, this.secure);
      }),
      catchError((err: unknown) => {
        if (
          !page ||
          !(err instanceof AppError) ||
          !(page.kinds ?? INPUT_REFUSALS).includes(err.kind) ||
          (page.when && !page.when(err))
        )
          throw err;
        return this.refusalPage(page, context, http.getRequest<Request>(), err);
      }),
    );
  }

  private async refusalPage(page: RefusalPage, context: ExecutionContext, req: Request, err: AppError): Promise<never> {
    const controller: unknown = this.moduleRef.get(context.getClass(), { strict: false });
    const model = await page.model(controller, req, err);
    const i18n = getTranslations();
    const words = {
      say: (key: string, vars?: Record<string, unknown>) => i18n.t(req.locale, key, vars),
      has: (key: string) => i18n.has(key),
      errorText: (e: AppError) => errorMessage(e, req.locale),
    };
    const form = page.form
      ? refusedForm(page.form, req.params as Record<string, string>, req.body, err, words)
      : undefined;
    const view = typeof page.view === 'function' ? page.view(err) : page.view;
    throw new PageRefusal(err, view, { ...model, ...(form ? { form } : {}) });
  }
}
