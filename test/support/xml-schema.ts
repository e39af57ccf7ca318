// Validates XML against the vendored REFI-QDA schema with xmllint (Debian package libxml2-utils), a validator
// independent of the code that writes the documents.
import { spawnSync } from 'child_process';
import { join } from 'path';

export const PROJECT_XSD = join(__dirname, '../../src/coding/refi/schema/Project-mrt2019.xsd');

export interface SchemaResult {
  valid: boolean;
  /** xmllint's messages, one per line, without the final "validates"/"fails to validate" line. */
  errors: string[];
}

/** Validates an XML document (given as text) against an XSD file. */
export function validateXml(xml: string, xsdPath: string = PROJECT_XSD): SchemaResult {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsdPath, '-'], { input: xml, encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint could not run (install libxml2-utils): ${run.error.message}`);
  const errors = run.stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^- (validates|fails to validate)$/.test(line.trim()));
  return { valid: run.status === 0, errors };
}

/**
 * Validates a codebook (.qdc). The REFI folder has no separate Codebook XSD, so the Codes of the .qdc are moved
 * into a Project document of the project namespace, whose CodeType is the codebook's plus optional NoteRefs,
 * and validated against the project schema; the root element and its namespace are checked here.
 */
export function validateCodebookXml(qdc: string): SchemaResult {
  const root =
    /<CodeBook xmlns="urn:QDA-XML:codebook:1\.0"(?: origin="[^"]*")?>\s*(<Codes>[\s\S]*<\/Codes>)\s*<\/CodeBook>\s*$/.exec(
      qdc,
    );
  if (!root)
    return { valid: false, errors: ['not a CodeBook of namespace urn:QDA-XML:codebook:1.0 with one Codes element'] };
  if (/<NoteRef\b/.test(root[1])) return { valid: false, errors: ['a codebook code cannot carry NoteRef'] };
  const project = `<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="codebook"><CodeBook>${root[1]}</CodeBook></Project>`;
  return validateXml(project);
}
