const { moduleNameMapper, swcTransform } = require('../../../jest.preset');

module.exports = {
  displayName: 'regulation-duties',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swcTransform() },
  moduleNameMapper,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
