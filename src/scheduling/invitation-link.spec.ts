import { invitationLinkClosed, isClosedStudy } from './invitation-link';

const person = { status: 'invited', erasedAt: null };

describe(invitationLinkClosed.name, () => {
  it('keeps the link working in an open study for a person who is not erased', () => {
    for (const status of ['recruiting', 'fieldwork']) expect(invitationLinkClosed({ status }, person)).toBeNull();
  });

  it('closes it when the study is closed', () => {
    expect(invitationLinkClosed({ status: 'closed' }, person)).toBe('study_closed');
  });

  it('closes it after erasure, also when the row is gone, and says so before a closed study', () => {
    expect(invitationLinkClosed({ status: 'fieldwork' }, { status: 'erased', erasedAt: new Date() })).toBe('erased');
    expect(invitationLinkClosed({ status: 'fieldwork' }, { status: 'invited', erasedAt: new Date() })).toBe('erased');
    expect(invitationLinkClosed({ status: 'fieldwork' }, null)).toBe('erased');
    expect(invitationLinkClosed({ status: 'closed' }, { status: 'erased', erasedAt: new Date() })).toBe('erased');
  });
});

describe(isClosedStudy.name, () => {
  it('is true for a closed study only', () => {
    expect(isClosedStudy({ status: 'closed' })).toBe(true);
    expect(isClosedStudy({ status: 'fieldwork' })).toBe(false);
  });
});
