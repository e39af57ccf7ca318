// End-to-end tier: the whole application over HTTP (supertest), in process.
module.exports = { ...require('./jest.db.config'), displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] };
