import fc from 'fast-check';
import { join } from 'path';
import { Translations } from '../common/i18n';
import {
  BUILT_IN_CAUSES,
  CODE_PROBLEM_CODES,
  checkCodebook,
  CAUSE_CODES,
  causeClassOf,
  defaultColour,
  isTekstId,
  makeTekstId,
  normaliseColour,
  normaliseTekstId,
  treeOrder,
  withCauseGroup,
  type Code,
} from './codebook';

describe(isTekstId.name, () => {
  it.each(['CONS_INFO_INST_EAN', 'OORZAAK_FOUT', 'A', 'A1_2', 'X'.repeat(64)])('accepts %s', (id) =>
    expect(isTekstId(id)).toBe(true),
  );
  it.each(['', 'cons_info', '1ABC', '_ABC', 'CONS INFO', 'CONS-INFO', 'CONS_ISSUE_HGV_(lv)', 'ÉÉN', 'X'.repeat(65)])(
    'refuses %j',
    (id) => expect(isTekstId(id)).toBe(false),
  );
});

describe(normaliseTekstId.name, () => {
  it.each([
    ['CONS_INFO_INST_EAN', 'CONS_INFO_INST_EAN'],
    [' cons_info_inst_ean ', 'CONS_INFO_INST_EAN'],
    ['CONS_ISSUE_HGV_(lv)', 'CONS_ISSUE_HGV_LV'],
    ['Cons-Info Inst', 'CONS_INFO_INST'],
    ['één__twee', 'EEN_TWEE'],
  ])('makes %j into %s', (raw, id) => expect(normaliseTekstId(raw)).toBe(id));

  it.each(['', '___', '123', '**'])('gives up on %j', (raw) => expect(normaliseTekstId(raw)).toBeNull());

  it('always gives a valid Tekst-ID or null', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const id = normaliseTekstId(raw);
        if (id !== null) expect(isTekstId(id)).toBe(true);
      }),
    );
  });
});

describe(normaliseColour.name, () => {
  it.each([
    ['#0072b2', '#0072B2'],
    ['0072B2', '#0072B2'],
    [' #D55E00 ', '#D55E00'],
  ])('reads %j as %s', (raw, colour) => expect(normaliseColour(raw)).toBe(colour));
  it.each(['#abc', 'red', '#GGGGGG', '#0072B2FF', ''])('refuses %j', (raw) => expect(normaliseColour(raw)).toBeNull());
});

describe(makeTekstId.name, () => {
  it('takes the first four letters of each label’s first word', () => {
    expect(makeTekstId(['Consumenten', 'Informatie', 'Instellingen'], new Set())).toBe('CONS_INFO_INST');
    expect(makeTekstId(['Informatievoorziening / NAW mutaties', 'EAN code'], new Set())).toBe('INFO_EAN');
    expect(makeTekstId(['(Correspondentie) adres wijziging'], new Set())).toBe('CORR');
    expect(makeTekstId(['Één', 'Überweisung'], new Set())).toBe('EEN_UBER');
  });

  it('makes it unique with a suffix and remembers it as taken', () => {
    const taken = new Set(['CONS_INFO_INST']);
    expect(makeTekstId(['Consumenten', 'Informatie', 'Instellingen'], taken)).toBe('CONS_INFO_INST_2');
    expect(makeTekstId(['Consumenten', 'Informatie', 'Instellingen'], taken)).toBe('CONS_INFO_INST_3');
    expect(taken.has('CONS_INFO_INST_3')).toBe(true);
  });

  it('starts with a letter and falls back to CODE when no label has letters or digits', () => {
    expect(makeTekstId(['2024', 'Vragen'], new Set())).toBe('C2024_VRAG');
    expect(makeTekstId(['???'], new Set())).toBe('CODE');
  });

  it('always gives a valid, new Tekst-ID', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 3 }), { maxLength: 30 }), (paths) => {
        const taken = new Set<string>();
        for (const path of paths) {
          const before = taken.size;
          const id = makeTekstId(path, taken);
          expect(isTekstId(id)).toBe(true);
          expect(taken.size).toBe(before + 1);
        }
      }),
    );
  });
});

