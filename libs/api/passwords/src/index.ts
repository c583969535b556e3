export * from './password-hash';
export * from './hash-scheduler';
export * from './password-policy';
export * from './common-passwords';
export * from './temporary-password';
export * from './totp';
export * from './recovery-codes';
