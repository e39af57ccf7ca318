import { membersMissingInvitation } from './missing-invitations';

describe(membersMissingInvitation.name, () => {
  const now = new Date('2026-03-01T10:00:00Z');
  const session: { invitedAt: Date | null; startsAt: Date } = {
    invitedAt: new Date('2026-02-20T10:00:00Z'),
    startsAt: new Date('2026-03-10T10:00:00Z'),
  };
  const members = [
    { id: 1, email: 'ans@example.org' },
    { id: 2, email: 'bert@example.org' },
    { id: 3, email: null },
    { id: 4, email: 'cor@example.org' },
    { id: 5, email: 'door@example.org' },
  ];
  const status = new Map<number, string>([
    [1, 'sent'],
    [2, 'confirmed'],
    [5, 'cancelled'],
  ]);
  const of = (s: typeof session, at = now) =>
    membersMissingInvitation(s, members, (id) => status.get(id), at).map((m) => m.id);

  it('names the members with an address and no open or accepted invitation, once the invitations went out', () => {
    // 4 came in by hand, 5's invitation was cancelled; 3 was left to phone or letter.
    expect(of(session)).toEqual([4, 5]);
  });

  it('names nobody before the invitations went out (all of them are still to be sent) or once the session began', () => {
    expect(of({ ...session, invitedAt: null })).toEqual([]);
    expect(of(session, session.startsAt)).toEqual([]);
  });
});
