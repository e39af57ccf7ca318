// A codebook file as a request brings it (multipart or the body itself), and as a download.
import { CallHandler, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { catchError, Observable, throwError } from 'rxjs';
import { AppError } from '../common/app-error';
import { CODEBOOK_MAX_BYTES, type CodebookExport } from './codebook.service';

export interface UploadedCodebook {
  buffer: Buffer;
  originalname: string;
}

const RAW_TYPES = [
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/xml',
  'text/xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

export function codebookFile(
  file: UploadedCodebook | undefined,
  req: Request,
  fileName?: string,
): { buffer: Buffer; name: string } {
  if (file) return { buffer: file.buffer, name: fileName ?? file.originalname };
  if (Buffer.isBuffer(req.body) && req.body.length > 0) return { buffer: req.body, name: fileName ?? 'upload' };
  throw AppError.invalid(
    'codebook.no_file',
    `Send the file as multipart/form-data (field "file") or as the request body with content type ${RAW_TYPES.join(', ')}.`,
  );
}

function tooLarge(): AppError {
  return new AppError(
    'payload_too_large',
    'codebook.too_large',
    `The file is larger than ${CODEBOOK_MAX_BYTES / 1024 / 1024} MB; a codebook file is much smaller.`,
    { maxBytes: CODEBOOK_MAX_BYTES },
    { mb: CODEBOOK_MAX_BYTES / 1024 / 1024 },
  );
}

/** The file as the request body, up to the codebook's limit. */
export function codebookRawBody() {
  const raw = express.raw({ type: RAW_TYPES, limit: CODEBOOK_MAX_BYTES });
  return (req: Request, res: Response, next: NextFunction) =>
    raw(req, res, (err?: unknown) =>
      next((err as { type?: string } | undefined)?.type === 'entity.too.large' ? tooLarge() : err),
    );
}

/** multer's own "too large" said as the codebook import says it. */
@Injectable()
export class CodebookUploadErrorsInterceptor implements NestInterceptor {
  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((err: unknown) => throwError(() => (err instanceof PayloadTooLargeException ? tooLarge() : err))),
      );
  }
}

export function sendCodebookFile(res: Response, file: CodebookExport): void {
  res.status(200);
  res.setHeader('Content-Type', file.contentType);
  res.attachment(file.fileName);
  res.setHeader('Cache-Control', 'no-store');
  res.end(file.body);
}
