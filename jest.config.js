// Root jest configuration: `npm test` runs every project in one jest invocation so the
// shared PostgreSQL test harness (test/support) is set up once for all of them.
const { swcTransform } = require('./jest.preset');

module.exports = {
  projects: [
    '<rootDir>/libs/shared/errors',
    '<rootDir>/libs/shared/admin-units',
    '<rootDir>/libs/shared/spreadsheet-text',
    '<rootDir>/libs/regulation/parser',
    '<rootDir>/libs/regulation/duties',
    '<rootDir>/libs/assessment/scoring',
    '<rootDir>/apps/api',
    '<rootDir>/apps/web',
    '<rootDir>/libs/api/embedded-postgres',
    '<rootDir>/libs/api/evidence-store',
    '<rootDir>/libs/api/evidence-pack',
    '<rootDir>/libs/api/passwords',
    '<rootDir>/libs/api/file-types',
    '<rootDir>/libs/api/report-pdf',
    '<rootDir>/test/cross-app',
    '<rootDir>/test/e2e',
  ],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Used to load the global setup/teardown themselves (TypeScript).
  transform: { '^.+\\.ts$': swcTransform() },
  testTimeout: 60000,
  // Test files are isolated by database, so two workers use both cores of a small machine.
  maxWorkers: 2,
};
