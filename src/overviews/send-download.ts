import type { Response } from 'express';
import type { OverviewDownload } from './overviews.service';

/** Streams a download into the response: attachment with its file name, except JSON, which API clients read inline. */
export async function sendDownload(res: Response, download: OverviewDownload): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', download.contentType);
  if (!download.contentType.startsWith('application/json')) res.attachment(download.fileName);
  res.setHeader('Cache-Control', 'no-store');
  await download.write(res);
}
