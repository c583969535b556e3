import { createHash, createHmac } from 'node:crypto';

/** SHA-256 of an empty body, as hex (the payload hash of GET, HEAD, DELETE). */
export const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials (STS) carry a session token. */
  sessionToken?: string;
}

export interface SigV4Request {
  method: string;
  /** Host header value: host name, plus `:port` when not the scheme's default. */
  host: string;
  /** The path as it goes on the wire, already encoded (see `encodePath`). */
  path: string;
  /** Query parameters (unencoded); a parameter without a value is an empty string. */
  query?: Record<string, string>;
  /** Headers to sign besides host, x-amz-date and x-amz-content-sha256 (names any case). */
  headers?: Record<string, string>;
  /** Hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`. */
  payloadSha256: string;
  region: string;
  service: string;
  credentials: SigV4Credentials;
  now?: Date;
}

/** RFC 3986 encoding as SigV4 wants it: only A-Z a-z 0-9 - _ . ~ stay as they are. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Encodes each segment of an object path once (S3 does not double-encode), keeping `/`. */
export function encodePath(raw: string): string {
  return raw.split('/').map(uriEncode).join('/');
}

export function canonicalQuery(query: Record<string, string> = {}): string {
  return Object.entries(query)
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

const hmac = (key: Buffer | string, data: string) =>
  createHmac('sha256', key).update(data).digest();

/**
 * Signs a request with AWS Signature Version 4 (the scheme S3, MinIO and the S3-compatible
 * APIs of Chinese government clouds accept) and returns every header to send with it:
 * the caller's, plus host, x-amz-date, x-amz-content-sha256, the session token if any, and
 * Authorization.
 */
export function signV4(req: SigV4Request): Record<string, string> {
  const now = req.now ?? new Date();
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  headers['host'] = req.host;
  headers['x-amz-date'] = amzDate;
  headers['x-amz-content-sha256'] = req.payloadSha256;
  if (req.credentials.sessionToken) headers['x-amz-security-token'] = req.credentials.sessionToken;

  const names = Object.keys(headers).sort();
  const canonicalHeaders = names
    .map((n) => `${n}:${String(headers[n]).trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    req.method.toUpperCase(),
    req.path || '/',
    canonicalQuery(req.query),
    canonicalHeaders,
    signedHeaders,
    req.payloadSha256,
  ].join('\n');
  const scope = `${day}/${req.region}/${req.service}/aws4_request`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${req.credentials.secretAccessKey}`, day), req.region), req.service),
    'aws4_request',
  );
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  headers['authorization'] =
    `AWS4-HMAC-SHA256 Credential=${req.credentials.accessKeyId}/${scope}, ` +
    `SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}
