import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { DEFAULT_IMPORT_LIMITS, MAX_LISTED_PROBLEMS } from '../common/import/import-limits';
import { Translations } from '../common/i18n';
import { templatesDir } from '../common/view-engine';
import { ImportFileError, parseImportFile as parse } from './import-parser';

const catalogue = new Translations(templatesDir());

/** The parse with each reason worded in English, as the import says it to an English reader. */
async function parseImportFile(...args: Parameters<typeof parse>) {
  const parsed = await parse(...args);
  return {
    ...parsed,
    errors: parsed.errors.map((e) => ({ ...e, reason: catalogue.t('en', e.reason.key, e.reason.vars) })),
  };
}

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'import');
const ORGANISATIONS = ['RET', 'Vitens', 'Belastingdienst', 'Gemeente Utrecht'];
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

const BIJLAGE5_HEADER = [
  'Geslacht',
  'Leeftijd',
  'Opleidingsniveau',
  'Mate comfortabel met digitale middelen',
  'Kwadrant',
  'Organisatie',
];
const ENGLISH_HEADER = [
  'first_name',
  'email',
  'gender',
  'age',
  'education',
  'digital_comfort',
  'quadrant',
  'organisation',
];

function csv(rows: string[][], delimiter: string, bom: boolean): Buffer {
  const text = rows.map((r) => r.join(delimiter)).join('\r\n') + '\r\n';
  return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
}

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Respondenten');
  rows.forEach((r) => sheet.addRow(r));
  workbook.addWorksheet('Notities').addRow(['not read']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('parseImportFile: the Bijlage 5 table', () => {
  it('reads every row of the report appendix, with its repeated headers, into canonical values', async () => {
    const { layout, rows, errors } = await parseImportFile(
      fixture('bijlage5-respondentenoverzicht.csv'),
      'overzicht.csv',
      ORGANISATIONS,
    );
    expect(errors).toEqual([]);
    expect(layout).toBe('bijlage5');
    expect(rows).toHaveLength(44);

    const perGroup = new Map<string, number>();
    for (const r of rows)
      perGroup.set(`${r.organisation}/${r.quadrant}`, (perGroup.get(`${r.organisation}/${r.quadrant}`) ?? 0) + 1);
    expect(Object.fromEntries(perGroup)).toEqual({
      'RET/gemakzoeker': 2,
      'RET/zekerheidszoeker': 3,
      'RET/informatiezoeker': 4,
      'RET/rust-in-je-hoofdzoeker': 3,
      'Vitens/informatiezoeker': 3,
      'Vitens/zekerheidszoeker': 3,
      'Vitens/rust-in-je-hoofdzoeker': 3,
      'Vitens/gemakzoeker': 3,
      'Belastingdienst/informatiezoeker': 3,
      'Belastingdienst/rust-in-je-hoofdzoeker': 3,
      'Belastingdienst/zekerheidszoeker': 3,
      'Belastingdienst/gemakzoeker': 2,
      'Gemeente Utrecht/zekerheidszoeker': 3,
      'Gemeente Utrecht/informatiezoeker': 3,
      'Gemeente Utrecht/rust-in-je-hoofdzoeker': 3,
    });

    // Header on line 1, twelve RET rows on lines 2-13, a blank line, then Vitens' header on line 15.
    expect(rows[0]).toEqual({
      line: 2,
      organisation: 'RET',
      quadrant: 'gemakzoeker',
      gender: 'v',
      age: '65-70',
      ageMin: 65,
      ageMax: 70,
      education: 'mbo',
      digitalComfort: 'comfortabel',
    });
    expect(rows.find((r) => r.line === 6)).toMatchObject({
      gender: 'm',
      age: '35',
      education: 'basisonderwijs',
      digitalComfort: 'neutraal',
    });
    expect(rows.find((r) => r.line === 9)).toMatchObject({
      age: '45-54',
      education: 'wo',
      digitalComfort: 'zeer-comfortabel',
    });
    expect(rows.find((r) => r.line === 16)).toMatchObject({
      organisation: 'Vitens',
      age: '47',
      ageMin: 47,
      ageMax: 47,
      education: 'mbo',
    });
    expect(rows.find((r) => r.line === 20)).toMatchObject({ education: 'vmbo-mavo-lbo', quadrant: 'zekerheidszoeker' });
    expect(rows.find((r) => r.line === 22)).toMatchObject({
      education: 'vmbo-mavo-lbo',
      quadrant: 'rust-in-je-hoofdzoeker',
    });
    expect(rows.find((r) => r.line === 23)).toMatchObject({ education: 'havo-vwo' });
    expect(rows.find((r) => r.line === 27)).toMatchObject({ education: 'vmbo-mavo-lbo', quadrant: 'gemakzoeker' });

    const educations = new Set(rows.map((r) => r.education));
    expect([...educations].sort()).toEqual(['basisonderwijs', 'havo-vwo', 'hbo', 'mbo', 'vmbo-mavo-lbo', 'wo']);
  });
});

describe('parseImportFile: layouts, delimiters and BOM', () => {
  const bijlage5Rows = [
    BIJLAGE5_HEADER,
    ['Man', '47', 'HAVO / VWO', 'Zeer comfortabel', 'Gemakzoekers', 'gemeente utrecht'],
    ['Vrouw', '45–54', 'universiteit of hoger', 'Neutraal', 'rust-in-je-hoofdzoekers', 'RET'],
  ];
  const englishRows = [
    ENGLISH_HEADER,
    [
      'Anna',
      'anna@example.org',
      'female',
      '65-70',
      'lagere school',
      'very uncomfortable',
      'Certainty seeker',
      'Vitens',
    ],
    ['', '', 'x', '34', 'VMBO / MAVO / LBO', 'comfortable', 'Information seekers', 'belastingdienst'],
  ];

  it.each([
    [';', true],
    [';', false],
    [',', true],
    [',', false],
    ['\t', false],
  ])('Bijlage 5 layout with delimiter %j, BOM %s', async (delimiter, bom) => {
    const { layout, rows, errors } = await parseImportFile(
      csv(bijlage5Rows, delimiter, bom),
      'import.csv',
      ORGANISATIONS,
    );
    expect(errors).toEqual([]);
    expect(layout).toBe('bijlage5');
    expect(rows).toEqual([
      {
        line: 2,
        organisation: 'Gemeente Utrecht',
        quadrant: 'gemakzoeker',
        gender: 'm',
        age: '47',
        ageMin: 47,
        ageMax: 47,
        education: 'havo-vwo',
        digitalComfort: 'zeer-comfortabel',
      },
      {
        line: 3,
        organisation: 'RET',
        quadrant: 'rust-in-je-hoofdzoeker',
        gender: 'v',
        age: '45-54',
        ageMin: 45,
        ageMax: 54,
        education: 'wo',
        digitalComfort: 'neutraal',
      },
    ]);
  });

  it.each([
    [',', false],
    [',', true],
    [';', true],
    [';', false],
  ])('English layout with delimiter %j, BOM %s; name and e-mail are optional per row', async (delimiter, bom) => {
    const { layout, rows, errors } = await parseImportFile(
      csv(englishRows, delimiter, bom),
      'import.csv',
      ORGANISATIONS,
    );
    expect(errors).toEqual([]);
    expect(layout).toBe('english');
    expect(rows).toEqual([
      {
        line: 2,
        firstName: 'Anna',
        email: 'anna@example.org',
        organisation: 'Vitens',
        quadrant: 'zekerheidszoeker',
        gender: 'v',
        age: '65-70',
        ageMin: 65,
        ageMax: 70,
        education: 'basisonderwijs',
        digitalComfort: 'zeer-oncomfortabel',
      },
      {
        line: 3,
        organisation: 'Belastingdienst',
        quadrant: 'informatiezoeker',
        gender: 'x',
        age: '34',
        ageMin: 34,
        ageMax: 34,
        education: 'vmbo-mavo-lbo',
        digitalComfort: 'comfortabel',
      },
    ]);
  });

  it('reads the English fixture: quoted commas, en dash, blank line, any-case organisation', async () => {
    const { rows, errors } = await parseImportFile(fixture('english-comma.csv'), 'panel.csv', ORGANISATIONS);
    expect(errors).toEqual([]);
    expect(
      rows.map((r) => [
        r.line,
        r.firstName,
        r.organisation,
        r.quadrant,
        r.gender,
        r.age,
        r.education,
        r.digitalComfort,
      ]),
    ).toEqual([
      [2, 'Anna', 'Gemeente Utrecht', 'gemakzoeker', 'v', '34', 'hbo', 'zeer-comfortabel'],
      [3, 'de Vries, Jan', 'Vitens', 'informatiezoeker', 'm', '45-54', 'vmbo-mavo-lbo', 'oncomfortabel'],
      [4, undefined, 'RET', 'rust-in-je-hoofdzoeker', 'x', '65+', 'wo', 'neutraal'],
      [6, 'Bo', 'Belastingdienst', 'zekerheidszoeker', 'x', '80', 'basisonderwijs', 'neutraal'],
      [7, 'Kees', 'Gemeente Utrecht', 'rust-in-je-hoofdzoeker', 'm', '65-70', 'wo', 'zeer-oncomfortabel'],
    ]);
  });

  it('tolerates header case and spacing, and title lines above the header', async () => {
    const rows = [
      ['Respondentenoverzicht panelbureau'],
      [],
      [
        '  GESLACHT ',
        'leeftijd',
        'Opleidings niveau',
        'Mate  comfortabel met\ndigitale middelen',
        'kwadrant',
        'ORGANISATIE',
        'Opmerking',
      ],
      ['m', '70', 'mbo', 'neutraal', 'Informatiezoeker', 'RET', 'belt liever'],
    ];
    const {
      layout,
      rows: parsed,
      errors,
    } = await parseImportFile(
      csv(
        rows.map((r) => r.map((c) => `"${c}"`)),
        ';',
        false,
      ),
      'x.csv',
      ORGANISATIONS,
    );
    expect(errors).toEqual([]);
    expect(layout).toBe('bijlage5');
    // The header's quoted "Mate ... middelen" cell runs over lines 3 and 4, so the data sits on line 5.
    expect(parsed).toEqual([
      expect.objectContaining({ line: 5, gender: 'm', age: '70', quadrant: 'informatiezoeker' }),
    ]);
  });

  it('reads notes in brackets after a header and the spellings of other real tables', async () => {
    const text = [
      'Geslacht (m/v);Leeftijd (jaren);Opleidingsniveau [hoogst afgerond];Mate comfortabel met digitale middelen (1-5);Kwadrant;Organisatie',
      'Mevrouw;47 jaar;HBO master;4 - comfortabel;Informatiezoekers;De Belastingdienst',
      'Anders of zeg ik liever niet;65 - 70;VMBO/MAVO/LBO;5;rust in je hoofd zoekers;Gem. Utrecht',
      'de heer;45–54;Universiteit of hoger (WO);neutraal (3);Convenience seekers;Vitens N.V.',
    ].join('\r\n');
    const { rows, errors } = await parseImportFile(Buffer.from(text), 'panel.csv', ORGANISATIONS);
    expect(errors).toEqual([]);
    expect(
      rows.map(({ gender, age, ageMin, ageMax, education, digitalComfort, quadrant, organisation }) => [
        gender,
        age,
        ageMin,
        ageMax,
        education,
        digitalComfort,
        quadrant,
        organisation,
      ]),
    ).toEqual([
      ['v', '47', 47, 47, 'hbo', 'comfortabel', 'informatiezoeker', 'Belastingdienst'],
      ['x', '65-70', 65, 70, 'vmbo-mavo-lbo', 'zeer-comfortabel', 'rust-in-je-hoofdzoeker', 'Gemeente Utrecht'],
      ['m', '45-54', 45, 54, 'wo', 'neutraal', 'gemakzoeker', 'Vitens'],
    ]);
  });

  it("honours Excel's sep= hint line and keeps physical line numbers", async () => {
    const text =
      'sep=;\nGeslacht;Leeftijd;Opleidingsniveau;Mate comfortabel met digitale middelen;Kwadrant;Organisatie\nv;28;HBO;comfortabel;Gemakzoeker;RET\n';
    const { rows, errors } = await parseImportFile(Buffer.from(text), 'excel.csv', ORGANISATIONS);
    expect(errors).toEqual([]);
    expect(rows).toEqual([expect.objectContaining({ line: 3, gender: 'v', education: 'hbo' })]);
  });

  it('reads a Windows-1252 file as saved by Excel on Dutch Windows', async () => {
    const text =
      'first_name;email;gender;age;education;digital_comfort;quadrant;organisation\r\nRené;;man;47;HBO;neutraal;gemakzoeker;RET\r\n';
    const latin1 = Buffer.from(text, 'latin1');
    const { rows } = await parseImportFile(latin1, 'excel.csv', ORGANISATIONS);
    expect(rows[0].firstName).toBe('René');
  });
});

describe('parseImportFile: XLSX', () => {
  it('reads the first sheet, with numeric ages and row numbers as line numbers', async () => {
    const buf = await xlsx([
      BIJLAGE5_HEADER,
      ['M', 47, 'Mavo', 'zeer comfortabel', 'Zekerheidszoekers', 'Vitens'],
      [null, null, null, null, null, null],
      ['V', '65-70', 'Havo / VWO', 'comfortabel', 'Convenience seekers', 'Gemeente Utrecht'],
      ['v', 'oud', 'HBO', 'comfortabel', 'Gemakzoeker', 'Vitens'],
    ]);
    const { layout, rows, errors } = await parseImportFile(buf, 'respondenten.xlsx', ORGANISATIONS);
    expect(layout).toBe('bijlage5');
    expect(rows).toEqual([
      {
        line: 2,
        organisation: 'Vitens',
        quadrant: 'zekerheidszoeker',
        gender: 'm',
        age: '47',
        ageMin: 47,
        ageMax: 47,
        education: 'vmbo-mavo-lbo',
        digitalComfort: 'zeer-comfortabel',
      },
      {
        line: 4,
        organisation: 'Gemeente Utrecht',
        quadrant: 'gemakzoeker',
        gender: 'v',
        age: '65-70',
        ageMin: 65,
        ageMax: 70,
        education: 'havo-vwo',
        digitalComfort: 'comfortabel',
      },
    ]);
    expect(errors).toEqual([
      {
        line: 5,
        column: 'Leeftijd',
        value: 'oud',
        reason: 'cannot read age "oud"; expected whole years (47) or a band (45-54, 65+)',
      },
    ]);
  });

  it('knows an XLSX by its content, whatever the file is called', async () => {
    const buf = await xlsx([
      ENGLISH_HEADER,
      ['Jan', 'jan@example.org', 'm', 33, 'WO', 'neutral', 'Peace-of-mind seeker', 'ret'],
    ]);
    const { layout, rows } = await parseImportFile(buf, 'upload.csv', ORGANISATIONS);
    expect(layout).toBe('english');
    expect(rows).toEqual([
      expect.objectContaining({
        line: 2,
        firstName: 'Jan',
        email: 'jan@example.org',
        organisation: 'RET',
        education: 'wo',
      }),
    ]);
  });

  it('reads hyperlinked e-mail addresses and rich text cells as their text', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('A');
    sheet.addRow(ENGLISH_HEADER);
    sheet.addRow([
      'Eva',
      { text: 'eva@example.org', hyperlink: 'mailto:eva@example.org' },
      'v',
      { formula: '40+1', result: 41 },
      { richText: [{ text: 'HA' }, { text: 'VO' }] },
      'neutraal',
      'Gemakzoeker',
      'Vitens',
    ]);
    const { rows, errors } = await parseImportFile(
      Buffer.from(await workbook.xlsx.writeBuffer()),
      'a.xlsx',
      ORGANISATIONS,
    );
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ email: 'eva@example.org', age: '41', education: 'havo-vwo' });
  });
});

