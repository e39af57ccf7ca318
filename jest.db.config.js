// Integration and end-to-end tiers share this: a real database, migrated once per run in the global setup.
// PostgreSQL (TEST_DATABASE_URL) is one shared database, so its files run one at a time.
const base = require('./jest.base.config');
module.exports = {
  ...base,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Generous: some tests start the real CLI as child processes, which is slow on a busy 2-core machine.
  testTimeout: 90000,
  maxWorkers: process.env.TEST_DATABASE_URL ? 1 : '50%',
  // Fails a test that sent a query on a busy PostgreSQL connection (test/support/one-query-at-a-time.ts).
  setupFilesAfterEnv: ['<rootDir>/test/support/one-query-at-a-time.setup.ts'],
};
