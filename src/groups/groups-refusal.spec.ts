import { refusalText } from './groups-page';

describe('a refused group change on the page', () => {
  it("names each broken rule in the reader's language", () => {
    const notice = {
      text: 'Group 4 would have 1 member; …',
      code: 'group.change_refused',
      details: {
        breaches: [
          { rule: 'too_few', groupId: 4, count: 1, min: 2 },
          { rule: 'reserve_no_slot', respondentId: 9, groupId: 4 },
        ],
      },
    };
    expect(refusalText(notice, 'nl')).toBe(
      'Groep 4 zou 1 deelnemer hebben; het onderzoek vraagt er minstens 2. Voeg eerst iemand toe, of hef de groep op. Reserve 9 heeft geen sessiemoment gemeen met de deelnemers van groep 4.',
    );
    expect(refusalText(notice, 'en')).toMatch(/^Group 4 would have 1 member; the study needs at least 2\./);
  });

  it('translates the missing facts of an incomplete profile', () => {
    const notice = {
      text: 'Respondent 3 cannot be grouped yet: missing digital comfort.',
      code: 'group.respondent_incomplete',
      details: { respondentId: 3, missing: ['digital comfort'] },
    };
    expect(refusalText(notice, 'nl')).toBe('Respondent 3 kan nog niet in een groep: ontbreekt digitaal comfort.');
  });

  it('keeps the English text when the page has no words for it, or lacks a detail the words need', () => {
    expect(refusalText({ text: 'Group 2 has a scheduled session.', code: 'group.scheduled' }, 'nl')).toBe(
      'Group 2 has a scheduled session.',
    );
    expect(refusalText({ text: 'Group 2 is locked, which already keeps it.', code: 'group.locked' }, 'nl')).toBe(
      'Group 2 is locked, which already keeps it.',
    );
  });
});
