import { buildErrorView, renderErrorCard } from './cards';
import { describeConfig, type Config } from './config';
import { createHttpServer } from './http/server';
import { createOfficerAuthenticator } from './http/officer-auth';
import { officerRoutes } from './http/routes';
import { createPageReaderPool } from './parse-pool/page-reader-pool';
import type { Logger } from './logging/logger';
import { MemberDirectory } from './services/roster/member-directory';
import { SearchIndex } from './services/search';
import { openStore } from './store/open-store';
import { createCloudAdapter, createMessagesHandler, type BotCredentialsFactory } from './teams/bot-adapter';
import { CabinetBot } from './teams/cabinet-bot';
import { TeamsMessenger } from './teams/teams-messenger';
import { createTurnErrorHandler } from './teams/turn-errors';

/**
 * How often the search index checks the store's change marker for other instances' writes; they become searchable
 * within this plus one background rebuild (~1 s).
 */
const SEARCH_FRESHNESS_MS = 5000;

export interface RunningApp {
  readonly port: number;
  /** Graceful: stop accepting, let turns in flight finish, close the store. */
  stop(): Promise<void>;
}

export interface AppOptions {
  /** Tests sign outgoing Bot Connector calls locally instead of asking Microsoft's login service. */
  readonly botCredentialsFactory?: BotCredentialsFactory;
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

  const store = await openStore(config.store, {
    onNewStore: (file) => logger.warn({ file }, `created a new, empty embedded store at ${file} (DATA_DIR held none)`),
  });

  const adapter = createCloudAdapter(config.bot, options.botCredentialsFactory);
  adapter.onTurnError = createTurnErrorHandler(logger, (error, reference) => renderErrorCard(buildErrorView(error, { reference })));
  const now = () => new Date();
  // Kept fresh by this instance's own writes at once, and by other instances' through the store's change marker
  // (checked and rebuilt in the background; queries are answered from the current index meanwhile).
  const search = new SearchIndex(store, {
    changeMarker: () => store.changeMarker(),
    refreshIntervalMs: SEARCH_FRESHNESS_MS,
    onBackgroundError: (err) => logger.warn({ err }, 'search index refresh failed'),
  });
  const stopRefreshingSearch = search.keepFresh();
  const messenger = new TeamsMessenger(adapter, config.bot.appId ?? '', logger);
  const bot = new CabinetBot({ store, search, messenger, logger, now, members: new MemberDirectory(store) });

  // Imported pages are parsed in worker threads, so a hostile page never holds up the event loop that answers Teams.
  const pages = createPageReaderPool({ timeBudgetMs: config.officerApi.pageParseBudgetMs });

  const http = createHttpServer({
    logger,
    maxBodyBytes: config.officerApi.maxBodyBytes,
    messages: createMessagesHandler(adapter, (ctx) => bot.run(ctx)),
    authenticateOfficer: createOfficerAuthenticator(config.officerApi),
    routes: officerRoutes({ store, config, search, pages }),
    readiness: () => store.ping(),
  });
  const { port } = await http.listen(config.port, config.host);
  logger.info({ port }, `listening on http://${config.host}:${port} (POST /api/messages, GET /healthz, /readyz)`);

  return {
    port,
    stop: async () => {
      logger.info('shutting down: finishing requests in flight');
      await http.stop(config.shutdownGraceMs);
      stopRefreshingSearch();
      await search.whenIdle(); // a background rebuild may still be reading the store
      await pages.close();
      await store.close();
      logger.info('stopped');
    },
  };
}
