import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from './app-error';
import { validationProblems } from './validation-problems';

/** field path -> problems, e.g. { "settings.groupMinSize": ["must not be less than 1"] } */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      // class-validator repeats the property name at the start of each message; the key already says it.
      out[path] = Object.values(error.constraints).map((m) => m.replace(new RegExp(`^${error.property} `), ''));
    }
    Object.assign(out, flattenValidationErrors(error.children ?? [], path));
  }
  return out;
}

function validationFailed(errors: ValidationError[]): AppError {
  return invalidFields(flattenValidationErrors(errors)).withProblems(validationProblems(errors));
}

/** The error of a failed validation: every field with its problems, in the message and in the details. */
export function invalidFields(details: Record<string, string[]>): AppError {
  const fields = Object.keys(details);
  return AppError.invalid(
    'validation.failed',
    `Please correct: ${fields.map((f) => `${f} (${details[f].join('; ')})`).join(', ')}.`,
    details,
    { problems: fields.map((f) => `${f} (${details[f].join('; ')})`).join(', ') },
  );
}

/**
 * A query string as a DTO should see it. `lang` is the language switch that any page link may carry (the session
 * middleware reads it), so no DTO has to declare it. An empty value is what an HTML form sends for a field left
 * empty ("all organisations", no k): it means "not given", not "the empty string".
 */
export function pageQuery(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([key, value]) => key !== 'lang' && value !== ''));
}

/** The one validation pipe of every route; query strings first go through pageQuery. */
class AppValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const plainQuery =
      metadata.type === 'query' && typeof value === 'object' && value !== null && !Array.isArray(value);
    return super.transform(plainQuery ? pageQuery(value as Record<string, unknown>) : value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  // Errors keep their target: the limits a page words ("at least 3 characters") are found from its class.
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: validationFailed,
    validationError: { target: true, value: false },
  });
}
