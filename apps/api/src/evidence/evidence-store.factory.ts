import path from 'node:path';
import { EvidenceStore, LocalEvidenceStore, S3EvidenceStore } from '@duty/api/evidence-store';
import type { AppConfig } from '../config/config';

/**
 * The evidence store the configuration names (EVIDENCE_STORE), ready to use: the local
 * directory EVIDENCE_DIR, or an S3-compatible bucket whose existence and credentials are
 * checked here, so that a wrong setting stops the start with a message naming it. With S3,
 * uploads are staged under EVIDENCE_DIR/tmp (type detection reads that copy) and the content
 * lives only in the bucket.
 */
export async function createEvidenceStore(config: AppConfig): Promise<EvidenceStore> {
  const settings = config.evidence.store;
  if (settings.kind === 'local') {
    const store = new LocalEvidenceStore(config.evidence.dir);
    await store.init();
    return store;
  }
  const store = new S3EvidenceStore({
    endpoint: settings.endpoint,
    bucket: settings.bucket,
    region: settings.region,
    credentials: {
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
      ...(settings.sessionToken ? { sessionToken: settings.sessionToken } : {}),
    },
    forcePathStyle: settings.forcePathStyle,
    prefix: settings.prefix,
    createBucket: settings.createBucket,
    partSize: settings.partSize,
    stagingDir: path.join(config.evidence.dir, 'tmp'),
  });
  try {
    await store.init();
  } catch (error) {
    store.close();
    throw error;
  }
  return store;
}

/** Where the evidence is, for logs and CLI output (never the credentials). */
export function describeEvidenceStore(config: AppConfig): string {
  const settings = config.evidence.store;
  return settings.kind === 'local'
    ? config.evidence.dir
    : `s3://${settings.bucket}/${settings.prefix} at ${settings.endpoint}`;
}
