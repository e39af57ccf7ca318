// The exchange as researchers use it: export the study's coded homework, code on in another QDA tool, import.
// The "other tool" is simulated by rewriting our archive the way tools are known to: braced GUIDs, sources saved
// with CR LF line endings (positions counted in that file), a lower-case sources/ folder, a differently named
// project file, a coder the Users list lacks, and new codes (under an existing parent and in a new group).
import { studyExportFixture, testGuid } from '../../../test/support/refi-factories';
import { validateXml } from '../../../test/support/xml-schema';
import { unzipAll, zipOf } from '../../../test/support/zip';
import { planImport, PlannedCoding } from './import-plan';
import { codePointLength, CrLfCounting } from './positions';
import { readQdpx, writeQdpx } from './qdpx';
import { buildStudyProject } from './respondent-project';

const GUID = /[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/g;
const STRANGER = '{0F0E0D0C-0B0A-4908-8706-050403020100}';
const NEW_CODE = '{11111111-2222-4333-8444-555555555555}';
const NEW_GROUP = '{66666666-7777-4888-9999-AAAAAAAAAAAA}';
const NEW_CHILD = '{BBBBBBBB-CCCC-4DDD-8EEE-FFFFFFFFFFFF}';

/**
 * A position in our text as the other tool counts it in its CR LF copy: counting each CR LF as two, one more for
 * each bare LF before it (a CR LF of ours stays); counting each as one, one less for each CR LF of ours before it.
 */
function theirPosition(text: string, position: number, crlf: CrLfCounting): number {
  const before = [...text].slice(0, position).join('');
  const count = (pattern: RegExp) => (before.match(pattern) ?? []).length;
  return crlf === 'two' ? position + count(/(?<!\r)\n/g) : position - count(/\r\n/g);
}

async function asAnotherTool(
  archive: Buffer,
  crlf: CrLfCounting,
  newSpan: { sourceGuid: string; text: string; from: number; to: number },
) {
  const files = await unzipAll(archive);
  let xml = files.get('project.qde')!.toString('utf8');
  const texts = new Map<string, string>();
  for (const [name, bytes] of files) {
    if (name.startsWith('Sources/')) texts.set(name.slice('Sources/'.length, -'.txt'.length), bytes.toString('utf8'));
  }
  // Positions as counted in the CR LF copies, per source.
  xml = xml.replace(/<TextSource guid="([^"]+)"[\s\S]*?<\/TextSource>/g, (block, guid: string) =>
    block.replace(
      /(startPosition|endPosition)="(\d+)"/g,
      (_, attr, n) => `${attr}="${theirPosition(texts.get(guid)!, Number(n), crlf)}"`,
    ),
  );
  xml = xml.replace(GUID, (guid) => `{${guid}}`);
  // A new code under the existing "Informatie", a new group with a child, and a coding by an unlisted coder.
  xml = xml.replace(
    /(<Code [^>]*name="Informatie"[^>]*>)/,
    `$1\n<Code guid="${NEW_CODE}" name="Nieuw: storing" isCodable="true" color="#FF336699"/>`,
  );
  xml = xml.replace(
    '</Codes>',
    `<Code guid="${NEW_GROUP}" name="Nieuwe groep" isCodable="false"><Code guid="${NEW_CHILD}" name="Nieuw kind" isCodable="true"/></Code>\n</Codes>`,
  );
  const ourText = texts.get(newSpan.sourceGuid.toUpperCase())!;
  const at = (offset: number) => codePointLength(ourText.slice(0, ourText.indexOf(newSpan.text) + offset));
  const start = theirPosition(ourText, at(newSpan.from), crlf);
  const end = theirPosition(ourText, at(newSpan.to), crlf);
  xml = xml.replace(
    new RegExp(`(<TextSource guid="\\{${newSpan.sourceGuid.toUpperCase()}\\}"[^>]*>)`),
    `$1<PlainTextSelection guid="{99999999-8888-4777-8666-555555555555}" name="nieuw" startPosition="${start}" endPosition="${end}">` +
      `<Coding guid="{99999999-8888-4777-8666-444444444444}" creatingUser="${STRANGER}"><CodeRef targetGUID="${NEW_CODE}"/></Coding>` +
      `<Coding guid="{99999999-8888-4777-8666-333333333333}" creatingUser="${STRANGER}"><CodeRef targetGUID="${NEW_CHILD}"/></Coding>` +
      '</PlainTextSelection>',
  );
  xml = xml.replace(/\n/g, '\r\n');
  expect(validateXml(xml).errors).toEqual([]);
  const entries: Record<string, string> = { 'Gecodeerd in ATLAS.qde': xml };
  for (const [guid, text] of texts) entries[`sources/{${guid.toLowerCase()}}.txt`] = text.replace(/\r?\n/g, '\r\n');
  return zipOf(entries);
}

const key = (c: Pick<PlannedCoding, 'sourceGuid' | 'question' | 'start' | 'end' | 'codeGuid' | 'coderGuid'>) =>
  `${c.sourceGuid} ${c.question} ${c.start}-${c.end} ${c.codeGuid} ${c.coderGuid}`;

