import { countTable, targetPerCell } from './pool-counts';

const settings = { groupsPerQuadrant: 1, groupTargetSize: 3, reservesPerGroup: 1 };
const orgs = [
  { id: 1, name: 'RET' },
  { id: 2, name: 'Vitens' },
];

describe('countTable', () => {
  it('targets groups × group size plus the reserves', () => {
    expect(targetPerCell(settings)).toBe(4);
    expect(targetPerCell({ groupsPerQuadrant: 2, groupTargetSize: 3, reservesPerGroup: 1 })).toBe(8);
  });

  it('counts only people who still count, per organisation × quadrant, and shows the shortfall', () => {
    const table = countTable(
      [
        { organisationId: 1, quadrant: 'gemakzoeker', status: 'eligible' },
        { organisationId: 1, quadrant: 'gemakzoeker', status: 'grouped' },
        { organisationId: 1, quadrant: 'gemakzoeker', status: 'ineligible' },
        { organisationId: 1, quadrant: 'gemakzoeker', status: 'erased' },
        { organisationId: 1, quadrant: 'gemakzoeker', status: 'declined' },
        { organisationId: 2, quadrant: 'informatiezoeker', status: 'confirmed' },
        { organisationId: null, quadrant: null, status: 'ineligible' },
      ],
      orgs,
      settings,
    );
    const ret = table.rows[0];
    expect(ret.cells.find((c) => c.quadrant === 'gemakzoeker')).toEqual({
      quadrant: 'gemakzoeker',
      count: 2,
      target: 4,
      shortfall: 2,
    });
    expect(ret.count).toBe(2);
    expect(ret.shortfall).toBe(14);
    expect(table.rows[1].cells[0]).toMatchObject({ quadrant: 'informatiezoeker', count: 1, shortfall: 3 });
    expect(table.totals.find((c) => c.quadrant === 'gemakzoeker')).toEqual({
      quadrant: 'gemakzoeker',
      count: 2,
      target: 8,
      shortfall: 6,
    });
    expect(table.count).toBe(3);
    expect(table.shortfall).toBe(29);
  });

  it('counts grouped rows by their number, as the database hands them', () => {
    const table = countTable(
      [
        { organisationId: 1, quadrant: 'gemakzoeker', status: 'eligible', n: 3 },
        { organisationId: 1, quadrant: 'gemakzoeker', status: 'grouped', n: 2 },
        { organisationId: 1, quadrant: 'gemakzoeker', status: 'declined', n: 7 },
      ],
      orgs,
      settings,
    );
    expect(table.rows[0].cells[3]).toEqual({ quadrant: 'gemakzoeker', count: 5, target: 4, shortfall: 0 });
  });

  it('never reports a negative shortfall when a cell is over target', () => {
    const many = Array.from({ length: 6 }, () => ({
      organisationId: 1,
      quadrant: 'gemakzoeker' as const,
      status: 'eligible' as const,
    }));
    expect(countTable(many, orgs, settings).rows[0].cells[3]).toEqual({
      quadrant: 'gemakzoeker',
      count: 6,
      target: 4,
      shortfall: 0,
    });
  });
});
