const { moduleNameMapper, nodeTransform } = require('../../jest.preset');

module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  ...nodeTransform,
  moduleNameMapper,
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  // A real browser against the built server: whole journeys take tens of seconds.
  testTimeout: 300000,
};
