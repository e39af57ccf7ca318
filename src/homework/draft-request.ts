// The autosave body checked by hand. HomeworkDraftDto says the same for the controller and the API document,
// and draft-request.spec.ts holds both to the same answers; class-validator took longer than the save itself.
import type { AppError, FieldProblems } from '../common/app-error';
import { MAX_ID } from '../common/parse-id.pipe';
import { invalidFields } from '../common/validation';
import type { DraftInput } from './homework.service';

const MAX_PAGE_NAME = 100;
const FIELDS = new Set(['revision', 'data', 'currentPage']);

/** One refusal of a field: class-validator's constraint name, its English text and the limit it was given. */
type Problem = [constraint: string, text: string, limit?: number];

/** The body as a DraftInput, or the same validation error the global pipe gives for HomeworkDraftDto. */
export function draftRequest(body: unknown): DraftInput {
  const fields = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const found: Record<string, Problem[]> = {};
  for (const name of Object.keys(fields))
    if (!FIELDS.has(name)) found[name] = [['whitelistValidation', `property ${name} should not exist`]];
  const { revision, data, currentPage } = fields;
  const revisionProblems: Problem[] = [
    ...(typeof revision === 'number' && revision <= MAX_ID
      ? []
      : [['max', `must not be greater than ${MAX_ID}`, MAX_ID] as Problem]),
    ...(typeof revision === 'number' && revision >= 0 ? [] : [['min', 'must not be less than 0', 0] as Problem]),
    ...(typeof revision === 'number' && Number.isInteger(revision)
      ? []
      : [['isInt', 'must be an integer number'] as Problem]),
  ];
  if (revisionProblems.length) found.revision = revisionProblems;
  if (!data || typeof data !== 'object' || Array.isArray(data)) found.data = [['isObject', 'must be an object']];
  if (currentPage !== undefined && currentPage !== null) {
    const pageProblems: Problem[] = [
      ...(typeof currentPage === 'string' && currentPage.length <= MAX_PAGE_NAME
        ? []
        : [['maxLength', `must be shorter than or equal to ${MAX_PAGE_NAME} characters`, MAX_PAGE_NAME] as Problem]),
      ...(typeof currentPage === 'string' ? [] : [['isString', 'must be a string'] as Problem]),
    ];
    if (pageProblems.length) found.currentPage = pageProblems;
  }
  if (Object.keys(found).length) throw refused(found);
  return {
    revision: revision as number,
    data: data as DraftInput['data'],
    currentPage: currentPage as string | null | undefined,
  };
}

/** The error validationProblems (validation-problems.ts) makes of the same refusals: English details, keyed problems. */
function refused(found: Record<string, Problem[]>): AppError {
  const details = Object.fromEntries(Object.entries(found).map(([f, list]) => [f, list.map(([, text]) => text)]));
  const problems: FieldProblems = Object.fromEntries(
    Object.entries(found).map(([field, list]) => [
      field,
      list.map(([constraint, , limit]) => ({
        key: `formProblem.${constraint}`,
        vars: { field, ...(limit === undefined ? {} : { limit }) },
      })),
    ]),
  );
  return invalidFields(details).withProblems(problems);
}
