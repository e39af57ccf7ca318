// Server-side check of a SurveyJS submission against the same JSON the browser rendered.
// survey-core does the required answers and the definition's validators; what it lets through (values outside
// the choices, wrong types, overlong text, unknown keys) is checked here.
import { Model, Question, QuestionTextBase, surveyLocalization } from 'survey-core';
// survey-core's own messages ("required" and the like) in Dutch too, for answers a respondent reads.
import 'survey-core/i18n/dutch';
import { textOf } from '../common/text-of';

// The definitions write Dutch as the default text; 'en' must resolve to the English strings.
surveyLocalization.defaultLocale = 'nl';

export interface FieldError {
  field: string;
  /** The problem with the question's title before it ("Wat is uw leeftijd?: …"): a person never reads internal names. */
  message: string;
  /** The problem alone, for a page that shows it next to the question itself. */
  problem?: string;
}

export type ValidationResult = { ok: true; data: Record<string, unknown> } | { ok: false; errors: FieldError[] };

export interface ValidateOptions {
  /** Drafts: unanswered questions are fine, but what is answered must still be valid. */
  partial?: boolean;
  /** The language of survey-core's messages and the definition's validator texts (default English, for the API). */
  locale?: 'nl' | 'en';
}

const NUMBER_INPUT_TYPES = new Set(['number', 'range']);
const DEFAULT_OTHER_TEXT_LENGTH = 2000;
// Hiding one answer can hide another; a survey deeper than this would be a definition error.
const MAX_VISIBILITY_PASSES = 20;

export function definitionErrors(definition: object): string[] {
  const model = new Model(definition);
  return (model.jsonErrors ?? []).map((e) => e.message);
}

export function validateSubmission(definition: object, data: unknown, opts: ValidateOptions = {}): ValidationResult {
  if (!isPlainObject(data))
    return { ok: false, errors: [{ field: '', message: 'The answers must be a JSON object.' }] };

  const model = new Model(definition);
  model.locale = opts.locale ?? 'en';
  const questions = answerableQuestions(model);
  const calculated = includedCalculatedValues(model);
  const commentKeys = otherTextKeys(questions);

  const unknown = Object.keys(data)
    .filter((key) => !questions.has(key) && !calculated.has(key) && !commentKeys.has(key))
    .map((field) => ({ field, message: `"${field}" is not a question of this survey.` }));
  if (unknown.length) return { ok: false, errors: unknown };

  const errors = calculatedValueErrors(model, data, calculated);
  model.data = Object.fromEntries(Object.entries(data).filter(([key]) => !calculated.has(key)));
  dropHiddenAnswers(model, questions);

  for (const [name, question] of questions) {
    // The stored value, not question.value: a checkbox presents a lone value as a list.
    const value: unknown = model.getValue(name);
    if (isEmpty(value)) continue;
    const problem = valueError(question, value);
    if (problem) errors.push(questionError(name, question, problem));
  }
  for (const [key, owner] of commentKeys) {
    const value: unknown = model.getValue(key);
    if (value === undefined) continue;
    if (typeof value !== 'string') errors.push(questionError(key, owner, 'must be text.'));
    else if (value.length > (lengthLimit(owner.getOthersMaxLength()) ?? DEFAULT_OTHER_TEXT_LENGTH)) {
      errors.push(questionError(key, owner, 'is too long.'));
    }
  }
  if (errors.length) return { ok: false, errors };

  errors.push(...surveyCoreErrors(model, opts.partial === true));
  if (errors.length) return { ok: false, errors };
  return { ok: true, data: model.data as Record<string, unknown> };
}

