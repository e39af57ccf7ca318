// End-to-end tier: the whole application over HTTP (supertest), in process.
const db = require('./jest.db.config');
module.exports = {
  ...db,
  displayName: 'e2e',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
  // Fails a test whose requests made the server answer 5xx or log an error (test/support/server-problems.ts).
  setupFilesAfterEnv: [...db.setupFilesAfterEnv, '<rootDir>/test/support/server-problems.setup.ts'],
};
