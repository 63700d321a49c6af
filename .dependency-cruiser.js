/**
 * The dependency rule of docs/ARCHITECTURE.md, checked by test/architecture.test.ts on every test run.
 * domain imports nothing of ours; services import domain and ports; adapters import inwards, never sideways.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ holds types and rules only: no other folder of ours, no I/O, no SDKs (zod and date-holidays are pure).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', 'node_modules/(zod|date-holidays)/'] },
    },
    {
      name: 'services-use-domain-and-ports',
      comment: 'use cases see the domain, the store port and each other, never an adapter.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: ['^src/(teams|http|cli|graph|delivery|parse-pool|search-build-process|moderngov|store/(embedded|cosmos|documents|domain-store))/', 'node_modules/(botbuilder|botframework-|restify|@azure|@opentelemetry|better-sqlite3|piscina)'] },
    },
    {
      name: 'only-teams-imports-botbuilder',
      severity: 'error',
      from: { pathNot: '^src/teams/' },
      to: { path: 'node_modules/(botbuilder|botframework-)' },
    },
    {
      name: 'only-cosmos-adapter-imports-azure-cosmos',
      severity: 'error',
      from: { pathNot: '^src/store/cosmos/' },
      to: { path: 'node_modules/@azure/cosmos' },
    },
    {
      name: 'only-azure-adapters-sign-in',
      comment: 'Entra ID credentials are for the adapters that call Azure: Cosmos DB and Microsoft Graph.',
      severity: 'error',
      from: { pathNot: '^src/(store/cosmos|graph)/' },
      to: { path: 'node_modules/@azure/identity' },
    },
    {
      name: 'only-embedded-adapter-imports-sqlite',
      severity: 'error',
      from: { pathNot: '^src/store/embedded/' },
      to: { path: 'node_modules/better-sqlite3' },
    },
    {
      name: 'only-telemetry-starts-the-sdk',
      comment: 'the OpenTelemetry SDK (through Azure Monitor) is started in src/telemetry alone; adapters use @opentelemetry/api only.',
      severity: 'error',
      from: { pathNot: '^src/telemetry/' },
      to: { path: 'node_modules/@azure/monitor-opentelemetry' },
    },
    {
      name: 'only-teams-imports-msal',
      comment: 'the bot\'s outgoing tokens (sovereign clouds) are the Teams adapter\'s business.',
      severity: 'error',
      from: { pathNot: '^src/teams/' },
      to: { path: 'node_modules/@azure/msal-node' },
    },
    {
      name: 'only-parse-pool-imports-piscina',
      comment: 'worker threads for page parsing are one adapter behind the PageReader port (services/page-reader.ts).',
      severity: 'error',
      from: { pathNot: '^src/parse-pool/' },
      to: { path: 'node_modules/piscina' },
    },
    {
      name: 'only-http-imports-restify',
      severity: 'error',
      from: { pathNot: '^src/http/' },
      to: { path: 'node_modules/restify' },
    },
    {
      name: 'only-http-imports-zod-to-openapi',
      comment: 'the OpenAPI document is the officer API\'s, built from the contracts beside its routes; nothing else extends zod with it.',
      severity: 'error',
      from: { pathNot: '^src/http/' },
      to: { path: 'node_modules/@asteasolutions/zod-to-openapi' },
    },
    {
      name: 'adapters-do-not-reach-sideways',
      comment: 'teams, http, cli, graph, the outbox sender, the parse pool, the search build process and the store adapters meet only in the composition root (src/app.ts); the CLI, a root of its own, may open a store and a parse pool.',
      severity: 'error',
      from: { path: '^src/(teams|http|import|cards|graph|delivery|parse-pool|search-build-process|moderngov)/' },
      to: { path: '^src/(teams|http|cli|graph|delivery|parse-pool|search-build-process|moderngov|store/(embedded|cosmos))/', pathNot: '^src/$1/' },
    },
    {
      name: 'cli-does-not-reach-into-other-adapters',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/(teams|http|graph|delivery|search-build-process|store/(embedded|cosmos))/' },
    },
    {
      name: 'cards-render-only',
      comment: 'card rendering turns domain objects into cards; it calls no use case and no adapter.',
      severity: 'error',
      from: { path: '^src/cards/' },
      to: { path: '^src/(services|store|teams|http|cli|delivery|import)/' },
    },
    {
      name: 'tab-reads-only-the-api',
      comment: 'the dashboard tab (web/) is a browser app: it knows the bot through /api/v1 and its generated types only, never by importing src/.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(src|test|scripts)/' },
    },
    {
      name: 'bot-does-not-import-the-tab',
      comment: 'the bot serves the tab\'s build (dist/tab) as files; no code of the bot imports web/.',
      severity: 'error',
      from: { path: '^(src|scripts)/' },
      to: { path: '^web/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'] },
  },
};
