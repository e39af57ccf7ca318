import fc from 'fast-check';
import { join } from 'path';
import { Translations } from '../common/i18n';
import { BUILT_IN_CAUSES, checkCodebook, defaultColour, type Code } from './codebook';
import {
  CODEBOOK_PROBLEM_CODES,
  readCodebookTable,
  writeCodebookTable,
  type CodebookReadResult,
  type TableRow,
} from './codebook-table';

/** Rows from lines of ";"-separated cells, numbered from 1. */
const table = (...lines: string[]): TableRow[] => lines.map((text, i) => ({ line: i + 1, cells: text.split(';') }));
const HEADER = 'Categorie 1;Categorie 2;Categorie 3;Tekst-ID;Logtekst';

const codesOf = (r: CodebookReadResult): Code[] => {
  if (!r.ok) throw new Error(`expected codes, got ${JSON.stringify(r.errors)}`);
  return r.codes;
};
const errorsOf = (r: CodebookReadResult) => {
  if (r.ok) throw new Error('expected errors, got codes');
  return r.errors;
};
const own = (codes: Code[]) => codes.filter((c) => c.path[0] !== 'Oorzaak');

describe(readCodebookTable.name, () => {
  it('repeats an empty Categorie 1 or 2 from the row above and makes the categories above a code into grouping codes', () => {
    const codes = codesOf(
      readCodebookTable(
        table(
          HEADER,
          'Informatievoorziening / NAW mutaties;Installatie gegevens;Aansluitwaarde;CONS_INFO_INST_AANS;Naam beller: Klantvraag: Product:',
          ';;EAN code;CONS_INFO_INST_EAN;Naam beller: Klantvraag: Product: EAN-code doorgegeven:',
          ';Mutatie / NAW gegevens;Naamswijziging;CONS_INFO_MUT_NAAM;',
          'Issue leverancier;Hoogverbruik;Top 10 leveranciers en overig;CONS_ISSUE_HGV;',
        ),
      ),
    );
    expect(own(codes).map((c) => [c.path.join(' / '), c.tekstId])).toEqual([
      ['Informatievoorziening / NAW mutaties', null],
      ['Informatievoorziening / NAW mutaties / Installatie gegevens', null],
      ['Informatievoorziening / NAW mutaties / Installatie gegevens / Aansluitwaarde', 'CONS_INFO_INST_AANS'],
      ['Informatievoorziening / NAW mutaties / Installatie gegevens / EAN code', 'CONS_INFO_INST_EAN'],
      ['Informatievoorziening / NAW mutaties / Mutatie / NAW gegevens', null],
      ['Informatievoorziening / NAW mutaties / Mutatie / NAW gegevens / Naamswijziging', 'CONS_INFO_MUT_NAAM'],
      ['Issue leverancier', null],
      ['Issue leverancier / Hoogverbruik', null],
      ['Issue leverancier / Hoogverbruik / Top 10 leveranciers en overig', 'CONS_ISSUE_HGV'],
    ]);
    expect(codes.find((c) => c.tekstId === 'CONS_INFO_INST_EAN')!.logtekst).toBe(
      'Naam beller: Klantvraag: Product: EAN-code doorgegeven:',
    );
    expect(codes.find((c) => c.tekstId === 'CONS_INFO_MUT_NAAM')!.logtekst).toBeNull();
  });

  it('gives each Categorie 1 its own default colour, used by the codes below it', () => {
    const codes = own(codesOf(readCodebookTable(table(HEADER, 'A;B;C;A_B_C;', 'D;;;D;'))));
    expect(codes.map((c) => c.colour)).toEqual([
      defaultColour(0),
      defaultColour(0),
      defaultColour(0),
      defaultColour(1),
    ]);
  });

  it('does not carry Categorie 2 into a new Categorie 1: a row with only Categorie 1 is a code at level 1', () => {
    const codes = own(codesOf(readCodebookTable(table(HEADER, 'A;B;;A_B;', 'C;;;C_ONLY;'))));
    expect(codes.map((c) => c.path)).toEqual([['A'], ['A', 'B'], ['C']]);
  });

  it('repeats an empty Categorie 2 also when Categorie 1 is written out again, if the row goes on to Categorie 3', () => {
    const codes = own(codesOf(readCodebookTable(table(HEADER, 'A;B;X;A_B_X;', 'A;;C;A_B_C;', 'a;;;A_ONLY;'))));
    expect(codes.map((c) => [c.path.join('/'), c.tekstId])).toEqual([
      ['A', 'A_ONLY'],
      ['A/B', null],
      ['A/B/X', 'A_B_X'],
      ['A/B/C', 'A_B_C'],
    ]);
  });

  it('gives the codes in tree order: each code after its parent, whatever the order of the rows', () => {
    const codes = own(codesOf(readCodebookTable(table(HEADER, 'A;B;C;ABC;', 'D;;;D;', 'A;E;;AE;'))));
    expect(codes.map((c) => c.path.join('/'))).toEqual(['A', 'A/B', 'A/B/C', 'A/E', 'D']);
  });

  it('reads a heading row (no Tekst-ID) as a grouping code, which may give its colour', () => {
    const codes = own(
      codesOf(readCodebookTable(table(`${HEADER};Kleur`, 'Factuur;;;;;#cc79a7', ';Kopie;;FACT_KOP;;', 'Leeg;;;;'))),
    );
    expect(codes).toEqual([
      { path: ['Factuur'], tekstId: null, logtekst: null, colour: '#CC79A7' },
      { path: ['Factuur', 'Kopie'], tekstId: 'FACT_KOP', logtekst: null, colour: defaultColour(0) },
      { path: ['Leeg'], tekstId: null, logtekst: null, colour: defaultColour(1) },
    ]);
  });

  it('lets a code of level 2 have codes of level 3 below it', () => {
    const codes = own(codesOf(readCodebookTable(table(HEADER, 'A;B;C;ABC;', ';B;;AB;'))));
    expect(codes.map((c) => [c.path.length, c.tekstId])).toEqual([
      [1, null],
      [2, 'AB'],
      [3, 'ABC'],
    ]);
  });

  it('recognises the header whatever its spelling, below a title and again further down, and ignores unknown columns', () => {
    const codes = codesOf(
      readCodebookTable(
        table(
          'Categorieën Nieuwe Stijl',
          ' CATEGORIE  1 ;categorie2;Categorie\t3;tekst id;Log tekst;CHECK',
          'A;B;C;X_1;log;V',
          'Categorie 1;Categorie 2;Categorie 3;Tekst-ID;Logtekst;CHECK',
          'A;B;D;X_2;;X',
        ),
      ),
    );
    expect(
      own(codes)
        .filter((c) => c.tekstId)
        .map((c) => [c.path.join('/'), c.tekstId, c.logtekst]),
    ).toEqual([
      ['A/B/C', 'X_1', 'log'],
      ['A/B/D', 'X_2', null],
    ]);
  });

  it('takes a Tekst-ID in another notation in its regular form and says so', () => {
    const r = readCodebookTable(table(HEADER, 'Issue leverancier;Hoogverbruik;Top 10;CONS_ISSUE_HGV_(lv);'));
    expect(codesOf(r).find((c) => c.path[2] === 'Top 10')!.tekstId).toBe('CONS_ISSUE_HGV_LV');
    expect(r.warnings).toEqual([
      {
        line: 2,
        column: 'Tekst-ID',
        code: 'tekst_id_normalised',
        details: { value: 'CONS_ISSUE_HGV_(lv)', normalised: 'CONS_ISSUE_HGV_LV' },
      },
    ]);
  });

  it('always completes the cause group', () => {
    const codes = codesOf(readCodebookTable(table(HEADER, 'A;;;A;')));
    expect(codes.slice(1)).toEqual(BUILT_IN_CAUSES);
  });

  it('accepts the cause codes under Oorzaak with their own labels', () => {
    const codes = codesOf(readCodebookTable(table(HEADER, 'Oorzaak;Fout;;OORZAAK_FOUT;Wat ging mis:')));
    expect(codes.filter((c) => c.tekstId === 'OORZAAK_FOUT')).toEqual([
      { path: ['Oorzaak', 'Fout'], tekstId: 'OORZAAK_FOUT', logtekst: 'Wat ging mis:', colour: defaultColour(0) },
    ]);
    expect(codes.filter((c) => c.tekstId?.startsWith('OORZAAK_'))).toHaveLength(3);
  });

  it('reports every problem with line, column (as headed in the file) and code, and gives no codebook at all', () => {
    const r = readCodebookTable(
      table(
        'categorie 1;Categorie 2;Categorie 3;Tekst ID;Logtekst;Kleur',
        ';;;ORPHAN;;',
        'A;;C;A_C;;',
        'A;B;;bad id!;;',
        'A;B;C;1ABC;;',
        'A;B;D;ABD;;',
        'A;B;E;ABD;;',
        'A;B;D;ABD_2;;',
        'H;;;;log without id;',
        'K;;;K;;blue',
        'Elders;;;OORZAAK_NODIG;;',
        `${'x'.repeat(201)};;;LONG;;`,
        'A;B;F;OK_ROW;;',
      ),
    );
    expect(errorsOf(r)).toEqual([
      { line: 2, column: 'categorie 1', code: 'missing_categorie_1', details: {} },
      { line: 3, column: 'Categorie 2', code: 'categorie_3_without_categorie_2', details: {} },
      { line: 5, column: 'Tekst ID', code: 'tekst_id_format', details: { value: '1ABC' } },
      { line: 7, column: 'Tekst ID', code: 'duplicate_tekst_id', details: { value: 'ABD', firstLine: 6 } },
      { line: 8, column: 'Categorie 3', code: 'duplicate_path', details: { path: 'A / B / D', firstLine: 6 } },
      { line: 9, column: 'Logtekst', code: 'heading_with_logtekst', details: {} },
      { line: 10, column: 'Kleur', code: 'colour_format', details: { value: 'blue' } },
      {
        line: 11,
        column: 'Tekst ID',
        code: 'reserved_tekst_id',
        details: { value: 'OORZAAK_NODIG', group: 'Oorzaak' },
      },
      { line: 12, column: 'categorie 1', code: 'label_too_long', details: { max: 200 } },
    ]);
    // "bad id!" became BAD_ID: a warning, not an error.
    expect(r.warnings.map((w) => [w.line, w.code])).toEqual([[4, 'tekst_id_normalised']]);
  });

  it('reports a file without header, without rows or without codes as a whole', () => {
    expect(errorsOf(readCodebookTable([]))).toEqual([{ line: null, column: null, code: 'empty_file', details: {} }]);
    expect(errorsOf(readCodebookTable(table('', ';;')))[0].code).toBe('empty_file');
    expect(errorsOf(readCodebookTable(table('naam;omschrijving', 'a;b')))).toEqual([
      {
        line: null,
        column: null,
        code: 'no_header',
        details: { expected: 'Categorie 1;Categorie 2;Categorie 3;Tekst-ID;Logtekst' },
      },
    ]);
    expect(errorsOf(readCodebookTable(table(HEADER, 'A;B;;;')))[0].code).toBe('no_codes');
  });

  it('has a Dutch and an English text for every problem, with the details filled in', () => {
    const t = new Translations(join(__dirname, '../../templates'));
    for (const code of CODEBOOK_PROBLEM_CODES) {
      const key = `codebook.error.${code}`;
      expect(t.keys('nl')).toContain(key);
      expect(t.keys('en')).toContain(key);
      const vars = {
        value: 'V',
        normalised: 'N',
        firstLine: 3,
        path: 'P',
        group: 'G',
        max: 9,
        expected: 'E',
        format: 'csv',
      };
      expect(t.t('nl', key, vars)).not.toMatch(/\{\w+\}/);
      expect(t.t('en', key, vars)).not.toMatch(/\{\w+\}/);
      expect(t.t('nl', key, vars)).not.toBe(t.t('en', key, vars));
    }
  });
});

