// Integration and end-to-end tiers share this: a real database, migrated once per run in the global setup.
// Every Jest worker gets a database of its own: a SQLite copy per test file, or on PostgreSQL (TEST_DATABASE_URL)
// a copy of the migrated database per worker (test/support/worker-databases.ts).
const { availableParallelism } = require('os');
const base = require('./jest.base.config');

// At least two, even on two cores: the slowest files mostly wait on the command-line processes they start, and
// one worker left the second core idle. At most eight: each worker's application and commands hold PostgreSQL
// connections (PostgreSQL allows 100 by default) and a worker's memory. `--maxWorkers` still overrides it.
const workers = Math.min(8, Math.max(2, availableParallelism()));

module.exports = {
  ...base,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Generous: some tests start the real CLI as child processes, which is slow on a busy 2-core machine.
  testTimeout: 90000,
  maxWorkers: workers,
  // Fails a test that sent a query on a busy PostgreSQL connection (test/support/one-query-at-a-time.ts).
  setupFilesAfterEnv: ['<rootDir>/test/support/one-query-at-a-time.setup.ts'],
};
