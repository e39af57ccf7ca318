// Unit tier: pure domain logic, no database. Some tests render and read back whole PDFs and XLSX files, which on a
// busy 2-core machine can take longer than Jest's 5 s default; a slow machine must not turn into a failed test.
module.exports = {
  ...require('./jest.base.config'),
  displayName: 'unit',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 30000,
};
