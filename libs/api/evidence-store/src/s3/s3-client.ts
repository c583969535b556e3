import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { EMPTY_SHA256, encodePath, signV4, uriEncode, type SigV4Credentials } from './sigv4';

export interface S3ClientOptions {
  /** e.g. `http://127.0.0.1:9000` or `https://oss-cn-wuhan.example.gov.cn`. */
  endpoint: string;
  bucket: string;
  region: string;
  credentials: SigV4Credentials;
  /** `https://endpoint/bucket/key` (MinIO, most private clouds) instead of `https://bucket.endpoint/key`. */
  forcePathStyle: boolean;
  /** Idle socket time after which a request fails. */
  timeoutMs?: number;
  /** Attempts for requests that can be repeated (network errors, 500, 503, 429). */
  maxAttempts?: number;
}

/** An answer of the S3 service other than success, with its S3 error code (NoSuchKey, ...). */
export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly operation: string,
  ) {
    super(`S3 ${operation}: ${status} ${code}${message ? `: ${message}` : ''}`);
    this.name = 'S3Error';
  }
}

interface RequestSpec {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  /** Object key; undefined addresses the bucket itself. */
  key?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** A fresh body per attempt (so a retry can send it again), with its length and SHA-256. */
  body?: { open: () => Buffer | Readable; length: number; sha256: string };
  /** Statuses that are answers rather than errors (e.g. 404 for HEAD). */
  accept?: number[];
  operation: string;
}

export interface S3Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface ListedObject {
  key: string;
  size: number;
  lastModified: Date;
}

export interface ListedUpload {
  key: string;
  uploadId: string;
  initiated: Date;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/**
 * The handful of S3 REST operations the evidence store needs, over node:http(s) with SigV4
 * signing: object PUT/GET/HEAD/DELETE/copy, multipart upload (initiate, part, copy part,
 * complete, abort, list parts, list uploads) and ListObjectsV2. Small XML answers are read
 * whole; object bodies are streamed.
 */
export class S3Client {
  private readonly url: URL;
  private readonly agent: http.Agent;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;

  constructor(readonly options: S3ClientOptions) {
    this.url = new URL(options.endpoint);
    if (this.url.protocol !== 'http:' && this.url.protocol !== 'https:') {
      throw new Error(`S3 endpoint must be http:// or https://, got ${options.endpoint}`);
    }
    const Agent = this.url.protocol === 'https:' ? https.Agent : http.Agent;
    this.agent = new Agent({ keepAlive: true, maxSockets: 32 });
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.maxAttempts = options.maxAttempts ?? 3;
  }

  close(): void {
    this.agent.destroy();
  }

  // ---- object operations --------------------------------------------------------------------

  async headBucket(): Promise<number> {
    const res = await this.request({ method: 'HEAD', operation: 'HeadBucket', accept: [403, 404] });
    return res.status;
  }

  async createBucket(): Promise<void> {
    const region = this.options.region;
    const body =
      region && region !== 'us-east-1'
        ? Buffer.from(
            `<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>${escapeXml(region)}</LocationConstraint></CreateBucketConfiguration>`,
          )
        : Buffer.alloc(0);
    await this.request({
      method: 'PUT',
      operation: 'CreateBucket',
      body: bufferBody(body),
      // Two servers starting at once: the second finds the bucket made by the first.
      accept: [409],
    });
  }

  /** Size of an object, or null when there is none. */
  async headObject(key: string): Promise<{ size: number; lastModified: Date } | null> {
    const res = await this.request({ method: 'HEAD', key, operation: 'HeadObject', accept: [404] });
    if (res.status === 404) return null;
    return {
      size: Number(res.headers['content-length']),
      lastModified: new Date(String(res.headers['last-modified'])),
    };
  }

  async putObject(
    key: string,
    body: { open: () => Buffer | Readable; length: number; sha256: string },
  ): Promise<void> {
    await this.request({
      method: 'PUT',
      key,
      operation: 'PutObject',
      headers: { 'content-type': 'application/octet-stream' },
      body,
    });
  }

