import { refiCode, refiProject, refiSource, testGuid } from '../../../test/support/refi-factories';
import { validateXml } from '../../../test/support/xml-schema';
import { buildProjectXml, sourceFileName } from './project-xml';

describe(buildProjectXml.name, () => {
  it('writes a project that is valid against the REFI-QDA Project schema 1.0', () => {
    const result = validateXml(buildProjectXml(refiProject()));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('writes the parts in the order of the schema, with the project namespace', () => {
    const xml = buildProjectXml(refiProject({ description: 'Beschrijving' }));
    const order = [
      '<Project xmlns="urn:QDA-XML:project:1.0"',
      '<Users>',
      '<CodeBook>',
      '<Variables>',
      '<Cases>',
      '<Sources>',
      '<Description>Beschrijving',
    ];
    const at = order.map((tag) => xml.indexOf(tag));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('writes GUIDs upper case without braces, grouping codes as not codable, and colours', () => {
    const xml = buildProjectXml(refiProject());
    const oorzaak = testGuid('code:Oorzaak').toUpperCase();
    expect(xml).toContain(`<Code guid="${oorzaak}" name="Oorzaak" isCodable="false" color="#7F7F7F">`);
    expect(xml).toContain(`name="OORZAAK_FOUT" isCodable="true" color="#D62728"`);
    expect(xml).not.toMatch(/guid="[^"]*[a-f{][^"]*"/);
  });

  it('refers to each source as an internal file named by its GUID, with selections and codings', () => {
    const project = refiProject();
    const source = project.sources[0];
    const xml = buildProjectXml(project);
    expect(sourceFileName(source.guid)).toBe(`${source.guid.toUpperCase()}.txt`);
    expect(xml).toContain(`plainTextPath="internal://${source.guid.toUpperCase()}.txt"`);
    expect(xml).toMatch(
      /<PlainTextSelection guid="[^"]+" startPosition="18" endPosition="28" creatingUser="[^"]+" creationDateTime="2026-11-03T09:30:00Z">/,
    );
    expect(xml).toContain(`<CodeRef targetGUID="${testGuid('code:OORZAAK_FOUT').toUpperCase()}"/>`);
    // The text itself is in the archive, not in the project file.
    expect(xml).not.toContain('factuur');
  });

  it('escapes every text, and the escaped document is still valid', () => {
    const xml = buildProjectXml(refiProject());
    expect(xml).toContain('name="Onderzoek Dienstverlening &amp; &quot;kanalen&quot;"');
    expect(xml).toContain('name="Onderzoeker &lt;B&gt; &amp; &quot;co&quot;"');
    expect(xml).toContain('<TextValue>Waterbedrijf &lt;Oost&gt;</TextValue>');
    expect(xml).toContain('<Description>Memo: &lt;belde&gt; zelf</Description>');
  });

  it('drops characters XML cannot carry from names and descriptions, so the document stays well-formed', () => {
    const project = refiProject({ codes: [refiCode('Bel\u0007letje', { description: 'a\u0000b' })] });
    project.sources[0].selections = [];
    const xml = buildProjectXml(project);
    expect(xml).toContain('name="Belletje"');
    expect(validateXml(xml).valid).toBe(true);
  });

  it('leaves out lists that are empty, which the schema does not allow', () => {
    const xml = buildProjectXml(
      refiProject({ users: [], codes: [], variables: [], cases: [], sources: [], creatingUser: undefined }),
    );
    expect(xml).not.toMatch(/<(Users|CodeBook|Variables|Cases|Sources)/);
    expect(validateXml(xml).valid).toBe(true);
  });

  it('writes the value element that fits the type of each variable', () => {
    const age = { guid: testGuid('variable:age'), name: 'Leeftijd', type: 'Integer' as const };
    const project = refiProject();
    project.variables.push(age);
    project.cases[0].values.push({ variableGuid: age.guid, value: '81' });
    const xml = buildProjectXml(project);
    expect(xml).toContain('<IntegerValue>81</IntegerValue>');
    expect(validateXml(xml).valid).toBe(true);
  });

  it('refuses a project whose parts do not fit together, saying what is wrong', () => {
    const project = refiProject();
    const selection = project.sources[0].selections[0];
    selection.endPosition = 65;
    selection.codings.push({ guid: testGuid('coding:x'), codeGuid: testGuid('code:unknown') });
    selection.codings.push({ guid: testGuid('coding:y'), codeGuid: testGuid('code:Oorzaak') });
    project.cases[0].sourceGuids.push(testGuid('source:unknown'));
    project.users.push({ guid: project.users[0].guid, name: 'twice' });
    project.codes[0].color = 'red';
    project.sources.push(refiSource('x', 'x', { guid: 'NOT-A-GUID' }));
    expect(() => buildProjectXml(project)).toThrow(
      /used twice.*colour "red".*positions 18-65 are outside the text \(0-64\).*unknown code.*grouping code.*not a normalised GUID.*case R01: source points at unknown/,
    );
  });

  it('is caught by the schema when the order is wrong (the validator is not a formality)', () => {
    const xml = buildProjectXml(refiProject()).replace(/(<Users>[\s\S]*?<\/Users>\n)([\s\S]*?<\/CodeBook>\n)/, '$2$1');
    const result = validateXml(xml);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/Users.*not expected/);
  });
});
