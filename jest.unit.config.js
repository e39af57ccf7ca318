// Unit tier: pure domain logic, no database.
module.exports = { ...require('./jest.base.config'), displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] };
