// One way to answer a page form. Success: a 303 to the next page with a message for it (page-answer.ts). Refusal:
// the same page again, with its status from the one mapping (http-status.ts), everything typed kept and each
// problem next to its field, worded in the reader's language, plus the linked summary (partials/form-problems.hbs).
import { SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { AppError, ErrorKind, FieldProblems, ProblemText } from './app-error';

export const REFUSAL_PAGE = 'kwadrant:refusal-page';

/** A form on a page: its name (a page may hold several) and its fields, each with its label key and input id. */
export interface FormSpec {
  /** `{id}`-style placeholders are filled from the route's parameters (a form per table row). */
  name: string;
  /** `vars` fill the label (the row a field is in, when a form repeats its fields). */
  fields: Record<string, { label: string; id: string; vars?: Record<string, unknown> }>;
  /**
   * The field a refusal is about when its details name none: a rule that the chosen value breaks (a slot that is
   * full is about the slot chosen). Undefined: the form as a whole.
   */
  fieldOf?: (err: AppError) => string | undefined;
}

export interface RefusalPage<C = unknown> {
  /** The page's template, or one per refusal (a respondent's link that has gone shows its own page). */
  view: string | ((err: AppError) => string);
  /** The page's view model, as its GET handler builds it (from the controller that refused). */
  model: (controller: C, req: Request, err: AppError) => Promise<object> | object;
  /** Which refusals show this page; by default those about the input (invalid, conflict). */
  kinds?: ErrorKind[];
  /** Narrows the refusals further, e.g. to one feature's codes; others get the error page. */
  when?: (err: AppError) => boolean;
  /** The form the refusal is about: its typed values and problems join the model as `form`. */
  form?: FormSpec;
}

/**
 * A page action whose refusal shows `view` again instead of the error page. The handler stays a one-line delegation;
 * the interceptor (page-answer.interceptor.ts) builds the page and the error filter answers it.
 */
export const OnRefusal = <C>(page: RefusalPage<C>) => SetMetadata(REFUSAL_PAGE, page);

/** A refusal and the page that shows it: thrown by the interceptor, answered by the error filter. */
export class PageRefusal extends Error {
  constructor(
    readonly cause: AppError,
    readonly view: string,
    readonly model: object,
  ) {
    super(cause.message);
  }
}

export interface RefusedForm {
  name: string;
  /** What was typed, as the form sent it. */
  values: Record<string, unknown>;
  /** field -> its problems, worded. */
  problems: Record<string, string[]>;
  /** The summary above the form: a link to each field with its problems, then problems of the form as a whole. */
  summary: { href?: string; label?: string; text: string }[];
}

export interface Wording {
  say(key: string, vars?: Record<string, unknown>): string;
  has(key: string): boolean;
  /** The refusal's own text in the reader's language, for a problem no form text words. */
  errorText(err: AppError): string;
}

/** Fills `{param}` placeholders of a form's name or an input id from the route's parameters. */
export function fillParams(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m);
}

/** The refused form as its page shows it. Pure: the wording is passed in. */
export function refusedForm(
  spec: FormSpec,
  params: Record<string, string>,
  body: unknown,
  err: AppError,
  words: Wording,
): RefusedForm {
  const fields = Object.keys(spec.fields);
  const problems = err.problems ?? problemsFromDetails(err, fields, spec.fieldOf?.(err));
  const worded: Record<string, string[]> = {};
  const general: string[] = [];
  for (const [field, list] of Object.entries(problems)) {
    const texts = list.map((p) => wordProblem(p, field, err, words));
    if (spec.fields[field]) worded[field] = texts;
    else general.push(...texts);
  }
  if (!fields.some((f) => worded[f]) && !general.length)
    general.push(wordProblem({ key: `formRefusal.${err.code}` }, '', err, words));
  return {
    name: fillParams(spec.name, params),
    values: typedValues(body),
    problems: worded,
    summary: [
      ...fields
        .filter((f) => worded[f])
        .map((f) => ({
          href: `#${fillParams(spec.fields[f].id, params)}`,
          label: words.say(spec.fields[f].label, spec.fields[f].vars),
          text: worded[f].join(' '),
        })),
      ...general.map((text) => ({ text })),
    ],
  };
}

/**
 * A service's refusal names the fields it is about in its details (`{ slug: ['is already taken'] }`): each gets
 * the refusal's text (`formRefusal.<code>`); a refusal that names none is about the field the form's `fieldOf`
 * says, else about the form as a whole.
 */
function problemsFromDetails(err: AppError, fields: string[], about: string | undefined): FieldProblems {
  const detailed = Object.keys(err.details ?? {}).filter((k) => fields.includes(k));
  const named = detailed.length || about === undefined || !fields.includes(about) ? detailed : [about];
  const problem: ProblemText = { key: `formRefusal.${err.code}`, vars: err.details };
  return named.length ? Object.fromEntries(named.map((f) => [f, [problem]])) : { '': [problem] };
}

/** A field's own wording of a problem first (`formProblem.matches.slug`), then the general one; else the error's text. */
function wordProblem(problem: ProblemText, field: string, err: AppError, words: Wording): string {
  const own = `${problem.key}.${field}`;
  if (field && words.has(own)) return words.say(own, problem.vars);
  return words.has(problem.key) ? words.say(problem.key, problem.vars) : words.errorText(err);
}

/** The posted fields except the CSRF token (and the confirmation flag), as typed. */
function typedValues(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).filter(([k]) => k !== '_csrf' && k !== 'confirm'),
  );
}
