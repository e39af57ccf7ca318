import { QUADRANTS } from '../common/domain';
import { translator } from '../common/view-engine';
import { selectionStatement } from '../surveys/selection-question';
import { NEAR_BOUNDARY_MARGIN, quadrantFromAxes, quadrantFromStatement } from './search-strategy';

const nl = translator('nl');
const en = translator('en');

describe(selectionStatement.name, () => {
  it('keeps the Dutch statements of Bijlage 6 word for word', () => {
    expect(selectionStatement(nl, 'informatiezoeker', 'organisatie X')).toBe(
      'Ik ben uitgebreid op zoek gegaan naar de verschillende mogelijkheden om bij organisatie X mijn doel te bereiken. ' +
        'Uiteindelijk heb ik mijn zaken geregeld zonder me te laten leiden door wat anderen vinden.',
    );
    expect(selectionStatement(nl, 'gemakzoeker', 'organisatie X')).toBe(
      'Ik wist van te voren al precies hoe ik het beste mijn doel kon bereiken en heb uiteindelijk mijn zaken geregeld ' +
        'zonder me te laten leiden door wat anderen vinden (binnen of buiten de organisatie).',
    );
  });

  it('gives every quadrant a Dutch and an English statement', () => {
    for (const q of QUADRANTS) {
      expect(selectionStatement(nl, q, 'RET').length).toBeGreaterThan(50);
      expect(selectionStatement(en, q, 'RET').length).toBeGreaterThan(50);
    }
  });
});

describe('quadrantFromStatement', () => {
  it.each(QUADRANTS.map((q) => [q]))('the statement of %s gives that quadrant', (q) => {
    expect(quadrantFromStatement(q)).toEqual({ ok: true, value: q });
  });

  it('refuses a value that is not a statement', () => {
    expect(quadrantFromStatement('Gemakzoeker')).toEqual({
      ok: false,
      reason: {
        key: 'importReason.quadrant',
        vars: {
          value: 'Gemakzoeker',
          expected: 'informatiezoeker, zekerheidszoeker, rust-in-je-hoofdzoeker, gemakzoeker',
        },
      },
    });
  });
});

describe('quadrantFromAxes', () => {
  const scale = { min: 1, max: 5 };

  it.each([
    [5, 1, 'informatiezoeker'], // extensively, alone
    [5, 5, 'zekerheidszoeker'], // extensively, with advice
    [1, 5, 'rust-in-je-hoofdzoeker'], // little, with advice
    [1, 1, 'gemakzoeker'], // little, alone
  ])('informs %d, decides %d -> %s, far from any boundary', (informs, decides, quadrant) => {
    expect(quadrantFromAxes(informs, decides, scale)).toEqual({
      quadrant,
      margin: 1,
      informsMargin: 1,
      decidesMargin: 1,
      nearBoundary: false,
    });
  });

  it('measures the margin on the axis closest to its midpoint', () => {
    const placement = quadrantFromAxes(4, 1, scale);
    expect(placement).toMatchObject({
      quadrant: 'informatiezoeker',
      margin: 0.5,
      informsMargin: 0.5,
      decidesMargin: 1,
      nearBoundary: false,
    });
  });

  it('counts a value on the midpoint as the high end and flags it', () => {
    expect(quadrantFromAxes(3, 1, scale)).toMatchObject({
      quadrant: 'informatiezoeker',
      margin: 0,
      nearBoundary: true,
    });
    expect(quadrantFromAxes(1, 3, scale)).toMatchObject({
      quadrant: 'rust-in-je-hoofdzoeker',
      margin: 0,
      nearBoundary: true,
    });
    expect(quadrantFromAxes(3, 3, scale)).toMatchObject({
      quadrant: 'zekerheidszoeker',
      margin: 0,
      nearBoundary: true,
    });
  });

  it('flags answers within a quarter of the scale from a boundary', () => {
    const tenPoint = { min: 1, max: 10 };
    expect(quadrantFromAxes(6, 2, tenPoint)).toMatchObject({ quadrant: 'informatiezoeker', nearBoundary: true });
    expect(quadrantFromAxes(5, 9, tenPoint)).toMatchObject({ quadrant: 'rust-in-je-hoofdzoeker', nearBoundary: true });
    expect(quadrantFromAxes(5, 9, tenPoint).margin).toBeCloseTo(1 / 9);
    expect(quadrantFromAxes(8, 9, tenPoint).nearBoundary).toBe(false);
    expect(NEAR_BOUNDARY_MARGIN).toBe(0.25);
  });

  it('takes another threshold when given one', () => {
    expect(quadrantFromAxes(4, 1, scale, 0.6).nearBoundary).toBe(true);
  });

  it('works on a scale starting at 0', () => {
    expect(quadrantFromAxes(0, 100, { min: 0, max: 100 })).toMatchObject({
      quadrant: 'rust-in-je-hoofdzoeker',
      margin: 1,
    });
  });

  it('refuses values off the scale and an empty scale', () => {
    expect(() => quadrantFromAxes(6, 1, scale)).toThrow('informs must lie on the scale 1..5, got 6');
    expect(() => quadrantFromAxes(1, Number.NaN, scale)).toThrow('decides must lie on the scale 1..5, got NaN');
    expect(() => quadrantFromAxes(1, 1, { min: 5, max: 5 })).toThrow(RangeError);
  });
});
