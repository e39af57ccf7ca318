import { buildHomeworkDefinition } from '../surveys/homework-definition';
import { translators } from '../common/view-engine';
import { validateSubmission } from '../surveys/survey-validator';
import {
  importQuestions,
  matchChoice,
  matchKey,
  readHeader,
  rowAnswers,
  rowEmail,
  splitChoices,
} from './homework-import-row';

const definition = buildHomeworkDefinition({ organisation: 'Vitens' }, translators());
const questions = importQuestions(definition);
const channels = questions.find((q) => q.name === 'channels')!.choices;

describe(importQuestions.name, () => {
  it('lists every question that takes an answer, in form order, and no text blocks', () => {
    const names = questions.map((q) => q.name);
    expect(names.slice(0, 3)).toEqual(['firstName', 'contactMoments', 'channels']);
    expect(names).toContain('afterwardsInitiative');
    expect(names).not.toContain('introText');
    expect(new Set(names).size).toBe(names.length);
  });
});

describe(readHeader.name, () => {
  it('finds the e-mail column and the question columns, case and spacing aside', () => {
    const { header, problems } = readHeader(
      3,
      ['E-mailadres', ' FirstName ', 'channels', '', 'contact_moments'],
      questions,
    );
    expect(problems).toEqual([]);
    expect(header).toEqual({
      line: 3,
      emailIndex: 0,
      emailColumn: 'E-mailadres',
      questions: [
        { index: 1, column: 'FirstName', name: 'firstName' },
        { index: 2, column: 'channels', name: 'channels' },
        { index: 4, column: 'contact_moments', name: 'contactMoments' },
      ],
    });
  });

  it('names a column that is no question, and a question given twice, as problems of the header line', () => {
    const { problems } = readHeader(1, ['email', 'firstName', 'Leeftijd', 'first name'], questions);
    expect(problems).toEqual([
      { line: 1, column: 'Leeftijd', value: 'Leeftijd', code: 'unknown_column' },
      { line: 1, column: 'first name', value: 'first name', code: 'duplicate_column', vars: { first: 'firstName' } },
    ]);
  });
});

describe(rowEmail.name, () => {
  const { header } = readHeader(1, ['email', 'firstName'], questions);
  it('takes the address as written and refuses an empty or malformed one', () => {
    expect(rowEmail(2, [' ans@example.org ', 'Ans'], header)).toEqual({ email: 'ans@example.org' });
    expect(rowEmail(3, ['', 'Ans'], header).problem).toMatchObject({ line: 3, column: 'email', code: 'email_missing' });
    expect(rowEmail(4, ['ans at example', 'Ans'], header).problem).toMatchObject({
      line: 4,
      value: 'ans at example',
      code: 'email_invalid',
    });
  });
});

describe(matchChoice.name, () => {
  it('matches a choice by its value or by its Dutch or English text, emoji, case and brackets aside', () => {
    const rating = questions.find((q) => q.name === 'contactMomentsRating')!.choices;
    expect(matchChoice('positief', rating)).toBe('positief');
    expect(matchChoice('🙂 Positief', rating)).toBe('positief');
    expect(matchChoice('NEGATIVE', rating)).toBe('negatief');
    expect(matchChoice('Post', channels)).toBe('post');
    expect(matchChoice('Post (letter)', channels)).toBe('post');
    expect(matchChoice('mijn omgeving', channels)).toBe('mijn-omgeving');
    expect(matchChoice('Personal online account', channels)).toBe('mijn-omgeving');
    expect(matchChoice('fax', channels)).toBeUndefined();
    // The organisation's own name is the text of one choice of its form.
    expect(matchChoice('Vitens', questions.find((q) => q.name === 'afterwardsInitiative')!.choices)).toBe(
      'organisation',
    );
  });
});

describe(splitChoices.name, () => {
  it('reads several choices separated by ";", "," or line breaks, each once', () => {
    expect(splitChoices('website; Telefoon,e-mail\nwebsite', channels)).toEqual({
      values: ['website', 'telefoon', 'e-mail'],
      unmatched: [],
    });
  });

  it('keeps a choice whose own text holds the separator whole', () => {
    expect(splitChoices('Chat, In person, at a location or desk', channels)).toEqual({
      values: ['chat', 'locatie'],
      unmatched: [],
    });
  });

  it('reads a JSON list, as some survey tools export a multiple choice', () => {
    expect(splitChoices('["website","chat"]', channels)).toEqual({ values: ['website', 'chat'], unmatched: [] });
  });

  it('names every piece that is no choice', () => {
    expect(splitChoices('website; fax; duif', channels)).toEqual({ values: ['website'], unmatched: ['fax', 'duif'] });
  });
});

describe(rowAnswers.name, () => {
  const cells = [
    'ans@example.org',
    'Ans',
    'Ik belde over mijn meterstand.\r\nTwee keer.',
    'Telefoon; website',
    '🙂 Positief',
    '',
    'Nee',
  ];
  const { header } = readHeader(
    1,
    [
      'email',
      'firstName',
      'contactMoments',
      'channels',
      'contactMomentsRating',
      'contactMomentsExplanation',
      'afterwardsHad',
    ],
    questions,
  );

  it('turns a row into the answers a submission carries: text as written, choices as values, empty cells left out', () => {
    const { answers, problems } = rowAnswers(2, cells, header, questions);
    expect(problems).toEqual([]);
    expect(answers).toEqual({
      firstName: 'Ans',
      contactMoments: 'Ik belde over mijn meterstand.\nTwee keer.',
      channels: ['telefoon', 'website'],
      contactMomentsRating: 'positief',
      afterwardsHad: 'no',
    });
    // The answers are a submission the form accepts as it is.
    expect(validateSubmission(definition, answers)).toEqual({ ok: true, data: answers });
  });

  it('reports a value that is no choice with its line, column and the choices there are, and leaves the answer out', () => {
    const bad = [...cells];
    bad[3] = 'website; fax';
    bad[4] = 'super';
    const { answers, problems } = rowAnswers(7, bad, header, questions);
    expect(problems).toEqual([
      {
        line: 7,
        column: 'channels',
        value: 'website; fax',
        code: 'unknown_choice',
        vars: { choice: 'fax', choices: expect.stringContaining('website, mijn-omgeving') },
      },
      {
        line: 7,
        column: 'contactMomentsRating',
        value: 'super',
        code: 'unknown_choice',
        vars: { choice: 'super', choices: 'positief, neutraal, negatief' },
      },
    ]);
    expect(answers).not.toHaveProperty('channels');
    expect(answers).not.toHaveProperty('contactMomentsRating');
  });
});

describe(matchKey.name, () => {
  it('ignores case, accents, spacing and punctuation', () => {
    expect(matchKey(' Oriëntatie-Where_How ')).toBe('orientatiewherehow');
  });
});
