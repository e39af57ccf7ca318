// The codebook as REFI-QDA codes and back. A code's name is its own label (the last of its path), so a QDA tool
// shows the tree as the table has it; the Tekst-ID and the Logtekst travel in the description, one line each
// ("Tekst-ID: CONS_INFO_INST_EAN", then "Logtekst: …" to the end). Categories are isCodable="false".
// Pure: no framework imports.
import { Code, MAX_LEVELS, isTekstId, makeTekstId, pathKey, treeOrder } from './codebook';
import type { IncomingCode, StoredCode } from './codebook-versions';
import type { RefiCode } from './refi/refi-types';

const TEKST_ID_LINE = /^Tekst-ID:[ \t]*(\S*)[ \t]*$/im;
const LOGTEKST_LINE = /^Logtekst:[ \t]*([\s\S]*)$/im;

/** The stored codes as a REFI-QDA code tree (parents first, as the codebook orders them). */
export function toRefiCodes(codes: readonly StoredCode[]): RefiCode[] {
  const roots: RefiCode[] = [];
  const byPath = new Map<string, RefiCode>();
  for (const code of treeOrder(codes) as StoredCode[]) {
    const refi: RefiCode = {
      guid: code.guid,
      name: code.path[code.path.length - 1],
      color: code.colour,
      description: describe(code),
      isCodable: code.tekstId !== null,
      children: [],
    };
    byPath.set(pathKey(code.path), refi);
    const parent = byPath.get(pathKey(code.path.slice(0, -1)));
    (code.path.length > 1 && parent ? parent.children : roots).push(refi);
  }
  return roots;
}

function describe(code: Code): string | undefined {
  const lines = [
    code.tekstId ? `Tekst-ID: ${code.tekstId}` : null,
    code.logtekst ? `Logtekst: ${code.logtekst}` : null,
  ].filter((l): l is string => l !== null);
  return lines.length ? lines.join('\n') : undefined;
}

/** Why a REFI-QDA code cannot become a code of the codebook (texts `codebook.error.<code>`). */
export interface RefiCodeProblem {
  code: 'too_many_levels';
  where: string;
  details: Record<string, string | number>;
}

/**
 * A REFI-QDA code tree as codebook codes, keeping each GUID. The Tekst-ID is the description's "Tekst-ID:" line;
 * else a codable code named like a Tekst-ID (capitals, digits and "_", with at least one "_": some exchanges name
 * codes so) is taken by its name; else one is made from the path. Colours come normalised by the reader; a code
 * without one gets `fallbackColour`.
 */
export function fromRefiCodes(
  tree: readonly RefiCode[],
  fallbackColour: (categoryIndex: number) => string,
): { codes: IncomingCode[]; problems: RefiCodeProblem[] } {
  const codes: IncomingCode[] = [];
  const problems: RefiCodeProblem[] = [];
  const explicit = new Set<string>();
  const pending: { code: IncomingCode; codable: boolean }[] = [];
  const visit = (node: RefiCode, parentPath: string[], category: number) => {
    const path = [...parentPath, node.name.replace(/\s+/g, ' ').trim()];
    if (path.length > MAX_LEVELS) {
      problems.push({ code: 'too_many_levels', where: path.join(' / '), details: { max: MAX_LEVELS } });
      return;
    }
    const description = node.description ?? '';
    const given =
      TEKST_ID_LINE.exec(description)?.[1] ??
      (node.isCodable && isTekstId(node.name) && node.name.includes('_') ? node.name : null);
    const code: IncomingCode = {
      path,
      tekstId: given && node.isCodable ? given : null,
      logtekst: node.isCodable ? (LOGTEKST_LINE.exec(description)?.[1].trim() ?? null) || null : null,
      colour: node.color ?? fallbackColour(category),
      guid: node.guid,
    };
    if (code.tekstId) explicit.add(code.tekstId);
    pending.push({ code, codable: node.isCodable });
    codes.push(code);
    for (const child of node.children) visit(child, path, category);
  };
  tree.forEach((node, i) => visit(node, [], i));
  // Made Tekst-IDs must not take one that a later code of the file gives explicitly.
  const taken = new Set(explicit);
  for (const { code, codable } of pending)
    if (codable && code.tekstId === null) code.tekstId = makeTekstId(code.path, taken);
  return { codes, problems };
}
