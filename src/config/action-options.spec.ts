import { ConfigError } from './config-error';
import { actionOptions } from './action-options';

describe(actionOptions.name, () => {
  it('reminds a week before a milestone and looks every hour unless told otherwise', () => {
    expect(actionOptions({})).toEqual({ reminderDays: 7, reminderIntervalMinutes: 60 });
    expect(actionOptions({ ACTION_REMINDER_DAYS: '14', ACTION_REMINDER_INTERVAL_MINUTES: '5' })).toEqual({
      reminderDays: 14,
      reminderIntervalMinutes: 5,
    });
  });

  it('refuses anything but a whole number in range', () => {
    for (const bad of ['-1', '1.5', 'x', '366', '1e2'])
      expect(() => actionOptions({ ACTION_REMINDER_DAYS: bad })).toThrow(ConfigError);
    expect(() => actionOptions({ ACTION_REMINDER_INTERVAL_MINUTES: '0' })).toThrow(ConfigError);
  });
});