describe('parseImportFile: errors', () => {
  it('reports every unreadable cell with its physical line, column, value and reason, left to right', async () => {
    const { rows, errors } = await parseImportFile(fixture('errors-semicolon.csv'), 'fouten.csv', ORGANISATIONS);
    // Line 4 holds a quoted cell running onto line 5; ";;;;;" on line 7 and the blank line 8 are skipped.
    expect(rows.map((r) => [r.line, r.education, r.quadrant])).toEqual([
      [2, 'mbo', 'informatiezoeker'],
      [4, 'havo-vwo', 'zekerheidszoeker'],
      [9, 'basisonderwijs', 'gemakzoeker'],
    ]);
    expect(errors).toEqual([
      {
        line: 3,
        column: 'Geslacht',
        value: 'q',
        reason: 'unknown gender "q"; expected m (man), v (vrouw) or x (anders / zeg ik liever niet)',
      },
      {
        line: 3,
        column: 'Leeftijd',
        value: 'vijftig',
        reason: 'cannot read age "vijftig"; expected whole years (47) or a band (45-54, 65+)',
      },
      {
        line: 6,
        column: 'Leeftijd',
        value: '54-45',
        reason: 'age band "54-45" runs backwards; write the lower age first',
      },
      {
        line: 6,
        column: 'Opleidingsniveau',
        value: 'middelbare school',
        reason: expect.stringMatching(/is ambiguous/),
      },
      {
        line: 6,
        column: 'Mate comfortabel met digitale middelen',
        value: 'soms',
        reason: expect.stringMatching(/^unknown digital comfort "soms"/),
      },
      {
        line: 6,
        column: 'Kwadrant',
        value: 'Twijfelaar',
        reason: expect.stringMatching(/^unknown quadrant "Twijfelaar"; expected one of: Informatiezoeker/),
      },
      {
        line: 6,
        column: 'Organisatie',
        value: 'Waterschap Rijn',
        reason: `unknown organisation "Waterschap Rijn"; this study's organisations are: RET, Vitens, Belastingdienst, Gemeente Utrecht`,
      },
    ]);
  });

  it('reports an empty required cell and a malformed e-mail address', async () => {
    const buf = csv(
      [ENGLISH_HEADER, ['Piet', 'piet-at-example.org', 'm', '50', 'mbo', '', 'gemakzoeker', 'RET']],
      ',',
      false,
    );
    const { rows, errors } = await parseImportFile(buf, 'a.csv', ORGANISATIONS);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { line: 2, column: 'email', value: 'piet-at-example.org', reason: 'not an e-mail address' },
      { line: 2, column: 'digital_comfort', value: '', reason: 'value is missing' },
    ]);
  });

  it('names the missing required columns as a file-level error', async () => {
    const attempt = parseImportFile(fixture('missing-columns.csv'), 'panel.csv', ORGANISATIONS);
    await expect(attempt).rejects.toThrow(ImportFileError);
    await expect(attempt).rejects.toMatchObject({
      message: 'panel.csv: required columns missing: education, digital_comfort, organisation',
      missingColumns: ['education', 'digital_comfort', 'organisation'],
    });
  });

  it('names the Bijlage 5 spelling of a missing column in a Dutch file', async () => {
    const buf = csv(
      [BIJLAGE5_HEADER.filter((h) => h !== 'Kwadrant'), ['m', '47', 'mbo', 'neutraal', 'RET']],
      ';',
      true,
    );
    await expect(parseImportFile(buf, 'a.csv', ORGANISATIONS)).rejects.toMatchObject({ missingColumns: ['Kwadrant'] });
  });

  it('refuses a file without a recognisable header', async () => {
    await expect(
      parseImportFile(Buffer.from('naam;adres\nJan;Dorpsstraat 1\n'), 'adressen.csv', ORGANISATIONS),
    ).rejects.toThrow(/^adressen\.csv: no header row found; expected the columns "Geslacht;Leeftijd;/);
  });

  it('refuses an old binary Excel file and a broken zip with a clear message', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(parseImportFile(xls, 'oud.xls', ORGANISATIONS)).rejects.toThrow(
      'oud.xls: old Excel 97-2003 (.xls) files cannot be read; save it as .xlsx or CSV',
    );
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]);
    await expect(parseImportFile(brokenZip, 'kapot.xlsx', ORGANISATIONS)).rejects.toThrow(
      /^kapot\.xlsx: cannot read as an Excel \(\.xlsx\) file/,
    );
  });
});

