// The contact-reason codebook of the registration method (second seed): codes in up to three levels
// (Categorie 1/2/3), each codable code with a Tekst-ID (CONS_INFO_INST_EAN) and an optional log template
// (Logtekst), every code with a colour; plus the built-in cause group "Oorzaak". Pure: no framework imports.

/** A node of the codebook tree. */
export interface Code {
  /** Labels from Categorie 1 down: one to three, never empty. */
  path: string[];
  /**
   * The key codings refer to. null for a grouping code (a Categorie 1 or 2 heading without a Tekst-ID of its
   * own): it orders the codebook but is never applied to text (REFI-QDA: isCodable="false").
   */
  tekstId: string | null;
  /** What a registration under this code notes down ("Naam beller: Klantvraag: Antwoord/afspraken:"). */
  logtekst: string | null;
  /** `#RRGGBB`, upper case. */
  colour: string;
}

export const MAX_LEVELS = 3;
export const MAX_LABEL_LENGTH = 200;
export const MAX_LOGTEKST_LENGTH = 2000;
export const MAX_TEKST_ID_LENGTH = 64;

// Capital letters, digits and "_", starting with a letter (so a spreadsheet never takes it for a number).
const TEKST_ID = new RegExp(`^[A-Z][A-Z0-9_]{0,${MAX_TEKST_ID_LENGTH - 1}}$`);
const COLOUR = /^#[0-9A-F]{6}$/;

export function isTekstId(value: string): boolean {
  return TEKST_ID.test(value);
}

/**
 * A Tekst-ID as people type or paste it, made regular: accents dropped, upper case, every run of other
 * characters one "_" ("CONS_ISSUE_HGV_(lv)" → "CONS_ISSUE_HGV_LV"). null when nothing valid remains.
 */
export function normaliseTekstId(raw: string): string | null {
  const id = foldAscii(raw)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return isTekstId(id) ? id : null;
}

/** `#RRGGBB` (or without "#", either case) as `#RRGGBB` in upper case; null when it is not such a colour. */
export function normaliseColour(raw: string): string | null {
  const text = raw.trim().toUpperCase();
  const colour = text.startsWith('#') ? text : `#${text}`;
  return COLOUR.test(colour) ? colour : null;
}

/** Labels compare without regard to case or spacing: "Informatie  over het proces" is "informatie over het proces". */
export function normaliseLabel(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim();
}

export function pathKey(path: readonly string[]): string {
  return path.map((label) => normaliseLabel(label).toLowerCase()).join('\u0000');
}

/**
 * Parents first, each followed by its children (siblings in the order given): the order of the table and of the
 * editor. A code whose parent is not in the list stays at the top level, where it was.
 */
export function treeOrder(codes: readonly Code[]): Code[] {
  const keys = new Set(codes.map((c) => pathKey(c.path)));
  const children = new Map<string, Code[]>();
  for (const code of codes) {
    const parent = pathKey(code.path.slice(0, -1));
    const key = keys.has(parent) ? parent : '';
    children.set(key, [...(children.get(key) ?? []), code]);
  }
  const out: Code[] = [];
  const visited = new Set<string>();
  const visit = (key: string) => {
    // Once per key, so that bad input (two codes with one path, an empty path) cannot repeat or loop.
    if (visited.has(key)) return;
    visited.add(key);
    for (const child of children.get(key) ?? []) {
      out.push(child);
      visit(pathKey(child.path));
    }
  };
  visit('');
  return out;
}

// ----------------------------------------------------------------------------------- Tekst-IDs from paths

/**
 * A Tekst-ID for a code that arrives without one (a code made in QDA software): the first word of each label,
 * cut to four characters, joined with "_" ("Consumenten / Informatie / Instellingen" → CONS_INFO_INST), made
 * unique against `taken` with a suffix (_2, _3, …). Adds the result to `taken`.
 */
export function makeTekstId(path: readonly string[], taken: Set<string>): string {
  const parts = path
    .map((label) =>
      foldAscii(label)
        .toUpperCase()
        .match(/[A-Z0-9]+/)?.[0]
        .slice(0, 4),
    )
    .filter((p): p is string => !!p);
  let base = parts.join('_') || 'CODE';
  if (!/^[A-Z]/.test(base)) base = `C${base}`;
  base = base.slice(0, MAX_TEKST_ID_LENGTH - 4);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
}

// ----------------------------------------------------------------------------------- the cause group

export const CAUSE_GROUP = 'Oorzaak';

/** The three cause classes, built in and always present: what the journey report's avoidable share counts. */
export const CAUSE_CODES = {
  fout: 'OORZAAK_FOUT',
  selfservice: 'OORZAAK_SELFSERVICE',
  nodig: 'OORZAAK_NODIG',
} as const;
export type CauseClass = keyof typeof CAUSE_CODES;
export const CAUSE_TEKST_IDS: readonly string[] = Object.values(CAUSE_CODES);

const CAUSE_CLASS_OF = new Map(Object.entries(CAUSE_CODES).map(([cause, id]) => [id as string, cause as CauseClass]));

export function causeClassOf(tekstId: string): CauseClass | undefined {
  return CAUSE_CLASS_OF.get(tekstId);
}