describe('REFI-QDA round trip', () => {
  const { study, personal } = studyExportFixture();
  const project = buildStudyProject(study);
  const studySources = {
    sources: new Map(study.respondents.map((r) => [r.sourceGuid, r.source])),
    codeGuids: new Set(JSON.stringify(study.codes).match(/[0-9a-f]{8}-[0-9a-f-]{27}/g)),
    exportedCodings: new Map(study.respondents.flatMap((r) => r.codings.map((c) => [c.guid, c] as const))),
  };

  it('exports a project that is valid against the schema and never names a respondent', async () => {
    const archive = await writeQdpx(project);
    const files = await unzipAll(archive);
    expect(validateXml(files.get('project.qde')!.toString('utf8')).errors).toEqual([]);
    const everything = [
      archive.toString('latin1'),
      ...[...files.entries()].map(([name, bytes]) => `${name}\n${bytes.toString('utf8')}`),
    ].join('\n');
    for (const secret of [...personal, '0612345678', '1234 5678']) {
      expect(everything.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    expect(everything).toContain('R01');
    expect(everything).toContain('belde 👍 twee keer');
  });

  it('reads its own export back to the same codings', async () => {
    const plan = planImport(await readQdpx(await writeQdpx(project)), studySources);
    expect(plan.problems).toEqual([]);
    expect(plan.newCodes).toEqual([]);
    const exported = study.respondents.flatMap((r) => r.codings.map((c) => key({ ...c, sourceGuid: r.sourceGuid })));
    expect(plan.codings.map(key).sort()).toEqual(exported.sort());
    expect(plan.codings.filter((c) => c.clipped)).toEqual([]);
    expect(plan.codings.find((c) => c.codingGuid === testGuid('coding:1'))?.memo).toBe(
      'Twee keer bellen voor één vraag',
    );
  });

  it.each(['two', 'one'] as const)(
    'reads a project coded on in another tool (counting a CR LF as %s) back to the same codings, plus the new codes and the new coder',
    async (crlf) => {
      const r01 = study.respondents[0];
      const archive = await asAnotherTool(await writeQdpx(project), crlf, {
        sourceGuid: r01.sourceGuid,
        text: 'Daarna een brief gekregen.',
        from: 11,
        to: 16,
      });
      const contents = await readQdpx(archive);
      const plan = planImport(contents, studySources);
      expect(plan.problems).toEqual([]);
      expect(plan.crlfCounting).toEqual(new Map(study.respondents.map((r) => [r.sourceGuid, crlf])));

      const stranger = STRANGER.slice(1, -1).toLowerCase();
      const exported = study.respondents.flatMap((r) => r.codings.map((c) => key({ ...c, sourceGuid: r.sourceGuid })));
      const added = [NEW_CODE, NEW_CHILD].map((code) =>
        key({
          sourceGuid: r01.sourceGuid,
          question: 'contactWhat',
          start: 38,
          end: 43,
          codeGuid: code.slice(1, -1).toLowerCase(),
          coderGuid: stranger,
        }),
      );
      expect(plan.codings.map(key).sort()).toEqual([...exported, ...added].sort());
      expect(plan.codings.filter((c) => c.clipped)).toEqual([]);
      const contactWhat = r01.source.segments.find((s) => s.question === 'contactWhat')!;
      expect(r01.source.text.slice(contactWhat.start + 38, contactWhat.start + 43)).toBe('brief');

      expect(plan.newCodes).toEqual([
        {
          code: {
            guid: NEW_CODE.slice(1, -1).toLowerCase(),
            name: 'Nieuw: storing',
            isCodable: true,
            color: '#336699',
          },
          parentGuid: testGuid('code:Informatie'),
          path: ['Consument', 'Informatie', 'Nieuw: storing'],
        },
        {
          code: { guid: NEW_GROUP.slice(1, -1).toLowerCase(), name: 'Nieuwe groep', isCodable: false },
          parentGuid: null,
          path: ['Nieuwe groep'],
        },
        {
          code: { guid: NEW_CHILD.slice(1, -1).toLowerCase(), name: 'Nieuw kind', isCodable: true },
          parentGuid: NEW_GROUP.slice(1, -1).toLowerCase(),
          path: ['Nieuwe groep', 'Nieuw kind'],
        },
      ]);
      expect(plan.users).toEqual([
        { ...study.users[0], listed: true },
        { ...study.users[1], listed: true },
        { guid: stranger, name: '', listed: false },
      ]);
    },
  );

  it('says which codings it cannot place when the other tool changed a source text', async () => {
    const archive = await writeQdpx(project);
    const files = await unzipAll(archive);
    const r02 = study.respondents[1];
    const name = `Sources/${r02.sourceGuid.toUpperCase()}.txt`;
    const entries = Object.fromEntries(
      [...files].map(([n, b]) => [n, n === name ? b.toString('utf8').replace('website', 'webstek') : b]),
    );
    const plan = planImport(await readQdpx(await zipOf(entries)), studySources);
    expect(plan.problems).toEqual([
      expect.objectContaining({ code: 'text-changed', where: { kind: 'selection', source: 'R02', selection: 1 } }),
    ]);
    expect(plan.codings.some((c) => c.sourceGuid === r02.sourceGuid)).toBe(false);
    expect(plan.codings).toHaveLength(5);
  });
});
