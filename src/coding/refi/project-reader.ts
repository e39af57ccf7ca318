// Reads a REFI-QDA project (project.qde) that another tool wrote. Pure: no framework imports.
// Tools differ, so it is lenient where the meaning is clear (GUIDs with or without braces in either case,
// colours in any notation, users that are referred to but not listed, missing isCodable) and says per item
// what it could not read and why, instead of failing the whole project. Only a document that is not XML, or not
// a REFI-QDA project at all, is refused as a whole.
import { normaliseColour } from './colour';
import { normaliseGuid } from './guid';
import type { RefiCase, RefiCode, RefiCoding, RefiVariable, RefiVariableType, RefiVariableValue } from './refi-types';
import { attribute, child, children, parseXml, textOf, XmlNode, XmlSyntaxError } from './xml-parse';

/** Why an item was left out or changed; `code` is stable (for messages in the reader's language). */
export type ReadProblemCode =
  | 'bad-guid'
  | 'duplicate-guid'
  | 'bad-colour'
  | 'bad-position'
  | 'unknown-code'
  | 'unsupported-source'
  | 'external-source'
  | 'source-coding'
  | 'unknown-variable'
  | 'unknown-source'
  | 'missing-text'
  | 'not-utf8';

/**
 * Which element of a project a problem is about, as data: a page or command words it in the reader's language
 * (`qdpx.where.<kind>`), and a script reads names and numbers without parsing a sentence. `selection` counts from 1
 * in the order the source lists its selections.
 */
export type RefiPlace =
  | { kind: 'user' | 'code' | 'variable' | 'case' | 'source'; name: string }
  | { kind: 'pictureSource' | 'pdfSource' | 'audioSource' | 'videoSource'; name: string }
  | { kind: 'selection'; source: string; selection: number }
  | { kind: 'selectionCoding'; source: string; selection: number }
  | { kind: 'coding'; guid: string };

export interface ReadProblem {
  code: ReadProblemCode;
  /** Which element, e.g. the code "Oorzaak" or the third selection of source "R01". */
  where: RefiPlace;
  /** In English, for logs and developers. */
  detail: string;
}

export interface ReadUser {
  guid: string;
  name: string;
  /** False for a user that codings name but the Users list does not (some tools leave them out). */
  listed: boolean;
}

export interface ReadSelection {
  guid: string;
  name?: string;
  /** In the other tool's positions: code points of its source file. */
  startPosition: number;
  endPosition: number;
  description?: string;
  /** Each coding's creatingUser is filled in from the selection, source or project when the coding has none. */
  codings: RefiCoding[];
}

export interface ReadTextSource {
  guid: string;
  name: string;
  /** The file inside the archive for an `internal://` path, as written (the archive reader matches it loosely). */
  internalFile?: string;
  /** Text given in the project itself (PlainTextContent) instead of a file. */
  inlineText?: string;
  selections: ReadSelection[];
}

export interface ReadProject {
  name: string;
  origin?: string;
  creationDateTime?: Date;
  users: ReadUser[];
  /** The code tree as written; `isCodable` is true where a tool left it out. */
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: ReadTextSource[];
  problems: ReadProblem[];
}

export class RefiReadError extends Error {
  constructor(
    readonly code: 'not-xml' | 'not-a-project' | 'not-a-codebook',
    detail: string,
  ) {
    super(detail);
  }
}

const VARIABLE_TYPES: readonly RefiVariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];
const VALUE_ELEMENTS = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'];
const OTHER_SOURCES = {
  PictureSource: 'pictureSource',
  PDFSource: 'pdfSource',
  AudioSource: 'audioSource',
  VideoSource: 'videoSource',
} as const;

/** Reads project.qde; throws RefiReadError when it is not XML or has no Project root element. */
export function readProjectXml(xml: string): ReadProject {
  const project = child(parseDocument(xml), 'Project');
  if (!project) throw new RefiReadError('not-a-project', 'The document has no REFI-QDA Project element');
  return new ProjectReader(project).read();
}

export interface ReadCodebook {
  origin?: string;
  codes: RefiCode[];
  problems: ReadProblem[];
}

/** Reads a codebook (.qdc) by the same rules as a project's code book; throws RefiReadError as readProjectXml. */
export function readCodebookXml(xml: string): ReadCodebook {
  const codebook = child(parseDocument(xml), 'CodeBook');
  if (!codebook) throw new RefiReadError('not-a-codebook', 'The document has no REFI-QDA CodeBook element');
  return { origin: attribute(codebook, 'origin'), ...new ProjectReader(codebook).readCodeBook(codebook) };
}

