// The demo study of a fresh installation. Pure: slot times are computed from the date it is given.

export const DEMO_STUDY = {
  slug: 'wp2a',
  title: 'Publieke dienstverlening in digitale transitie — klantperspectief',
  description:
    'Kwalitatief klantreisonderzoek in mini-focusgroepen: hoe zoeken en beslissen klanten van publieke dienstverleners, en wat betekent dat voor de digitale transitie?',
  organisations: ['Belastingdienst', 'RET', 'Vitens', 'Gemeente Utrecht'],
  // Who stands behind it, as in the report the demo follows (made-up contact details).
  researchOrganisation: 'Lectoraat Marketing & Customer Experience, Hogeschool Utrecht',
  privacyUrl: 'https://www.hu.nl/onderzoek/privacyverklaring-klantperspectief',
  helpPhone: '030 252 76 18',
  helpEmail: 'klantperspectief@hu.nl',
  returnAddress: 'Hogeschool Utrecht, lectoraat Marketing & Customer Experience, Antwoordnummer 5010, 3500 VB Utrecht',
};

/**
 * Eight slots on weekdays two to three weeks ahead: mornings 10:00 and afternoons 14:00 Amsterdam time,
 * on the first four weekdays of the window. Times are computed in UTC from the Amsterdam offset of that day.
 */
export function demoSlotTimes(today: Date, sessionMinutes = 120): { startsAt: Date; endsAt: Date }[] {
  const slots: { startsAt: Date; endsAt: Date }[] = [];
  const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 14));
  while (slots.length < 8) {
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      for (const hour of [10, 14]) {
        const startsAt = amsterdamTime(day, hour);
        slots.push({ startsAt, endsAt: new Date(startsAt.getTime() + sessionMinutes * 60_000) });
      }
    }
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return slots;
}

function amsterdamTime(day: Date, hour: number): Date {
  const guess = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour));
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    hourCycle: 'h23',
  }).format(guess);
  return new Date(guess.getTime() - (Number(local) - hour) * 3600_000);
}
