import 'dotenv/config';
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config';
import { runImportCommand } from './import-command';
import { seedDemoCouncil } from '../services/demo/seed-demo-council';
import { openDocumentDatabase, openStore } from '../store/open-store';
import type { DocumentDatabase } from '../store/documents/document-collection';
import { runStoreExport, runStoreImport } from './store-command';
import { runRosterImport } from './roster-command';
import type { Store } from '../store/port';

/** The officer command line. Each command opens the configured store, does one thing, and closes it. */
async function withStore<T>(work: (store: Store, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const store = await openStore(config.store);
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}

/** The same for the commands that move a whole store: they work on its documents, whatever their kind. */
async function withDocuments<T>(work: (database: DocumentDatabase, storeKind: string) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const database = await openDocumentDatabase(config.store);
  try {
    return await work(database, config.store.kind);
  } finally {
    await database.close();
  }
}

export function buildProgram(): Command {
  const program = new Command('cabinet-bot')
    .description('Cabinet bot officer tools: import council pages, manage the roster, load demo data, move the store.')
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
      const code = await withStore((store, config) =>
        runImportCommand(
          { file, meetingId: options.meeting, sourceUrl: options.sourceUrl, dryRun: options.dryRun, json: options.json },
          { store, out: (line) => console.log(line), now: () => new Date(), ...(config.notifications.quietHours ? { quietHours: config.notifications.quietHours } : {}) },
        ),
      );
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

  const store = program
    .command('store')
    .description('Move everything the bot keeps between stores (embedded file <-> Cosmos DB), through a JSON-lines file.');
  store
    .command('export <file>')
    .description('Write every document of the configured store (every kind, with its history) to a new JSON-lines file, with counts per kind.')
    .option('--json', 'print the summary as JSON', false)
    .action(async (file: string, options: { json: boolean }) => {
      const code = await withDocuments((database, storeKind) =>
        runStoreExport({ file, json: options.json }, { database, storeKind, out: (line) => console.log(line), now: () => new Date() }));
      if (code !== 0) process.exitCode = code;
    });
  store
    .command('import <file>')
    .description('Check a whole export, then create each document the configured store lacks; documents already there are left as they are (run it twice: nothing changes).')
    .option('--dry-run', 'check the file and count its documents, writing nothing', false)
    .option('--json', 'print the report as JSON', false)
    .action(async (file: string, options: { dryRun: boolean; json: boolean }) => {
      const code = await withDocuments((database, storeKind) =>
        runStoreImport({ file, dryRun: options.dryRun, json: options.json }, { database, storeKind, out: (line) => console.log(line), now: () => new Date() }));
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
