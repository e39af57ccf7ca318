// Browser tier: pages in Debian's Chromium via playwright-core, checked with axe-core.
module.exports = {
  ...require('./jest.db.config'),
  displayName: 'browser',
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  testTimeout: 60000,
  maxWorkers: 1,
};