describe(writeCodebookTable.name, () => {
  const seedLike = () =>
    codesOf(
      readCodebookTable(
        table(
          `${HEADER};Kleur`,
          'Verbruik Zonder Contract;Vooraankondiging VZC;Informatie over het proces;CONS_VZC_VZC_INFO;Naam beller: Klantvraag:;',
          ';;Doorverbonden met VZC;CONS_VZC_VZC_DRVB;;#123456',
          ';Factuur;;CONS_VZC_FACT;;',
          ';Factuur;Terugbelverzoek gemaakt;CONS_VZC_FACT_TBV;;',
          'Leeg;;;;;#ABCDEF',
          'Vaststellen meter(standen);Meteropname;Schouwing;CONS_MKV_OPN_SCH;SCHOUWING;',
        ),
      ),
    );

  it('writes the seed layout with a colour column, one row per code', () => {
    const rows = writeCodebookTable(seedLike());
    expect(rows[0]).toEqual(['Categorie 1', 'Categorie 2', 'Categorie 3', 'Tekst-ID', 'Logtekst', 'Kleur']);
    expect(rows).toContainEqual([
      'Verbruik Zonder Contract',
      'Factuur',
      'Terugbelverzoek gemaakt',
      'CONS_VZC_FACT_TBV',
      '',
      defaultColour(0),
    ]);
    expect(rows).toContainEqual([
      'Oorzaak',
      'Fout van de organisatie (vermijdbaar)',
      '',
      'OORZAAK_FOUT',
      'Wat ging er mis bij de organisatie:',
      '#D55E00',
    ]);
  });

  it.each([false, true])('reads back what it wrote (blank repeats: %s)', (blankRepeats) => {
    const codes = seedLike();
    const rows = writeCodebookTable(codes, { blankRepeats });
    const again = readCodebookTable(rows.map((cells, i) => ({ line: i + 1, cells })));
    expect(codesOf(again)).toEqual(codes);
    expect(again.warnings).toEqual([]);
  });

  it('keeps the cause group together when the table has only some of its codes, and reads back the same', () => {
    const codes = codesOf(readCodebookTable(table(HEADER, 'Oorzaak;Fout;;OORZAAK_FOUT;', 'Factuur;;;FACT;')));
    expect(codes.map((c) => c.tekstId ?? c.path.join('/'))).toEqual([
      'Oorzaak',
      'OORZAAK_FOUT',
      'OORZAAK_SELFSERVICE',
      'OORZAAK_NODIG',
      'FACT',
    ]);
    const again = readCodebookTable(writeCodebookTable(codes).map((cells, i) => ({ line: i + 1, cells })));
    expect(codesOf(again)).toEqual(codes);
  });

  it('leaves repeated categories empty as the seed does when asked', () => {
    const rows = writeCodebookTable(seedLike(), { blankRepeats: true });
    expect(rows.slice(1, 6).map((r) => r.slice(0, 4))).toEqual([
      ['Verbruik Zonder Contract', '', '', ''],
      ['', 'Vooraankondiging VZC', '', ''],
      ['', '', 'Informatie over het proces', 'CONS_VZC_VZC_INFO'],
      ['', '', 'Doorverbonden met VZC', 'CONS_VZC_VZC_DRVB'],
      ['', 'Factuur', '', 'CONS_VZC_FACT'],
    ]);
  });

  it('round-trips any codebook of up to three levels', () => {
    const label = fc.constantFrom('Informatie', 'Factuur', 'Meteropname', 'Overig / rest', 'Ander issue', 'Één', 'x');
    const paths = fc.uniqueArray(fc.array(label, { minLength: 1, maxLength: 3 }), {
      minLength: 1,
      maxLength: 25,
      selector: (p) => p.join('\u0000'),
    });
    fc.assert(
      fc.property(
        paths,
        fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
        fc.boolean(),
        (leafPaths, codable, blankRepeats) => {
          // A codebook as the reader would build it: parents first, codable where the generator says so.
          const rows = [
            HEADER.split(';').concat('Kleur'),
            ...leafPaths.map((p, i) => [p[0], p[1] ?? '', p[2] ?? '', codable[i] || i === 0 ? `C${i}` : '', '', '']),
          ];
          const first = readCodebookTable(rows.map((cells, i) => ({ line: i + 1, cells })));
          const codes = codesOf(first);
          expect(checkCodebook(codes)).toEqual([]);
          const again = readCodebookTable(
            writeCodebookTable(codes, { blankRepeats }).map((cells, i) => ({ line: i + 1, cells })),
          );
          expect(codesOf(again)).toEqual(codes);
        },
      ),
    );
  });
});
