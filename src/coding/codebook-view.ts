// The codebook as the page shows it: a tree of nested lists (Categorie 1 › 2 › 3) and the history's lines.
// Pure: no framework imports.
import { MAX_LEVELS, pathKey } from './codebook';
import type { StoredCode, VersionChange } from './codebook-versions';

export interface CodeNodeView {
  id: number | null;
  label: string;
  path: string;
  tekstId: string | null;
  logtekst: string | null;
  colour: string;
  builtIn: boolean;
  level: number;
  canHaveChildren: boolean;
  children: CodeNodeView[];
}

export function codeTree(codes: readonly StoredCode[]): CodeNodeView[] {
  const roots: CodeNodeView[] = [];
  const byPath = new Map<string, CodeNodeView>();
  for (const code of codes) {
    const node: CodeNodeView = {
      id: code.id ?? null,
      label: code.path[code.path.length - 1],
      path: code.path.join(' › '),
      tekstId: code.tekstId,
      logtekst: code.logtekst,
      colour: code.colour,
      builtIn: code.builtIn,
      level: code.path.length,
      canHaveChildren: code.path.length < MAX_LEVELS && !(code.builtIn && code.path.length > 1),
      children: [],
    };
    byPath.set(pathKey(code.path), node);
    const parent = code.path.length > 1 ? byPath.get(pathKey(code.path.slice(0, -1))) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The locale key and variables of one version's line in the history. */
export function changeLine(
  kind: VersionChange['kind'],
  summary: Record<string, unknown> | null,
): { key: string; vars: Record<string, unknown> } {
  const s = summary ?? {};
  const path = Array.isArray(s.path) ? (s.path as string[]).join(' › ') : '';
  const code = (s.tekstId as string | null) ?? path;
  // A deletion counts the codes it took with it, so its line says "1 code" or "3 codes".
  const count = kind === 'delete' ? s.removed : undefined;
  return { key: `codebook.history.${kind}`, vars: { ...s, path, code, ...(count === undefined ? {} : { count }) } };
}
