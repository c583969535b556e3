export * from './test-database';
export * from './built-app';
