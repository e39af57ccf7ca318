// Browser tier: pages in Debian's Chromium via playwright-core, checked with axe-core. As many workers as the other
// database tiers (jest.db.config.js): each file starts its own application and Chromium.
module.exports = {
  ...require('./jest.db.config'),
  displayName: 'browser',
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  testTimeout: 60000,
};
