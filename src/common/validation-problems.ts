import { getMetadataStorage, ValidationError } from 'class-validator';
import type { FieldProblems, ProblemText } from './app-error';

/**
 * class-validator's refusals as locale keys (`formProblem.<constraint>`), with the limits the decorator was given
 * (`minLength` 3 -> { limit: 3 }), so a page can say "at least 3 characters" in the reader's language. A field may
 * have its own wording of a constraint (`formProblem.<constraint>.<field>`, e.g. the slug's pattern); the page
 * picks it when the locale files have it.
 */
export function validationProblems(errors: ValidationError[], prefix = ''): FieldProblems {
  const out: FieldProblems = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) out[path] = Object.keys(error.constraints).map((constraint) => problemOf(error, constraint));
    Object.assign(out, validationProblems(error.children ?? [], path));
  }
  return out;
}

function problemOf(error: ValidationError, constraint: string): ProblemText {
  const limit = constraintLimit(error, constraint);
  return {
    key: `formProblem.${constraint}`,
    vars: { field: error.property, ...(limit === undefined ? {} : { limit }) },
  };
}

/** The first argument the validation decorator was given (a length, a bound), found in class-validator's registry. */
function constraintLimit(error: ValidationError, constraint: string): unknown {
  const target = error.target?.constructor;
  if (!target) return undefined;
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name === constraint || m.type === constraint));
  const first: unknown = metadata?.constraints?.[0];
  return typeof first === 'number' ? first : undefined;
}