function parseDocument(xml: string): XmlNode {
  try {
    return parseXml(xml.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new RefiReadError('not-xml', error.message);
    throw error;
  }
}

class ProjectReader {
  private readonly problems: ReadProblem[] = [];
  private readonly seen = new Set<string>();
  private readonly users = new Map<string, ReadUser>();
  private readonly codeGuids = new Set<string>();

  constructor(private readonly project: XmlNode) {}

  read(): ReadProject {
    const p = this.project;
    for (const user of children(child(p, 'Users'), 'User')) this.readUser(user);
    const { codes } = this.readCodeBook(child(p, 'CodeBook'));
    const variables = children(child(p, 'Variables'), 'Variable').flatMap((v) => this.readVariable(v));
    const projectUser = this.userRef(attribute(p, 'creatingUserGUID'));
    const sources = this.readSources(child(p, 'Sources'), projectUser);
    const cases = children(child(p, 'Cases'), 'Case').flatMap((c) =>
      this.readCase(c, new Set(variables.map((v) => v.guid)), new Set(sources.map((s) => s.guid))),
    );
    return {
      name: attribute(p, 'name') ?? '',
      origin: attribute(p, 'origin'),
      creationDateTime: date(attribute(p, 'creationDateTime')),
      users: [...this.users.values()],
      codes,
      variables,
      cases,
      sources,
      problems: this.problems,
    };
  }

  /** The codes of a CodeBook element (a project's or a .qdc's root). */
  readCodeBook(codebook: XmlNode | undefined): { codes: RefiCode[]; problems: ReadProblem[] } {
    const codes = children(child(codebook, 'Codes'), 'Code').flatMap((c) => this.readCode(c));
    return { codes, problems: this.problems };
  }

  private problem(code: ReadProblemCode, where: RefiPlace, detail: string): void {
    this.problems.push({ code, where, detail });
  }

  /** The element's GUID if it is one and new; otherwise a problem and null. */
  private ownGuid(node: XmlNode, where: RefiPlace): string | null {
    const raw = attribute(node, 'guid');
    const guid = normaliseGuid(raw);
    if (!guid) {
      this.problem('bad-guid', where, `"${raw ?? ''}" is not a GUID; the element is left out`);
      return null;
    }
    if (this.seen.has(guid)) {
      this.problem('duplicate-guid', where, `GUID ${guid} is used before; the element is left out`);
      return null;
    }
    this.seen.add(guid);
    return guid;
  }

  private readUser(node: XmlNode): void {
    const name = attribute(node, 'name') ?? attribute(node, 'id') ?? '';
    const guid = this.ownGuid(node, { kind: 'user', name });
    if (guid) this.users.set(guid, { guid, name, listed: true });
  }

  /** A user GUID that something refers to; one the Users list lacks is added as unlisted. */
  private userRef(raw: string | undefined): string | undefined {
    const guid = normaliseGuid(raw);
    if (!guid) return undefined;
    if (!this.users.has(guid)) this.users.set(guid, { guid, name: '', listed: false });
    return guid;
  }

  private readCode(node: XmlNode): RefiCode[] {
    const name = attribute(node, 'name') ?? '';
    const where: RefiPlace = { kind: 'code', name };
    const guid = this.ownGuid(node, where);
    if (!guid) {
      const lost = countCodes(node) - 1;
      if (lost > 0) this.problem('bad-guid', where, `${lost} code(s) under it are left out with it`);
      return [];
    }
    this.codeGuids.add(guid);
    const rawColour = attribute(node, 'color');
    const color = normaliseColour(rawColour) ?? undefined;
    if (rawColour !== undefined && rawColour.trim() !== '' && !color) {
      this.problem('bad-colour', where, `"${rawColour}" is not a colour; the code keeps no colour`);
    }
    const description = textOf(child(node, 'Description'));
    return [
      {
        guid,
        name,
        isCodable: !/^(false|0)$/i.test(attribute(node, 'isCodable')?.trim() ?? ''),
        ...(color ? { color } : {}),
        ...(description ? { description } : {}),
        children: children(node, 'Code').flatMap((c) => this.readCode(c)),
      },
    ];
  }

  private readVariable(node: XmlNode): RefiVariable[] {
    const name = attribute(node, 'name') ?? '';
    const guid = this.ownGuid(node, { kind: 'variable', name });
    if (!guid) return [];
    const raw = attribute(node, 'typeOfVariable') ?? 'Text';
    const type = VARIABLE_TYPES.find((t) => t.toLowerCase() === raw.trim().toLowerCase()) ?? 'Text';
    const description = textOf(child(node, 'Description'));
    return [{ guid, name, type, ...(description ? { description } : {}) }];
  }

  private readCase(node: XmlNode, variables: Set<string>, sources: Set<string>): RefiCase[] {
    const name = attribute(node, 'name') ?? '';
    const where: RefiPlace = { kind: 'case', name };
    const guid = this.ownGuid(node, where);
    if (!guid) return [];
    const values: RefiVariableValue[] = [];
    for (const value of children(node, 'VariableValue')) {
      const variableGuid = normaliseGuid(attribute(child(value, 'VariableRef'), 'targetGUID'));
      if (!variableGuid || !variables.has(variableGuid)) {
        this.problem('unknown-variable', where, 'a value refers to a variable the project does not define');
        continue;
      }
      const element = VALUE_ELEMENTS.map((tag) => child(value, tag)).find((v) => v !== undefined);
      values.push({ variableGuid, value: textOf(element) });
    }
    const sourceGuids: string[] = [];
    for (const ref of children(node, 'SourceRef')) {
      const sourceGuid = normaliseGuid(attribute(ref, 'targetGUID'));
      if (sourceGuid && sources.has(sourceGuid)) sourceGuids.push(sourceGuid);
      else this.problem('unknown-source', where, 'a source reference points at no text source of the project');
    }
    return [{ guid, name, values, sourceGuids }];
  }

  private readSources(node: XmlNode | undefined, projectUser: string | undefined): ReadTextSource[] {
    for (const [tag, kind] of Object.entries(OTHER_SOURCES)) {
      for (const other of children(node, tag)) {
        this.problem(
          'unsupported-source',
          { kind, name: attribute(other, 'name') ?? '' },
          'only text sources are read',
        );
      }
    }
    return children(node, 'TextSource').flatMap((s) => this.readTextSource(s, projectUser));
  }

  private readTextSource(node: XmlNode, projectUser: string | undefined): ReadTextSource[] {
    const name = attribute(node, 'name') ?? '';
    const where: RefiPlace = { kind: 'source', name };
    const guid = this.ownGuid(node, where);
    if (!guid) return [];
    const path = attribute(node, 'plainTextPath')?.trim();
    const content = child(node, 'PlainTextContent');
    const internal = path && /^internal:\/\//i.test(path) ? path.replace(/^internal:\/\//i, '') : undefined;
    if (!internal && !content) {
      this.problem(
        'external-source',
        where,
        `its text is not in the project ("${path ?? ''}"); its codings are left out`,
      );
      return [];
    }
    if (children(node, 'Coding').length > 0) {
      this.problem('source-coding', where, 'codings of the whole source (not of a selection) are left out');
    }
    const sourceUser = this.userRef(attribute(node, 'creatingUser')) ?? projectUser;
    const selections = children(node, 'PlainTextSelection').flatMap((s, i) =>
      this.readSelection(s, { kind: 'selection', source: name, selection: i + 1 }, sourceUser),
    );
    return [
      {
        guid,
        name,
        ...(internal ? { internalFile: internal } : {}),
        ...(content && !internal ? { inlineText: textOf(content) } : {}),
        selections,
      },
    ];
  }

  private readSelection(
    node: XmlNode,
    where: Extract<RefiPlace, { kind: 'selection' }>,
    sourceUser: string | undefined,
  ): ReadSelection[] {
    const guid = this.ownGuid(node, where);
    if (!guid) return [];
    const start = integer(attribute(node, 'startPosition'));
    const end = integer(attribute(node, 'endPosition'));
    if (start === null || end === null || start < 0 || end < start) {
      const raw = `${attribute(node, 'startPosition') ?? ''}-${attribute(node, 'endPosition') ?? ''}`;
      this.problem('bad-position', where, `positions "${raw}" are not a span of the text; the selection is left out`);
      return [];
    }
    const selectionUser = this.userRef(attribute(node, 'creatingUser')) ?? sourceUser;
    const codings: RefiCoding[] = [];
    for (const coding of children(node, 'Coding')) {
      const codingGuid = this.ownGuid(coding, { ...where, kind: 'selectionCoding' });
      if (!codingGuid) continue;
      const codeGuid = normaliseGuid(attribute(child(coding, 'CodeRef'), 'targetGUID'));
      if (!codeGuid || !this.codeGuids.has(codeGuid)) {
        this.problem('unknown-code', where, 'a coding refers to a code that is not in the code book; it is left out');
        continue;
      }
      const creatingUser = this.userRef(attribute(coding, 'creatingUser')) ?? selectionUser;
      const creationDateTime = date(attribute(coding, 'creationDateTime') ?? attribute(node, 'creationDateTime'));
      codings.push({
        guid: codingGuid,
        codeGuid,
        ...(creatingUser ? { creatingUser } : {}),
        ...(creationDateTime ? { creationDateTime } : {}),
      });
    }
    const name = attribute(node, 'name');
    const description = textOf(child(node, 'Description'));
    return [
      {
        guid,
        ...(name !== undefined ? { name } : {}),
        startPosition: start,
        endPosition: end,
        ...(description ? { description } : {}),
        codings,
      },
    ];
  }
}

function countCodes(node: XmlNode): number {
  return 1 + children(node, 'Code').reduce((sum, c) => sum + countCodes(c), 0);
}

function integer(raw: string | undefined): number | null {
  if (raw === undefined || !/^\s*[+-]?\d+\s*$/.test(raw)) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : null;
}

function date(raw: string | undefined): Date | undefined {
  if (!raw) return undefined;
  const value = new Date(raw.trim());
  return Number.isNaN(value.getTime()) ? undefined : value;
}
