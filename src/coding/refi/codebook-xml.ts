// Writes a REFI-QDA codebook (.qdc): the CodeBook element of the codebook namespace with the same Code
// elements as a project's code book. Pure: no framework imports.
import { flattenCodes, projectProblems } from './project-check';
import { codeLines } from './project-xml';
import type { RefiCode } from './refi-types';
import { xmlAttributes } from './xml-text';

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** The codebook as a .qdc document; throws when a code is inconsistent (a bug in the caller). */
export function buildCodebookXml(input: { origin: string; codes: RefiCode[] }): string {
  if (input.codes.length === 0) throw new Error('A codebook needs at least one code');
  // The project check covers codes too (GUIDs, names, colours); a codebook has nothing else.
  const problems = projectProblems({
    name: 'codebook',
    origin: input.origin,
    creationDateTime: new Date(0),
    users: [],
    codes: input.codes,
    variables: [],
    cases: [],
    sources: [],
  });
  if (problems.length > 0) throw new Error(`The codebook cannot be written: ${problems.join('; ')}`);
  return (
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<CodeBook${xmlAttributes({ xmlns: CODEBOOK_NAMESPACE, origin: input.origin })}>`,
      '  <Codes>',
      ...input.codes.flatMap(codeLines).map((line) => `    ${line}`),
      '  </Codes>',
      '</CodeBook>',
    ].join('\n') + '\n'
  );
}

export { flattenCodes };
