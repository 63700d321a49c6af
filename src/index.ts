import 'dotenv/config';
// Before anything that loads http, restify or an SDK: instrumentation must be in place when they load.
import { telemetry } from './telemetry/register';
import { ConfigError, loadConfig } from './config';
import { startApp } from './app';
import { createLogger } from './logging/logger';

/** Process concerns only: read configuration, start, and stop cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, Boolean(process.stdout.isTTY));
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Cabinet bot cannot start.\n${err.message}\nSee .env.example for every setting.\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.log);
  const app = await startApp(config, logger);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'signal received');
    app
      .stop()
      .then(() => telemetry.shutdown().catch((err: unknown) => logger.warn({ err }, 'telemetry: the last spans could not be sent')))
      .then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Cabinet bot failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
