/**
 * The separator of a CSV file a person saved: the one that occurs most often outside quotes on one line among the
 * first lines (the header, even below a title line). ";" wins a tie, as Dutch Excel writes it.
 */
export function detectDelimiter(lines: string[]): string {
  let best = ';';
  let most = 0;
  for (const line of lines) {
    const counts = new Map<string, number>([
      [';', 0],
      [',', 0],
      ['\t', 0],
    ]);
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
    }
    for (const [delimiter, count] of counts) {
      if (count > most) [best, most] = [delimiter, count];
    }
  }
  return best;
}
