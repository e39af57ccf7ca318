import { studyExportFixture, testGuid } from '../../../test/support/refi-factories';
import { crlfCounting, planImport } from './import-plan';
import type { ReadProject, ReadSelection } from './project-reader';
import type { QdpxContents } from './qdpx';
import { codePointLength } from './positions';

const { study } = studyExportFixture();
const r01 = study.respondents[0];
const studySources = {
  sources: new Map([[r01.sourceGuid, r01.source]]),
  codeGuids: new Set([testGuid('code:OORZAAK_FOUT')]),
};
const coder = testGuid('user:a');

function contents(selections: ReadSelection[], sourceGuid = r01.sourceGuid): QdpxContents {
  const project: ReadProject = {
    name: 'p',
    users: [{ guid: coder, name: 'A', listed: true }],
    codes: [{ guid: testGuid('code:OORZAAK_FOUT'), name: 'OORZAAK_FOUT', isCodable: true, children: [] }],
    variables: [],
    cases: [],
    sources: [{ guid: sourceGuid, name: 'R01', internalFile: 'x.txt', selections }],
    problems: [],
  };
  return { project, texts: new Map([[sourceGuid, r01.source.text]]), problems: [] };
}

const selection = (startPosition: number, endPosition: number, n = 1): ReadSelection => ({
  guid: testGuid(`sel:${n}`),
  startPosition,
  endPosition,
  codings: [{ guid: testGuid(`c:${n}`), codeGuid: testGuid('code:OORZAAK_FOUT'), creatingUser: coder }],
});
const positionOf = (utf16: number) => codePointLength(r01.source.text.slice(0, utf16));

describe(planImport.name, () => {
  it('splits a selection over two answers into a coding per answer, marked as clipped', () => {
    const goal = r01.source.segments.find((s) => s.question === 'goal')!;
    const contactWhat = r01.source.segments.find((s) => s.question === 'contactWhat')!;
    const plan = planImport(
      contents([selection(positionOf(goal.start + 4), positionOf(contactWhat.start + 6))]),
      studySources,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.codings.map((c) => [c.question, c.start, c.end, c.clipped])).toEqual([
      ['goal', 4, goal.end - goal.start, true],
      ['contactWhat', 0, 6, true],
    ]);
  });

  it("reports selections it cannot place and sources that are not the study's", () => {
    const plan = planImport(contents([selection(0, 3, 1), selection(0, 1_000_000, 2)]), studySources);
    expect(plan.codings).toEqual([]);
    expect(plan.problems.map((p) => [p.code, p.where])).toEqual([
      ['outside-answers', { kind: 'selection', source: 'R01', selection: 1 }],
      ['outside-text', { kind: 'selection', source: 'R01', selection: 2 }],
    ]);
    const other = planImport(contents([selection(0, 3)], testGuid('source:elsewhere')), studySources);
    expect(other.problems).toEqual([expect.objectContaining({ code: 'unknown-source' })]);
  });

  it('ignores selections without codings', () => {
    const plan = planImport(contents([{ ...selection(0, 3), codings: [] }]), studySources);
    expect(plan).toMatchObject({ codings: [], problems: [] });
  });
});

describe(crlfCounting.name, () => {
  // "Gebeld, en later gemaild.\r\nDaarna een brief gekregen." has a CR LF of its own; the copy has CR LF everywhere.
  const theirs = r01.source.text.replace(/\r?\n/g, '\r\n');
  const contactWhat = r01.source.segments.find((s) => s.question === 'contactWhat')!;
  const brief = r01.source.text.indexOf('brief', contactWhat.start);
  // Positions of "brief" counting each CR LF as two (the file) and as one (the displayed text).
  const asTwo = codePointLength(theirs.slice(0, theirs.indexOf('brief', theirs.indexOf('Gebeld'))));
  const asOne = codePointLength(r01.source.text.slice(0, brief).replace(/\r\n/g, '\n'));
  const named = (start: number, name?: string): ReadSelection => ({
    ...selection(start, start + 5),
    ...(name ? { name } : {}),
  });

  it('counts a CR LF as two when nothing says otherwise, or when the text is not CR LF at all', () => {
    expect(asTwo).not.toBe(asOne);
    expect(crlfCounting(r01.source, theirs, [named(asOne)], new Map())).toBe('two');
    expect(crlfCounting(r01.source, r01.source.text.replace(/\r\n/g, '\n'), [named(asOne, 'brief')], new Map())).toBe(
      'two',
    );
  });

  it('follows the names of selections that are the text they cover', () => {
    expect(crlfCounting(r01.source, theirs, [named(asOne, 'brief')], new Map())).toBe('one');
    expect(crlfCounting(r01.source, theirs, [named(asTwo, 'brief')], new Map())).toBe('two');
  });

  it('follows the codings the study exported, over names', () => {
    const exported = new Map([[testGuid('c:1'), { question: 'contactWhat', start: 38, end: 43 }]]);
    expect(crlfCounting(r01.source, theirs, [named(asOne)], exported)).toBe('one');
    expect(crlfCounting(r01.source, theirs, [named(asOne, 'een b')], exported)).toBe('one');
    expect(crlfCounting(r01.source, theirs, [named(asTwo, 'xyz')], exported)).toBe('two');
  });
});
