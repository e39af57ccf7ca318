import { DEFAULT_IMPORT_LIMITS, ImportLimitError } from '../common/import/import-limits';
import { ProblemList } from '../common/import/problem-list';
import { buildHomeworkDefinition } from '../surveys/homework-definition';
import { translators } from '../common/view-engine';
import { HomeworkFileError, readHomeworkFile } from './homework-import-file';
import { importQuestions, RowProblem } from './homework-import-row';

const questions = importQuestions(buildHomeworkDefinition({ organisation: 'RET' }, translators()));
const read = (text: string, limits = DEFAULT_IMPORT_LIMITS) => {
  const problems = new ProblemList<RowProblem>();
  return { problems, file: readHomeworkFile(Buffer.from(text, 'utf8'), 'antwoorden.csv', questions, limits, problems) };
};

describe(readHomeworkFile.name, () => {
  it('finds the header below a title, skips a repeated header, and keeps each row with its physical line', async () => {
    const { file, problems } = read(
      'Huiswerk op papier;;\n\nemail;firstName;channels\nans@example.org;Ans;"website; chat"\nemail;firstName;channels\nbert@example.org;Bert;post\n',
    );
    const { header, rows, dataRows } = await file;
    expect(header).toMatchObject({ line: 3, emailIndex: 0, questions: [{ name: 'firstName' }, { name: 'channels' }] });
    expect(rows.map((r) => [r.line, r.email])).toEqual([
      [4, 'ans@example.org'],
      [6, 'bert@example.org'],
    ]);
    expect(dataRows).toBe(2);
    expect(problems.count).toBe(0);
  });

  it('keeps a row whose address does not read, with the problem, so its answers are still checked', async () => {
    const { file } = read('email,firstName\n,Ans\n');
    expect((await file).rows).toMatchObject([
      { line: 2, email: undefined, emailProblem: { code: 'email_missing', column: 'email' } },
    ]);
  });

  it('reports the header’s unknown columns as problems of its line', async () => {
    const { file, problems } = read('email;firstName;Leeftijd\nans@example.org;Ans;47\n');
    await file;
    expect(problems.listed).toEqual([{ line: 1, column: 'Leeftijd', value: 'Leeftijd', code: 'unknown_column' }]);
  });

  it('refuses a file without an e-mail column near the top', async () => {
    await expect(read('naam;antwoord\nAns;ja\n').file).rejects.toThrow(HomeworkFileError);
  });

  it('refuses a file with more rows than an import may have', async () => {
    await expect(
      read('email;firstName\na@example.org;A\nb@example.org;B\n', { ...DEFAULT_IMPORT_LIMITS, maxRows: 1 }).file,
    ).rejects.toThrow(ImportLimitError);
  });
});
