// The codebook in the seed's table layout, `Categorie 1;Categorie 2;Categorie 3;Tekst-ID;Logtekst` (plus an
// optional `Kleur`), read from and written to rows of cells. Pure: no framework imports; the file formats
// (CSV, XLSX) are codebook-file.ts.
//
// Reading, as in the seed:
// - an empty Categorie 1 cell repeats the one above; an empty Categorie 2 cell repeats the one above when
//   Categorie 1 is the same as above (empty or written out again) and the row goes on to a Categorie 3, so a
//   new Categorie 1 never takes a Categorie 2 from another group, and "A;;;ID" stays a code of level 1;
// - a row with a Tekst-ID is a code that can be applied, at the level of its last filled category;
// - a row without a Tekst-ID is a heading: a grouping code (only its colour may be given); the Categorie 1 and
//   2 above a code need no heading row of their own, they become grouping codes by themselves;
// - headers are recognised whatever their case or spacing ("categorie 1", "Tekst ID", "Log tekst"), may sit
//   below a title, and may repeat further down (a table pasted page by page); unknown columns (the seed's
//   CHECK) are ignored;
// - all or nothing: any error and there is no codebook, only the list of problems with line and column.
import {
  CAUSE_GROUP,
  CAUSE_TEKST_IDS,
  Code,
  MAX_LABEL_LENGTH,
  MAX_LOGTEKST_LENGTH,
  defaultColour,
  normaliseColour,
  normaliseLabel,
  normaliseTekstId,
  pathKey,
  treeOrder,
  withCauseGroup,
} from './codebook';

/** A table as read from a file: the cells of one line, numbered as the reader of the file counts (1-based). */
export interface TableRow {
  line: number;
  cells: string[];
}

export type CodebookProblemCode =
  | 'unreadable_file'
  | 'empty_file'
  | 'no_header'
  | 'no_codes'
  | 'missing_categorie_1'
  | 'categorie_3_without_categorie_2'
  | 'label_too_long'
  | 'tekst_id_format'
  | 'tekst_id_normalised'
  | 'duplicate_tekst_id'
  | 'reserved_tekst_id'
  | 'duplicate_path'
  | 'heading_with_logtekst'
  | 'logtekst_too_long'
  | 'colour_format';

export const CODEBOOK_PROBLEM_CODES: readonly CodebookProblemCode[] = [
  'unreadable_file',
  'empty_file',
  'no_header',
  'no_codes',
  'missing_categorie_1',
  'categorie_3_without_categorie_2',
  'label_too_long',
  'tekst_id_format',
  'tekst_id_normalised',
  'duplicate_tekst_id',
  'reserved_tekst_id',
  'duplicate_path',
  'heading_with_logtekst',
  'logtekst_too_long',
  'colour_format',
];

/**
 * One problem: where (line and the column's header as written; null for the file as a whole) and what, as a
 * code with details, so pages and the CLI word it in the reader's language (`codebook.error.<code>`).
 */
export interface CodebookProblem {
  line: number | null;
  column: string | null;
  code: CodebookProblemCode;
  details: Record<string, string | number>;
}

export type CodebookReadResult =
  | { ok: true; codes: Code[]; warnings: CodebookProblem[] }
  | { ok: false; errors: CodebookProblem[]; warnings: CodebookProblem[] };

type Column = 'cat1' | 'cat2' | 'cat3' | 'tekstId' | 'logtekst' | 'colour';

/** The header written on export; reading accepts the spellings in HEADER_ALIASES too. */
export const TABLE_HEADER: Record<Column, string> = {
  cat1: 'Categorie 1',
  cat2: 'Categorie 2',
  cat3: 'Categorie 3',
  tekstId: 'Tekst-ID',
  logtekst: 'Logtekst',
  colour: 'Kleur',
};
const COLUMNS = Object.keys(TABLE_HEADER) as Column[];

const HEADER_ALIASES: Record<Column, string[]> = {
  cat1: ['categorie 1', 'category 1', 'niveau 1', 'level 1'],
  cat2: ['categorie 2', 'category 2', 'niveau 2', 'level 2'],
  cat3: ['categorie 3', 'category 3', 'niveau 3', 'level 3'],
  tekstId: ['tekst-id', 'tekstid', 'text-id', 'textid', 'code-id'],
  logtekst: ['logtekst', 'log tekst', 'log text', 'logtext', 'logtekst (dropdown)'],
  colour: ['kleur', 'colour', 'color', 'kleurcode'],
};

