// How rows reach the exporters: one at a time, grouped by organisation in the order of the summary,
// so a 100,000-row export never holds more than one row (or one page) in memory.
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type { OrganisationRow } from '../anonymise';

export type RowSource = Iterable<OrganisationRow> | AsyncIterable<OrganisationRow>;

/**
 * Follows the organisations of a summary while rows stream past. A row from an organisation that is
 * not in the summary is refused: a partner's export must never carry another organisation's rows.
 */
export class OrganisationSequence {
  private next = 0;
  private current: string | undefined;

  constructor(private readonly names: readonly string[]) {}

  /** The organisations that start with this row (empty ones skipped over, then the row's own); [] if it continues the current one. */
  enter(name: string): string[] {
    if (name === this.current) return [];
    const at = this.names.indexOf(name, this.next);
    if (at < 0) {
      if (this.names.includes(name))
        throw new Error(
          `Rows must come grouped by organisation in the order of the summary; "${name}" came back after another organisation`,
        );
      throw new Error(`Organisation "${name}" is not part of this overview`);
    }
    const opened = this.names.slice(this.next, at + 1);
    this.next = at + 1;
    this.current = name;
    return opened;
  }

  /** The organisations that had no rows after the last one. */
  rest(): string[] {
    const rest = this.names.slice(this.next);
    this.next = this.names.length;
    return rest;
  }
}

/** Writes with back-pressure: waits for 'drain' when the stream's buffer is full. */
export async function writeChunk(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Ends the stream and waits until everything is flushed. */
export async function endStream(out: Writable): Promise<void> {
  if (out.writableFinished) return;
  const finished = once(out, 'finish');
  out.end();
  await finished;
}
