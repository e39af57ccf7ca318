import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from './app-error';

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
  return invalidFields(flattenValidationErrors(errors));
}

/** The error of a failed validation: every field with its problems, in the message and in the details. */
export function invalidFields(details: Record<string, string[]>): AppError {
  const fields = Object.keys(details);
  return AppError.invalid('validation.failed', `Please correct: ${fields.map((f) => `${f} (${details[f].join('; ')})`).join(', ')}.`, details);
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: validationFailed });
}
