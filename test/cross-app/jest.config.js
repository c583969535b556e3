const { moduleNameMapper, nodeTransform } = require('../../jest.preset');

module.exports = {
  displayName: 'cross-app',
  testEnvironment: 'node',
  ...nodeTransform,
  moduleNameMapper,
  testMatch: ['<rootDir>/**/*.int-spec.ts', '<rootDir>/**/*.spec.ts'],
  testTimeout: 300000,
};
