export * from './test-database';
export * from './built-app';
export * from './db-fingerprint';
export * from './oidc/oidc-test-provider';
export * from './assessment-plan';
