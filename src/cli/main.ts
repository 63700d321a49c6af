import 'dotenv/config';
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../config';
import { runImportCommand } from './import-command';
import { createPageReaderPool } from '../parse-pool/page-reader-pool';
import { seedDemoCouncil } from '../services/demo/seed-demo-council';
import { openStore } from '../store/open-store';
import { runRosterImport } from './roster-command';
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
      console.log(
        `Demo council loaded: ${report.created} records created, ${report.alreadyThere} already there` +
          (report.meetingsMoved > 0 ? `, ${report.meetingsMoved} demo meeting(s) moved to follow today.` : '.'),
      );
    });

  program
    .command('import <file>')
    .description('Import a ModernGov page: an agenda-item page saved as .txt, a decision-details page as .html, a GetMeeting answer as .xml.')
    .option('--meeting <id>', 'the meeting the item belongs to (its committee wins over the page)')
    .option('--source-url <url>', 'the page\'s address on the council website, so a later import of it updates the same record')
    .option('--dry-run', 'show what was understood and the warnings, storing nothing', false)
    .option('--json', 'print the result as JSON', false)
    .action(async (file: string, options: { meeting?: string; sourceUrl?: string; dryRun: boolean; json: boolean }) => {
      // The same reader as the bot's, so a page the bot would refuse as too slow to read is refused here too.
      const pages = createPageReaderPool({ timeBudgetMs: loadConfig(process.env).officerApi.pageParseBudgetMs, maxThreads: 1 });
      const code = await withStore((store) =>
        runImportCommand(
          { file, meetingId: options.meeting, sourceUrl: options.sourceUrl, dryRun: options.dryRun, json: options.json },
          { store, pages, out: (line) => console.log(line), now: () => new Date() },
        ),
      ).finally(() => pages.close());
      if (code !== 0) process.exitCode = code;
    });

  program
    .command('members')
    .description('Manage the roster: members, their roles and committee seats.')
    .command('import <file>')
    .description('Import the roster from a CSV file (id,name,role,title,email,aadObjectId,committees); all rows are checked before any is written.')
    .option('--dry-run', 'check the file and show what would change, writing nothing', false)
    .option('--json', 'print the report as JSON', false)
    .action(async (file: string, options: { dryRun: boolean; json: boolean }) => {
      const code = await withStore((store) => runRosterImport({ file, ...options }, { store, out: (line) => console.log(line) }));
      if (code !== 0) process.exitCode = code;
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
