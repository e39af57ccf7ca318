import { refiProject, testGuid } from '../../../test/support/refi-factories';
import { readCodebookXml, readProjectXml, RefiReadError } from './project-reader';
import { buildCodebookXml } from './codebook-xml';
import { refiCodeTree } from '../../../test/support/refi-factories';
import { buildProjectXml } from './project-xml';

const G = {
  project: '{8A3C1C55-1F2B-4D9A-9E3B-0F6D2A7B1C01}',
  userListed: '{8A3C1C55-1F2B-4D9A-9E3B-0F6D2A7B1C02}',
  userUnlisted: '8a3c1c55-1f2b-4d9a-9e3b-0f6d2a7b1c03',
  group: '{8A3C1C55-1F2B-4D9A-9E3B-0F6D2A7B1C04}',
  code: '8A3C1C55-1F2B-4D9A-9E3B-0F6D2A7B1C05',
  deep: '{8a3c1c55-1f2b-4d9a-9e3b-0f6d2a7b1c06}',
  source: '{8A3C1C55-1F2B-4D9A-9E3B-0F6D2A7B1C07}',
  selection: '{8A3C1C55-1F2B-4D9A-9E3B-0F6D2A7B1C08}',
  coding: '{8A3C1C55-1F2B-4D9A-9E3B-0F6D2A7B1C09}',
};
const plain = (guid: string) => guid.replace(/[{}]/g, '').toLowerCase();

/** A project as another tool might write it: braces, mixed case, prefixes, ARGB colours, gaps and oddities. */
const OTHER_TOOL = `\uFEFF<?xml version="1.0" encoding="utf-8"?>
<qda:Project xmlns:qda="urn:QDA-XML:project:1.0" name="Gecodeerd in ATLAS" origin="ATLAS.ti Win 23" creationDateTime="2026-12-01T09:00:00">
  <qda:Users><qda:User guid="${G.userListed}" name="Marit"/><qda:User guid="nope" name="Kapot"/></qda:Users>
  <qda:CodeBook><qda:Codes>
    <qda:Code guid="${G.group}" name="Groep" isCodable="false" color="#FF112233">
      <qda:Code guid="${G.code}" name="Code" color="#abc">
        <qda:Description><![CDATA[Met <tekens> & zo]]></qda:Description>
        <qda:Code guid="${G.deep}" name="Diep" isCodable="true" color="paars"/>
      </qda:Code>
    </qda:Code>
    <qda:Code guid="bad" name="Zonder GUID"><qda:Code guid="{8A3C1C55-1F2B-4D9A-9E3B-0F6D2A7B1C10}" name="Kind"/></qda:Code>
  </qda:Codes></qda:CodeBook>
  <qda:Sources>
    <qda:TextSource guid="${G.source}" name="R01" plainTextPath="internal://${G.source}.TXT" creatingUser="${G.userListed}">
      <qda:PlainTextSelection guid="${G.selection}" name="Ik belde" startPosition="18" endPosition="28">
        <qda:Coding guid="${G.coding}" creatingUser="${G.userUnlisted}"><qda:CodeRef targetGUID="${G.deep.toUpperCase()}"/></qda:Coding>
        <qda:Coding guid="{8A3C1C55-1F2B-4D9A-9E3B-0F6D2A7B1C11}"><qda:CodeRef targetGUID="{8A3C1C55-1F2B-4D9A-9E3B-0F6D2A7B1C10}"/></qda:Coding>
        <qda:Coding guid="{8A3C1C55-1F2B-4D9A-9E3B-0F6D2A7B1C12}"><qda:CodeRef targetGUID="${G.code}"/></qda:Coding>
      </qda:PlainTextSelection>
      <qda:PlainTextSelection guid="{8A3C1C55-1F2B-4D9A-9E3B-0F6D2A7B1C13}" startPosition="30" endPosition="2x"/>
      <qda:PlainTextSelection guid="{8A3C1C55-1F2B-4D9A-9E3B-0F6D2A7B1C14}" startPosition="30" endPosition="29"/>
      <qda:Coding guid="{8A3C1C55-1F2B-4D9A-9E3B-0F6D2A7B1C15}"><qda:CodeRef targetGUID="${G.code}"/></qda:Coding>
    </qda:TextSource>
    <qda:TextSource guid="{8A3C1C55-1F2B-4D9A-9E3B-0F6D2A7B1C16}" name="Inline"><qda:PlainTextContent>Tekst &amp; meer&#13;
regel</qda:PlainTextContent></qda:TextSource>
    <qda:TextSource guid="{8A3C1C55-1F2B-4D9A-9E3B-0F6D2A7B1C17}" name="Elders" plainTextPath="absolute://C:/data/x.txt"/>
    <qda:PictureSource guid="{8A3C1C55-1F2B-4D9A-9E3B-0F6D2A7B1C18}" name="Foto"/>
  </qda:Sources>
</qda:Project>`;

