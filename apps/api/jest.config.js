const { moduleNameMapper, nodeTransform } = require('../../jest.preset');

module.exports = {
  displayName: 'api',
  testEnvironment: 'node',
  ...nodeTransform,
  moduleNameMapper,
  // Unit tests (*.spec.ts) sit next to the code; integration tests (*.int-spec.ts) talk to
  // a real PostgreSQL database created per test file by test/support.
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  testTimeout: 60000,
};
