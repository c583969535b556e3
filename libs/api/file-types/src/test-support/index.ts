// Fixture builders for tests of code that handles evidence files (never for production code).
export * from './cfb-writer';
export * from './fixtures';
export * from './zip-writer';
