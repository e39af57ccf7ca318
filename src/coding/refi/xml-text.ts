// Writing XML text safely. Pure: no framework imports.
// Respondents type anything, so every string is escaped, and characters XML 1.0 cannot carry at all (control
// characters, lone surrogates, U+FFFE/U+FFFF) are dropped: a document with them is not well-formed and no tool
// would open it. Attribute values also keep their line breaks and tabs as character references, which an
// XML parser would otherwise turn into spaces.

// Everything outside XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text without characters XML 1.0 cannot carry. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** Text content of an element. */
export function escapeXmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value, to be written between double quotes. */
export function escapeXmlAttribute(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

type AttributeValue = string | number | boolean | undefined | null;

/** ` name="value"` for each defined attribute, in the order given (undefined and null are left out). */
export function xmlAttributes(attributes: Record<string, AttributeValue>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join('');
}

/** A dateTime as xsd:dateTime in UTC, to the second (what tools show; milliseconds only make diffs noisy). */
export function xmlDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('Invalid date');
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
