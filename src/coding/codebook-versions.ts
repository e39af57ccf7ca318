// Changes to a study's stored codebook, decided before anything is written: adding, editing and deleting one
// code, and replacing the whole codebook by an imported one (matching what stays the same code, so its GUID and
// the codings on it survive). Every result is a whole codebook in tree order, for checkCodebook and one version.
// Pure: no framework imports.
import { CAUSE_GROUP, CAUSE_TEKST_IDS, Code, pathKey, treeOrder } from './codebook';

/** A code as the study keeps it: the codebook's code with its stable GUID (and its row, once stored). */
export interface StoredCode extends Code {
  id?: number;
  /** Lower case without braces. */
  guid: string;
  builtIn: boolean;
}

/** A code as a version keeps it: enough to show and compare any two versions. */
export type VersionCode = Pick<StoredCode, 'guid' | 'path' | 'tekstId' | 'logtekst' | 'colour'>;

/** What one version changed: its kind and the facts the history and the audit log show. */
export type VersionChange =
  | { kind: 'create' }
  | { kind: 'add'; tekstId: string | null; path: string[] }
  | { kind: 'edit'; tekstId: string | null; path: string[]; before: VersionCode }
  | { kind: 'delete'; tekstId: string | null; path: string[]; removed: number }
  | {
      kind: 'import';
      /** qdpx: the new codes of a REFI-QDA project, added to the codebook (nothing else changes). */
      format: CodebookFormat | 'qdpx';
      fileName: string;
      added: number;
      changed: number;
      removed: number;
      unchanged: number;
    };

export const CODEBOOK_FORMATS = ['csv', 'xlsx', 'qdc'] as const;
export type CodebookFormat = (typeof CODEBOOK_FORMATS)[number];

/** Why a change is refused before the whole codebook is checked (texts `codebook.refusal.<code>`). */
export type ChangeRefusal = 'built_in' | 'not_found';

export function isBuiltIn(code: Code): boolean {
  return code.tekstId !== null ? CAUSE_TEKST_IDS.includes(code.tekstId) : pathKey(code.path) === pathKey([CAUSE_GROUP]);
}

export function versionCode(code: StoredCode): VersionCode {
  return { guid: code.guid, path: [...code.path], tekstId: code.tekstId, logtekst: code.logtekst, colour: code.colour };
}

/** A code and every code below it, by path. */
export function subtree(codes: readonly StoredCode[], guid: string): StoredCode[] {
  const root = codes.find((c) => c.guid === guid);
  if (!root) return [];
  const key = pathKey(root.path);
  return codes.filter((c) => c === root || pathKey(c.path.slice(0, root.path.length)) === key);
}

/**
 * The codebook with one code added (after its siblings). Categories above it that do not exist yet are added as
 * well, in its colour, as a table row names its Categorie 1 and 2 without a row of their own.
 */
export function addCode(codes: readonly StoredCode[], code: Code, newGuid: () => string): StoredCode[] {
  return treeOrder([
    ...codes,
    ...missingCategories(codes, code.path, code.colour, newGuid),
    { ...code, guid: newGuid(), builtIn: false },
  ]) as StoredCode[];
}

function missingCategories(
  codes: readonly StoredCode[],
  path: readonly string[],
  colour: string,
  newGuid: () => string,
): StoredCode[] {
  const known = new Set(codes.map((c) => pathKey(c.path)));
  return path
    .slice(0, -1)
    .map((_, i) => path.slice(0, i + 1))
    .filter((p) => !known.has(pathKey(p)))
    .map((p) => ({ path: p, tekstId: null, logtekst: null, colour, guid: newGuid(), builtIn: false }));
}

/**
 * The codebook with one code changed. A code whose path changes takes the codes below it along (renaming a
 * Categorie 1 renames it in every path under it); a new place gets its missing categories. A built-in code keeps
 * its Tekst-ID; checkCodebook refuses the rest of what would break the cause group.
 */
export function editCode(
  codes: readonly StoredCode[],
  guid: string,
  next: Code,
  newGuid: () => string,
): StoredCode[] | ChangeRefusal {
  const current = codes.find((c) => c.guid === guid);
  if (!current) return 'not_found';
  if (current.builtIn && next.tekstId !== current.tekstId) return 'built_in';
  const below = new Set(subtree(codes, guid).filter((c) => c !== current));
  const depth = current.path.length;
  const moved = codes.map((c) => {
    if (c === current) return { ...c, ...next, path: [...next.path] };
    if (below.has(c)) return { ...c, path: [...next.path, ...c.path.slice(depth)] };
    return c;
  });
  return treeOrder([...moved, ...missingCategories(moved, next.path, next.colour, newGuid)]) as StoredCode[];
}

