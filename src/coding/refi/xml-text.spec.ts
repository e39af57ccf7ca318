import { attribute, child, parseXml, textOf } from './xml-parse';
import { escapeXmlAttribute, escapeXmlText, xmlAttributes, xmlDateTime, xmlSafe } from './xml-text';

describe(xmlSafe.name, () => {
  it('drops control characters, lone surrogates and non-characters, and keeps tabs, line breaks and emoji', () => {
    expect(xmlSafe('a\u0000b\u0007c\u001Fd\uFFFEe\uFFFF\uD800f\uDC00g')).toBe('abcdefg');
    expect(xmlSafe('tab\tline\nCR\r 👍 é')).toBe('tab\tline\nCR\r 👍 é');
  });
});

describe(escapeXmlText.name, () => {
  it('escapes markup characters', () => {
    expect(escapeXmlText('a < b && c > "d" \'e\'')).toBe('a &lt; b &amp;&amp; c &gt; "d" \'e\'');
  });

  it('keeps a carriage return as a reference (a parser would turn a literal CR LF into LF)', () => {
    expect(escapeXmlText('a\r\nb')).toBe('a&#13;\nb');
  });

  it('comes back unchanged through a parser', () => {
    const value = 'a < b && c > "d" \'e\' &amp; 👍\r\n';
    expect(textOf(child(parseXml(`<t>${escapeXmlText(value)}</t>`), 't'))).toBe(value);
  });
});

describe(escapeXmlAttribute.name, () => {
  it('escapes quotes and keeps whitespace through a parser', () => {
    const value = 'He said "hi" & <left>\n\tagain\r\n';
    const xml = `<a v="${escapeXmlAttribute(value)}"/>`;
    expect(attribute(child(parseXml(xml), 'a'), 'v')).toBe(value);
  });
});

describe(xmlAttributes.name, () => {
  it('writes defined attributes in order and leaves out the undefined ones', () => {
    expect(xmlAttributes({ guid: 'G', name: 'a"b', color: undefined, isCodable: false, n: 0, x: null })).toBe(
      ' guid="G" name="a&quot;b" isCodable="false" n="0"',
    );
  });
});

describe(xmlDateTime.name, () => {
  it('writes UTC to the second', () => {
    expect(xmlDateTime(new Date('2026-11-30T16:43:43.123+01:00'))).toBe('2026-11-30T15:43:43Z');
  });

  it('refuses an invalid date', () => {
    expect(() => xmlDateTime(new Date('nope'))).toThrow('Invalid date');
  });
});
