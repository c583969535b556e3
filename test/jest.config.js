const { moduleNameMapper, swcTransform } = require('../jest.preset');

module.exports = {
  displayName: 'cross-app',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swcTransform() },
  moduleNameMapper,
  testMatch: ['<rootDir>/**/*.int-spec.ts', '<rootDir>/**/*.spec.ts'],
  testTimeout: 120000,
};
