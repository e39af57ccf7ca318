import { CONVERSATION_GUIDE } from './conversation-guide';

describe('CONVERSATION_GUIDE', () => {
  it('fills the 120 minutes of a session', () => {
    expect(CONVERSATION_GUIDE.reduce((sum, s) => sum + s.minutes, 0)).toBe(120);
  });

  it('follows the sections of Bijlage 3 in order, with the longest on personal service', () => {
    expect(CONVERSATION_GUIDE.map((s) => s.title.nl)).toEqual([
      'Introductie',
      'Voorstelronde',
      'Kanaalkeuze (oriëntatie)',
      'Dienstverlening',
      'Na de dienstverlening / contact achteraf',
      'Resumé kanalen',
      'Goede dienstverlening',
      'Persoonlijke dienstverlening',
      'Betrokkenheid vanuit organisatie',
      'Betrokkenheid vanuit klant',
      'Vertrouwen',
      'Resumé',
    ]);
    expect(CONVERSATION_GUIDE.find((s) => s.minutes === 40)?.title.en).toBe('Personal service');
  });

  it('has Dutch points for every section and as many English ones', () => {
    for (const section of CONVERSATION_GUIDE) {
      expect(section.points.nl.length).toBeGreaterThan(0);
      expect(section.points.en.length).toBe(section.points.nl.length);
      expect(section.title.en).not.toBe('');
    }
  });
});
