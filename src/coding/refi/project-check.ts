// Consistency of a project before it is written: the schema cannot see that a coding points at a code that is
// not in the code book, or that a selection ends beyond its text, but every QDA tool trips over it. Pure.
import { normaliseColour } from './colour';
import { normaliseGuid } from './guid';
import { codePointLength } from './positions';
import type { RefiCode, RefiProject } from './refi-types';

/** Every code of the tree, depth first, parents before their children. */
export function flattenCodes(codes: RefiCode[]): RefiCode[] {
  return codes.flatMap((code) => [code, ...flattenCodes(code.children)]);
}

/** What is wrong with the project, in English for the developer who built it; empty when it can be written. */
export function projectProblems(project: RefiProject): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const guid = (value: string | undefined, what: string): void => {
    if (value === undefined) return;
    if (normaliseGuid(value) !== value) problems.push(`${what}: "${value}" is not a normalised GUID`);
    else if (seen.has(value)) problems.push(`${what}: GUID ${value} is used twice`);
    else seen.add(value);
  };
  const reference = (value: string | undefined, targets: Set<string>, what: string): void => {
    if (value !== undefined && !targets.has(value)) problems.push(`${what} points at unknown ${value}`);
  };

  if (project.name.trim() === '') problems.push('the project has no name');
  if (Number.isNaN(project.creationDateTime.getTime())) problems.push('the project creation time is invalid');
  project.users.forEach((user) => guid(user.guid, `user ${user.name}`));
  const users = new Set(project.users.map((u) => u.guid));
  reference(project.creatingUser, users, 'the project creating user');

  const codes = flattenCodes(project.codes);
  for (const code of codes) {
    guid(code.guid, `code ${code.name}`);
    if (code.name.trim() === '') problems.push(`code ${code.guid} has no name`);
    if (code.color !== undefined && normaliseColour(code.color) !== code.color) {
      problems.push(`code ${code.name}: colour "${code.color}" is not #RRGGBB`);
    }
  }
  const codeGuids = new Set(codes.map((c) => c.guid));
  const codable = new Set(codes.filter((c) => c.isCodable).map((c) => c.guid));

  project.variables.forEach((variable) => guid(variable.guid, `variable ${variable.name}`));
  const variables = new Set(project.variables.map((v) => v.guid));
  const sourceGuids = new Set(project.sources.map((s) => s.guid));

  for (const source of project.sources) {
    guid(source.guid, `source ${source.name}`);
    reference(source.creatingUser, users, `source ${source.name}: creating user`);
    const length = codePointLength(source.text);
    for (const selection of source.selections) {
      const where = `source ${source.name}, selection ${selection.guid}`;
      guid(selection.guid, where);
      reference(selection.creatingUser, users, `${where}: creating user`);
      const { startPosition: start, endPosition: end } = selection;
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
        problems.push(`${where}: positions ${start}-${end} are outside the text (0-${length})`);
      }
      for (const coding of selection.codings) {
        guid(coding.guid, `${where}: coding`);
        reference(coding.creatingUser, users, `${where}: coding's creating user`);
        if (!codeGuids.has(coding.codeGuid))
          problems.push(`${where}: coding points at unknown code ${coding.codeGuid}`);
        else if (!codable.has(coding.codeGuid))
          problems.push(`${where}: coding uses the grouping code ${coding.codeGuid}`);
      }
    }
  }

  for (const kase of project.cases) {
    guid(kase.guid, `case ${kase.name}`);
    kase.values.forEach((v) => reference(v.variableGuid, variables, `case ${kase.name}: value`));
    kase.sourceGuids.forEach((s) => reference(s, sourceGuids, `case ${kase.name}: source`));
  }
  return problems;
}
