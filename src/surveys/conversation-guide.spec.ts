import { translator } from '../common/view-engine';
import { CONVERSATION_GUIDE, conversationGuide } from './conversation-guide';

describe('CONVERSATION_GUIDE', () => {
  it('fills the 120 minutes of a session', () => {
    expect(CONVERSATION_GUIDE.reduce((sum, s) => sum + s.minutes, 0)).toBe(120);
  });

  it('follows the sections of Bijlage 3 in order, with the longest on personal service', () => {
    expect(conversationGuide(translator('nl')).map((s) => s.title)).toEqual([
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
    expect(conversationGuide(translator('en')).find((s) => s.minutes === 40)?.title).toBe('Personal service');
  });

  it('has every point of every section in Dutch and in English (an unknown key throws)', () => {
    const nl = conversationGuide(translator('nl'));
    const en = conversationGuide(translator('en'));
    expect(nl[0].points[0]).toMatch(/^Doel: van jou als klant horen/);
    expect(en[0].points[0]).toMatch(/^Aim: hear from you as a customer/);
    for (const [i, section] of nl.entries()) {
      expect(section.points.length).toBeGreaterThan(0);
      expect(en[i].points).toHaveLength(section.points.length);
      expect(en[i].points).not.toEqual(section.points);
    }
  });

  it('has no point in the catalogue beyond the outline', () => {
    for (const s of CONVERSATION_GUIDE) expect(() => translator('nl')(`guide.${s.id}.point.${s.points + 1}`)).toThrow();
  });
});
