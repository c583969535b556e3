import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { NextFunction, Request, Response } from 'express';

// Paths the API owns; everything else under GET may be a client-side route of the web app.
const API_PATHS = /^\/(graphql|health|ready|api)(\/|$)/;

/**
 * Serves the built web app (Vite output) from the API's port, so one URL opens the product.
 * Hashed assets are cached for a year; index.html is never cached so a deploy shows at once.
 * Returns null when no build exists (e.g. API-only development with the Vite dev server).
 */
export function webStaticMiddleware(distDir: string) {
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) return null;
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
    assets(req, res, () => {
      if (path.extname(req.path) !== '') return next(); // a missing file is a 404, not the app
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexFile);
    });
  };
}

/** Baseline security headers for every response. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'same-origin');
  next();
}
