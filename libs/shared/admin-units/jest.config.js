const { moduleNameMapper, swcTransform } = require('../../../jest.preset');

module.exports = {
  displayName: 'shared-admin-units',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swcTransform() },
  moduleNameMapper,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