/** The built-in cause group as it is when nobody has changed its labels or colours. */
export const BUILT_IN_CAUSES: readonly Code[] = [
  { path: [CAUSE_GROUP], tekstId: null, logtekst: null, colour: '#666666' },
  {
    path: [CAUSE_GROUP, 'Fout van de organisatie (vermijdbaar)'],
    tekstId: CAUSE_CODES.fout,
    logtekst: 'Wat ging er mis bij de organisatie:',
    colour: '#D55E00',
  },
  {
    path: [CAUSE_GROUP, 'Selfservice ontbrak of faalde (vermijdbaar)'],
    tekstId: CAUSE_CODES.selfservice,
    logtekst: 'Welke selfservice ontbrak of werkte niet:',
    colour: '#E69F00',
  },
  {
    path: [CAUSE_GROUP, 'Nodig of waardevol contact'],
    tekstId: CAUSE_CODES.nodig,
    logtekst: null,
    colour: '#009E73',
  },
];

/** The codes with the cause group completed: built-in codes that are missing are added at the end. */
export function withCauseGroup(codes: readonly Code[]): Code[] {
  const ids = new Set(codes.map((c) => c.tekstId));
  const paths = new Set(codes.map((c) => pathKey(c.path)));
  const missing = BUILT_IN_CAUSES.filter((c) => (c.tekstId ? !ids.has(c.tekstId) : !paths.has(pathKey(c.path))));
  return [...codes, ...missing.map((c) => ({ ...c, path: [...c.path] }))];
}

// ----------------------------------------------------------------------------------- checking a whole codebook

export type CodeProblemCode =
  | 'empty_label'
  | 'too_many_levels'
  | 'label_too_long'
  | 'missing_parent'
  | 'duplicate_path'
  | 'tekst_id_format'
  | 'duplicate_tekst_id'
  | 'reserved_tekst_id'
  | 'logtekst_too_long'
  | 'colour_format'
  | 'missing_cause_code';

export const CODE_PROBLEM_CODES: readonly CodeProblemCode[] = [
  'empty_label',
  'too_many_levels',
  'label_too_long',
  'missing_parent',
  'duplicate_path',
  'tekst_id_format',
  'duplicate_tekst_id',
  'reserved_tekst_id',
  'logtekst_too_long',
  'colour_format',
  'missing_cause_code',
];

/** A problem with one code (`index` in the list; null for the codebook as a whole), worded via `codebook.check.<code>`. */
export interface CodeProblem {
  index: number | null;
  path: string;
  code: CodeProblemCode;
  details: Record<string, string | number>;
}

/**
 * Every rule a saved codebook keeps, for codebooks that do not come from the table (the editor page, a REFI-QDA
 * import): one to three non-empty labels, the parent present, paths and Tekst-IDs unique, Tekst-IDs and colours
 * in their regular form (no silent normalising here), the three cause codes present and directly under Oorzaak.
 */
export function checkCodebook(codes: readonly Code[]): CodeProblem[] {
  const problems: CodeProblem[] = [];
  const paths = new Map<string, number>();
  const ids = new Map<string, number>();
  codes.forEach((c, index) => {
    const shown = c.path.join(' / ');
    const problem = (code: CodeProblemCode, details: CodeProblem['details'] = {}) =>
      problems.push({ index, path: shown, code, details });
    if (c.path.length === 0 || c.path.some((label) => !normaliseLabel(label))) problem('empty_label');
    if (c.path.length > MAX_LEVELS) problem('too_many_levels', { max: MAX_LEVELS });
    if (c.path.some((label) => label.length > MAX_LABEL_LENGTH)) problem('label_too_long', { max: MAX_LABEL_LENGTH });
    const key = pathKey(c.path);
    if (paths.has(key)) problem('duplicate_path', { path: shown, first: paths.get(key)! + 1 });
    else paths.set(key, index);
    if (c.tekstId !== null) {
      if (!isTekstId(c.tekstId)) problem('tekst_id_format', { value: c.tekstId });
      else if (ids.has(c.tekstId)) problem('duplicate_tekst_id', { value: c.tekstId, first: ids.get(c.tekstId)! + 1 });
      else ids.set(c.tekstId, index);
      if (
        CAUSE_TEKST_IDS.includes(c.tekstId) &&
        (c.path.length !== 2 || pathKey([c.path[0]]) !== pathKey([CAUSE_GROUP]))
      ) {
        problem('reserved_tekst_id', { value: c.tekstId, group: CAUSE_GROUP });
      }
    }
    if ((c.logtekst ?? '').length > MAX_LOGTEKST_LENGTH) problem('logtekst_too_long', { max: MAX_LOGTEKST_LENGTH });
    if (normaliseColour(c.colour) !== c.colour) problem('colour_format', { value: c.colour });
  });
  codes.forEach((c, index) => {
    if (c.path.length > 1 && !paths.has(pathKey(c.path.slice(0, -1)))) {
      problems.push({
        index,
        path: c.path.join(' / '),
        code: 'missing_parent',
        details: { parent: c.path.slice(0, -1).join(' / ') },
      });
    }
  });
  for (const id of CAUSE_TEKST_IDS) {
    if (!ids.has(id))
      problems.push({ index: null, path: '', code: 'missing_cause_code', details: { value: id, group: CAUSE_GROUP } });
  }
  return problems;
}

// ----------------------------------------------------------------------------------- colours

// Okabe–Ito: told apart also by people with colour-vision deficiencies.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];

/** The colour a code gets when none is given: one per Categorie 1, in order of appearance. */
export function defaultColour(categoryIndex: number): string {
  return PALETTE[categoryIndex % PALETTE.length];
}

function foldAscii(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}
