// Writes a REFI-QDA project (project.qde) from the platform's REFI model. Pure: no framework imports.
// Elements come in exactly the order of the sequences in schema/Project-mrt2019.xsd (the tests validate every
// document against it); lists the schema requires to be non-empty (Users, Codes, …) are left out when empty.
import { formatGuid } from './guid';
import { projectProblems } from './project-check';
import type {
  RefiCase,
  RefiCode,
  RefiCoding,
  RefiProject,
  RefiSelection,
  RefiTextSource,
  RefiVariable,
  RefiVariableType,
  RefiVariableValue,
} from './refi-types';
import { escapeXmlText, xmlAttributes, xmlDateTime } from './xml-text';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** Where the archive keeps a source's text, as the project refers to it. */
export function sourceFileName(sourceGuid: string): string {
  return `${formatGuid(sourceGuid)}.txt`;
}

const optionalDate = (date: Date | undefined) => (date ? xmlDateTime(date) : undefined);
const optionalGuid = (guid: string | undefined) => (guid ? formatGuid(guid) : undefined);

/** The project as project.qde; throws when the model is inconsistent (a bug in the caller, not bad input). */
export function buildProjectXml(project: RefiProject): string {
  const problems = projectProblems(project);
  if (problems.length > 0) throw new Error(`The REFI-QDA project cannot be written: ${problems.join('; ')}`);
  const variableTypes = new Map(project.variables.map((v) => [v.guid, v.type]));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Project${xmlAttributes({
      xmlns: PROJECT_NAMESPACE,
      name: project.name,
      origin: project.origin,
      creatingUserGUID: optionalGuid(project.creatingUser),
      creationDateTime: xmlDateTime(project.creationDateTime),
    })}>`,
    ...[
      ...list('Users', project.users, (u) => [`<User${xmlAttributes({ guid: formatGuid(u.guid), name: u.name })}/>`]),
      ...(project.codes.length > 0 ? element('CodeBook', [], list('Codes', project.codes, codeLines)) : []),
      ...list('Variables', project.variables, variableLines),
      ...list('Cases', project.cases, (c) => caseLines(c, variableTypes)),
      ...list('Sources', project.sources, sourceLines),
      ...description(project.description),
    ].map((line) => `  ${line}`),
    '</Project>',
  ];
  return lines.join('\n') + '\n';
}

/** `<Name>` around the children, indented; nothing at all for an empty list (the schema wants at least one). */
function list<T>(name: string, items: T[], lines: (item: T) => string[]): string[] {
  return items.length === 0 ? [] : element(name, [], items.flatMap(lines));
}

function element(
  name: string,
  attributes: [string, string | number | boolean | undefined][],
  children: string[],
): string[] {
  const open = `<${name}${xmlAttributes(Object.fromEntries(attributes))}`;
  if (children.length === 0) return [`${open}/>`];
  return [`${open}>`, ...children.map((line) => `  ${line}`), `</${name}>`];
}

function description(text: string | undefined): string[] {
  return text ? [`<Description>${escapeXmlText(text)}</Description>`] : [];
}

export function codeLines(code: RefiCode): string[] {
  return element(
    'Code',
    [
      ['guid', formatGuid(code.guid)],
      ['name', code.name],
      ['isCodable', code.isCodable],
      ['color', code.color],
    ],
    [...description(code.description), ...code.children.flatMap(codeLines)],
  );
}

function variableLines(variable: RefiVariable): string[] {
  return element(
    'Variable',
    [
      ['guid', formatGuid(variable.guid)],
      ['name', variable.name],
      ['typeOfVariable', variable.type],
    ],
    description(variable.description),
  );
}

const VALUE_ELEMENTS: Record<RefiVariableType, string> = {
  Text: 'TextValue',
  Boolean: 'BooleanValue',
  Integer: 'IntegerValue',
  Float: 'FloatValue',
  Date: 'DateValue',
  DateTime: 'DateTimeValue',
};

function valueLines(value: RefiVariableValue, types: Map<string, RefiVariableType>): string[] {
  const tag = VALUE_ELEMENTS[types.get(value.variableGuid) ?? 'Text'];
  return element(
    'VariableValue',
    [],
    [
      `<VariableRef${xmlAttributes({ targetGUID: formatGuid(value.variableGuid) })}/>`,
      `<${tag}>${escapeXmlText(value.value)}</${tag}>`,
    ],
  );
}

function caseLines(kase: RefiCase, types: Map<string, RefiVariableType>): string[] {
  return element(
    'Case',
    [
      ['guid', formatGuid(kase.guid)],
      ['name', kase.name],
    ],
    [
      ...kase.values.flatMap((v) => valueLines(v, types)),
      ...kase.sourceGuids.map((s) => `<SourceRef${xmlAttributes({ targetGUID: formatGuid(s) })}/>`),
    ],
  );
}

function sourceLines(source: RefiTextSource): string[] {
  return element(
    'TextSource',
    [
      ['guid', formatGuid(source.guid)],
      ['name', source.name],
      ['plainTextPath', `internal://${sourceFileName(source.guid)}`],
      ['creatingUser', optionalGuid(source.creatingUser)],
      ['creationDateTime', optionalDate(source.creationDateTime)],
    ],
    [...description(source.description), ...source.selections.flatMap(selectionLines)],
  );
}

function selectionLines(selection: RefiSelection): string[] {
  return element(
    'PlainTextSelection',
    [
      ['guid', formatGuid(selection.guid)],
      ['name', selection.name],
      ['startPosition', selection.startPosition],
      ['endPosition', selection.endPosition],
      ['creatingUser', optionalGuid(selection.creatingUser)],
      ['creationDateTime', optionalDate(selection.creationDateTime)],
    ],
    [...description(selection.description), ...selection.codings.flatMap(codingLines)],
  );
}

function codingLines(coding: RefiCoding): string[] {
  return element(
    'Coding',
    [
      ['guid', formatGuid(coding.guid)],
      ['creatingUser', optionalGuid(coding.creatingUser)],
      ['creationDateTime', optionalDate(coding.creationDateTime)],
    ],
    [`<CodeRef${xmlAttributes({ targetGUID: formatGuid(coding.codeGuid) })}/>`],
  );
}
