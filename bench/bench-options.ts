// What several bench scripts share: their numeric command-line options and how they print figures.

/** `--name N` from the command line, or the fallback. */
export function numberOption(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

export const medianOf = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
