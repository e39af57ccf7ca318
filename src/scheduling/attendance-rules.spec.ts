import {
  applyMark,
  attendanceMessage,
  attendanceProblem,
  AttendanceContext,
  invitedMemberIds,
} from './attendance-rules';

const held: AttendanceContext = {
  studyStatus: 'fieldwork',
  sessionStatus: 'scheduled',
  startsAt: new Date('2026-12-07T09:00:00Z'),
  now: new Date('2026-12-07T11:30:00Z'),
  memberIds: [1, 2, 3],
  invitedIds: [1, 2, 3],
};

describe(attendanceProblem.name, () => {
  it('accepts marks for members of a session that has started', () => {
    expect(attendanceProblem({ present: [1, 2], absent: [3] }, held)).toBeNull();
    expect(attendanceProblem({ present: [1], absent: [] }, { ...held, now: held.startsAt })).toBeNull();
  });

  it('refuses a closed study, a cancelled session and a session still ahead, in that order', () => {
    expect(
      attendanceProblem({ present: [1], absent: [] }, { ...held, studyStatus: 'closed', sessionStatus: 'cancelled' }),
    ).toEqual({ code: 'attendance.study_closed' });
    expect(attendanceProblem({ present: [1], absent: [] }, { ...held, sessionStatus: 'cancelled' })).toEqual({
      code: 'attendance.session_cancelled',
    });
    expect(attendanceProblem({ present: [1], absent: [] }, { ...held, now: new Date('2026-12-07T08:59:59Z') })).toEqual(
      { code: 'attendance.not_held', startsAt: held.startsAt },
    );
  });

  it('refuses nothing to mark, the same person in both lists, and people outside the group', () => {
    expect(attendanceProblem({ present: [], absent: [] }, held)).toEqual({ code: 'attendance.empty' });
    expect(attendanceProblem({ present: [1, 2, 2], absent: [2, 3] }, held)).toEqual({
      code: 'attendance.in_both',
      respondentIds: [2],
    });
    expect(attendanceProblem({ present: [1, 9], absent: [8, 9] }, { ...held })).toEqual({
      code: 'attendance.in_both',
      respondentIds: [9],
    });
    expect(attendanceProblem({ present: [1, 9], absent: [8] }, held)).toEqual({
      code: 'attendance.not_members',
      respondentIds: [9, 8],
    });
  });

  it('refuses “present” for a member who was never invited to the session, after the other checks; “absent” is fine', () => {
    const two = { ...held, invitedIds: [1, 2] };
    expect(attendanceProblem({ present: [1, 3, 3], absent: [2] }, two)).toEqual({
      code: 'attendance.not_invited',
      respondentIds: [3],
    });
    expect(attendanceProblem({ present: [1], absent: [2, 3] }, two)).toBeNull();
    expect(attendanceProblem({ present: [3, 9], absent: [] }, two)).toMatchObject({ code: 'attendance.not_members' });
    expect(attendanceMessage({ code: 'attendance.not_invited', respondentIds: [3] })).toBe(
      'Respondent 3 was never invited to this session, so cannot be marked present.',
    );
  });

  it('says each problem in words', () => {
    expect(attendanceMessage({ code: 'attendance.not_members', respondentIds: [9, 8] })).toBe(
      "Respondent 9, 8 is not a member of this group. Only the group's members can be marked.",
    );
    expect(attendanceMessage({ code: 'attendance.not_held', startsAt: held.startsAt })).toContain(
      '2026-12-07T09:00:00.000Z',
    );
  });
});

describe(applyMark.name, () => {
  it('makes someone who came a participant, from confirmed, invited or grouped', () => {
    expect(applyMark('confirmed', null, true)).toEqual({
      mark: { present: true, statusBefore: 'confirmed' },
      status: 'participated',
    });
    expect(applyMark('invited', null, true).status).toBe('participated');
    expect(applyMark('grouped', null, true).status).toBe('participated');
  });

  it('leaves a no-show as they were, and gives a wrong "present" back its status before', () => {
    expect(applyMark('confirmed', null, false)).toEqual({
      mark: { present: false, statusBefore: 'confirmed' },
      status: 'confirmed',
    });
    expect(applyMark('participated', { present: true, statusBefore: 'invited' }, false)).toEqual({
      mark: { present: false, statusBefore: 'invited' },
      status: 'invited',
    });
    expect(applyMark('invited', { present: false, statusBefore: 'invited' }, true)).toEqual({
      mark: { present: true, statusBefore: 'invited' },
      status: 'participated',
    });
  });

  it('marking present twice changes nothing', () => {
    const first = applyMark('confirmed', null, true);
    expect(applyMark(first.status, first.mark, true)).toEqual(first);
  });
});

describe(invitedMemberIds.name, () => {
  const members = [
    { id: 1, email: 'a@example.org' },
    { id: 2, email: 'b@example.org' },
    { id: 3, email: null },
    { id: 4, email: 'd@example.org' },
  ];
  const invitations = [
    { respondentId: 1, status: 'confirmed' },
    { respondentId: 2, status: 'sent' },
    { respondentId: 4, status: 'cancelled' },
    { respondentId: 9, status: 'confirmed' },
  ];

  it('counts open and accepted invitations to the session, and once they went out, members without an address', () => {
    expect(invitedMemberIds(members, invitations, true)).toEqual([1, 2, 3]);
  });

  it('counts nobody without an address before the invitations went out, nor a cancelled invitation ever', () => {
    expect(invitedMemberIds(members, invitations, false)).toEqual([1, 2]);
    expect(invitedMemberIds(members, [], false)).toEqual([]);
  });
});
