import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'must be one of true, false, 1, 0, yes, no',
  })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Where evidence bytes live (README "Object storage for evidence"): the local directory
 * (EVIDENCE_DIR, the default) or an S3-compatible bucket (MinIO, a government cloud's
 * OSS/OBS/COS S3 interface). With `s3`, EVIDENCE_DIR still holds the per-server staging copies
 * of uploads in progress, never the content.
 */
export const EVIDENCE_STORE_ENV = {
  EVIDENCE_STORE: z.enum(['local', 's3'], { error: 'must be local or s3' }).default('local'),
  S3_ENDPOINT: z.string().trim().optional(),
  S3_BUCKET: z.string().trim().optional(),
  S3_REGION: z.string().trim().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().trim().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  // Temporary (STS) credentials come with a session token.
  S3_SESSION_TOKEN: z.string().trim().optional(),
  // Path style (https://endpoint/bucket/key) for MinIO and most private clouds; false for
  // virtual-hosted style (https://bucket.endpoint/key).
  S3_FORCE_PATH_STYLE: flag.default(true),
  // A key prefix, to share a bucket (e.g. duty/).
  S3_PREFIX: z.string().trim().optional(),
  // Creates the bucket at start when it does not exist (docker-compose's MinIO).
  S3_CREATE_BUCKET: flag.default(false),
  S3_PART_SIZE_MB: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(5, 'must be between 5 (the S3 minimum) and 512')
    .max(512, 'must be between 5 (the S3 minimum) and 512')
    .default(8),
};

type EvidenceStoreEnv = z.infer<z.ZodObject<typeof EVIDENCE_STORE_ENV>>;

export type EvidenceStoreConfig =
  | { kind: 'local' }
  | {
      kind: 's3';
      endpoint: string;
      bucket: string;
      region: string;
      accessKeyId: string;
      secretAccessKey: string;
      sessionToken?: string;
      forcePathStyle: boolean;
      /** Empty, or ending in `/`. */
      prefix: string;
      createBucket: boolean;
      partSize: number;
    };

// S3's bucket naming rules (which MinIO and the Chinese clouds share).
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Every problem with the S3 settings, each naming its variable; empty when usable. */
export function evidenceStoreConfigProblems(e: EvidenceStoreEnv): string[] {
  if (e.EVIDENCE_STORE !== 's3') return [];
  const problems: string[] = [];
  const required = [
    'S3_ENDPOINT',
    'S3_BUCKET',
    'S3_ACCESS_KEY_ID',
    'S3_SECRET_ACCESS_KEY',
  ] as const;
  for (const name of required) {
    if (!e[name]) problems.push(`${name}: required when EVIDENCE_STORE=s3`);
  }
  if (e.S3_ENDPOINT) {
    let url: URL | null = null;
    try {
      url = new URL(e.S3_ENDPOINT);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      problems.push(
        `S3_ENDPOINT: must be an http:// or https:// URL, e.g. https://minio.example.gov.cn:9000 (got ${JSON.stringify(e.S3_ENDPOINT)})`,
      );
    } else if (url.search || url.hash || url.username || url.password) {
      problems.push(
        'S3_ENDPOINT: must not carry a query, a fragment or credentials (use S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY)',
      );
    }
  }
  if (e.S3_BUCKET && (!BUCKET_NAME.test(e.S3_BUCKET) || e.S3_BUCKET.includes('..'))) {
    problems.push(
      `S3_BUCKET: must be 3–63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit (got ${JSON.stringify(e.S3_BUCKET)})`,
    );
  }
  if (e.S3_PREFIX && (e.S3_PREFIX.startsWith('/') || e.S3_PREFIX.split('/').includes('..'))) {
    problems.push('S3_PREFIX: must be a relative key prefix such as duty/ (no leading / or ..)');
  }
  if (e.S3_BUCKET?.includes('.') && !e.S3_FORCE_PATH_STYLE && e.S3_ENDPOINT?.startsWith('https:')) {
    problems.push(
      'S3_BUCKET: a bucket name with dots does not match the TLS certificate in virtual-hosted style; set S3_FORCE_PATH_STYLE=true',
    );
  }
  return problems;
}

export function evidenceStoreConfigFrom(e: EvidenceStoreEnv): EvidenceStoreConfig {
  if (e.EVIDENCE_STORE !== 's3') return { kind: 'local' };
  const prefix = e.S3_PREFIX ? e.S3_PREFIX.replace(/\/*$/, '/') : '';
  return {
    kind: 's3',
    endpoint: e.S3_ENDPOINT!.replace(/\/+$/, ''),
    bucket: e.S3_BUCKET!,
    region: e.S3_REGION,
    accessKeyId: e.S3_ACCESS_KEY_ID!,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
    ...(e.S3_SESSION_TOKEN ? { sessionToken: e.S3_SESSION_TOKEN } : {}),
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
    prefix,
    createBucket: e.S3_CREATE_BUCKET,
    partSize: e.S3_PART_SIZE_MB * 1024 * 1024,
  };
}