describe(readProjectXml.name, () => {
  it('reads back everything the platform writes', () => {
    const written = refiProject();
    const read = readProjectXml(buildProjectXml(written));
    expect(read.problems).toEqual([]);
    expect(read.name).toBe(written.name);
    expect(read.origin).toBe(written.origin);
    expect(read.creationDateTime).toEqual(written.creationDateTime);
    expect(read.users).toEqual(written.users.map((u) => ({ ...u, listed: true })));
    expect(read.codes).toEqual(written.codes);
    expect(read.variables).toEqual(written.variables);
    expect(read.cases).toEqual(written.cases);
    const [source] = read.sources;
    expect(source.internalFile).toBe(`${written.sources[0].guid.toUpperCase()}.txt`);
    // A selection's own creator and time are carried by its codings, which is where the platform keeps them.
    expect(source.selections).toEqual(
      written.sources[0].selections.map(({ creatingUser: _user, creationDateTime: date, codings, ...rest }) => ({
        ...rest,
        codings: codings.map((c) => (date ? { ...c, creationDateTime: date } : c)),
      })),
    );
  });

  it('fills in who made a coding from its selection, source or project when the coding does not say', () => {
    const project = refiProject();
    for (const selection of project.sources[0].selections) {
      selection.codings.forEach((c) => delete c.creatingUser);
    }
    const read = readProjectXml(buildProjectXml(project));
    const [first, second] = read.sources[0].selections;
    expect(first.codings[0].creatingUser).toBe(testGuid('user:a'));
    expect(second.codings[0].creatingUser).toBe(testGuid('user:b'));
    expect(first.codings[0].creationDateTime).toEqual(new Date('2026-11-03T09:30:00Z'));
  });

  describe('a project another tool wrote', () => {
    const read = readProjectXml(OTHER_TOOL);

    it('normalises GUIDs with braces in either case and colours in other notations', () => {
      const [group] = read.codes;
      expect(group).toMatchObject({ guid: plain(G.group), name: 'Groep', isCodable: false, color: '#112233' });
      const [code] = group.children;
      expect(code).toMatchObject({
        guid: plain(G.code),
        isCodable: true,
        color: '#AABBCC',
        description: 'Met <tekens> & zo',
      });
      expect(code.children[0]).toMatchObject({ guid: plain(G.deep), name: 'Diep' });
      expect(code.children[0].color).toBeUndefined();
    });

    it('adds users that codings name but the list does not, and skips a user without a GUID', () => {
      expect(read.users).toEqual([
        { guid: plain(G.userListed), name: 'Marit', listed: true },
        { guid: plain(G.userUnlisted), name: '', listed: false },
      ]);
    });

    it('reads selections with their codings, falling back on the source creator', () => {
      const [source] = read.sources;
      expect(source).toMatchObject({ guid: plain(G.source), name: 'R01', internalFile: `${G.source}.TXT` });
      expect(source.selections).toHaveLength(1);
      expect(source.selections[0]).toMatchObject({
        guid: plain(G.selection),
        name: 'Ik belde',
        startPosition: 18,
        endPosition: 28,
      });
      expect(source.selections[0].codings).toEqual([
        { guid: plain(G.coding), codeGuid: plain(G.deep), creatingUser: plain(G.userUnlisted) },
        { guid: '8a3c1c55-1f2b-4d9a-9e3b-0f6d2a7b1c12', codeGuid: plain(G.code), creatingUser: plain(G.userListed) },
      ]);
    });

    it('reads text given in the project itself', () => {
      expect(read.sources[1]).toMatchObject({ name: 'Inline', inlineText: 'Tekst & meer\r\nregel' });
    });

    it('says what it left out and why', () => {
      expect(read.problems.map((p) => [p.code, p.where])).toEqual([
        ['bad-guid', { kind: 'user', name: 'Kapot' }],
        ['bad-colour', { kind: 'code', name: 'Diep' }],
        ['bad-guid', { kind: 'code', name: 'Zonder GUID' }],
        ['bad-guid', { kind: 'code', name: 'Zonder GUID' }],
        ['unsupported-source', { kind: 'pictureSource', name: 'Foto' }],
        ['source-coding', { kind: 'source', name: 'R01' }],
        ['unknown-code', { kind: 'selection', source: 'R01', selection: 1 }],
        ['bad-position', { kind: 'selection', source: 'R01', selection: 2 }],
        ['bad-position', { kind: 'selection', source: 'R01', selection: 3 }],
        ['external-source', { kind: 'source', name: 'Elders' }],
      ]);
      expect(read.problems[3].detail).toBe('1 code(s) under it are left out with it');
    });
  });

  it('refuses a document that is not XML, or not a project', () => {
    expect(() => readProjectXml('<Project name="x">')).toThrow(RefiReadError);
    expect(() => readProjectXml('PK\u0003\u0004')).toThrow(expect.objectContaining({ code: 'not-xml' }));
    expect(() => readProjectXml('<CodeBook/>')).toThrow(expect.objectContaining({ code: 'not-a-project' }));
  });

  it('refuses a duplicate GUID once and keeps the first element', () => {
    const xml = `<Project name="p"><Users><User guid="${G.userListed}" name="A"/><User guid="${plain(G.userListed)}" name="B"/></Users></Project>`;
    const read = readProjectXml(xml);
    expect(read.users.map((u) => u.name)).toEqual(['A']);
    expect(read.problems).toEqual([
      expect.objectContaining({ code: 'duplicate-guid', where: { kind: 'user', name: 'B' } }),
    ]);
  });
});

