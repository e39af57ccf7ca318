// An Excel (.xlsx) file is a zip archive. Its central directory says what each part unpacks to; a zip bomb says
// gigabytes. ZipArchive refuses such a file from the directory alone, before inflating anything, and then counts
// the bytes actually inflated, since a directory can lie. Pure: yauzl and Node streams only.
import type { Readable } from 'stream';
import * as yauzl from 'yauzl';
import { formatBytes, ImportLimitError, ImportLimits, MAX_ZIP_ENTRIES, RATIO_CHECK_FROM_BYTES } from './import-limits';

/** A part of the archive as its central directory declares it. */
export interface ZipPart {
  name: string;
  packedBytes: number;
  unpackedBytes: number;
}

/** The archive cannot be read as a zip at all (truncated, encrypted, corrupt). */
export class ZipReadError extends Error {}

type Limits = Pick<ImportLimits, 'maxUnpackedBytes' | 'maxCompressionRatio'>;

/** Refuses an archive on its declared sizes: too many parts, too much unpacked, or a suspicious compression ratio. */
export function checkDeclaredParts(parts: readonly ZipPart[], fileName: string, limits: Limits): void {
  if (parts.length > MAX_ZIP_ENTRIES) throw tooManyParts(fileName, parts.length);
  const unpacked = parts.reduce((sum, p) => sum + p.unpackedBytes, 0);
  if (unpacked > limits.maxUnpackedBytes) {
    throw new ImportLimitError(
      'import.unpacked_too_large',
      `${fileName} unpacks to ${formatBytes(unpacked)}, more than the ${formatBytes(limits.maxUnpackedBytes)} an import may unpack to. It was not unpacked; split it into smaller files.`,
      { unpackedBytes: unpacked, maxUnpackedBytes: limits.maxUnpackedBytes },
    );
  }
  for (const part of parts) {
    if (part.unpackedBytes < RATIO_CHECK_FROM_BYTES) continue;
    const ratio = part.unpackedBytes / Math.max(1, part.packedBytes);
    if (ratio > limits.maxCompressionRatio) {
      throw new ImportLimitError(
        'import.zip_bomb',
        `${fileName} looks like a zip bomb: its part ${part.name} is packed ${Math.round(ratio)} times smaller than it unpacks (at most ${limits.maxCompressionRatio} is accepted). It was not unpacked.`,
        { part: part.name, ratio: Math.round(ratio), maxCompressionRatio: limits.maxCompressionRatio },
      );
    }
  }
}

function tooManyParts(fileName: string, count: number): ImportLimitError {
  return new ImportLimitError(
    'import.zip_bomb',
    `${fileName} has ${count} parts; an Excel file has a few dozen. It was not unpacked.`,
    { parts: count, maxParts: MAX_ZIP_ENTRIES },
  );
}

export class ZipArchive {
  /** Bytes inflated so far, over every part read. */
  private inflated = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly fileName: string,
    private readonly limits: Limits,
  ) {}

  /** Reads the central directory (nothing is inflated) and refuses the archive on what it declares. */
  static async open(buf: Buffer, fileName: string, limits: Limits): Promise<ZipArchive> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
    } catch (err) {
      throw new ZipReadError((err as Error).message);
    }
    // Errors reach the reads that cause them; one the archive emits after reading stopped must not crash the process.
    zip.on('error', () => undefined);
    // Count before listing: reading a directory of millions of entries is itself work an attacker could ask for.
    if (zip.entryCount > MAX_ZIP_ENTRIES) {
      zip.close();
      throw tooManyParts(fileName, zip.entryCount);
    }
    const entries = new Map<string, yauzl.Entry>();
    try {
      for await (const entry of zip.eachEntry()) entries.set(entry.fileName.replace(/^\/+/, ''), entry);
    } catch (err) {
      zip.close();
      throw new ZipReadError((err as Error).message);
    }
    try {
      checkDeclaredParts(
        [...entries.values()].map((e) => ({
          name: e.fileName,
          packedBytes: e.compressedSize,
          unpackedBytes: e.uncompressedSize,
        })),
        fileName,
        limits,
      );
    } catch (err) {
      zip.close();
      throw err;
    }
    return new ZipArchive(zip, entries, fileName, limits);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * The part's bytes as they inflate, chunk by chunk. Stops with ImportLimitError as soon as the parts read
   * together pass the unpacked limit, or a part inflates to more than its declared size.
   */
  async *read(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) throw new ZipReadError(`the archive has no part ${name}`);
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (err) {
      throw new ZipReadError((err as Error).message);
    }
    // The loop below sees the stream's errors; this keeps one after it is destroyed from going uncaught.
    stream.on('error', () => undefined);
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        this.inflated += chunk.length;
        if (this.inflated > this.limits.maxUnpackedBytes) {
          throw new ImportLimitError(
            'import.unpacked_too_large',
            `${this.fileName} unpacks to more than the ${formatBytes(this.limits.maxUnpackedBytes)} an import may unpack to; reading stopped there. Split it into smaller files.`,
            { maxUnpackedBytes: this.limits.maxUnpackedBytes },
          );
        }
        yield chunk;
      }
    } catch (err) {
      if (err instanceof ImportLimitError) throw err;
      // yauzl checks the inflated size against the declared one: a part that says less than it holds is a bomb.
      if (/too many bytes/i.test((err as Error).message)) {
        throw new ImportLimitError(
          'import.zip_bomb',
          `${this.fileName} looks like a zip bomb: its part ${name} unpacks to more than it declares. Reading stopped there.`,
          { part: name },
        );
      }
      throw new ZipReadError((err as Error).message);
    } finally {
      stream.destroy();
    }
  }

  /** A small part (workbook, relationships) as text, within the same limits. */
  async readText(name: string): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.read(name)) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  }

  close(): void {
    this.zip.close();
  }
}
