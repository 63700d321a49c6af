import { exemptViews } from './services/audit/exempt-views';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { buildErrorView, renderErrorCard } from './cards';
import { BottleneckConnectorBudget } from './delivery/connector-budget';
import { OutboxSender, type OutboxSenderOptions } from './delivery/outbox-sender';
import { DEFAULT_RETRY_POLICY } from './domain';
import type { NotificationDeps } from './services/notifications/notification-deps';
import type { TokenCredential } from './graph/graph-credential';
import { GraphAppInstaller } from './graph/graph-app-installer';
import { graphCredential } from './graph/graph-credential';
import { BotConnectorClient } from './teams/bot-connector-client';
import { configWarnings, describeConfig, type Config } from './config';
import { createHttpServer } from './http/server';
import { createOfficerAuthenticator } from './http/officer-auth';
import { createPublicPages } from './http/public-pages';
import { createTabSite, tabSignIn } from './http/tab';
import { officerRoutes } from './http/routes';
import { createPageReaderPool } from './parse-pool/page-reader-pool';
import { createHttpModernGovSite } from './moderngov/http-moderngov-site';
import { ModernGovSyncJob, type ModernGovSyncJobOptions } from './moderngov/moderngov-sync-job';
import { syncModernGov } from './services/sync/sync-moderngov';
import type { Logger } from './logging/logger';
import { ChatDirectory } from './services/conversation/chat-directory';
import { MemberDirectory } from './services/roster/member-directory';
import { SearchIndex, type SnapshotStore } from './services/search';
import { buildCorpusInChildProcess } from './search-build-process/corpus-build-process';
import { fileSnapshotStore } from './store/embedded/file-snapshot-store';
import { mirroredStore } from './store/mirrored-store';
import { indexedDecisions } from './store/indexed-decisions';
import { DecisionPlanMirror } from './store/decision-plan-mirror';
import { MeetingMirror } from './store/meeting-mirror';
import { RosterMirror } from './store/roster-mirror';
import { openStore } from './store/open-store';
import { createBotAuthentication, createCloudAdapter, createMessagesHandler, fetchChannelSecretsAhead, type BotCredentialsFactory } from './teams/bot-adapter';
import { CabinetBot } from './teams/cabinet-bot';
import { TeamsMessenger } from './teams/teams-messenger';
import { renderForConversation } from './teams/notification-messages';
import { createTurnErrorHandler } from './teams/turn-errors';
import { warmUpOnce, warmUpStatusAnswer } from './teams/warm-up';
import { warmUpTurns } from './teams/warm-up-turn';

/**
 * How often the search index checks the store's change marker for other instances' writes; they become searchable
 * within this plus one background rebuild (~1 s).
 */
const SEARCH_FRESHNESS_MS = 5000;
/** The search index's snapshot in DATA_DIR (services/search/search-snapshot.ts, store/embedded/file-snapshot-store.ts). */
const SEARCH_SNAPSHOT_FILE = 'search-index.snapshot';
/** How long a /readyz probe waits for the first search index build before answering 503 (it is within the probe's 3 s). */
const READINESS_INDEX_WAIT_MS = 2000;
/**
 * How long a /readyz probe then waits for the warm-up (teams/warm-up.ts; about a second once the index is built, up to
 * CHANNEL_SECRETS_WAIT_MS more with an app id); the probe answers 503 "still warming up" meanwhile.
 */
const READINESS_WARM_UP_WAIT_MS = 500;

/**
 * How long the warm-up, once its answers are done, still waits for the channel's keys and the bot's token fetched
 * ahead (teams/bot-adapter.ts, fetchChannelSecretsAhead); later than that, the first request waits for them instead.
 */
const CHANNEL_SECRETS_WAIT_MS = 3000;

/** A Bot Connector call that has not answered by then is a fault, tried again by the outbox. */
const CONNECTOR_TIMEOUT_MS = 15_000;

/** The outbox sender's settings (docs/ARCHITECTURE.md, "Notifications", says why these). */
const SENDER_SETTINGS = {
  concurrency: 16,
  idlePollMs: 30_000,
  busyTickMs: 200,
  leaseTtlMs: 15_000,
  progressEveryMs: 3000,
  policy: DEFAULT_RETRY_POLICY,
};

export interface RunningApp {
  readonly port: number;
  /** Graceful: stop accepting, let turns in flight finish, close the store. */
  stop(): Promise<void>;
}