/** The codebook without a code and the codes below it; a built-in code (or one above one) cannot go. */
export function deleteCode(
  codes: readonly StoredCode[],
  guid: string,
): { codes: StoredCode[]; removed: StoredCode[] } | ChangeRefusal {
  const removed = subtree(codes, guid);
  if (removed.length === 0) return 'not_found';
  if (removed.some((c) => c.builtIn)) return 'built_in';
  const gone = new Set(removed);
  return { codes: codes.filter((c) => !gone.has(c)), removed };
}

/** An imported code: a GUID when the file carries one (a REFI-QDA codebook). */
export type IncomingCode = Code & { guid?: string };

export interface Replacement {
  codes: StoredCode[];
  added: StoredCode[];
  changed: { before: StoredCode; after: StoredCode }[];
  removed: StoredCode[];
  unchanged: number;
}

/**
 * The stored codebook replaced by an imported one. An imported code is the same code as a stored one when it has
 * the same GUID, else the same Tekst-ID, else (a category) the same path; it then keeps the stored GUID, so
 * REFI-QDA tools and codings keep finding it. A new code keeps the GUID of its file, unless the study already uses
 * it for another code; otherwise it gets `newGuid()`.
 */
export function replaceCodebook(
  stored: readonly StoredCode[],
  incoming: readonly IncomingCode[],
  newGuid: () => string,
): Replacement {
  const byGuid = new Map(stored.map((c) => [c.guid, c]));
  const byTekstId = new Map(stored.filter((c) => c.tekstId !== null).map((c) => [c.tekstId!, c]));
  const byPath = new Map(stored.map((c) => [pathKey(c.path), c]));
  const taken = new Set<StoredCode>();
  const usedGuids = new Set<string>();
  const match = (code: IncomingCode): StoredCode | undefined => {
    const candidates = [
      code.guid ? byGuid.get(code.guid) : undefined,
      code.tekstId !== null ? byTekstId.get(code.tekstId) : undefined,
      // A category is known by its path; a code with a Tekst-ID only by that Tekst-ID (or its GUID).
      code.tekstId === null ? byPath.get(pathKey(code.path)) : undefined,
    ];
    return candidates.find((c) => c !== undefined && !taken.has(c));
  };
  const matched = incoming.map((code) => {
    const old = match(code);
    if (old) {
      taken.add(old);
      usedGuids.add(old.guid);
    }
    return { code, old };
  });
  const storedGuids = new Set(stored.map((c) => c.guid));
  const result: StoredCode[] = [];
  const added: StoredCode[] = [];
  const changed: Replacement['changed'] = [];
  let unchanged = 0;
  for (const { code, old } of matched) {
    const fields = { path: [...code.path], tekstId: code.tekstId, logtekst: code.logtekst, colour: code.colour };
    if (old) {
      const after: StoredCode = { ...old, ...fields, builtIn: isBuiltIn(fields) };
      result.push(after);
      if (sameCode(old, after)) unchanged++;
      else changed.push({ before: old, after });
      continue;
    }
    // A GUID of another stored code (kept or dropped) would make two codes one in a REFI-QDA tool.
    let guid = code.guid && !storedGuids.has(code.guid) && !usedGuids.has(code.guid) ? code.guid : newGuid();
    while (usedGuids.has(guid) || storedGuids.has(guid)) guid = newGuid();
    usedGuids.add(guid);
    const fresh: StoredCode = { ...fields, guid, builtIn: isBuiltIn(fields) };
    result.push(fresh);
    added.push(fresh);
  }
  const removed = stored.filter((c) => !taken.has(c));
  return { codes: treeOrder(result) as StoredCode[], added, changed, removed, unchanged };
}

export function sameCode(a: Code, b: Code): boolean {
  return (
    a.path.length === b.path.length &&
    a.path.every((label, i) => label === b.path[i]) &&
    a.tekstId === b.tekstId &&
    (a.logtekst ?? null) === (b.logtekst ?? null) &&
    a.colour === b.colour
  );
}
