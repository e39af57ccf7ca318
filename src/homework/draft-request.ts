// The autosave body checked by hand. HomeworkDraftDto says the same for the controller and the API document,
// and draft-request.spec.ts holds both to the same answers; class-validator took longer than the save itself.
import { MAX_ID } from '../common/parse-id.pipe';
import { invalidFields } from '../common/validation';
import type { DraftInput } from './homework.service';

const MAX_PAGE_NAME = 100;
const FIELDS = new Set(['revision', 'data', 'currentPage']);

/** The body as a DraftInput, or the same validation error the global pipe gives for HomeworkDraftDto. */
export function draftRequest(body: unknown): DraftInput {
  const fields = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const problems: Record<string, string[]> = {};
  for (const name of Object.keys(fields)) if (!FIELDS.has(name)) problems[name] = [`property ${name} should not exist`];
  const { revision, data, currentPage } = fields;
  const revisionProblems = [
    ...(typeof revision === 'number' && revision <= MAX_ID ? [] : [`must not be greater than ${MAX_ID}`]),
    ...(typeof revision === 'number' && revision >= 0 ? [] : ['must not be less than 0']),
    ...(typeof revision === 'number' && Number.isInteger(revision) ? [] : ['must be an integer number']),
  ];
  if (revisionProblems.length) problems.revision = revisionProblems;
  if (!data || typeof data !== 'object' || Array.isArray(data)) problems.data = ['must be an object'];
  if (currentPage !== undefined && currentPage !== null) {
    const pageProblems = [
      ...(typeof currentPage === 'string' && currentPage.length <= MAX_PAGE_NAME
        ? []
        : [`must be shorter than or equal to ${MAX_PAGE_NAME} characters`]),
      ...(typeof currentPage === 'string' ? [] : ['must be a string']),
    ];
    if (pageProblems.length) problems.currentPage = pageProblems;
  }
  if (Object.keys(problems).length) throw invalidFields(problems);
  return {
    revision: revision as number,
    data: data as DraftInput['data'],
    currentPage: currentPage as string | null | undefined,
  };
}
