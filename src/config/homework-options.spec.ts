import { homeworkOptions } from './homework-options';

describe('homework options', () => {
  it('default to a reminder three days before the deadline, checked every hour', () => {
    expect(homeworkOptions({})).toEqual({ reminderDays: 3, reminderIntervalMinutes: 60 });
  });

  it('read HOMEWORK_REMINDER_DAYS and refuse values that are not whole days in range', () => {
    expect(homeworkOptions({ HOMEWORK_REMINDER_DAYS: '5' }).reminderDays).toBe(5);
    expect(homeworkOptions({ HOMEWORK_REMINDER_DAYS: ' ' }).reminderDays).toBe(3);
    expect(() => homeworkOptions({ HOMEWORK_REMINDER_DAYS: '2.5' })).toThrow(/HOMEWORK_REMINDER_DAYS/);
    expect(() => homeworkOptions({ HOMEWORK_REMINDER_DAYS: '-1' })).toThrow(/0 to 60/);
  });
});
