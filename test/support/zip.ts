// Zip archives for tests of archive readers: any entries, and byte-level tampering that no zip writer would do.
import yazl from 'yazl';

/** A zip of the given entries (text is written as UTF-8). */
export async function zipOf(entries: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) {
    zip.addBuffer(typeof content === 'string' ? Buffer.from(content, 'utf8') : content, name, {
      mtime: new Date('2026-01-01T00:00:00Z'),
    });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Replaces every occurrence of a file name (local and central headers) by another of the same length. */
export function renameInZip(zip: Buffer, from: string, to: string): Buffer {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error('Names must have the same length');
  const out = Buffer.from(zip);
  const needle = Buffer.from(from);
  for (let at = out.indexOf(needle); at >= 0; at = out.indexOf(needle, at + 1)) Buffer.from(to).copy(out, at);
  return out;
}

const CENTRAL_HEADER = 0x02014b50;

/** Changes each central directory header: its declared uncompressed size and/or general purpose flags. */
export function tamperCentralDirectory(zip: Buffer, change: { uncompressedSize?: number; flags?: number }): Buffer {
  const out = Buffer.from(zip);
  for (let at = 0; at + 46 <= out.length; at++) {
    if (out.readUInt32LE(at) !== CENTRAL_HEADER) continue;
    if (change.flags !== undefined) out.writeUInt16LE(out.readUInt16LE(at + 8) | change.flags, at + 8);
    if (change.uncompressedSize !== undefined) out.writeUInt32LE(change.uncompressedSize, at + 24);
  }
  return out;
}

/** Every file of a zip by name, unpacked in memory (for archives the code under test wrote). */
export async function unzipAll(zip: Buffer): Promise<Map<string, Buffer>> {
  const yauzl = await import('yauzl');
  const file = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const files = new Map<string, Buffer>();
  for await (const entry of file.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of (await file.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(chunk);
    files.set(entry.fileName, Buffer.concat(chunks));
  }
  return files;
}
