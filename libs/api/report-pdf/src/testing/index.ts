export * from './pdf-inspect';
