const { moduleNameMapper, swcTransform } = require('../../jest.preset');

module.exports = {
  displayName: 'web',
  testEnvironment: 'jsdom',
  transform: { '^.+\\.(ts|tsx)$': swcTransform({ tsx: true }) },
  moduleNameMapper: {
    ...moduleNameMapper,
    '\\.(css|less)$': '<rootDir>/src/test/style-stub.js',
    // @ant-design/icons' CommonJS build deep-imports the ESM build of @ant-design/colors.
    '^@ant-design/colors/es/(.*)$': '@ant-design/colors/lib/$1',
  },
  setupFiles: ['<rootDir>/src/test/setup.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  // Whole pages with Ant Design tables, dialogs and selects take seconds each in jsdom, and
  // far longer when both cores are busy with the integration tests of the same run.
  testTimeout: 180000,
};
