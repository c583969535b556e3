import { z } from 'zod';

/**
 * `/metrics` (Prometheus) from the environment; README "Monitoring" documents each variable.
 * Scraped on a management listener of its own (METRICS_PORT), with a bearer token
 * (METRICS_TOKEN), or both; in production with neither the endpoint is off (404), outside
 * production it is open on the main port for development.
 */
export const METRICS_ENV = {
  // Scrapers send `Authorization: Bearer <METRICS_TOKEN>`; compared in constant time.
  METRICS_TOKEN: z
    .string()
    .trim()
    .min(16, 'must be at least 16 characters (e.g. openssl rand -hex 24)')
    .max(500)
    .optional(),
  // A separate listener serving only /metrics, e.g. on the data centre's management network.
  METRICS_PORT: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .optional(),
  METRICS_HOST: z.string().trim().min(1).default('127.0.0.1'),
};

type MetricsEnv = z.infer<z.ZodObject<typeof METRICS_ENV>>;

export interface MetricsConfig {
  /**
   * listener: only on METRICS_HOST:METRICS_PORT (the main port answers 404); token: on the main
   * port with the bearer token; open: on the main port without one (never in production);
   * off: 404 everywhere.
   */
  mode: 'listener' | 'token' | 'open' | 'off';
  /** Required on every scrape when set (on the management listener too). */
  token: string | null;
  listener: { host: string; port: number } | null;
}

export function metricsConfigFrom(e: MetricsEnv & { NODE_ENV: string }): MetricsConfig {
  const token = e.METRICS_TOKEN ?? null;
  const listener =
    e.METRICS_PORT !== undefined ? { host: e.METRICS_HOST, port: e.METRICS_PORT } : null;
  const mode = listener
    ? 'listener'
    : token
      ? 'token'
      : e.NODE_ENV === 'production'
        ? 'off'
        : 'open';
  return { mode, token, listener };
}
