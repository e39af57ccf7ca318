// Integration tier: services and repositories against a real database.
module.exports = {
  ...require('./jest.db.config'),
  displayName: 'integration',
  testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
};
