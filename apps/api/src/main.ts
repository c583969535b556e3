import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config';
import { createRootLogger } from './logging/logger';
import { createServer, RunningServer } from './server/create-server';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nFix the variables above and start again.\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createRootLogger(config.logLevel);
  let starting: Promise<RunningServer> | undefined;
  let stopping = false;

  const shutdown = async (signal: NodeJS.Signals | 'DATABASE_LOST', exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Shutting down');
    try {
      // A signal during start-up waits for it, so nothing (e.g. PostgreSQL) is left running.
      const server = await starting?.catch(() => undefined);
      await server?.close();
      logger.info('Stopped cleanly');
      logger.flush();
      process.exit(exitCode);
    } catch (error) {
      logger.error({ err: error }, 'Error during shutdown');
      logger.flush();
      process.exit(1);
    }
  };
  process.on('SIGTERM', (s) => void shutdown(s));
  process.on('SIGINT', (s) => void shutdown(s));

  let server: RunningServer;
  try {
    starting = createServer(config, logger);
    server = await starting;
  } catch (error) {
    logger.fatal({ err: error }, `Start-up failed: ${(error as Error).message}`);
    logger.flush();
    process.exit(1);
  }
  // A database gone for longer than DATABASE_OUTAGE_LIMIT_SECONDS: exit non-zero (after the
  // usual drain) so that systemd, Docker or Kubernetes restarts the server, instead of
  // answering 503 forever.
  void server.unrecoverable.then(() => shutdown('DATABASE_LOST', 1));
  const publicUrl = server.url.replace('//127.0.0.1:', '//localhost:');
  if (!stopping) logger.info({ url: publicUrl }, `Ready: open ${publicUrl}`);
}

void main();
