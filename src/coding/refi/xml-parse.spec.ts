import { attribute, child, children, decodeXmlEntities, parseXml, textOf, XmlSyntaxError } from './xml-parse';

describe(decodeXmlEntities.name, () => {
  it('decodes the predefined entities and character references once', () => {
    expect(decodeXmlEntities('&lt;a&gt; &amp;amp; &quot;&apos; &#10;&#x1F44D;&#65;')).toBe('<a> &amp; "\' \n👍A');
  });

  it('leaves unknown entities and impossible references as they are', () => {
    expect(decodeXmlEntities('&nbsp; &x; &#0; &#x110000; &#X41;')).toBe('&nbsp; &x; &#0; &#x110000; &#X41;');
  });
});

describe(parseXml.name, () => {
  it('gives every element as a list, drops namespace prefixes and keeps whitespace in text', () => {
    const doc = parseXml(
      '<?xml version="1.0"?><q:Project xmlns:q="urn:QDA-XML:project:1.0" name="P"><q:Users><q:User guid="a"/><User guid="b"></User></q:Users><Description>  twee\n regels </Description></q:Project>',
    );
    const project = child(doc, 'Project');
    expect(attribute(project, 'name')).toBe('P');
    expect(children(child(project, 'Users'), 'User').map((u) => attribute(u, 'guid'))).toEqual(['a', 'b']);
    expect(textOf(child(project, 'Description'))).toBe('  twee\n regels ');
    expect(children(project, 'Missing')).toEqual([]);
    expect(attribute(project, 'missing')).toBeUndefined();
  });

  it('reads CDATA sections as text, without decoding them', () => {
    expect(textOf(child(parseXml('<t><![CDATA[a &amp; <b>]]></t>'), 't'))).toBe('a &amp; <b>');
  });

  it('does not expand entities a DOCTYPE declares', () => {
    const doc = parseXml('<!DOCTYPE t [<!ENTITY lol "lollollollol">]><t>&lol;</t>');
    expect(textOf(child(doc, 't'))).toBe('&lol;');
  });

  it('refuses elements nested deeper than any REFI project needs, as a syntax error', () => {
    const deep = '<a>'.repeat(500) + '</a>'.repeat(500);
    expect(() => parseXml(deep)).toThrow(XmlSyntaxError);
    expect(() => parseXml(deep)).toThrow('XML cannot be read: Maximum nested tags exceeded');
    expect(() => parseXml('<a>'.repeat(50) + '</a>'.repeat(50))).not.toThrow();
  });

  it('refuses XML that is not well-formed, with the line', () => {
    expect(() => parseXml('<a>\n<b></a>')).toThrow(XmlSyntaxError);
    expect(() => parseXml('<a>\n<b></a>')).toThrow(/line 2/);
  });
});
