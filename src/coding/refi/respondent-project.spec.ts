import { studyExportFixture } from '../../../test/support/refi-factories';
import { validateXml } from '../../../test/support/xml-schema';
import { buildProjectXml } from './project-xml';
import { buildStudyProject, RESPONDENT_VARIABLES, variableGuid } from './respondent-project';

describe(buildStudyProject.name, () => {
  const { study } = studyExportFixture();
  const project = buildStudyProject(study);

  it('has one case and one source per respondent, named by pseudonym, with the six variables', () => {
    expect(project.cases.map((c) => c.name)).toEqual(['R01', 'R02']);
    expect(project.sources.map((s) => s.name)).toEqual(['R01', 'R02']);
    expect(project.variables.map((v) => v.name)).toEqual([
      'Organisatie',
      'Kwadrant',
      'Geslacht',
      'Leeftijd',
      'Opleidingsniveau',
      'Digitaal comfort',
    ]);
    expect(project.cases[0].values).toEqual(
      RESPONDENT_VARIABLES.map((v) => ({
        variableGuid: variableGuid(study.studyGuid, v.key),
        value: study.respondents[0].variables[v.key],
      })),
    );
    expect(validateXml(buildProjectXml(project)).valid).toBe(true);
  });

  it('writes each coding as its own selection over exactly the coded characters', () => {
    const [source] = project.sources;
    expect(source.selections).toHaveLength(5);
    const first = source.selections[0];
    expect([...source.text].slice(first.startPosition, first.endPosition).join('')).toBe('belde 👍 twee keer');
    expect(first).toMatchObject({ creatingUser: study.users[0].guid, description: 'Twee keer bellen voor één vraag' });
    expect(first.codings).toEqual([expect.objectContaining({ guid: study.respondents[0].codings[0].guid })]);
  });

  it('gives the same GUIDs on every export', () => {
    expect(buildStudyProject(studyExportFixture().study)).toEqual(project);
  });

  it('refuses a coding that does not fit its answer', () => {
    const broken = studyExportFixture().study;
    broken.respondents[1].codings[0].end = 500;
    expect(() => buildStudyProject(broken)).toThrow("is not within R02's answer");
  });
});
