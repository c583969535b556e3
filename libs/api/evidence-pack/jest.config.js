const { moduleNameMapper, swcTransform } = require('../../../jest.preset');

module.exports = {
  displayName: 'api-evidence-pack',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swcTransform() },
  moduleNameMapper,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