  /**
   * Streams an object; fails (rejects) with S3Error NoSuchKey when there is none. Failures
   * before the body starts are retried like other requests; the body itself is not.
   */
  async getObject(key: string): Promise<http.IncomingMessage> {
    const spec: RequestSpec = { method: 'GET', key, operation: 'GetObject' };
    for (let attempt = 1; ; attempt++) {
      let res: http.IncomingMessage;
      try {
        res = await this.send(spec, true);
      } catch (error) {
        if (attempt < this.maxAttempts && isTransient(error)) {
          await delay(attempt);
          continue;
        }
        throw error;
      }
      if (res.statusCode === 200) return res;
      const error = await errorOf(res, 'GetObject');
      if (attempt < this.maxAttempts && RETRYABLE_STATUS.has(error.status)) {
        await delay(attempt);
        continue;
      }
      throw error;
    }
  }

  async deleteObject(key: string): Promise<void> {
    // 204 whether or not the object existed.
    await this.request({ method: 'DELETE', key, operation: 'DeleteObject', accept: [404] });
  }

  /** Server-side copy of a whole object (up to 5 GB on S3; some services allow less). */
  async copyObject(sourceKey: string, targetKey: string): Promise<void> {
    const res = await this.request({
      method: 'PUT',
      key: targetKey,
      operation: 'CopyObject',
      headers: { 'x-amz-copy-source': this.copySource(sourceKey) },
    });
    // A copy can fail after the 200 status line was sent: the error is then in the body.
    throwIfErrorBody(res, 'CopyObject');
  }

  // ---- multipart upload ---------------------------------------------------------------------

  async createMultipartUpload(key: string): Promise<string> {
    const res = await this.request({
      method: 'POST',
      key,
      query: { uploads: '' },
      headers: { 'content-type': 'application/octet-stream' },
      operation: 'CreateMultipartUpload',
    });
    const uploadId = xmlText(res.text, 'UploadId');
    if (!uploadId)
      throw new S3Error(res.status, 'NoUploadId', res.text.slice(0, 200), 'CreateMultipartUpload');
    return uploadId;
  }

  async uploadPart(
    key: string,
    uploadId: string,
    partNumber: number,
    body: { open: () => Buffer | Readable; length: number; sha256: string },
  ): Promise<string> {
    const res = await this.request({
      method: 'PUT',
      key,
      query: { partNumber: String(partNumber), uploadId },
      operation: 'UploadPart',
      body,
    });
    const etag = res.headers.etag;
    if (!etag) throw new S3Error(res.status, 'NoETag', '', 'UploadPart');
    return String(etag);
  }

  /** Copies bytes `first`..`last` (inclusive) of an object into a part of a multipart upload. */
  async uploadPartCopy(
    key: string,
    uploadId: string,
    partNumber: number,
    sourceKey: string,
    first: number,
    last: number,
  ): Promise<string> {
    const res = await this.request({
      method: 'PUT',
      key,
      query: { partNumber: String(partNumber), uploadId },
      headers: {
        'x-amz-copy-source': this.copySource(sourceKey),
        'x-amz-copy-source-range': `bytes=${first}-${last}`,
      },
      operation: 'UploadPartCopy',
    });
    throwIfErrorBody(res, 'UploadPartCopy');
    const etag = xmlText(res.text, 'ETag');
    if (!etag) throw new S3Error(res.status, 'NoETag', res.text.slice(0, 200), 'UploadPartCopy');
    return etag;
  }

  async completeMultipartUpload(key: string, uploadId: string, etags: string[]): Promise<void> {
    const xml = Buffer.from(
      '<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        etags
          .map(
            (etag, i) =>
              `<Part><PartNumber>${i + 1}</PartNumber><ETag>${escapeXml(etag)}</ETag></Part>`,
          )
          .join('') +
        '</CompleteMultipartUpload>',
    );
    const res = await this.request({
      method: 'POST',
      key,
      query: { uploadId },
      headers: { 'content-type': 'application/xml' },
      body: bufferBody(xml),
      operation: 'CompleteMultipartUpload',
    });
    // S3 answers 200 at once and may report a failure in the body much later.
    throwIfErrorBody(res, 'CompleteMultipartUpload');
  }

