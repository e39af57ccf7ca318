import { templatesDir } from './view-engine';
import { Translations } from './i18n';

describe('page texts', () => {
  const i18n = new Translations(templatesDir());

  it('has the same keys in Dutch and English', () => {
    expect(i18n.keys('en').sort()).toEqual(i18n.keys('nl').sort());
  });

  it('translates, fills variables and passes unknown keys through', () => {
    expect(i18n.t('nl', 'nav.logout')).toBe('Uitloggen');
    expect(i18n.t('en', 'nav.logout')).toBe('Log out');
    expect(i18n.t('en', 'Some study title')).toBe('Some study title');
  });
});
