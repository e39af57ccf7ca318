import { rateWindow } from './rate-limit';

describe(rateWindow.name, () => {
  const hour = 60 * 60_000;

  it('numbers windows from 1970 and says how long the current one lasts', () => {
    expect(rateWindow(10 * hour, 60)).toEqual({ index: 10, retryAfterSeconds: 3600 });
    expect(rateWindow(10 * hour + 59 * 60_000, 60)).toEqual({ index: 10, retryAfterSeconds: 60 });
    expect(rateWindow(11 * hour - 1, 60)).toEqual({ index: 10, retryAfterSeconds: 1 });
    expect(rateWindow(11 * hour, 60)).toEqual({ index: 11, retryAfterSeconds: 3600 });
  });

  it('works with other lengths', () => {
    expect(rateWindow(25 * 60_000, 10)).toEqual({ index: 2, retryAfterSeconds: 300 });
  });
});