  /** Aborts a multipart upload: its parts are deleted, no object is created. */
  async abortMultipartUpload(key: string, uploadId: string): Promise<void> {
    await this.request({
      method: 'DELETE',
      key,
      query: { uploadId },
      operation: 'AbortMultipartUpload',
      accept: [404],
    });
  }

  /** The latest time a part of the upload was written, or null when it has no part. */
  async lastPartWritten(key: string, uploadId: string): Promise<Date | null> {
    let latest: Date | null = null;
    let marker: string | undefined;
    for (;;) {
      const res = await this.request({
        method: 'GET',
        key,
        query: { uploadId, ...(marker ? { 'part-number-marker': marker } : {}) },
        operation: 'ListParts',
        accept: [404],
      });
      if (res.status === 404) return null;
      for (const part of xmlBlocks(res.text, 'Part')) {
        const at = new Date(xmlText(part, 'LastModified') ?? 0);
        if (!latest || at > latest) latest = at;
      }
      if (xmlText(res.text, 'IsTruncated') !== 'true') return latest;
      marker = xmlText(res.text, 'NextPartNumberMarker') ?? undefined;
      if (!marker) return latest;
    }
  }

  async *listMultipartUploads(prefix: string): AsyncIterable<ListedUpload> {
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    for (;;) {
      const res = await this.request({
        method: 'GET',
        query: {
          uploads: '',
          prefix,
          ...(keyMarker ? { 'key-marker': keyMarker } : {}),
          ...(uploadIdMarker ? { 'upload-id-marker': uploadIdMarker } : {}),
        },
        operation: 'ListMultipartUploads',
      });
      for (const block of xmlBlocks(res.text, 'Upload')) {
        yield {
          key: xmlText(block, 'Key') ?? '',
          uploadId: xmlText(block, 'UploadId') ?? '',
          initiated: new Date(xmlText(block, 'Initiated') ?? 0),
        };
      }
      if (xmlText(res.text, 'IsTruncated') !== 'true') return;
      keyMarker = xmlText(res.text, 'NextKeyMarker') ?? undefined;
      uploadIdMarker = xmlText(res.text, 'NextUploadIdMarker') ?? undefined;
      if (!keyMarker) return;
    }
  }

  /** ListObjectsV2 under a prefix, page by page. */
  async *listObjects(prefix: string): AsyncIterable<ListedObject> {
    let token: string | undefined;
    for (;;) {
      const res = await this.request({
        method: 'GET',
        query: {
          'list-type': '2',
          prefix,
          ...(token ? { 'continuation-token': token } : {}),
        },
        operation: 'ListObjectsV2',
      });
      for (const block of xmlBlocks(res.text, 'Contents')) {
        yield {
          key: xmlText(block, 'Key') ?? '',
          size: Number(xmlText(block, 'Size') ?? 0),
          lastModified: new Date(xmlText(block, 'LastModified') ?? 0),
        };
      }
      if (xmlText(res.text, 'IsTruncated') !== 'true') return;
      token = xmlText(res.text, 'NextContinuationToken') ?? undefined;
      if (!token) return;
    }
  }

  // ---- transport ----------------------------------------------------------------------------

  private copySource(key: string): string {
    return `/${uriEncode(this.options.bucket)}/${encodePath(key)}`;
  }

  private target(key: string | undefined): { host: string; path: string } {
    const port = this.url.port ? `:${this.url.port}` : '';
    const base = this.url.pathname.replace(/\/+$/, '');
    const objectPath = key === undefined ? '' : `/${encodePath(key)}`;
    if (this.options.forcePathStyle) {
      return {
        host: `${this.url.hostname}${port}`,
        path: `${base}/${uriEncode(this.options.bucket)}${objectPath}`,
      };
    }
    return {
      host: `${this.options.bucket}.${this.url.hostname}${port}`,
      path: `${base}${objectPath}` || '/',
    };
  }

