import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync, brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import express from 'express';
import { request, Server } from 'node:http';
import { acceptedEncodings, webStaticMiddleware } from './web-static';

const SCRIPT = 'console.log("履职督办");\n'.repeat(50);

describe('webStaticMiddleware', () => {
  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'web-static-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>app</title>');
    await writeFile(path.join(dir, 'assets/app-1.js'), SCRIPT);
    await writeFile(path.join(dir, 'assets/app-1.js.gz'), gzipSync(SCRIPT));
    await writeFile(path.join(dir, 'assets/app-1.js.br'), brotliCompressSync(SCRIPT));
    await writeFile(path.join(dir, 'assets/plain-1.js'), SCRIPT);
    const app = express();
    app.use(webStaticMiddleware(dir)!);
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  /** Raw bytes and headers: fetch would decode the body itself. */
  function get(url: string, acceptEncoding?: string) {
    return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
      (resolve, reject) => {
        const req = request(
          base + url,
          { headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () =>
              resolve({
                status: res.statusCode!,
                headers: res.headers,
                body: Buffer.concat(chunks),
              }),
            );
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
  }

  it('serves Brotli when the browser accepts it, with the script type and long caching', async () => {
    const res = await get('/assets/app-1.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/);
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
  });

  it('serves gzip when Brotli is not accepted, and the plain file when neither is', async () => {
    const gz = await get('/assets/app-1.js', 'gzip, br;q=0');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const plain = await get('/assets/app-1.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('serves the plain file when no compressed copy exists', async () => {
    const res = await get('/assets/plain-1.js', 'br, gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(SCRIPT);
  });

  it('never maps a request outside the build', async () => {
    const res = await get('/assets/..%2f..%2fetc%2fpasswd.js', 'br, gzip');
    expect(res.status).toBe(404);
  });

  it('answers client-side routes with the app and a missing asset with 404', async () => {
    const route = await get('/tasks/123');
    expect(route.status).toBe(200);
    expect(route.body.toString()).toContain('<title>app</title>');
    expect((await get('/assets/missing-1.js', 'br')).status).toBe(404);
  });
});

describe('acceptedEncodings', () => {
  it('reads names and drops those with q=0', () => {
    expect([...acceptedEncodings('gzip, deflate, br;q=0, zstd;q=0.5')]).toEqual([
      'gzip',
      'deflate',
      'zstd',
    ]);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
    expect([...acceptedEncodings(['gzip', 'BR'])]).toEqual(['gzip', 'br']);
  });
});
