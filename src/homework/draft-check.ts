// The cheap check for autosaved drafts: only known questions, values of the right shape and size. The full
// survey-core validation (required answers, visibility) runs on submit; drafts are saved every few seconds
// and must stay fast. Pure: works on the SurveyJS JSON without building a survey model.

export interface DraftProblem {
  field: string;
  message: string;
}

interface QuestionShape {
  type: string;
  maxLength: number;
  choices: Set<unknown> | null;
}

const DEFAULT_MAX_TEXT = 2000;
const ANSWER_TYPES = new Set(['text', 'comment', 'radiogroup', 'checkbox', 'dropdown', 'tagbox', 'rating', 'boolean']);

export type DraftShapes = Map<string, QuestionShape>;

/** Question name → what its value may look like; build once per definition and reuse. */
export function draftShapes(definition: object): DraftShapes {
  const shapes: DraftShapes = new Map();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.name === 'string' && typeof o.type === 'string' && ANSWER_TYPES.has(o.type)) {
      const choices = Array.isArray(o.choices)
        ? new Set(
            (o.choices as unknown[]).map((c) => (c && typeof c === 'object' ? (c as { value: unknown }).value : c)),
          )
        : null;
      shapes.set(typeof o.valueName === 'string' ? o.valueName : o.name, {
        type: o.type,
        maxLength: typeof o.maxLength === 'number' ? o.maxLength : DEFAULT_MAX_TEXT,
        choices,
      });
    }
    for (const key of ['pages', 'elements', 'templateElements']) if (key in o) visit(o[key]);
  };
  visit(definition);
  return shapes;
}

export function draftProblems(shapes: DraftShapes, data: unknown): DraftProblem[] {
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return [{ field: '', message: 'The answers must be a JSON object.' }];
  const problems: DraftProblem[] = [];
  for (const [field, value] of Object.entries(data)) {
    const shape = shapes.get(field);
    if (!shape) {
      problems.push({ field, message: `"${field}" is not a question of this form.` });
      continue;
    }
    if (value === null || value === undefined || value === '') continue;
    const message = valueProblem(shape, value);
    if (message) problems.push({ field, message: `"${field}" ${message}` });
  }
  return problems;
}

function valueProblem(shape: QuestionShape, value: unknown): string | undefined {
  if (shape.type === 'text' || shape.type === 'comment') {
    if (typeof value !== 'string') return 'must be text.';
    return value.length > shape.maxLength
      ? `must be at most ${shape.maxLength} characters (it has ${value.length}).`
      : undefined;
  }
  if (shape.type === 'checkbox' || shape.type === 'tagbox') {
    if (!Array.isArray(value)) return 'must be a list of choices.';
    return shape.choices && value.some((v) => !shape.choices!.has(v))
      ? 'has a value that is not one of its choices.'
      : undefined;
  }
  if (shape.choices) return shape.choices.has(value) ? undefined : 'has a value that is not one of its choices.';
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? undefined
    : 'has a value of the wrong kind.';
}
