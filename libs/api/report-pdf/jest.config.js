const { moduleNameMapper, swcTransform } = require('../../../jest.preset');

module.exports = {
  displayName: 'api-report-pdf',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swcTransform() },
  moduleNameMapper,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 60000,
};
