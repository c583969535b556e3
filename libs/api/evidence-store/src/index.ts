export * from './evidence-store';
export * from './local-evidence-store';
export * from './verified-read';
export * from './s3-evidence-store';
export { bufferBody, S3Client, S3Error, type S3ClientOptions } from './s3/s3-client';
