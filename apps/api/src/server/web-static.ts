import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import express, { NextFunction, Request, Response } from 'express';

// Paths the API owns; everything else under GET may be a client-side route of the web app.
export const API_PATHS = /^\/(graphql|health|ready|api|\.well-known)(\/|$)/;

/**
 * Serves the built web app (Vite output) from the API's port, so one URL opens the product.
 * Hashed assets are cached for a year; index.html is never cached so a deploy shows at once.
 * Returns null when no build exists (e.g. API-only development with the Vite dev server).
 */
export function webStaticMiddleware(distDir: string) {
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) return null;
  const precompressed = precompressedAssets(distDir);
  const assets = express.static(distDir, {
    index: false,
    fallthrough: true,
    setHeaders: (res, file) => {
      res.setHeader(
        'Cache-Control',
        file.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (API_PATHS.test(req.path)) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (sendPrecompressed(req, res, distDir, precompressed)) return;
    assets(req, res, () => {
      if (path.extname(req.path) !== '') return next(); // a missing file is a 404, not the app
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexFile);
    });
  };
}

/** Encodings the build writes next to each script and stylesheet, preferred first. */
const ENCODINGS = [
  { name: 'br', extension: '.br' },
  { name: 'gzip', extension: '.gz' },
] as const;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * The precompressed files of the build (`/assets/x.js.br`, …), listed once at start: a request
 * is looked up in this set, never turned into a file path, so it cannot reach outside the build.
 */
function precompressedAssets(distDir: string): ReadonlySet<string> {
  const dir = path.join(distDir, 'assets');
  if (!existsSync(dir)) return new Set();
  return new Set(
    readdirSync(dir)
      .filter((name) => ENCODINGS.some((encoding) => name.endsWith(encoding.extension)))
      .map((name) => `/assets/${name}`),
  );
}

/**
 * Answers a request for a built script or stylesheet with its Brotli or gzip file when the
 * browser accepts that encoding (Accept-Encoding; a `;q=0` refuses one). False when there is
 * no such file, so the plain file is served.
 */
function sendPrecompressed(
  req: Request,
  res: Response,
  distDir: string,
  precompressed: ReadonlySet<string>,
): boolean {
  const contentType = CONTENT_TYPES[path.extname(req.path)];
  if (!contentType || !req.path.startsWith('/assets/')) return false;
  res.vary('Accept-Encoding');
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  const encoding = ENCODINGS.find(
    (candidate) =>
      (accepted.has(candidate.name) || accepted.has('*')) &&
      precompressed.has(req.path + candidate.extension),
  );
  if (!encoding) return false;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Encoding', encoding.name);
  res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  res.sendFile(path.join(distDir, req.path + encoding.extension), { cacheControl: false });
  return true;
}

/** The encodings an Accept-Encoding header allows (q > 0). */
export function acceptedEncodings(header: string | string[] | undefined): Set<string> {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const accepted = new Set<string>();
  for (const part of value.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    accepted.add(name);
  }
  return accepted;
}
