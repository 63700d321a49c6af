import 'dotenv/config';
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../config';
import { seedDemoCouncil } from '../services/demo/seed-demo-council';
import { openStore } from '../store/open-store';
import type { Store } from '../store/port';

/** The officer command line. Each command opens the configured store, does one thing, and closes it. */
async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const store = await openStore(config.store);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export function buildProgram(): Command {
  const program = new Command('cabinet-bot')
    .description('Cabinet bot officer tools: import council pages, manage the roster, load demo data.')
    .exitOverride();

  program
    .command('demo-seed')
    .description('Load the demo council (Cabinet, Full Council, members, meetings, the Community Safety item) into the store.')
    .action(async () => {
      const report = await withStore((store) => seedDemoCouncil(store, new Date()));
      console.log(`Demo council loaded: ${report.created} records created, ${report.alreadyThere} already there.`);
    });

  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    console.error(`Failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

if (require.main === module) {
  void runCli(process.argv).then((code) => process.exit(code));
}
