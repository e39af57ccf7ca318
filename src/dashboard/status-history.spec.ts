import { statusHistory } from './status-history';

describe(statusHistory.name, () => {
  const screened = new Date('2026-11-01T10:00:00Z');

  it('starts with the status they were screened with, then each change', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 10, 2, h));
    expect(
      statusHistory(screened, 'confirmed', [
        { fromStatus: 'eligible', toStatus: 'grouped', changedAt: at(1) },
        { fromStatus: 'grouped', toStatus: 'invited', changedAt: at(2) },
        { fromStatus: 'invited', toStatus: 'confirmed', changedAt: at(3) },
      ]),
    ).toEqual([
      { status: 'eligible', at: screened },
      { status: 'grouped', at: at(1) },
      { status: 'invited', at: at(2) },
      { status: 'confirmed', at: at(3) },
    ]);
  });

  it('with no change since screening, it is their status now', () => {
    expect(statusHistory(screened, 'ineligible', [])).toEqual([{ status: 'ineligible', at: screened }]);
  });
});