const headerKey = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
const ALIAS_TO_COLUMN = new Map(COLUMNS.flatMap((c) => HEADER_ALIASES[c].map((a) => [headerKey(a), c] as const)));

/** How far down a title or notes the header may sit. */
const HEADER_SEARCH_ROWS = 10;

interface Header {
  line: number;
  index: Partial<Record<Column, number>>;
  names: Partial<Record<Column, string>>;
  key: string;
}

function findHeader(rows: readonly TableRow[]): Header | undefined {
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const index: Header['index'] = {};
    const names: Header['names'] = {};
    row.cells.forEach((cell, i) => {
      const column = ALIAS_TO_COLUMN.get(headerKey(cell));
      if (column && index[column] === undefined) {
        index[column] = i;
        names[column] = normaliseLabel(cell);
      }
    });
    if (index.cat1 !== undefined && index.tekstId !== undefined)
      return { line: row.line, index, names, key: rowKey(row.cells) };
  }
  return undefined;
}

const rowKey = (cells: readonly string[]) => cells.map(headerKey).join('|').replace(/\|+$/, '');

interface Node {
  code: Code;
  /** Declared by a row of its own (not only implied by a code below it). */
  line?: number;
  colourGiven: boolean;
}

/** Reads the seed's layout into codes (parents before children, the cause group completed), or the problems. */
export function readCodebookTable(rows: readonly TableRow[]): CodebookReadResult {
  const errors: CodebookProblem[] = [];
  const warnings: CodebookProblem[] = [];
  const fileProblem = (code: CodebookProblemCode, details: CodebookProblem['details'] = {}): CodebookReadResult => ({
    ok: false,
    errors: [{ line: null, column: null, code, details }],
    warnings,
  });
  const filled = rows.filter((r) => r.cells.some((c) => c.trim()));
  if (!filled.length) return fileProblem('empty_file');
  const header = findHeader(filled);
  if (!header)
    return fileProblem('no_header', {
      expected: COLUMNS.slice(0, 5)
        .map((c) => TABLE_HEADER[c])
        .join(';'),
    });

  const nodes = new Map<string, Node>();
  const order: Node[] = [];
  const tekstIds = new Map<string, number>();
  const categoryIndex = new Map<string, number>();
  let above: { cat1: string; cat2: string } | undefined;

  const ensure = (path: string[]): Node => {
    const key = pathKey(path);
    let node = nodes.get(key);
    if (!node) {
      if (path.length > 1) ensure(path.slice(0, -1));
      const top = pathKey(path.slice(0, 1));
      if (!categoryIndex.has(top)) categoryIndex.set(top, categoryIndex.size);
      node = {
        code: { path, tekstId: null, logtekst: null, colour: defaultColour(categoryIndex.get(top)!) },
        colourGiven: false,
      };
      nodes.set(key, node);
      order.push(node);
    }
    return node;
  };

  for (const { line, cells } of filled) {
    if (line <= header.line || rowKey(cells) === header.key) continue;
    const cell = (c: Column) => {
      const i = header.index[c];
      return i === undefined ? '' : (cells[i] ?? '');
    };
    const problem = (column: Column, code: CodebookProblemCode, details: CodebookProblem['details'] = {}) => ({
      line,
      column: header.names[column] ?? TABLE_HEADER[column],
      code,
      details,
    });
    const rowErrors: CodebookProblem[] = [];

    let cat1 = normaliseLabel(cell('cat1'));
    let cat2 = normaliseLabel(cell('cat2'));
    const cat3 = normaliseLabel(cell('cat3'));
    if (!cat1) {
      if (!above) {
        errors.push(problem('cat1', 'missing_categorie_1'));
        continue;
      }
      cat1 = above.cat1;
      if (!cat2) cat2 = above.cat2;
    } else if (!cat2 && cat3 && above && pathKey([cat1]) === pathKey([above.cat1])) {
      cat2 = above.cat2;
    }
    above = { cat1, cat2 };
    if (cat3 && !cat2) rowErrors.push(problem('cat2', 'categorie_3_without_categorie_2'));
    for (const [column, label] of [
      ['cat1', cat1],
      ['cat2', cat2],
      ['cat3', cat3],
    ] as const) {
      if (label.length > MAX_LABEL_LENGTH) rowErrors.push(problem(column, 'label_too_long', { max: MAX_LABEL_LENGTH }));
    }
    const path = [cat1, cat2, cat3].filter(Boolean);

    const rawId = cell('tekstId').trim();
    let tekstId: string | null = null;
    if (rawId) {
      tekstId = normaliseTekstId(rawId);
      if (!tekstId) rowErrors.push(problem('tekstId', 'tekst_id_format', { value: rawId }));
      else if (tekstId !== rawId)
        warnings.push(problem('tekstId', 'tekst_id_normalised', { value: rawId, normalised: tekstId }));
    }
    if (tekstId && tekstIds.has(tekstId))
      rowErrors.push(problem('tekstId', 'duplicate_tekst_id', { value: tekstId, firstLine: tekstIds.get(tekstId)! }));
    if (
      tekstId &&
      CAUSE_TEKST_IDS.includes(tekstId) &&
      (path.length !== 2 || pathKey([path[0]]) !== pathKey([CAUSE_GROUP]))
    ) {
      rowErrors.push(problem('tekstId', 'reserved_tekst_id', { value: tekstId, group: CAUSE_GROUP }));
    }

    const logtekst = cell('logtekst').trim();
    if (logtekst && !rawId) rowErrors.push(problem('logtekst', 'heading_with_logtekst'));
    if (logtekst.length > MAX_LOGTEKST_LENGTH)
      rowErrors.push(problem('logtekst', 'logtekst_too_long', { max: MAX_LOGTEKST_LENGTH }));

    const rawColour = cell('colour').trim();
    const colour = rawColour ? normaliseColour(rawColour) : null;
    if (rawColour && !colour) rowErrors.push(problem('colour', 'colour_format', { value: rawColour }));

    const existing = nodes.get(pathKey(path));
    if (existing?.line !== undefined) {
      rowErrors.push(
        problem(path.length === 3 ? 'cat3' : path.length === 2 ? 'cat2' : 'cat1', 'duplicate_path', {
          path: path.join(' / '),
          firstLine: existing.line,
        }),
      );
    }

    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    const node = ensure(path);
    node.line = line;
    if (tekstId) {
      tekstIds.set(tekstId, line);
      node.code.tekstId = tekstId;
      node.code.logtekst = logtekst || null;
    }
    if (colour) {
      node.code.colour = colour;
      node.colourGiven = true;
    }
  }

  if (errors.length) return { ok: false, errors, warnings };
  if (!order.some((n) => n.code.tekstId)) return fileProblem('no_codes');
  // Tree order after completing the cause group, so that added cause codes join their group's other codes.
  return { ok: true, codes: treeOrder(withCauseGroup(order.map((n) => n.code))), warnings };
}

/**
 * Writes codes as rows of the seed's layout with a colour column, one row per code (grouping codes as headings
 * without a Tekst-ID), so that reading the rows back gives the same codebook. `blankRepeats` leaves a Categorie 1
 * or 2 cell empty where it repeats the row above, as the seed does; by default every row has its full path,
 * which is easier to filter in a spreadsheet. Codes are written in tree order (parents first), as read.
 */
export function writeCodebookTable(codes: readonly Code[], opts: { blankRepeats?: boolean } = {}): string[][] {
  const rows: string[][] = [COLUMNS.map((c) => TABLE_HEADER[c])];
  let previous: readonly string[] = [];
  for (const code of treeOrder(codes)) {
    const [cat1, cat2 = '', cat3 = ''] = code.path;
    const sameCat1 = !!opts.blankRepeats && code.path.length >= 2 && previous[0] === cat1;
    const sameCat2 = sameCat1 && code.path.length === 3 && previous[1] === cat2;
    rows.push([sameCat1 ? '' : cat1, sameCat2 ? '' : cat2, cat3, code.tekstId ?? '', code.logtekst ?? '', code.colour]);
    previous = code.path;
  }
  return rows;
}
