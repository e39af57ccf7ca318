// REFI-QDA project archives (.qdpx): a zip with project.qde and the sources' texts under Sources/. Pure: no
// framework imports.
//
// Reading takes an archive from anyone, so it is guarded before anything is unpacked: a limit on the number of
// entries, on each entry's and the total declared size, on the bytes actually inflated (a zip bomb can lie
// about its sizes), and no names that climb out of the archive or are absolute. Nothing is written to disk.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { normaliseGuid } from './guid';
import { ReadProblem, ReadProject, readProjectXml, RefiReadError } from './project-reader';
import { buildProjectXml, sourceFileName } from './project-xml';
import type { RefiProject } from './refi-types';

export interface QdpxLimits {
  maxEntries: number;
  /** Per entry, uncompressed. */
  maxEntryBytes: number;
  /** All entries read together, uncompressed. */
  maxTotalBytes: number;
}

/** Generous for 47 homework texts (a few kB each), far below what would hurt the server. */
export const DEFAULT_QDPX_LIMITS: QdpxLimits = {
  maxEntries: 2000,
  maxEntryBytes: 20_000_000,
  maxTotalBytes: 100_000_000,
};

export type QdpxErrorCode =
  | 'not-zip'
  | 'too-many-entries'
  | 'too-large'
  | 'unsafe-path'
  | 'encrypted'
  | 'no-project'
  | 'several-projects'
  | 'not-xml'
  | 'not-a-project';

/** The archive as a whole cannot be read; `code` is stable (for messages in the reader's language). */
export class QdpxError extends Error {
  constructor(
    readonly code: QdpxErrorCode,
    detail: string,
  ) {
    super(detail);
  }
}

export interface QdpxContents {
  project: ReadProject;
  /** Source texts by source GUID, as stored (line endings untouched, a byte-order mark removed). */
  texts: Map<string, string>;
  /** The project's problems plus sources whose text is missing or unreadable. */
  problems: ReadProblem[];
}

/** Writes the project and its sources' texts (UTF-8) as a .qdpx archive. */
export async function writeQdpx(project: RefiProject): Promise<Buffer> {
  const xml = buildProjectXml(project);
  const zip = new yazl.ZipFile();
  // A fixed time, so the same project gives the same bytes.
  const options = { mtime: project.creationDateTime, compress: true };
  zip.addBuffer(Buffer.from(xml, 'utf8'), 'project.qde', options);
  for (const source of project.sources) {
    zip.addBuffer(Buffer.from(source.text, 'utf8'), `Sources/${sourceFileName(source.guid)}`, options);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Reads a .qdpx archive; throws QdpxError when the archive or its project cannot be read at all. */
export async function readQdpx(archive: Buffer, limits: QdpxLimits = DEFAULT_QDPX_LIMITS): Promise<QdpxContents> {
  const zip = await openZip(archive);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new QdpxError(
        'too-many-entries',
        `The archive has ${zip.entryCount} entries; at most ${limits.maxEntries} are read`,
      );
    }
    const entries = await listEntries(zip, limits);
    const budget = { left: limits.maxTotalBytes };
    const projectEntry = findProjectEntry(entries);
    const project = readProject(await readEntry(zip, projectEntry, limits, budget));

    // Sources/ as the standard writes it, sources/ as some tools do, also inside one top folder.
    const sourceFiles = entries.filter((e) => /(^|\/)sources\/[^/]+$/i.test(e.fileName));
    const texts = new Map<string, string>();
    const problems = [...project.problems];
    for (const source of project.sources) {
      const where = { kind: 'source', name: source.name } as const;
      if (source.inlineText !== undefined) {
        texts.set(source.guid, source.inlineText);
        continue;
      }
      const entry = findSourceEntry(sourceFiles, source.internalFile ?? '');
      if (!entry) {
        problems.push({
          code: 'missing-text',
          where,
          detail: `the archive has no Sources/${source.internalFile ?? ''}`,
        });
        continue;
      }
      const text = decodeText(await readEntry(zip, entry, limits, budget));
      if (text === null)
        problems.push({ code: 'not-utf8', where, detail: `${entry.fileName} is not UTF-8 or UTF-16 text` });
      else texts.set(source.guid, text);
    }
    return { project, texts, problems };
  } finally {
    zip.close();
  }
}

function readProject(bytes: Buffer): ReadProject {
  const xml = decodeText(bytes);
  if (xml === null) throw new QdpxError('not-xml', 'The project file is not UTF-8 or UTF-16 text');
  try {
    return readProjectXml(xml);
  } catch (error) {
    if (error instanceof RefiReadError) {
      throw new QdpxError(error.code === 'not-xml' ? 'not-xml' : 'not-a-project', error.message);
    }
    throw error;
  }
}