describe(readCodebookXml.name, () => {
  it('reads back the codebook the platform writes', () => {
    const read = readCodebookXml(buildCodebookXml({ origin: 'kwadrant 0.1.0', codes: refiCodeTree() }));
    expect(read).toEqual({ origin: 'kwadrant 0.1.0', codes: refiCodeTree(), problems: [] });
  });

  it('reads a codebook as tools write it, and reports what it leaves out', () => {
    const qdc = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" origin="ATLAS.ti Win 23.4.0" xmlns="urn:QDA-XML:codebook:1.0">
  <Codes>
    <Code guid="${G.code}" name="code1" color="#46AA00" isCodable="true"><Description>description</Description>
      <Code guid="${G.deep}" name="sub" color="#46aa00ff"/>
    </Code>
    <Code guid="x" name="broken"/>
  </Codes>
  <Sets><Set name="code group 1" guid="${G.group}"><MemberCode guid="${G.code}"/></Set></Sets>
</CodeBook>`;
    const read = readCodebookXml(qdc);
    expect(read.origin).toBe('ATLAS.ti Win 23.4.0');
    expect(read.codes).toEqual([
      {
        guid: plain(G.code),
        name: 'code1',
        isCodable: true,
        color: '#46AA00',
        description: 'description',
        children: [{ guid: plain(G.deep), name: 'sub', isCodable: true, color: '#46AA00', children: [] }],
      },
    ]);
    expect(read.problems).toEqual([
      expect.objectContaining({ code: 'bad-guid', where: { kind: 'code', name: 'broken' } }),
    ]);
  });

  it('refuses a document that is not a codebook, or nested too deeply', () => {
    expect(() => readCodebookXml('<Project name="p"/>')).toThrow(expect.objectContaining({ code: 'not-a-codebook' }));
    const deep =
      '<CodeBook><Codes>' +
      `<Code guid="${G.code}" name="x">`.repeat(200) +
      '</Code>'.repeat(200) +
      '</Codes></CodeBook>';
    expect(() => readCodebookXml(deep)).toThrow(expect.objectContaining({ code: 'not-xml' }));
  });
});
