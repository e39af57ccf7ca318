import { attendanceFromForm } from './attendance-form';

describe(attendanceFromForm.name, () => {
  it('reads one choice per member and ignores the CSRF field', () => {
    expect(attendanceFromForm({ _csrf: 'x', 'mark-12': 'present', 'mark-13': 'absent', 'mark-14': 'present' })).toEqual(
      { present: [12, 14], absent: [13], invalid: [] },
    );
  });

  it('names a field with another value, so the page can refuse it', () => {
    expect(attendanceFromForm({ 'mark-12': 'maybe', 'mark-13': ['present', 'absent'] })).toEqual({
      present: [],
      absent: [],
      invalid: ['mark-12', 'mark-13'],
    });
  });
});
