import { AppConfig } from '../config/config';

/**
 * Express's `trust proxy`: with no TRUSTED_PROXIES, false, so req.ip is the socket's address
 * and X-Forwarded-For / X-Forwarded-Proto from anyone are ignored (they would let a client
 * choose its address for the audit log and the sign-in rate limits).
 */
export function trustProxySetting(
  http: Pick<AppConfig['http'], 'trustedProxies'>,
): false | string[] {
  return http.trustedProxies.length ? [...http.trustedProxies] : false;
}
