export * from './password-hash';
export * from './password-policy';
export * from './common-passwords';
export * from './temporary-password';
