import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The webhook's signature (the contract a gateway implements): hex HMAC-SHA256 with the shared
 * secret over `<unix seconds>.<raw body>`, sent as `X-Duty-Signature: sha256=<hex>` next to
 * `X-Duty-Timestamp` and `X-Duty-Delivery` (the delivery id, the idempotency key).
 */
export function webhookSignature(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/**
 * What a receiver does: recompute and compare in constant time, refusing timestamps further than
 * `toleranceSeconds` from its clock (replays).
 */
export function verifyWebhookSignature(options: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string;
  nowSeconds: number;
  toleranceSeconds?: number;
}): boolean {
  const ts = Number(options.timestamp);
  if (!Number.isInteger(ts) || !options.signature) return false;
  if (Math.abs(options.nowSeconds - ts) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(webhookSignature(options.secret, ts, options.rawBody));
  const given = Buffer.from(options.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The email Message-ID of a delivery: the same delivery sent twice carries the same id. */
export function deliveryMessageId(deliveryId: string): string {
  return `<${deliveryId}@duty-tracker.notification>`;
}

/** Exponential backoff: retry n (1-based) waits base × 2^(n-1), at most `maxMs`. */
export function retryDelayMs(attempt: number, baseMs: number, maxMs = 6 * 3_600_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
