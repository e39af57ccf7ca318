import { mayReadGroupHomework, maySeeLetterCredentials } from './homework-access';

const session = { leadModeratorId: 7, noteModeratorId: 8 };

describe(mayReadGroupHomework.name, () => {
  it('lets the lead and the note-taker of the session read their group', () => {
    expect(mayReadGroupHomework({ id: 7, role: 'researcher' }, session)).toBe(true);
    expect(mayReadGroupHomework({ id: 8, role: 'researcher' }, session)).toBe(true);
  });

  it('refuses other researchers, also when the group has no session yet', () => {
    expect(mayReadGroupHomework({ id: 9, role: 'researcher' }, session)).toBe(false);
    expect(mayReadGroupHomework({ id: 7, role: 'researcher' }, null)).toBe(false);
  });

  it('lets admins read every group, and never partners', () => {
    expect(mayReadGroupHomework({ id: 1, role: 'admin' }, null)).toBe(true);
    expect(mayReadGroupHomework({ id: 7, role: 'partner' }, session)).toBe(false);
  });
});

describe(maySeeLetterCredentials.name, () => {
  it('shows the working link and code to admins only', () => {
    expect(maySeeLetterCredentials({ id: 1, role: 'admin' })).toBe(true);
    expect(maySeeLetterCredentials({ id: 7, role: 'researcher' })).toBe(false);
    expect(maySeeLetterCredentials({ id: 2, role: 'partner' })).toBe(false);
  });
});
