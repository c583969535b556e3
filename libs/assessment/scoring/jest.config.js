const { moduleNameMapper, swcTransform } = require('../../../jest.preset');

module.exports = {
  displayName: 'assessment-scoring',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swcTransform() },
  moduleNameMapper,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
