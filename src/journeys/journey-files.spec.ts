import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { journeyCsv, journeyFileName, journeyXlsx } from './journey-files';
import { journeyReport } from './journey-report';

const report = journeyReport({
  study: 'wp2a',
  population: 'participants',
  respondents: [
    {
      id: 1,
      organisation: '=RET',
      quadrant: 'gemakzoeker',
      answers: { contactMoments: 'Gebeld', contactMomentsRating: 'negatief', channels: ['telefoon'] },
    },
  ],
  codings: [{ respondent: 1, question: 'contactMoments', start: 0, end: 6, codes: ['CONS_A', 'OORZAAK_FOUT'] }],
  codebook: [
    { path: ['Factuur'], tekstId: null, logtekst: null, colour: '#000000' },
    { path: ['Factuur', 'Uitleg'], tekstId: 'CONS_A', logtekst: null, colour: '#000000' },
  ],
});

describe(journeyCsv.name, () => {
  const rows: string[][] = parse(
    journeyCsv(report, 'nl')
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
    {
      delimiter: ';',
    },
  );

  it('writes a header and a row per counted item, text cells safe for spreadsheets', () => {
    expect(rows[0]).toEqual([
      'Organisatie',
      'Kwadrant',
      'n',
      'Stap',
      'Wat is geteld',
      'Waarde',
      'Omschrijving',
      'Aantal',
      'Respondenten',
    ]);
    const find = (item: string) => rows.find((r) => r[3] === 'Het contactmoment' && r[5] === item)!;
    expect(find('negatief')).toEqual([
      "'=RET",
      'Gemakzoeker',
      '1',
      'Het contactmoment',
      'Waardering',
      'negatief',
      'negatief',
      '1',
      '',
    ]);
    expect(find('telefoon')[7]).toBe('1');
    expect(find('CONS_A').slice(6)).toEqual(['Factuur > Uitleg', '1', '1']);
    expect(find('Factuur').slice(7)).toEqual(['1', '1']);
    expect(find('fout')[7]).toBe('1');
    expect(find('share')[7]).toBe('1');
    // Nothing coded in the goal step: no share, an empty cell rather than 0.
    expect(rows.find((r) => r[3] === 'Het doel' && r[5] === 'share')![7]).toBe('');
  });

  it('uses a comma when asked', () => {
    expect(journeyCsv(report, 'en', ',').toString('utf8').split('\r\n')[0]).toBe(
      '\uFEFFOrganisation,Quadrant,n,Step,What is counted,Value,Description,Count,Respondents',
    );
  });
});

describe(journeyXlsx.name, () => {
  it('writes the same rows under the study and population', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await journeyXlsx(report, 'en')) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, 'Study', 'wp2a']);
    expect(sheet.getRow(4).getCell(1).value).toBe('Organisation');
    const values = sheet.getRow(5).values as unknown[];
    expect(values[1]).toBe("'=RET");
    expect(values[3]).toBe(1);
    expect(sheet.rowCount).toBe(4 + journeyCsv(report, 'en').toString('utf8').trim().split('\r\n').length - 1);
  });
});

describe(journeyFileName.name, () => {
  it('is plain ASCII with the filters in it', () => {
    expect(
      journeyFileName({
        study: 'wp2a',
        organisation: 'Gemeente Zaanstad',
        population: 'participants',
        format: 'csv',
        locale: 'nl',
      }),
    ).toBe('klantreis-wp2a-gemeente-zaanstad-participants.csv');
  });
});
