// End-to-end tier: the whole application over HTTP (supertest), in process.
module.exports = {
  ...require('./jest.db.config'),
  displayName: 'e2e',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
  // Fails a test whose requests made the server answer 5xx or log an error (test/support/server-problems.ts).
  setupFilesAfterEnv: ['<rootDir>/test/support/server-problems.setup.ts'],
};
