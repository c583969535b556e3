export * from './evidence-store';
export * from './local-evidence-store';
export * from './verified-read';