  /** Sends a request whose answer is small (read whole); retries what can be retried. */
  private async request(spec: RequestSpec): Promise<S3Response> {
    for (let attempt = 1; ; attempt++) {
      let res: http.IncomingMessage;
      try {
        res = await this.send(spec, false);
      } catch (error) {
        if (attempt < this.maxAttempts && isTransient(error)) {
          await delay(attempt);
          continue;
        }
        throw error;
      }
      const text = await readText(res);
      const status = res.statusCode ?? 0;
      if ((status >= 200 && status < 300) || spec.accept?.includes(status)) {
        return { status, headers: res.headers, text };
      }
      if (attempt < this.maxAttempts && RETRYABLE_STATUS.has(status)) {
        await delay(attempt);
        continue;
      }
      throw errorFromText(status, text, spec.operation);
    }
  }

  private send(spec: RequestSpec, streaming: boolean): Promise<http.IncomingMessage> {
    const { host, path } = this.target(spec.key);
    const hostname = host.replace(/:\d+$/, '');
    const headers: Record<string, string> = { ...spec.headers };
    if (spec.body) headers['content-length'] = String(spec.body.length);
    else if (spec.method === 'PUT' || spec.method === 'POST') headers['content-length'] = '0';
    const signed = signV4({
      method: spec.method,
      host,
      path,
      query: spec.query,
      headers,
      payloadSha256: spec.body?.sha256 ?? EMPTY_SHA256,
      region: this.options.region,
      service: 's3',
      credentials: this.options.credentials,
    });
    const query = Object.entries(spec.query ?? {})
      .map(([k, v]) => (v === '' && k === 'uploads' ? k : `${uriEncode(k)}=${uriEncode(v)}`))
      .join('&');
    const transport = this.url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = transport.request(
        {
          protocol: this.url.protocol,
          hostname,
          port: this.url.port || undefined,
          method: spec.method,
          path: query ? `${path}?${query}` : path,
          headers: signed,
          agent: this.agent,
          // Virtual-hosted style: TLS must name the bucket's host.
          servername: this.url.protocol === 'https:' ? hostname : undefined,
        },
        (res) => {
          if (streaming) res.setTimeout(this.timeoutMs, () => res.destroy(timeoutError(spec)));
          resolve(res);
        },
      );
      req.setTimeout(this.timeoutMs, () => req.destroy(timeoutError(spec)));
      req.on('error', reject);
      const body = spec.body?.open();
      if (body === undefined) req.end();
      else if (Buffer.isBuffer(body)) req.end(body);
      else {
        body.on('error', (error) => req.destroy(error));
        // A request that fails half-way must not leave the file open.
        req.on('close', () => body.destroy());
        body.pipe(req);
      }
    });
  }
}

export function bufferBody(data: Buffer): { open: () => Buffer; length: number; sha256: string } {
  return {
    open: () => data,
    length: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}

function timeoutError(spec: RequestSpec): Error {
  return Object.assign(new Error(`S3 ${spec.operation}: no answer within the timeout`), {
    code: 'ETIMEDOUT',
  });
}

function isTransient(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return (
    code === 'ECONNRESET' ||
    code === 'ECONNREFUSED' ||
    code === 'EPIPE' ||
    code === 'ETIMEDOUT' ||
    code === 'EAI_AGAIN'
  );
}

const delay = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, 100 * 2 ** (attempt - 1)));

async function readText(res: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function errorOf(res: http.IncomingMessage, operation: string): Promise<S3Error> {
  return errorFromText(res.statusCode ?? 0, await readText(res), operation);
}

function errorFromText(status: number, text: string, operation: string): S3Error {
  const code =
    xmlText(text, 'Code') ??
    (status === 404 ? 'NotFound' : status === 403 ? 'AccessDenied' : `HTTP${status}`);
  return new S3Error(status, code, xmlText(text, 'Message') ?? '', operation);
}

function throwIfErrorBody(res: S3Response, operation: string): void {
  if (/<Error>/.test(res.text)) throw errorFromText(res.status, res.text, operation);
}

// ---- minimal XML reading (S3's answers are flat and small) ----------------------------------

export function xmlBlocks(xml: string, tag: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1]);
  return out;
}

export function xmlText(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m ? unescapeXml(m[1]) : null;
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const e = entity.toLowerCase();
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(
      e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
    );
  });
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
