// The attendance page's form: one radio group per member, named mark-<respondentId>, valued present or absent.
// Pure: no framework imports.
import type { AttendanceRequest } from './attendance-rules';

const FIELD = /^mark-(\d{1,10})$/;

/** The marks a posted form carries; members left without a choice are not marked. Other fields (the CSRF token) are ignored. */
export function attendanceFromForm(body: Record<string, unknown>): AttendanceRequest & { invalid: string[] } {
  const result: AttendanceRequest & { invalid: string[] } = { present: [], absent: [], invalid: [] };
  for (const [key, value] of Object.entries(body)) {
    const match = FIELD.exec(key);
    if (!match) continue;
    if (value === 'present') result.present.push(Number(match[1]));
    else if (value === 'absent') result.absent.push(Number(match[1]));
    else result.invalid.push(key);
  }
  return result;
}