/** A question's problem as a person reads it: under the question's title in the survey's language. */
function questionError(field: string, q: Question, problem: string): FieldError {
  const title = (q.processedTitle || q.title || field).trim();
  return { field, message: `${title} – ${problem}`, problem };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Questions that take an answer, keyed by the name their value is stored under. */
function answerableQuestions(model: Model): Map<string, Question> {
  const map = new Map<string, Question>();
  for (const q of model.getAllQuestions(false, false, true)) {
    if (q.hasInput && !q.isReadOnly && q.getType() !== 'expression') map.set(q.getValueName(), q);
  }
  return map;
}

/** "<name>-Comment" keys where SurveyJS stores the text of an "other" choice or a comment area. */
function otherTextKeys(questions: Map<string, Question>): Map<string, Question> {
  const keys = new Map<string, Question>();
  for (const [name, q] of questions) {
    const withText = q as Question & { showOtherItem?: boolean; showCommentArea?: boolean };
    if (withText.showOtherItem || withText.showCommentArea) keys.set(name + '-Comment', q);
  }
  return keys;
}

function includedCalculatedValues(model: Model): Set<string> {
  return new Set(model.calculatedValues.filter((c) => c.includeIntoResult).map((c) => c.name));
}

// The browser sends what it computed when the page was loaded (e.g. the consent version it showed); a
// different value means the respondent saw something other than what the server would store.
function calculatedValueErrors(model: Model, data: Record<string, unknown>, calculated: Set<string>): FieldError[] {
  return [...calculated]
    .filter((name) => name in data && String(data[name]) !== String(model.getVariable(name)))
    .map((name) => ({
      field: name,
      message: `"${name}" is "${String(data[name])}" but the survey now has "${String(model.getVariable(name))}": reload the page.`,
    }));
}

function isShown(q: Question): boolean {
  return q.isVisible && q.isParentVisible;
}

// Answers to questions the respondent could not see (visibleIf) are dropped, as SurveyJS does on completion.
function dropHiddenAnswers(model: Model, questions: Map<string, Question>): void {
  for (let pass = 0; pass < MAX_VISIBILITY_PASSES; pass++) {
    const hidden = [...questions].filter(([, q]) => !isEmpty(q.value) && !isShown(q));
    if (!hidden.length) return;
    for (const [name] of hidden) model.clearValue(name);
  }
}

type ChoiceQuestion = Question & { visibleChoices: { value: unknown }[] };

function valueError(q: Question, value: unknown): string | undefined {
  switch (q.getType()) {
    case 'text':
      return textError(q, value);
    case 'comment':
      return stringError(q, value);
    case 'radiogroup':
    case 'dropdown':
      return isAllowed(q as ChoiceQuestion, value)
        ? undefined
        : `has a value that is not one of its choices: ${JSON.stringify(value)}.`;
    case 'checkbox':
    case 'tagbox':
      return multipleChoiceError(q as ChoiceQuestion, value);
    case 'rating': {
      const allowed = (q as Question & { visibleRateValues: { value: unknown }[] }).visibleRateValues.map(
        (v) => v.value,
      );
      return allowed.includes(value) ? undefined : `must be one of ${allowed.join(', ')}.`;
    }
    case 'boolean': {
      const b = q as Question & { getValueTrue(): unknown; getValueFalse(): unknown };
      return value === b.getValueTrue() || value === b.getValueFalse() ? undefined : 'must be yes or no.';
    }
    default:
      // Fail closed: a question type added to a definition needs its own check here first.
      return `uses question type "${q.getType()}", which the server cannot check yet.`;
  }
}

function textError(q: Question, value: unknown): string | undefined {
  const inputType = (q as Question & { inputType: string }).inputType;
  if (NUMBER_INPUT_TYPES.has(inputType)) {
    return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number.';
  }
  return stringError(q, value);
}

function stringError(q: Question, value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be text.';
  const max = q instanceof QuestionTextBase ? lengthLimit(q.getMaxLength()) : null;
  if (max !== null && value.length > max) return `must be at most ${max} characters (it has ${value.length}).`;
  return undefined;
}

/** survey-core types its length limits as `any`: a positive number of characters, or null for none. */
function lengthLimit(max: unknown): number | null {
  return typeof max === 'number' && max > 0 ? max : null;
}

function isAllowed(q: ChoiceQuestion, value: unknown): boolean {
  return q.visibleChoices.some((c) => c.value === value);
}

function multipleChoiceError(q: ChoiceQuestion, value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'must be a list of choices.';
  const outside = value.filter((v) => !isAllowed(q, v));
  if (outside.length) return `has values that are not among its choices: ${JSON.stringify(outside)}.`;
  if (new Set(value).size !== value.length) return 'lists a choice twice.';
  const noneValue = (q as ChoiceQuestion & { noneItem?: { value: unknown } }).noneItem?.value;
  if (value.length > 1 && noneValue !== undefined && value.includes(noneValue)) {
    return `cannot combine "${textOf(noneValue)}" with other choices.`;
  }
  return undefined;
}

// survey-core's own checks: required answers (incl. requiredIf) and the validators in the definition.
// validate(true, false) is the variant that works without a DOM.
function surveyCoreErrors(model: Model, partial: boolean): FieldError[] {
  model.validate(true, false);
  const errors: FieldError[] = [];
  for (const q of model.getAllQuestions(true)) {
    if (partial && isEmpty(q.value)) continue;
    for (const e of q.errors) errors.push(questionError(q.getValueName(), q, e.getText()));
  }
  return errors;
}
