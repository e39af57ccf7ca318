import { DEMO_STUDY, demoSlotTimes } from './demo-study';

const amsterdam = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);

describe('demo slots', () => {
  it('gives eight weekday slots two to three weeks ahead at 10:00 and 14:00 Amsterdam time', () => {
    const today = new Date('2026-11-23T08:00:00Z');
    const slots = demoSlotTimes(today);
    expect(slots).toHaveLength(8);
    for (const s of slots) {
      const days = (s.startsAt.getTime() - today.getTime()) / 86400_000;
      expect(days).toBeGreaterThanOrEqual(13);
      expect(days).toBeLessThanOrEqual(21);
      expect(amsterdam(s.startsAt)).toMatch(/^(Mon|Tue|Wed|Thu|Fri) (10|14):00$/);
      expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(120 * 60_000);
    }
  });

  it('keeps 10:00 local across a daylight-saving change', () => {
    const slots = demoSlotTimes(new Date('2027-03-15T08:00:00Z'));
    expect(slots.every((s) => /(10|14):00$/.test(amsterdam(s.startsAt)))).toBe(true);
  });
});

describe('the demo study’s research organisation', () => {
  it('has believable details: a lectorate, a privacy statement on a .nl site with a path, and an Utrecht number that is not the placeholder', () => {
    expect(DEMO_STUDY.researchOrganisation).toMatch(/^Lectoraat .+, Hogeschool/);
    const privacy = new URL(DEMO_STUDY.privacyUrl);
    expect([privacy.protocol, privacy.hostname.endsWith('.nl'), privacy.pathname.length > 1]).toEqual([
      'https:',
      true,
      true,
    ]);
    expect(DEMO_STUDY.helpPhone).toMatch(/^030 \d{3} \d{2} \d{2}$/);
    expect(DEMO_STUDY.helpPhone).not.toBe('030 000 00 00');
    expect(DEMO_STUDY.helpEmail).toMatch(/^[\w.-]+@[\w.-]+\.nl$/);
  });
});
