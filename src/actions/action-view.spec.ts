import { variantLine } from './action-view';

describe(variantLine.name, () => {
  const card = {
    name: 'Kaart B',
    reached: 15000,
    contacts: 17,
    reference: false,
    rate: 17 / 15000,
    low: 0.0007,
    high: 0.0018,
  };

  it('says rates and intervals as percentages, the difference in points and p in the reader’s language', () => {
    expect(variantLine({ ...card, difference: -0.00246, p: 0.000002 }, 'nl')).toEqual({
      name: 'Kaart B',
      reference: false,
      reached: '15.000',
      contacts: '17',
      rate: '0,11%',
      interval: '0,07% – 0,18%',
      difference: '-0,25',
      p: '< 0,001',
    });
    expect(variantLine({ ...card, difference: 0.0012, p: 0.06912 }, 'en')).toMatchObject({
      reached: '15,000',
      rate: '0.11%',
      difference: '+0.12',
      p: '0.0691',
    });
  });

  it('leaves difference and p empty for the reference', () => {
    expect(variantLine({ ...card, reference: true }, 'nl')).toMatchObject({ difference: '', p: '' });
  });
});
