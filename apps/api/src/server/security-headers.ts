import type { NextFunction, Request, Response } from 'express';
import { AppConfig } from '../config/config';
import { API_PATHS } from './web-static';

/**
 * Content-Security-Policy of the web app's pages (checked against the Vite build: index.html
 * loads only same-origin module scripts, a stylesheet and an icon; no inline script, no eval).
 * - script-src 'self': no inline script and no eval, so injected markup cannot run code.
 * - style-src 'self' 'unsafe-inline': Ant Design writes its styles at run time into <style>
 *   elements (CSS-in-JS) without a nonce; a nonce would need index.html rendered per request
 *   and passed to antd's ConfigProvider. Styles cannot run script, so this is the accepted cost.
 * - img-src data: blob: for images Ant Design inlines and for previews made from downloads;
 *   frame-src 'self' (via default-src) for the same-origin PDF preview of evidence.
 * - frame-ancestors 'none' (with X-Frame-Options: DENY for older browsers): no clickjacking.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * API answers (JSON, files) are never documents that load anything. An endpoint that serves a
 * document on purpose (an evidence preview, the printable report) sets its own policy.
 */
export const API_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** One year, the value HSTS preload lists ask for; includeSubDomains is left to the operator. */
const HSTS_VALUE = 'max-age=31536000';

/**
 * Security headers on every response, page or API, set before anything else runs (so also on
 * 404s and errors). Strict-Transport-Security only where it means something: on a request that
 * came over TLS (directly, or X-Forwarded-Proto from a trusted proxy) with HSTS=auto, on every
 * response with HSTS=on (TLS terminated by a proxy the server is not told about), never with off.
 */
export function securityHeaders(http: AppConfig['http']) {
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', API_PATHS.test(req.path) ? API_CSP : WEB_APP_CSP);
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (http.hsts === 'on' || (http.hsts === 'auto' && req.secure)) {
      res.setHeader('Strict-Transport-Security', HSTS_VALUE);
    }
    next();
  };
}
