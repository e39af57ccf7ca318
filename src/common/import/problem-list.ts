// The problems of an import as its report gives them: the first MAX_LISTED_PROBLEMS in file order, and the totals,
// so a file with a problem on every one of 100,000 rows still makes a small report. Pure.
import { MAX_LISTED_PROBLEMS } from './import-limits';

export class ProblemList<P extends { line: number }> {
  readonly listed: P[] = [];
  count = 0;
  private readonly lines = new Set<number>();

  add(...problems: P[]): void {
    for (const p of problems) {
      this.count++;
      this.lines.add(p.line);
      if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(p);
    }
  }

  /** Lines (rows, or the header) with at least one problem. */
  get lineCount(): number {
    return this.lines.size;
  }

  hasLine(line: number): boolean {
    return this.lines.has(line);
  }
}
