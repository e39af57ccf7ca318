import { demoSlotTimes } from './demo-study';

const amsterdam = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);

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
