const { moduleNameMapper, swcTransform } = require('../../jest.preset');

module.exports = {
  displayName: 'web',
  testEnvironment: 'jsdom',
  transform: { '^.+\\.(ts|tsx)$': swcTransform({ tsx: true }) },
  moduleNameMapper: {
    ...moduleNameMapper,
    '\\.(css|less)$': '<rootDir>/src/test/style-stub.js',
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
};
