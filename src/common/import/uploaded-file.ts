import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { catchError, Observable, throwError } from 'rxjs';
import { AppError } from '../app-error';
import { formatBytes, IMPORT_LIMITS, ImportLimits } from './import-limits';

/** The part of multer's file object the import uses. */
export interface UploadedImport {
  buffer: Buffer;
  originalname: string;
}

export const RAW_IMPORT_TYPES = [
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** The uploaded file from a multipart form, or else the raw request body. */
export function uploadedFile(
  file: UploadedImport | undefined,
  req: Request,
  fileName?: string,
): { buffer: Buffer; name: string } {
  if (file) return { buffer: file.buffer, name: fileName ?? file.originalname };
  if (Buffer.isBuffer(req.body)) return { buffer: req.body, name: fileName ?? 'upload' };
  throw AppError.invalid(
    'import.no_file',
    `Send the file as multipart/form-data (field "file") or as the request body with content type ${RAW_IMPORT_TYPES.slice(0, 1).concat(RAW_IMPORT_TYPES.slice(3)).join(' or ')}.`,
  );
}

export function fileTooLarge(name: string, maxBytes: number): AppError {
  return new AppError(
    'payload_too_large',
    'import.too_large',
    `${name} is larger than ${formatBytes(maxBytes)}; split it into smaller files.`,
    { maxBytes },
    { name, limit: formatBytes(maxBytes) },
  );
}

/** The file as the request body: read up to the size limit, and refused past it with the import's own error. */
export function importRawBody(limits: ImportLimits) {
  const raw = express.raw({ type: RAW_IMPORT_TYPES, limit: limits.maxBytes });
  return (req: Request, res: Response, next: NextFunction) =>
    raw(req, res, (err?: unknown) =>
      next(
        (err as { type?: string } | undefined)?.type === 'entity.too.large'
          ? fileTooLarge('The file', limits.maxBytes)
          : err,
      ),
    );
}

/** multer (the multipart upload, limited by the module's MulterModule options) says "too large" in its own words: say it as the import does. */
@Injectable()
export class ImportUploadErrorsInterceptor implements NestInterceptor {
  constructor(@Inject(IMPORT_LIMITS) private readonly limits: ImportLimits) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((err: unknown) =>
          throwError(() =>
            err instanceof PayloadTooLargeException ? fileTooLarge('The file', this.limits.maxBytes) : err,
          ),
        ),
      );
  }
}
