import { refiProject, studyExportFixture, testGuid } from '../../../test/support/refi-factories';
import { buildHomeworkDefinition } from '../../surveys/homework-definition';
import { translators } from '../../common/view-engine';
import { buildStudyProject } from './respondent-project';
import { buildHomeworkSource } from './source-text';
import { validateXml } from '../../../test/support/xml-schema';
import { renameInZip, tamperCentralDirectory, unzipAll, zipOf } from '../../../test/support/zip';
import { buildProjectXml } from './project-xml';
import { decodeText, QdpxError, readQdpx, unsafeName, writeQdpx } from './qdpx';

const project = refiProject();
const source = project.sources[0];
const SOURCE_FILE = `${source.guid.toUpperCase()}.txt`;
const xml = buildProjectXml(project);

describe(writeQdpx.name, () => {
  it('writes project.qde, valid against the schema, and each source as Sources/<GUID>.txt in UTF-8', async () => {
    const files = await unzipAll(await writeQdpx(project));
    expect([...files.keys()]).toEqual(['project.qde', `Sources/${SOURCE_FILE}`]);
    expect(validateXml(files.get('project.qde')!.toString('utf8')).valid).toBe(true);
    expect(files.get(`Sources/${SOURCE_FILE}`)!.toString('utf8')).toBe(source.text);
  });

  it('gives the same bytes for the same project', async () => {
    expect((await writeQdpx(project)).equals(await writeQdpx(refiProject()))).toBe(true);
  });
});

