import type { IncomingMessage } from 'http';
import { AppError } from './app-error';
import {
  BODY_LIMIT_BYTES,
  bodyKind,
  checkBodyHeaders,
  decodeUtf8,
  notJson,
  parseFormBody,
  parseJsonBody,
  tooLarge,
} from './request-body';

/** Whether the request carries a body at all (as HTTP defines it: a length above 0, or chunks). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * The body of a request to a JSON route, read by the rules of request-body.ts: {} when there is none, else a
 * JSON object in UTF-8 within the size and depth limits.
 */
export async function readJsonRequest(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!hasBody(req)) return {};
  if (bodyKind(req.headers['content-type']) !== 'json') throw notJson();
  checkRequestHeaders(req);
  return parseJsonBody(decodeUtf8(await readBytes(req)));
}

/** A form body (application/x-www-form-urlencoded) by the same rules. */
export async function readFormRequest(req: IncomingMessage): Promise<Record<string, string | string[]>> {
  checkRequestHeaders(req);
  return parseFormBody(decodeUtf8(await readBytes(req)));
}

function checkRequestHeaders(req: IncomingMessage): void {
  checkBodyHeaders(req.headers['content-type'], req.headers['content-encoding'], req.headers['content-length']);
}

/** The raw bytes, refused as too large as soon as they pass the limit (the rest is not read). */
function readBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT_BYTES) {
        done();
        req.pause();
        reject(tooLarge());
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = () => {
      done();
      reject(new AppError('invalid', 'request.aborted', 'The request body could not be read to its end.'));
    };
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
