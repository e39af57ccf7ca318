// Reading XML that other tools wrote. Pure: no framework imports.
// fast-xml-parser with every element as a list (so one and many look the same), namespace prefixes dropped
// (some tools write <qda:Project>), and entities decoded here rather than by the parser: only XML's five
// and character references, so a DOCTYPE cannot expand entities into a billion laughs.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One element: its attributes under "@_name", its children by name, its text under "#text". */
export interface XmlNode {
  [key: string]: XmlNode[] | string | undefined;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes XML's predefined entities and character references in one pass ("&amp;lt;" stays "&lt;"). */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name] ?? whole;
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: true,
  alwaysCreateTextNode: true,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  tagValueProcessor: (_name, value) => decodeXmlEntities(value),
  attributeValueProcessor: (_name, value) => decodeXmlEntities(value),
});

export class XmlSyntaxError extends Error {
  constructor(
    readonly line: number | null,
    detail: string,
  ) {
    super(line === null ? `XML cannot be read: ${detail}` : `XML is not well-formed at line ${line}: ${detail}`);
  }
}

/** The document as nested nodes; throws XmlSyntaxError when it is not well-formed XML or nested too deeply. */
export function parseXml(xml: string): XmlNode {
  const check = XMLValidator.validate(xml);
  if (check !== true) throw new XmlSyntaxError(check.err.line, check.err.msg);
  try {
    return parser.parse(xml) as XmlNode;
  } catch (error) {
    // The parser refuses elements nested more than 100 deep (a REFI project needs about 10): a hostile file.
    throw new XmlSyntaxError(null, (error as Error).message);
  }
}

/** The child elements of a node with this name (none when absent). */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  return Array.isArray(value) ? value : [];
}

/** The first child element with this name. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/** An attribute's value; attribute names are matched exactly, as XML is case-sensitive. */
export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** The text of an element; CDATA sections are appended after the plain text (tools use one or the other). */
export function textOf(node: XmlNode | undefined): string {
  if (!node) return '';
  const plain = typeof node['#text'] === 'string' ? node['#text'] : '';
  const cdata = children(node, '#cdata')
    .map((c) => (typeof c['#text'] === 'string' ? c['#text'] : ''))
    .join('');
  return plain + cdata;
}
