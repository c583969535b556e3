import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { signV4 } from '../s3/sigv4';
import { xmlText } from '../s3/s3-client';

export interface S3TestServer {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Stops the server (its data lives in memory and goes with it). */
  stop(): Promise<void>;
}

/**
 * Starts an S3-compatible server on a free loopback port for integration tests: moto's
 * standalone server (`moto_server`, Python package moto with its server extra, on the
 * node-svc machines) speaking S3's REST API over HTTP. Authentication is ON: after the three
 * set-up calls below, every request must carry a valid SigV4 signature of an access key created
 * here, or it is refused (SignatureDoesNotMatch / InvalidAccessKeyId), so the store's signing is
 * checked by the server on every call.
 */
/**
 * Runs moto's server with one correction to how it checks signatures. S3 canonicalises the
 * query string of a request as the decoded parameters, each encoded again per RFC 3986 (so
 * `prefix=duty%2Fobjects%2F` is signed as such, the way every AWS SDK sends it); moto's server
 * instead signs the query as its web framework hands it over, with `%2F` already decoded to `/`,
 * and so refuses a correctly signed ListObjectsV2 whose prefix contains a slash. The launcher
 * makes its check canonicalise as S3 does; nothing else is changed.
 */
const LAUNCHER = `
import sys
from urllib.parse import quote, unquote
import botocore.auth

def canonical_query(self, parts):
    if not parts.query:
        return ''
    pairs = []
    for pair in parts.query.split('&'):
        key, _, value = pair.partition('=')
        pairs.append((quote(unquote(key), safe='-_.~'), quote(unquote(value), safe='-_.~')))
    return '&'.join(f'{k}={v}' for k, v in sorted(pairs))

botocore.auth.SigV4Auth._canonical_query_string_url = canonical_query
from moto.server import main
sys.argv[0] = 'moto_server'
sys.exit(main())
`;

export async function startS3TestServer(): Promise<S3TestServer> {
  const port = await freePort();
  const child = spawn('python3', ['-c', LAUNCHER, '-H', '127.0.0.1', '-p', String(port)], {
    env: {
      ...process.env,
      // The first three actions (creating the user, its key and its policy) go unchecked.
      INITIAL_NO_AUTH_ACTION_COUNT: '3',
      // Only loopback is reached; nothing here is real AWS.
      AWS_DEFAULT_REGION: 'us-east-1',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', (error) =>
      reject(
        new Error(
          `cannot start python3 for moto_server (the S3-compatible test server, Python package "moto[server]"): ${error.message}`,
        ),
      ),
    );
  });
  const stop = () => stopChild(child);
  try {
    await spawned;
    await waitForPort(port, 20_000, () => (child.exitCode !== null ? stderr : null));
    const endpoint = `http://127.0.0.1:${port}`;
    const iam = (params: Record<string, string>) => iamCall(endpoint, params);
    await iam({ Action: 'CreateUser', UserName: 'evidence' });
    const key = await iam({ Action: 'CreateAccessKey', UserName: 'evidence' });
    await iam({
      Action: 'PutUserPolicy',
      UserName: 'evidence',
      PolicyName: 'evidence-bucket',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
      }),
    });
    const accessKeyId = xmlText(key, 'AccessKeyId');
    const secretAccessKey = xmlText(key, 'SecretAccessKey');
    if (!accessKeyId || !secretAccessKey) throw new Error(`no access key in ${key}`);
    return { endpoint, region: 'us-east-1', accessKeyId, secretAccessKey, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function iamCall(endpoint: string, params: Record<string, string>): Promise<string> {
  const body = new URLSearchParams({ ...params, Version: '2010-05-08' }).toString();
  const url = new URL(endpoint);
  const { createHash } = await import('node:crypto');
  // Signed only so that the server routes it to IAM (by the credential scope); not checked.
  const headers = signV4({
    method: 'POST',
    host: url.host,
    path: '/',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    payloadSha256: createHash('sha256').update(body).digest('hex'),
    region: 'us-east-1',
    service: 'iam',
    credentials: { accessKeyId: 'AKIASETUP', secretAccessKey: 'setup' },
  });
  delete headers['host'];
  const res = await fetch(`${endpoint}/`, { method: 'POST', headers, body });
  const text = await res.text();
  if (!res.ok) throw new Error(`IAM ${params.Action}: ${res.status} ${text.slice(0, 300)}`);
  return text;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(
  port: number,
  timeoutMs: number,
  exited: () => string | null,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = exited();
    if (dead !== null) throw new Error(`moto_server exited: ${dead}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`moto_server did not listen on ${port} in time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