describe(readQdpx.name, () => {
  it('reads back what it wrote', async () => {
    const read = await readQdpx(await writeQdpx(project));
    expect(read.problems).toEqual([]);
    expect(read.project.codes).toEqual(project.codes);
    expect(read.texts).toEqual(new Map([[source.guid, source.text]]));
  });

  it('gives back a source with half an emoji exactly as the source text has it', async () => {
    const { study } = studyExportFixture();
    const source = buildHomeworkSource({
      definition: buildHomeworkDefinition({ organisation: 'X' }, translators()),
      answers: { goal: 'kapot \uD83D plakken' },
    });
    const respondent = { ...study.respondents[1], source, codings: [] };
    const read = await readQdpx(await writeQdpx(buildStudyProject({ ...study, respondents: [respondent] })));
    expect(read.texts.get(respondent.sourceGuid)).toBe(source.text);
    expect(source.text).toContain('kapot \uFFFD plakken');
  });

  it('takes the .qde whatever its name, a lower-case sources/ folder, and source names with braces in another case', async () => {
    const braced = `{${source.guid.toLowerCase()}}.TXT`;
    const zip = await zipOf({
      'Mijn Project.QDE': xml,
      [`sources/${braced}`]: `\uFEFF${source.text.replace(/\n/g, '\r\n')}`,
    });
    const read = await readQdpx(zip);
    expect(read.problems).toEqual([]);
    expect(read.texts.get(source.guid)).toBe(source.text.replace(/\n/g, '\r\n'));
  });

  it('finds the project and sources inside one top folder', async () => {
    const read = await readQdpx(
      await zipOf({ 'export/project.qde': xml, [`export/Sources/${SOURCE_FILE}`]: source.text }),
    );
    expect(read.texts.get(source.guid)).toBe(source.text);
  });

  it('takes the top-level project when a copy sits in a folder, and refuses two at the top', async () => {
    const read = await readQdpx(
      await zipOf({ 'backup/old.qde': '<nope/>', 'project.qde': xml, [`Sources/${SOURCE_FILE}`]: source.text }),
    );
    expect(read.project.name).toBe(project.name);
    await expect(readQdpx(await zipOf({ 'a.qde': xml, 'b.qde': xml }))).rejects.toMatchObject({
      code: 'several-projects',
    });
  });

  it('reads a source file written as UTF-16, and reports a missing or unreadable one', async () => {
    const other = refiProject({
      sources: [project.sources[0], { ...project.sources[0], guid: testGuid('source:2'), name: 'R02', selections: [] }],
    });
    other.cases[0].sourceGuids = [];
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source.text, 'utf16le')]);
    const read = await readQdpx(
      await zipOf({ 'project.qde': buildProjectXml(other), [`Sources/${SOURCE_FILE}`]: utf16 }),
    );
    expect(read.texts.get(source.guid)).toBe(source.text);
    expect(read.problems).toEqual([
      expect.objectContaining({ code: 'missing-text', where: { kind: 'source', name: 'R02' } }),
    ]);

    const broken = await readQdpx(
      await zipOf({ 'project.qde': xml, [`Sources/${SOURCE_FILE}`]: Buffer.from([0x41, 0xc3, 0x28]) }),
    );
    expect(broken.problems).toEqual([expect.objectContaining({ code: 'not-utf8' })]);
  });

  it('refuses what is not a zip, has no project, or whose project is not XML', async () => {
    await expect(readQdpx(Buffer.from('not a zip at all'))).rejects.toMatchObject({ code: 'not-zip' });
    await expect(readQdpx(await zipOf({ 'Sources/a.txt': 'x' }))).rejects.toMatchObject({ code: 'no-project' });
    await expect(readQdpx(await zipOf({ 'project.qde': '<Project' }))).rejects.toMatchObject({ code: 'not-xml' });
    await expect(readQdpx(await zipOf({ 'project.qde': '<CodeBook/>' }))).rejects.toMatchObject({
      code: 'not-a-project',
    });
  });

  describe('guards', () => {
    const limits = { maxEntries: 5, maxEntryBytes: 100_000, maxTotalBytes: 150_000 };

    it('refuses an archive with too many entries before reading any', async () => {
      const many = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`Sources/${i}.txt`, 'x']));
      await expect(readQdpx(await zipOf({ 'project.qde': xml, ...many }), limits)).rejects.toMatchObject({
        code: 'too-many-entries',
      });
    });

    it('refuses an entry or a total that declares more than the limits', async () => {
      const big = Buffer.alloc(100_001);
      await expect(readQdpx(await zipOf({ 'project.qde': xml, 'Sources/big.txt': big }), limits)).rejects.toMatchObject(
        { code: 'too-large' },
      );
      const parts = { 'Sources/a.txt': Buffer.alloc(80_000), 'Sources/b.txt': Buffer.alloc(80_000) };
      await expect(readQdpx(await zipOf({ 'project.qde': xml, ...parts }), limits)).rejects.toMatchObject({
        code: 'too-large',
      });
    });

    it('stops inflating a zip bomb that lies about its size', async () => {
      const bomb = await zipOf({ 'project.qde': Buffer.concat([Buffer.from(xml), Buffer.alloc(5_000_000, 0x20)]) });
      expect(bomb.length).toBeLessThan(20_000);
      const lying = tamperCentralDirectory(bomb, { uncompressedSize: 10 });
      await expect(readQdpx(lying, limits)).rejects.toMatchObject({ code: 'too-large' });
      await expect(readQdpx(bomb, limits)).rejects.toMatchObject({ code: 'too-large' });
    });

    it.each([
      ['aa/evil.txt', '../evil.txt'],
      ['xetc/passwd', '/etc/passwd'],
    ])('refuses an entry named like %p → %p', async (safe, evil) => {
      const zip = renameInZip(await zipOf({ 'project.qde': xml, [safe]: 'x' }), safe, evil);
      await expect(readQdpx(zip)).rejects.toMatchObject({ code: 'unsafe-path' });
    });

    it('refuses encrypted entries', async () => {
      const zip = tamperCentralDirectory(await zipOf({ 'project.qde': xml }), { flags: 0x1 });
      await expect(readQdpx(zip)).rejects.toBeInstanceOf(QdpxError);
      await expect(readQdpx(zip)).rejects.toMatchObject({ code: 'encrypted' });
    });
  });
});

describe(unsafeName.name, () => {
  it.each(['/etc/passwd', 'C:/x.txt', 'c:\\x.txt', 'a/../../b', '..\\b', 'a\0b'])('refuses %p', (name) => {
    expect(unsafeName(name)).not.toBeNull();
  });

  it.each(['project.qde', 'Sources/x.txt', 'a/b..c/d.txt'])('accepts %p', (name) => {
    expect(unsafeName(name)).toBeNull();
  });
});

describe(decodeText.name, () => {
  it('reads UTF-8 with and without a byte-order mark, and UTF-16 with one', () => {
    expect(decodeText(Buffer.from('\uFEFFé👍', 'utf8'))).toBe('é👍');
    expect(decodeText(Buffer.from('é👍', 'utf8'))).toBe('é👍');
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('é', 'utf16le').swap16()]))).toBe('é');
  });

  it('refuses bytes that are not text in those encodings', () => {
    expect(decodeText(Buffer.from([0xc3, 0x28]))).toBeNull();
  });
});