describe('parseImportFile: limits', () => {
  const rows = (n: number, organisation: string) => [
    BIJLAGE5_HEADER,
    ...Array.from({ length: n }, () => ['v', '47', 'hbo', 'neutraal', 'gemakzoeker', organisation]),
  ];
  const limits = { ...DEFAULT_IMPORT_LIMITS, maxRows: 300 };

  it('lists the first 100 problems, counts them all, and names the first 100 unreadable lines', async () => {
    const parsed = await parseImportFile(csv(rows(250, 'Nergens'), ';', false), 'a.csv', ORGANISATIONS, limits);
    expect(parsed.errors).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(parsed.errors[99]).toMatchObject({ line: 101, column: 'Organisatie' });
    expect(parsed).toMatchObject({ errorCount: 250, unreadableCount: 250, rows: [] });
    expect(parsed.unreadableLines).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
  });

  it('refuses more rows than the limit, wherever they are in the file', async () => {
    await expect(parseImportFile(csv(rows(301, 'RET'), ';', false), 'a.csv', ORGANISATIONS, limits)).rejects.toThrow(
      expect.objectContaining({
        code: 'import.too_many_rows',
        message:
          'a.csv has more than 300 rows, more than an import may have. Nothing was imported; split it into smaller files.',
      }),
    );
    expect(
      (await parseImportFile(csv(rows(300, 'RET'), ';', false), 'a.csv', ORGANISATIONS, limits)).rows,
    ).toHaveLength(300);
  });

  it('counts repeated headers and blank lines as no rows', async () => {
    const text = csv([...rows(200, 'RET'), BIJLAGE5_HEADER, [], ...rows(100, 'RET').slice(1)], ';', false);
    expect((await parseImportFile(text, 'a.csv', ORGANISATIONS, limits)).rows).toHaveLength(300);
  });

  it('reports a name or address longer than the respondent table holds', async () => {
    const buf = csv(
      [
        ENGLISH_HEADER,
        ['N'.repeat(201), `${'a'.repeat(250)}@example.org`, 'm', '50', 'mbo', 'neutraal', 'gemakzoeker', 'RET'],
      ],
      ',',
      false,
    );
    const { errors } = await parseImportFile(buf, 'a.csv', ORGANISATIONS);
    expect(errors.map((e) => [e.column, e.reason])).toEqual([
      ['first_name', 'longer than 200 characters'],
      ['email', 'longer than 254 characters'],
    ]);
  });
});

describe('parseImportFile: problems stay small whatever a cell holds', () => {
  it('quotes at most 100 characters of a cell, and refuses an over-long coded value as it is', async () => {
    const huge = 'x'.repeat(100_000); // six of them stay under the CSV reader's 1 MB record limit
    const rows = [
      ['Geslacht', 'Leeftijd', 'Opleidingsniveau', 'Mate comfortabel met digitale middelen', 'Kwadrant', 'Organisatie'],
    ];
    for (let i = 0; i < 3; i++) rows.push([huge, huge, huge, huge, huge, huge]);
    const { errors, errorCount } = await parseImportFile(
      Buffer.from(rows.map((r) => r.join(';')).join('\n')),
      'huge.csv',
      ORGANISATIONS,
    );
    expect(errorCount).toBe(18);
    for (const e of errors) {
      expect(e.value.length).toBeLessThanOrEqual(100);
      expect(e.reason).toBe('longer than 200 characters');
    }
  });
});
