import { RESPONDENT_STATUSES } from '../common/domain';
import { downloadFileName, parseDelimiter, POPULATION_STATUSES } from './overview-request';

describe('POPULATION_STATUSES', () => {
  it('nests: participants within invited within eligible within all', () => {
    const { participants, invited, eligible, all } = POPULATION_STATUSES;
    expect(invited).toEqual(expect.arrayContaining([...participants]));
    expect(eligible).toEqual(expect.arrayContaining([...invited]));
    expect(all).toEqual(expect.arrayContaining([...eligible]));
  });

  it('never includes erased respondents, and only "all" includes ineligible ones', () => {
    for (const statuses of Object.values(POPULATION_STATUSES)) expect(statuses).not.toContain('erased');
    expect(POPULATION_STATUSES.all).toEqual(RESPONDENT_STATUSES.filter((s) => s !== 'erased'));
    expect(POPULATION_STATUSES.eligible).not.toContain('ineligible');
  });

  it('counts those who declined as eligible but not as invited', () => {
    expect(POPULATION_STATUSES.invited).not.toContain('declined');
    expect(POPULATION_STATUSES.eligible).toContain('declined');
  });
});

describe('downloadFileName', () => {
  it('names study, organisation and population in ASCII', () => {
    expect(
      downloadFileName({
        study: 'wp2a',
        organisation: 'Gemeente Utrecht',
        population: 'participants',
        format: 'csv',
        locale: 'nl',
      }),
    ).toBe('respondentenoverzicht-wp2a-gemeente-utrecht-participants.csv');
    expect(downloadFileName({ study: 'wp2a', population: 'all', format: 'pdf', locale: 'en' })).toBe(
      'respondent-overview-wp2a-all.pdf',
    );
  });

  it('drops accents, quotes and path characters', () => {
    expect(
      downloadFileName({
        study: 's',
        organisation: 'Zuidoost "Ré"/..\\x',
        population: 'invited',
        format: 'xlsx',
        locale: 'nl',
      }),
    ).toBe('respondentenoverzicht-s-zuidoost-re-x-invited.xlsx');
  });
});

describe('parseDelimiter', () => {
  it('is ; unless a comma is asked for', () => {
    expect(parseDelimiter(undefined)).toBe(';');
    expect(parseDelimiter(';')).toBe(';');
    expect(parseDelimiter(',')).toBe(',');
    expect(parseDelimiter('comma')).toBe(',');
  });
});
