import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../config/config';
import { createServer, CreateServerOptions, RunningServer } from '../server/create-server';

export interface BenchServer {
  server: RunningServer;
  /** Closes the server and deletes its directory. */
  close(): Promise<void>;
}

/**
 * The API for a benchmark, on the database the options name: silent, on a free port, with its
 * own temporary data directory (evidence and keys, so a run never writes into the developer's
 * `.data`), no web build and no scheduled checks. `env` adds to or overrides these settings.
 */
export async function startBenchServer(
  env: Record<string, string>,
  options: CreateServerOptions,
): Promise<BenchServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'duty-bench-'));
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATA_DIR: dir,
      WEB_DIST_DIR: path.join(dir, 'no-web-build'),
      EVIDENCE_DIR: path.join(dir, 'evidence'),
      EVIDENCE_FSCK_INTERVAL_HOURS: '0',
      // No scheduled chain check (a walk of every hash chain a minute after start) while timing.
      AUDIT_VERIFY_INTERVAL_HOURS: '0',
      ...env,
    });
    const server = await createServer(config, pino({ level: 'silent' }), options);
    return {
      server,
      close: async () => {
        await server.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