function openZip(archive: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(archive, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, zip) => {
      if (error) reject(new QdpxError('not-zip', `Not a zip archive: ${error.message}`));
      else resolve(zip);
    });
  });
}

function listEntries(zip: yauzl.ZipFile, limits: QdpxLimits): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    const fail = (error: Error) => {
      zip.removeAllListeners();
      // Nothing is read any more; a late error of the archive must not become an uncaught exception.
      zip.on('error', () => undefined);
      reject(error);
    };
    zip.on('entry', (entry: yauzl.Entry) => {
      const unsafe = unsafeName(entry.fileName);
      if (unsafe) return fail(new QdpxError('unsafe-path', `The archive holds "${entry.fileName}": ${unsafe}`));
      if (entry.isEncrypted()) return fail(new QdpxError('encrypted', `"${entry.fileName}" is encrypted`));
      if (!entry.fileName.endsWith('/')) {
        declared += entry.uncompressedSize;
        if (entry.uncompressedSize > limits.maxEntryBytes || declared > limits.maxTotalBytes) {
          return fail(
            new QdpxError(
              'too-large',
              `The archive unpacks to more than ${limits.maxTotalBytes} bytes or has an entry over ${limits.maxEntryBytes}`,
            ),
          );
        }
        entries.push(entry);
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) =>
      fail(
        /invalid|absolute|relative/i.test(error.message)
          ? new QdpxError('unsafe-path', error.message)
          : new QdpxError('not-zip', error.message),
      ),
    );
    zip.readEntry();
  });
}

/** Why an entry name is unsafe, or null. yauzl refuses most of these itself; this keeps the rule in one place. */
export function unsafeName(name: string): string | null {
  if (name.startsWith('/') || /^[a-z]:/i.test(name)) return 'an absolute path';
  if (name.split(/[/\\]/).includes('..')) return 'a path outside the archive';
  if (name.includes('\0')) return 'a name with a NUL character';
  return null;
}

function findProjectEntry(entries: yauzl.Entry[]): yauzl.Entry {
  const projects = entries.filter((e) => /\.qde$/i.test(e.fileName));
  if (projects.length === 0) throw new QdpxError('no-project', 'The archive holds no .qde project file');
  if (projects.length === 1) return projects[0];
  // Several: the one at the top level, if there is exactly one there.
  const top = projects.filter((e) => !e.fileName.includes('/'));
  if (top.length === 1) return top[0];
  throw new QdpxError(
    'several-projects',
    `The archive holds ${projects.length} .qde files: ${projects.map((e) => e.fileName).join(', ')}`,
  );
}

/** The entry for a source file: by GUID whatever its braces and case, else by name ignoring case. */
function findSourceEntry(files: yauzl.Entry[], internalFile: string): yauzl.Entry | undefined {
  const base = (name: string) => name.slice(name.lastIndexOf('/') + 1);
  const guidOf = (name: string) => normaliseGuid(base(name).replace(/\.[^.]*$/, ''));
  const wanted = guidOf(internalFile);
  if (wanted) {
    const byGuid = files.find((e) => guidOf(e.fileName) === wanted && /\.txt$/i.test(e.fileName));
    if (byGuid) return byGuid;
  }
  return files.find((e) => base(e.fileName).toLowerCase() === base(internalFile).toLowerCase());
}

async function readEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  limits: QdpxLimits,
  budget: { left: number },
): Promise<Buffer> {
  const stream: Readable = await new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, s) => (error ? reject(new QdpxError('not-zip', error.message)) : resolve(s))),
  );
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      budget.left -= chunk.length;
      // Checked on the inflated bytes as they come, whatever the archive declared.
      if (size > limits.maxEntryBytes || budget.left < 0) {
        stream.destroy();
        throw new QdpxError('too-large', `"${entry.fileName}" unpacks to more than the limit`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof QdpxError) throw error;
    // yauzl checks the inflated bytes against the declared size: more than declared is a bomb's lie.
    const message = (error as Error).message;
    const code = /too many bytes/i.test(message) ? 'too-large' : 'not-zip';
    throw new QdpxError(code, `"${entry.fileName}" cannot be unpacked: ${message}`);
  }
  return Buffer.concat(chunks);
}

/** UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark; null for anything else. */
export function decodeText(bytes: Buffer): string | null {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}
