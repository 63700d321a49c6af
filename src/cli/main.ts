import 'dotenv/config';
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config';
import { runAcknowledgementsCommand } from './acknowledgements-command';
import { runActionPlanReport, runCommitteeActionPlansReport, runCreateActionPlan, runEditActionPlan, runShowActionPlan, runUpdateAction, type ActionPlansDeps } from './action-plans-command';
import { runImportCommand } from './import-command';
import { createPageReaderPool } from '../parse-pool/page-reader-pool';
import { seedDemoCouncil } from '../services/demo/seed-demo-council';
import { openDocumentDatabase, openStore } from '../store/open-store';
import type { DocumentDatabase } from '../store/documents/document-collection';
import { runStoreExport, runStoreImport } from './store-command';
import { runNotifyChange, runNotifyCommand, runNotifyStatus } from './notify-command';
import { runRetentionApply } from './retention-command';
import { runRosterImport } from './roster-command';
import { runSyncCommittees, runSyncOnce, type SyncCommandDeps } from './sync-command';
import { runImportFolder } from './import-folder-command';
import { openFolderModernGovSite } from '../moderngov/folder-moderngov-site';
import { stat } from 'node:fs/promises';
import { createHttpModernGovSite } from '../moderngov/http-moderngov-site';
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
    .description('Load the demo council (Cabinet, Full Council, members, meetings, the real Community Safety item and current invented business) into the store.')
    .action(async () => {
      const report = await withStore((store) => seedDemoCouncil(store, new Date()));
      console.log(
        `Demo council loaded: ${report.created} records created, ${report.alreadyThere} already there` +
          (report.meetingsMoved > 0 ? `, ${report.meetingsMoved} demo meeting(s) moved to follow today` : '') +
          (report.decisionsMoved > 0 ? `, ${report.decisionsMoved} demo decision(s) redated to follow today.` : '.'),
      );
    });

  program
    .command('import <file>')
    .description('Import a ModernGov page: an agenda-item page saved as .txt, a decision-details page as .html, a GetMeeting answer as .xml; or a folder holding a GetMeeting answer and its decision pages (with --committee).')
    .option('--meeting <id>', 'the meeting the item belongs to (its committee wins over the page)')
    .option('--committee <id>', 'the committee a GetMeeting answer belongs to (it names none): the one whose GetMeetings listed it')
    .option('--source-url <url>', 'the page\'s address on the council website, so a later import of it updates the same record')
    .option('--site <url>', 'for a folder: the council\'s ModernGov site the pages were saved from (default MODERNGOV_BASE_URL)')
    .option('--create-committee', 'create the committee the page names if the bot does not know it yet (a new install\'s first import)', false)
    .option('--dry-run', 'show what was understood and the warnings, storing nothing', false)
    .option('--json', 'print the result as JSON', false)
    .action(async (file: string, options: { meeting?: string; committee?: string; sourceUrl?: string; site?: string; createCommittee: boolean; dryRun: boolean; json: boolean }) => {
      // A folder: a saved GetMeeting answer with the decision pages saved beside it, imported as a sync would.
      if ((await stat(file).catch(() => undefined))?.isDirectory()) {
        const pool = createPageReaderPool({ timeBudgetMs: loadConfig(process.env).officerApi.pageParseBudgetMs, maxThreads: 1 });
        const folderCode = await withStore((store, config) =>
          runImportFolder(
            { folder: file, committeeId: options.committee, baseUrl: options.site ?? config.modernGov?.baseUrl, dryRun: options.dryRun },
            { store, pages: pool, now: () => new Date(), out: (line) => console.log(line), openFolder: openFolderModernGovSite },
          ),
        ).finally(() => pool.close());
        if (folderCode !== 0) process.exitCode = folderCode;
        return;
      }
      // The same reader as the bot's, so a page the bot would refuse as too slow to read is refused here too.
      const pages = createPageReaderPool({ timeBudgetMs: loadConfig(process.env).officerApi.pageParseBudgetMs, maxThreads: 1 });
      const code = await withStore((store, config) =>
        runImportCommand(
          { file, meetingId: options.meeting, committeeId: options.committee, sourceUrl: options.sourceUrl, createCommittee: options.createCommittee, dryRun: options.dryRun, json: options.json },
          { store, pages, out: (line) => console.log(line), now: () => new Date(), defaultCallInWorkingDays: config.callInWorkingDays, ...(config.notifications.quietHours ? { quietHours: config.notifications.quietHours } : {}) },
        ),
      ).finally(() => pages.close());
      if (code !== 0) process.exitCode = code;
    });

  const notifyDeps = (store: Store, config: Config) => ({
    store,
    now: () => new Date(),
    out: (line: string) => console.log(line),
    isTerminal: Boolean(process.stdout.isTTY),
    ...(config.notifications.quietHours ? { quietHours: config.notifications.quietHours } : {}),
  });
  const collect = (value: string, previous: string[]) => [...previous, value];
  program
    .command('notify')
    .description("Send an agenda item's card (--item) or a meeting's agenda (--meeting) to members' Teams chats; the running bot sends it.")
    .option('--item <id>', 'the agenda item to send')
    .option('--meeting <id>', 'the meeting whose agenda to send (one card per member)')
    .option('--committee <id>', 'send to this committee\'s councillors (repeat for more; default: the item\'s committee)', collect, [])
    .option('--member <id>', 'send to this member (repeat for more)', collect, [])
    .option('--channel <conversation id>', 'also post to this team channel (never for exempt items)', collect, [])
    .option('--at <time>', 'when to send it, ISO 8601 (default: now)')
    .option('--message <note>', 'a short note from democratic services, shown with the card')
    .option('--urgent', 'send even during quiet hours', false)
    .option('--wait', 'follow it until every delivery is done (a progress bar on a terminal)', false)
    .option('--json', 'print the result as JSON', false)
    .action(async (options: { item?: string; meeting?: string; committee: string[]; member: string[]; channel: string[]; at?: string; message?: string; urgent: boolean; wait: boolean; json: boolean }) => {
      const code = await withStore((store, config) =>
        runNotifyCommand(
          {
            ...(options.item !== undefined ? { item: options.item } : {}),
            ...(options.meeting !== undefined ? { meeting: options.meeting } : {}),
            committees: options.committee, members: options.member, channels: options.channel,
            ...(options.at !== undefined ? { at: options.at } : {}),
            ...(options.message !== undefined ? { message: options.message } : {}),
            urgent: options.urgent, wait: options.wait, json: options.json,
          },
          notifyDeps(store, config),
        ),
      );
      if (code !== 0) process.exitCode = code;
    });

  const notifications = program.command('notifications').description('Follow, cancel or release the notifications the bot sends.');
  notifications
    .command('status <id>')
    .description("A notification's status, counts, and who could not be reached (and why)")
    .option('--wait', 'follow it until every delivery is done', false)
    .option('--json', 'print it as JSON, with every recipient', false)
    .action(async (id: string, options: { wait: boolean; json: boolean }) => {
      const code = await withStore((store, config) => runNotifyStatus(id, options, notifyDeps(store, config)));
      if (code !== 0) process.exitCode = code;
    });
  for (const action of ['cancel', 'send'] as const) {
    notifications
      .command(`${action} <id>`)
      .description(action === 'cancel' ? 'Cancel what has not been sent yet' : 'Send a notification held for an officer (a committee set to hold)')
      .action(async (id: string) => {
        const code = await withStore((store, config) => runNotifyChange(action, id, notifyDeps(store, config)));
        if (code !== 0) process.exitCode = code;
      });
  }

  /** The sync's dependencies from the configuration: the same site adapter and page reader as the bot's. */
  const withSync = (work: (deps: SyncCommandDeps) => Promise<number>): Promise<number> =>
    withStore(async (store, config) => {
      const pages = createPageReaderPool({ timeBudgetMs: config.officerApi.pageParseBudgetMs, maxThreads: 1 });
      const mg = config.modernGov;
      const site = mg
        ? createHttpModernGovSite({ baseUrl: mg.baseUrl, requestGapMs: mg.requestGapMs, timeoutMs: mg.timeoutMs, ...(mg.contact ? { contact: mg.contact } : {}) })
        : undefined;
      try {
        return await work({ store, pages, site, now: () => new Date(), out: (line) => console.log(line), defaultCallInWorkingDays: config.callInWorkingDays });
      } finally {
        await pages.close();
      }
    });
  const sync = program
    .command('sync')
    .description("Follow the council's ModernGov site (MODERNGOV_BASE_URL): committees with a ModernGov id are synced.")
    .option('--once', 'sync every followed committee now, showing each meeting as it is done', false)
    .option('--dry-run', 'fetch and read everything, writing nothing', false)
    .option('--json', 'print the result as JSON', false)
    .action(async (options: { once: boolean; dryRun: boolean; json: boolean }) => {
      if (!options.once) {
        console.log('The bot syncs by itself every MODERNGOV_SYNC_MINUTES; to sync now: cabinet-bot sync --once [--dry-run]. To list the site\'s committees: cabinet-bot sync committees.');
        process.exitCode = 2;
        return;
      }
      const code = await withSync((deps) => runSyncOnce({ dryRun: options.dryRun, json: options.json }, deps));
      if (code !== 0) process.exitCode = code;
    });
  sync
    .command('committees')
    .description('List the committees the site offers (GetCommittees), expired ones marked; create or map committees to follow them.')
    .option('--create <moderngovId>', 'create a committee following this ModernGov committee (repeatable)', collect, [])
    .option('--follow <moderngovId=committeeId>', 'make an existing committee follow this ModernGov committee (repeatable)', collect, [])
    .option('--json', 'print the list as JSON', false)
    .action(async (options: { create: string[]; follow: string[]; json: boolean }) => {
      const code = await withSync((deps) => runSyncCommittees(options, deps));
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

  program
    .command('retention')
    .description('Data protection: what the bot keeps about former members (docs/DATA-PROTECTION.md).')
    .command('apply')
    .description('Erase former members\' Teams chats with the bot; after RETENTION_MONTHS from their end date, name them "Former member" on the record.')
    .option('--json', 'print the report as JSON', false)
    .action(async (options: { json: boolean }) => {
      const code = await withStore((store, config) =>
        runRetentionApply(options, { store, retentionMonths: config.retentionMonths, now: () => new Date(), out: (line) => console.log(line) }));
      if (code !== 0) process.exitCode = code;
    });

  const acknowledgements = program
    .command('acknowledgements')
    .description('The acknowledgement record for the file: who has read the papers, when and how, and who has not.');
  for (const of of ['item', 'meeting'] as const) {
    acknowledgements
      .command(`${of} <id>`)
      .description(of === 'item' ? 'One agenda item: each acknowledgement and who is outstanding.' : 'A whole meeting, member by item.')
      .option('--csv <file>', 'also write it as CSV (UTF-8 with BOM, for a spreadsheet) to this new file')
      .option('--json', 'print it as JSON', false)
      .action(async (id: string, options: { csv?: string; json: boolean }) => {
        const code = await withStore((store) =>
          runAcknowledgementsCommand({ of, id, json: options.json, ...(options.csv !== undefined ? { csv: options.csv } : {}) }, { store, out: (line) => console.log(line) }));
        if (code !== 0) process.exitCode = code;
      });
  }

  const plans = program.command('action-plans').description('Action plans that follow decisions: start, show, edit, update an action, and the Scrutiny report.');
  const planDeps = (store: Store): ActionPlansDeps => ({ store, out: (line) => console.log(line), now: () => new Date(), officer: process.env.USER ?? 'officer' });
  const exitWith = (code: number) => {
    if (code !== 0) process.exitCode = code;
  };
  plans
    .command('create <file>')
    .description('Start the action plan for a decision from a JSON file: { "decisionId", "title", "actions": [{ "title", "ownerMemberId", "dueOn" }] }.')
    .action(async (file: string) => exitWith(await withStore((store) => runCreateActionPlan(file, planDeps(store)))));
  plans
    .command('show <id>')
    .description('The plan, its version (for edit) and each action\'s state.')
    .option('--json', 'print it as JSON, with its whole history', false)
    .action(async (id: string, options: { json: boolean }) => exitWith(await withStore((store) => runShowActionPlan(id, options.json, planDeps(store)))));
  plans
    .command('edit <id> <file>')
    .description('Change the title and actions (add, change, remove) from a JSON file; refused if the plan changed since the version given.')
    .requiredOption('--version <version>', 'the version `show` printed')
    .action(async (id: string, file: string, options: { version: string }) => exitWith(await withStore((store) => runEditActionPlan(id, file, options.version, planDeps(store)))));
  plans
    .command('update <id> <actionId>')
    .description('Record progress on an action, as from the Teams card (done means 100).')
    .requiredOption('--rag <rag>', 'on-track, at-risk, off-track or done')
    .requiredOption('--percent <n>', 'percent complete, 0 to 100')
    .option('--note <text>', 'what happened, up to 2,000 characters')
    .action(async (id: string, actionId: string, options: { rag: string; percent: string; note?: string }) =>
      exitWith(await withStore((store) => runUpdateAction(id, actionId, options, planDeps(store)))));
  plans
    .command('report [id]')
    .description('The Scrutiny report of one plan, or with --committee of all a committee\'s plans over a period: a summary printed; --html and --csv write it to new files.')
    .option('--committee <id>', 'every plan of this committee (instead of one plan\'s id)')
    .option('--from <day>', 'with --committee: updates from this day (yyyy-mm-dd, London) or instant')
    .option('--to <day>', 'with --committee: updates before this day (yyyy-mm-dd, London) or instant')
    .option('--html <file>', 'write the printable page to this new file')
    .option('--csv <file>', 'write the CSV (for a spreadsheet) to this new file')
    .action(async (id: string | undefined, options: { committee?: string; from?: string; to?: string; html?: string; csv?: string }) => {
      const { committee, from, to, ...files } = options;
      if ((id === undefined) === (committee === undefined)) {
        console.error('Name one action plan (report <id>) or a committee (report --committee <id>), not both.');
        return exitWith(1);
      }
      if (id !== undefined && (from !== undefined || to !== undefined)) {
        console.error('--from and --to go with --committee: one plan\'s report has its whole history.');
        return exitWith(1);
      }
      const period = { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
      return exitWith(await withStore((store) =>
        committee !== undefined ? runCommitteeActionPlansReport(committee, period, files, planDeps(store)) : runActionPlanReport(id!, files, planDeps(store))));
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
