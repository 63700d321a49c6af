/**
 * Cabinet bot as its own process for the turn benchmarks, started the way src/index.ts starts it (configuration from
 * the environment, the app's own logger at LOG_LEVEL), so that its memory and start-up are its own and not the
 * benchmark's. It tells its parent the port once listening and answers 'memory' queries over the IPC channel.
 */
import { startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logging/logger';
import { answerMemoryQueries } from './child-memory';

const main = async (): Promise<void> => {
  answerMemoryQueries();
  const config = loadConfig(process.env, false);
  const app = await startApp(config, createLogger(config.log));
  process.send?.({ port: app.port });
  process.on('message', (message) => {
    if (message === 'stop') void app.stop().then(() => process.exit(0));
  });
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
