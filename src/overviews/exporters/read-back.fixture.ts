// Test support: collect an export in memory and turn its labelled cells back into canonical rows,
// so every format can be compared with the JSON overview.
import { execFile } from 'node:child_process';
import { Writable } from 'node:stream';
import { DIGITAL_COMFORTS, EDUCATIONS, QUADRANTS, type Locale } from '../../common/domain';
import { translator } from '../../common/view-engine';
import type { OrganisationRow } from '../anonymise';

export class MemorySink extends Writable {
  readonly chunks: Buffer[] = [];

  constructor(private readonly slow = false) {
    super({ highWaterMark: 16 * 1024 });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(Buffer.from(chunk));
    if (this.slow) setImmediate(done);
    else done();
  }

  buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** The code whose word in the catalogue (`<prefix>.<code>`) is `label`. */
function reverse<K extends string>(codes: readonly K[], prefix: string, locale: Locale, label: string): K {
  const t = translator(locale);
  const key = codes.find((code) => t(`${prefix}.${code}`) === label);
  if (!key) throw new Error(`Unknown label "${label}"`);
  return key;
}

/** The six Bijlage 5 columns, as the importer of a Bijlage 5 sheet would read them. */
export function rowFromCells(cells: readonly string[], locale: Locale = 'nl'): OrganisationRow {
  const [gender, age, education, digitalComfort, quadrant, organisation] = cells;
  return {
    gender: gender as OrganisationRow['gender'],
    age,
    education: reverse(EDUCATIONS, 'education', locale, education),
    digitalComfort: reverse(DIGITAL_COMFORTS, 'digitalComfort', locale, digitalComfort),
    quadrant: reverse(QUADRANTS, 'quadrant', locale, quadrant),
    organisation,
  };
}

// pdf-parse loads pdfjs with a dynamic import, which Jest's CommonJS sandbox refuses: read in a child process.
const EXTRACT_TEXT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
  const parser = new PDFParse({ data: Buffer.concat(chunks) });
  const result = await parser.getText();
  await parser.destroy();
  process.stdout.write(JSON.stringify(result.pages.map((p) => p.text)));
});`;

/** The text of each page, as pdf-parse extracts it. */
export function pdfPageTexts(pdf: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', EXTRACT_TEXT], { maxBuffer: 64 << 20 }, (err, stdout) =>
      err ? reject(new Error(err.message, { cause: err })) : resolve(JSON.parse(stdout) as string[]),
    );
    child.stdin!.end(pdf);
  });
}
