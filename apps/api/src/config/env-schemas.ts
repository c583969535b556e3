import { z } from 'zod';

/**
 * Schemas shared by the environment settings of several features (config.ts and the feature
 * modules that keep their own settings, e.g. the read replica).
 */

/** A postgres:// URL; `what` says what it must point at, in the message of a wrong one. */
export const postgresUrl = (what: string) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
      } catch {
        return false;
      }
    }, `must be a postgres:// or postgresql:// URL${what}, e.g. postgres://user:password@host:5432/dbname`);

/** An integer in [min, max], `fallback` when unset. */
export const intBetween = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(min, `must be between ${min} and ${max}`)
    .max(max, `must be between ${min} and ${max}`)
    .default(fallback);
