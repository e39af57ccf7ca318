import { refiCodeTree, testGuid } from '../../test/support/refi-factories';
import { validateXml } from '../../test/support/xml-schema';
import { unzipAll } from '../../test/support/zip';
import { buildHomeworkDefinition } from '../surveys/homework-definition';
import { translators } from '../common/view-engine';
import { caseGuid, codingGuid, ExportHomework, ExportInput, sourceGuid, studyExport, userGuid } from './qdpx-export';
import { writeQdpx } from './refi/qdpx';
import { buildStudyProject } from './refi/respondent-project';

const homework = (assignmentId: number, respondentId: number, answers: Record<string, unknown>): ExportHomework => ({
  assignmentId,
  respondentId,
  submittedAt: new Date('2026-11-10T08:00:00Z'),
  answers,
  definition: buildHomeworkDefinition({ organisation: 'Waterbedrijf Oost' }, translators()),
  respondent: {
    organisation: 'Waterbedrijf Oost',
    quadrant: 'gemakzoeker',
    gender: 'v',
    ageMin: 45,
    ageMax: 54,
    education: 'mbo',
    digitalComfort: 'zeer-comfortabel',
  },
  personal: ['Annelies', 'annelies@example.nl', '0612345678'],
});

function input(): ExportInput {
  return {
    study: { id: 3, name: 'Dienstverlening' },
    createdAt: new Date('2026-11-30T12:00:00Z'),
    codes: refiCodeTree(),
    homework: [
      homework(20, 9, { firstName: 'Annelies', goal: 'Ik, Annelies, wilde een EAN-code (annelies@example.nl).' }),
      homework(11, 4, { contactMoments: 'Gebeld op 06 1234 5678.' }),
    ],
    pseudonyms: new Map([
      [4, 'R01'],
      [9, 'R02'],
    ]),
    codings: [
      {
        id: 5,
        assignmentId: 20,
        question: 'goal',
        start: 24,
        end: 32,
        codeGuid: testGuid('code:CONS_INFO_INST_EAN'),
        coderId: 2,
        memo: 'EAN',
        createdAt: new Date('2026-11-20T10:00:00Z'),
      },
    ],
    coders: new Map([[2, 'Onderzoeker Twee']]),
  };
}

describe(studyExport.name, () => {
  it('orders respondents by pseudonym, with bands and labels as variables and name-based GUIDs', () => {
    const study = studyExport(input());
    expect(study.respondents.map((r) => [r.pseudonym, r.sourceGuid, r.caseGuid])).toEqual([
      ['R01', sourceGuid(3, 11), caseGuid(3, 4)],
      ['R02', sourceGuid(3, 20), caseGuid(3, 9)],
    ]);
    expect(study.respondents[0].variables).toEqual({
      organisation: 'Waterbedrijf Oost',
      quadrant: 'Gemakzoeker',
      gender: 'v',
      ageBand: '45-54',
      educationBand: 'midden',
      digitalComfort: 'Zeer comfortabel',
    });
    expect(study.users).toEqual([{ guid: userGuid(2), name: 'Onderzoeker Twee' }]);
    expect(study.respondents[1].codings).toEqual([
      expect.objectContaining({ guid: codingGuid(3, 5), coderGuid: userGuid(2), memo: 'EAN' }),
    ]);
    expect(studyExport(input())).toEqual(study);
  });

  it('writes a schema-valid project in which no personal string of a respondent occurs', async () => {
    const project = buildStudyProject(studyExport(input()));
    const files = await unzipAll(await writeQdpx(project));
    const xml = files.get('project.qde')!.toString('utf8');
    expect(validateXml(xml).errors).toEqual([]);
    const all = [...files.values()].map((b) => b.toString('utf8')).join('\n');
    for (const secret of ['Annelies', 'annelies@example.nl', '1234 5678']) expect(all).not.toContain(secret);
    // The coded span still covers the same characters after masking.
    const source = project.sources[1].text;
    const selection = project.sources[1].selections[0];
    expect([...source].slice(selection.startPosition, selection.endPosition).join('')).toBe('EAN-code');
  });
});
