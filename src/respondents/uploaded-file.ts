import type { Request } from 'express';
import { AppError } from '../common/app-error';

/** The part of multer's file object the import uses. */
export interface UploadedImport {
  buffer: Buffer;
  originalname: string;
}

export const RAW_IMPORT_TYPES = ['text/csv', 'text/plain', 'application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/** The uploaded file from a multipart form, or else the raw request body. */
export function uploadedFile(file: UploadedImport | undefined, req: Request, fileName?: string): { buffer: Buffer; name: string } {
  if (file) return { buffer: file.buffer, name: fileName ?? file.originalname };
  if (Buffer.isBuffer(req.body)) return { buffer: req.body, name: fileName ?? 'upload' };
  throw AppError.invalid(
    'import.no_file',
    `Send the file as multipart/form-data (field "file") or as the request body with content type ${RAW_IMPORT_TYPES.slice(0, 1).concat(RAW_IMPORT_TYPES.slice(3)).join(' or ')}.`,
  );
}