describe(withCauseGroup.name, () => {
  const own: Code = { path: ['Informatie'], tekstId: 'INFO', logtekst: null, colour: defaultColour(0) };

  it('adds the group Oorzaak with the three cause codes when they are missing', () => {
    const codes = withCauseGroup([own]);
    expect(codes[0]).toBe(own);
    expect(codes.slice(1)).toEqual(BUILT_IN_CAUSES);
    expect(codes.filter((c) => c.tekstId?.startsWith('OORZAAK_')).map((c) => c.tekstId)).toEqual([
      CAUSE_CODES.fout,
      CAUSE_CODES.selfservice,
      CAUSE_CODES.nodig,
    ]);
  });

  it('keeps a cause code the codebook already has (with its own label and colour) and adds nothing twice', () => {
    const renamed: Code = { path: ['Oorzaak', 'Fout'], tekstId: CAUSE_CODES.fout, logtekst: null, colour: '#000000' };
    const once = withCauseGroup([
      own,
      { path: ['Oorzaak'], tekstId: null, logtekst: null, colour: '#111111' },
      renamed,
    ]);
    expect(once.filter((c) => c.tekstId === CAUSE_CODES.fout)).toEqual([renamed]);
    expect(once.filter((c) => c.path.length === 1 && c.path[0] === 'Oorzaak')).toHaveLength(1);
    expect(withCauseGroup(once)).toEqual(once);
  });

  it('does not share its built-in codes with the caller', () => {
    const codes = withCauseGroup([]);
    codes[1].path.push('x');
    expect(BUILT_IN_CAUSES[1].path).toHaveLength(2);
  });
});

describe(causeClassOf.name, () => {
  it('maps the three cause codes to their class and anything else to undefined', () => {
    expect(causeClassOf('OORZAAK_FOUT')).toBe('fout');
    expect(causeClassOf('OORZAAK_SELFSERVICE')).toBe('selfservice');
    expect(causeClassOf('OORZAAK_NODIG')).toBe('nodig');
    expect(causeClassOf('CONS_INFO_INST_EAN')).toBeUndefined();
  });
});

describe(treeOrder.name, () => {
  const c = (...path: string[]): Code => ({ path, tekstId: null, logtekst: null, colour: '#000000' });

  it('puts every code right after its parent, keeping the order of siblings', () => {
    const codes = [c('A', 'B', 'C'), c('D'), c('A'), c('A', 'E'), c('A', 'B'), c('D', 'F')];
    expect(treeOrder(codes).map((x) => x.path.join('/'))).toEqual(['D', 'D/F', 'A', 'A/E', 'A/B', 'A/B/C']);
  });

  it('keeps a code whose parent is missing at the top level, and never repeats a code', () => {
    const codes = [c('X', 'Y'), c('A'), c('A'), c('A', 'B')];
    expect(treeOrder(codes).map((x) => x.path.join('/'))).toEqual(['X/Y', 'A', 'A/B', 'A']);
    expect(treeOrder([])).toEqual([]);
  });
});

describe(checkCodebook.name, () => {
  const c = (path: string[], tekstId: string | null = null, over: Partial<Code> = {}): Code => ({
    path,
    tekstId,
    logtekst: null,
    colour: '#0072B2',
    ...over,
  });

  it('finds nothing wrong with a codebook as the table reader gives it', () => {
    expect(checkCodebook(withCauseGroup([c(['A']), c(['A', 'B'], 'A_B'), c(['A', 'B', 'C'], 'A_B_C')]))).toEqual([]);
  });

  it('names each broken rule with the code’s place in the list', () => {
    const problems = checkCodebook([
      c(['A']),
      c(['A', ' '], 'X1'),
      c(['A', 'B', 'C', 'D'], 'X2'),
      c(['Z', 'Y'], 'X3'),
      c(['a'], 'lower'),
      c(['A', 'E'], 'X3'),
      c(['Elders'], 'OORZAAK_FOUT'),
      c(['A', 'F'], 'X4', { colour: '#abcdef', logtekst: 'x'.repeat(2001) }),
    ]);
    expect(problems.map((p) => [p.index, p.code])).toEqual([
      [1, 'empty_label'],
      [2, 'too_many_levels'],
      [4, 'duplicate_path'],
      [4, 'tekst_id_format'],
      [5, 'duplicate_tekst_id'],
      [6, 'reserved_tekst_id'],
      [7, 'logtekst_too_long'],
      [7, 'colour_format'],
      [2, 'missing_parent'],
      [3, 'missing_parent'],
      [null, 'missing_cause_code'],
      [null, 'missing_cause_code'],
    ]);
    expect(problems.find((p) => p.code === 'duplicate_tekst_id')).toEqual({
      index: 5,
      path: 'A / E',
      code: 'duplicate_tekst_id',
      details: { value: 'X3', first: 4 },
    });
    expect(problems.find((p) => p.index === 3)!.details).toEqual({ parent: 'Z' });
  });

  it('has a Dutch and an English text for every problem, with the details filled in', () => {
    const t = new Translations(join(__dirname, '../../templates'));
    const vars = { value: 'V', first: 3, path: 'P', parent: 'Q', group: 'G', max: 9 };
    for (const code of CODE_PROBLEM_CODES) {
      const key = `codebook.check.${code}`;
      expect(t.keys('nl')).toContain(key);
      expect(t.keys('en')).toContain(key);
      expect(t.t('nl', key, vars)).not.toMatch(/\{\w+\}/);
      expect(t.t('en', key, vars)).not.toMatch(/\{\w+\}/);
    }
  });
});
