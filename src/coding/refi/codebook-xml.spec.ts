import { refiCode, refiCodeTree } from '../../../test/support/refi-factories';
import { validateCodebookXml } from '../../../test/support/xml-schema';
import { buildCodebookXml } from './codebook-xml';

describe(buildCodebookXml.name, () => {
  it('writes a CodeBook of the codebook namespace whose codes are valid against the REFI-QDA schema', () => {
    const qdc = buildCodebookXml({ origin: 'kwadrant 0.1.0', codes: refiCodeTree() });
    expect(qdc).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="kwadrant 0.1.0">\n {2}<Codes>\n/,
    );
    const result = validateCodebookXml(qdc);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('nests codes at every level, with grouping codes not codable', () => {
    const qdc = buildCodebookXml({ origin: 'kwadrant', codes: refiCodeTree() });
    expect(qdc).toMatch(
      /name="Consument" isCodable="false">\s*<Code [^>]*name="Informatie" isCodable="false">\s*<Code [^>]*name="CONS_INFO_INST_EAN" isCodable="true" color="#1F77B4">/,
    );
  });

  it('refuses an empty codebook and inconsistent codes', () => {
    expect(() => buildCodebookXml({ origin: 'k', codes: [] })).toThrow('at least one code');
    const twice = refiCode('A');
    expect(() => buildCodebookXml({ origin: 'k', codes: [twice, { ...twice, name: 'B' }] })).toThrow('used twice');
    expect(() => buildCodebookXml({ origin: 'k', codes: [refiCode('A', { color: '#abc' })] })).toThrow(
      'is not #RRGGBB',
    );
  });

  it('is refused by the validation when a code lacks what the schema requires', () => {
    const qdc = buildCodebookXml({ origin: 'k', codes: [refiCode('A')] }).replace(' isCodable="true"', '');
    expect(validateCodebookXml(qdc).valid).toBe(false);
    expect(validateCodebookXml(qdc.replace('codebook:1.0', 'project:1.0')).valid).toBe(false);
  });
});