export interface AppOptions {
  /** Tests sign outgoing Bot Connector calls locally instead of asking Microsoft's login service. */
  readonly botCredentialsFactory?: BotCredentialsFactory;
  /** Tests shorten the time a message-extension answer may take before it says it is busy. */
  readonly extensionDeadlineMs?: number;
  /** Tests get Graph tokens from a stand-in identity provider (the real credential class, another transport). */
  readonly graphCredential?: TokenCredential;
  /** Tests make the outbox sender look for work more often than production does. */
  readonly sender?: Partial<Pick<OutboxSenderOptions, 'idlePollMs' | 'leaseTtlMs' | 'busyTickMs' | 'progressEveryMs'>>;
  /** Tests run the ModernGov sync sooner and more often than MODERNGOV_SYNC_MINUTES. */
  readonly sync?: Partial<ModernGovSyncJobOptions>;
  /** Tests hold the warm-up back until this settles, to see /readyz wait for it. */
  readonly holdWarmUp?: Promise<unknown>;
  /** Tests move the mirrors' clock past their safety net (MIRROR_UNCONFIRMED_MS) without waiting for it. */
  readonly rosterClock?: () => number;
}

/** The composition root: config -> store -> services -> bot and HTTP server. Wiring only, no rules. */
export async function startApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<RunningApp> {
  logger.info({ config: describeConfig(config) }, 'starting Cabinet bot');
  if (config.localMode) {
    logger.warn(
      '*** LOCAL MODE: MicrosoftAppId is not set, so requests to /api/messages are NOT authenticated. ' +
        'Use this only on your own machine with the Agents Playground. ***',
    );
  }
  for (const warning of configWarnings(config)) logger.warn(warning);

  const store = await openStore(config.store, {
    onNewStore: (file) => logger.warn({ file }, `created a new, empty embedded store at ${file} (DATA_DIR held none)`),
  });

  const botAuth = createBotAuthentication(config.bot, options.botCredentialsFactory);
  const adapter = createCloudAdapter(botAuth);
  adapter.onTurnError = createTurnErrorHandler(logger, (error, reference) => renderErrorCard(buildErrorView(error, { reference })));
  const now = () => new Date();
  // On Cosmos DB the turns find the asker, the committees, which action plan a decision has and the meetings in memory
  // (store/roster-mirror.ts, store/decision-plan-mirror.ts, store/meeting-mirror.ts; on the embedded store those reads
  // are local). Loaded now, waited for by /readyz, and each read again when its part of the change marker moves.
  const mirrorOptions = {
    ...(options.rosterClock ? { now: options.rosterClock } : {}),
    onBackgroundError: (err: unknown, what: string) => logger.warn({ err }, `${what}: reload failed`),
  };
  const mirrors = config.store.kind === 'cosmos'
    ? { roster: new RosterMirror(store, mirrorOptions), plans: new DecisionPlanMirror(store, mirrorOptions), meetings: new MeetingMirror(store, mirrorOptions) }
    : undefined;
  const everyMirror = mirrors ? [mirrors.roster, mirrors.plans, mirrors.meetings] : [];
  for (const mirror of everyMirror) mirror.whenLoaded().catch((err: unknown) => logger.warn({ err }, `${mirror.what}: the first load failed`));
  // The instance's one periodic read of the change markers (the search index's check, every 5 s): the business part
  // tells the index whether to rebuild, and the other parts are handed to their mirrors, so that watching them costs
  // no request of its own (the idle budget: docs/ARCHITECTURE.md).
  const readChangeMarkers = async (): Promise<string> => {
    const markers = await store.changeMarkers();
    mirrors?.roster.markerRead(markers.roster);
    mirrors?.plans.markerRead(markers.plans);
    mirrors?.meetings.markerRead(markers.meetings);
    return markers.business;
  };
  // Kept fresh by this instance's own writes at once, and by other instances' through the store's change marker
  // (checked and rebuilt in the background; queries are answered from the current index meanwhile).
  const search = new SearchIndex(store, {
    changeMarker: readChangeMarkers,
    refreshIntervalMs: SEARCH_FRESHNESS_MS,
    onBackgroundError: (err) => logger.warn({ err }, 'search index refresh failed'),
    // On the embedded store the built index is kept beside it, so that a restart loads it rather than reading and
    // indexing every record (docs/OPERATIONS.md): ready within seconds at 20,000 items.
    // Built in a child process: all the build allocates goes with the process, and this one answers meanwhile.
    buildElsewhere: buildCorpusInChildProcess,
    // After each write, the collection that gives its tens of MB of bytes back (collectGarbage).
    ...(config.store.kind === 'embedded' ? { snapshots: collectingAfterWrites(fileSnapshotStore(path.join(config.store.dataDir, SEARCH_SNAPSHOT_FILE))) } : {}),
  });
  const stopRefreshingSearch = search.keepFresh();
  // The first build starts now rather than at the first question or probe; its failure is retried by keepFresh.
  search.whenBuilt().catch((err: unknown) => logger.warn({ err }, 'search index: the first build failed'));
  // The outbox: Teams' limits kept by one budget, one try per Bot Connector call, a sender loop over the store.
  const budget = new BottleneckConnectorBudget({ requestsPerSecond: config.notifications.sendRatePerSecond });
  const connector = new BotConnectorClient(botAuth, budget, { appId: config.bot.appId ?? '', timeoutMs: CONNECTOR_TIMEOUT_MS });
  const graph = config.notifications.graph;
  const messenger = new TeamsMessenger(connector, logger, {
    ...(config.bot.appId ? { botId: `28:${config.bot.appId}` } : {}),
    defaultServiceUrl: config.notifications.teamsServiceUrl,
    ...(graph
      ? {
          installer: new GraphAppInstaller({
            baseUrl: graph.baseUrl,
            teamsAppId: graph.teamsAppId,
            credential: options.graphCredential ?? graphCredential(graph),
            timeoutMs: CONNECTOR_TIMEOUT_MS,
          }),
        }
      : {}),
  });
  // One per instance, shared: the turns record chats through it, and the sender tells it of chats it found closed.
  const chats = new ChatDirectory(store, now);
  const sender = new OutboxSender(
    { store, messenger, logger: logger.child({ component: 'outbox' }), now, random: Math.random, chats, ...(config.notifications.quietHours ? { quietHours: config.notifications.quietHours } : {}) },
    { ...SENDER_SETTINGS, ...options.sender, instanceId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}` },
  );
  const notifications: NotificationDeps = {
    store,
    now,
    wake: () => sender.wake(),
    ...(config.notifications.quietHours ? { quietHours: config.notifications.quietHours } : {}),
  };
  // Who was shown exempt business: a failed write is logged and the answer still goes (services/audit/exempt-views.ts).
  const views = exemptViews(store.audit, {
    now,
    onNotRecorded: (err, entry) => logger.error({ err, audit: entry }, 'audit log: an exempt view could not be recorded'),
  });
  // On Cosmos DB the turns read committees, members, which action plan a decision has and meetings from the mirrors
  // (docs/ARCHITECTURE.md): each read is a request there. The officer API, the outbox and the sync read the store
  // itself. They learn whether an agenda item is decided from the search index (one point read, or none, instead of a
  // query: store/indexed-decisions.ts).
  const turnStore = mirrors !== undefined ? indexedDecisions(mirroredStore(store, mirrors), (itemId) => search.decisionIdsOfItem(itemId)) : store;
  const botDeps = { store: turnStore, search, logger, now, views, notifications, members: new MemberDirectory(turnStore), chats, modernGovHosts: config.modernGovHosts };
  const bot = new CabinetBot(botDeps, { extensionDeadlineMs: options.extensionDeadlineMs });
  // Status answers run in process once the index is built, then as real turns, before /readyz says ready, so that the
  // first real question pays less for first use (teams/warm-up.ts, teams/warm-up-turn.ts: docs/BENCHMARKS.md, run H).
  // They read the store only, and the turns' replies go to a loopback server of their own, never to Teams. Start-up's
  // garbage is collected first: a collection that gives memory back also throws away the code V8 optimised (measured:
  // the search took 10-30 ms a question after one, 1-2 ms before), so it comes before the warm-up, never after.
  const runTurn: Parameters<typeof createMessagesHandler>[1] = (ctx) => bot.run(ctx);
  const warmUp = warmUpOnce(async () => {
    await search.whenBuilt();
    await search.whenSnapshotSaved();
    await options.holdWarmUp;
    collectGarbage();
    const started = Date.now();
    // Over the network, beside the answers: its failure or lateness only leaves the first request to fetch them.
    const secrets = fetchChannelSecretsAhead(botAuth, config.notifications.teamsServiceUrl).catch((err: unknown) => {
      logger.warn({ err }, "warm-up: could not fetch the channel's keys or the bot's token ahead; the first request will");
      return 'failed';
    });
    const { cards, questions } = await warmUpStatusAnswer(botDeps);
    const inProcessMs = Date.now() - started;
    const replies = await warmUpTurns(adapter, runTurn, { botAppId: config.bot.appId ?? '', questions, logger });
    const channelSecrets = await Promise.race([secrets, delay(CHANNEL_SECRETS_WAIT_MS, 'still fetching', { ref: false })]);
    logger.info({ cards, questions: questions.length, replies, channelSecrets, inProcessMs, ms: Date.now() - started }, 'warmed up: status answers run in process');
  });
  warmUp.ready(READINESS_INDEX_WAIT_MS).catch((err: unknown) => logger.info({ err }, 'warm-up not finished yet'));

  // Imported pages are parsed in worker threads, so a hostile page never holds up the event loop that answers Teams.
  const pages = createPageReaderPool({ timeBudgetMs: config.officerApi.pageParseBudgetMs });

  const http = createHttpServer({
    logger,
    maxBodyBytes: config.officerApi.maxBodyBytes,
    messages: createMessagesHandler(adapter, runTurn),
    authenticateOfficer: createOfficerAuthenticator(config.officerApi),
    routes: officerRoutes({ store, config, search, notifications, pages, views, renderMessage: renderForConversation }),
    // Ready when a question can be answered: the store answers and the search index is built (a first question no
    // longer waits for the build; a load balancer sends none before this).
    // And it has run one answer once (the warm-up), so the first real one is no slower than the tenth.
    readiness: async () => {
      await store.ping();
      await search.whenBuilt(READINESS_INDEX_WAIT_MS);
      await Promise.all(everyMirror.map((mirror) => mirror.whenLoaded(READINESS_INDEX_WAIT_MS)));
      await warmUp.ready(READINESS_WARM_UP_WAIT_MS);
    },
    pages: createPublicPages(config.council),
    // Built by `npm run build:tab` (web/tab) into dist/tab: beside dist/app.js once built, above src/ under tsx.
    tab: createTabSite({ distDir: path.resolve(__dirname, '..', 'dist', 'tab'), signIn: tabSignIn(config.officerApi, config.bot.tenantId) }),
  });
  // Following the council's ModernGov site, when one is configured; every instance runs the job, the lease picks one.
  const modernGov = config.modernGov;
  const instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const syncJob = modernGov
    ? new ModernGovSyncJob(
        (signal) => syncModernGov({ dryRun: false, holder: instanceId, signal }, {
          store, pages, now, notifications: { wake: () => sender.wake(), ...(config.notifications.quietHours ? { quietHours: config.notifications.quietHours } : {}) },
          site: createHttpModernGovSite({ baseUrl: modernGov.baseUrl, requestGapMs: modernGov.requestGapMs, timeoutMs: modernGov.timeoutMs, ...(modernGov.contact ? { contact: modernGov.contact } : {}) }),
        }),
        logger.child({ component: 'moderngov-sync' }),
        { everyMs: modernGov.syncMinutes * 60_000, firstRunAfterMs: 30_000, ...options.sync },
      )
    : undefined;

  const { port } = await http.listen(config.port, config.host);
  logger.info({ port }, `listening on http://${config.host}:${port} (POST /api/messages, GET /healthz, /readyz)`);
  sender.start();
  syncJob?.start();

  return {
    port,
    stop: async () => {
      logger.info('shutting down: finishing requests in flight');
      await http.stop(config.shutdownGraceMs);
      await sender.stop(config.shutdownGraceMs);
      await syncJob?.stop(config.shutdownGraceMs);
      await budget.stop();
      stopRefreshingSearch();
      await search.close(); // a build's child process is killed; a background rebuild may still be reading the store
      await pages.close();
      await store.close();
      logger.info('stopped');
    },
  };
}

/**
 * One full garbage collection, run once the index is loaded or built (before the warm-up) and after each write of the
 * search index's snapshot: loading the index and a snapshot's encoding leave tens of MB of garbage in a heap grown to
 * hold it, which V8 otherwise gives back only if a quiet spell persuades it to (docs/OPERATIONS.md, "Memory"). It
 * also discards optimised code: after a later snapshot write (a rebuild, when the store changed) the next few turns
 * pay for it again, once. The start command runs node with --expose-gc for this; without the flag, nothing is done.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const collectingAfterWrites = (snapshots: SnapshotStore): SnapshotStore => ({
  read: () => snapshots.read(),
  write: async (parts) => {
    await snapshots.write(parts);
    collectGarbage();
  },
});
