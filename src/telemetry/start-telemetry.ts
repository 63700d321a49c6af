import type { IncomingMessage } from 'node:http';
import type { AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';
import { isConnectionString } from './connection-string';

type SpanProcessor = NonNullable<AzureMonitorOpenTelemetryOptions['spanProcessors']>[number];
type EndedSpan = Parameters<SpanProcessor['onEnd']>[0];

/**
 * Attributes the HTTP instrumentation records that say who or where a person is: the caller's address and browser.
 * Telemetry keeps ids and timings only; these are removed from every span before it is exported.
 */
export const PERSONAL_ATTRIBUTES: readonly string[] = [
  'http.client_ip', 'client.address', 'net.peer.ip', 'network.peer.address', 'net.sock.peer.addr',
  'http.user_agent', 'user_agent.original', 'enduser.id', 'enduser.name', 'enduser.role',
];

/**
 * Removes PERSONAL_ATTRIBUTES from each span as it ends, before any exporter sees it (Azure Monitor's processors run
 * after the ones given here). Changing an ended span's attributes in `onEnd` is how Microsoft's Azure Monitor guidance
 * for Node.js adds or changes span properties.
 */
export const personalDataRedactor: SpanProcessor = {
  onStart: () => undefined,
  onEnd: (span: EndedSpan) => {
    const attributes = span.attributes as Record<string, unknown>;
    for (const name of PERSONAL_ATTRIBUTES) delete attributes[name];
  },
  forceFlush: async () => undefined,
  shutdown: async () => undefined,
};

/** Liveness and readiness probes arrive every few seconds from the platform: not worth a trace each. */
const PROBES = new Set(['/healthz', '/readyz']);

export interface Telemetry {
  readonly enabled: boolean;
  /** Sends what is buffered and stops; call once the app has stopped. */
  shutdown(): Promise<void>;
}

export interface TelemetryOptions {
  /** More span processors after the redactor (tests: an in-memory exporter). */
  readonly spanProcessors?: readonly SpanProcessor[];
  /** Tests keep every trace, open no live-metrics connection and keep nothing on disk for a retry. */
  readonly forTests?: boolean;
}

/**
 * OpenTelemetry through Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is set; nothing at all otherwise (no
 * SDK, no instrumentation, the OpenTelemetry API's spans are no-ops). HTTP is instrumented in general, so every turn's
 * incoming request and every outgoing call (Bot Connector, Microsoft login, Cosmos DB) is traced without code at the
 * call sites; the bot adds spans for turns (teams/turn-tracing.ts) and store operations (store/traced-document-database.ts).
 * Must run before http, restify and the SDKs are loaded: src/index.ts imports ./register first.
 */
export function startTelemetry(env: NodeJS.ProcessEnv, options: TelemetryOptions = {}): Telemetry {
  const connectionString = env.APPLICATIONINSIGHTS_CONNECTION_STRING?.trim();
  // A malformed value is reported by the configuration check, with every other problem.
  if (!connectionString || !isConnectionString(connectionString)) return { enabled: false, shutdown: async () => undefined };
  // Loaded only when telemetry is on: the SDK adds most of a second to start-up and has no business in a process that
  // does not use it. A plain require, as it must run now, before the app's modules load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { useAzureMonitor, shutdownAzureMonitor } = require('@azure/monitor-opentelemetry') as typeof import('@azure/monitor-opentelemetry');
  const off = { enabled: false };
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString, ...(options.forTests ? { disableOfflineStorage: true } : {}) },
    instrumentationOptions: {
      http: { enabled: true, ignoreIncomingRequestHook: (request: IncomingMessage) => PROBES.has((request.url ?? '').split('?')[0] ?? '') } as { enabled: boolean },
      azureSdk: { enabled: true },
      mongoDb: off, mySql: off, postgreSql: off, redis: off, redis4: off, bunyan: off, winston: off,
    },
    spanProcessors: [personalDataRedactor, ...(options.spanProcessors ?? [])],
    ...(options.forTests ? { samplingRatio: 1, tracesPerSecond: 0, enableLiveMetrics: false } : {}),
  });
  return { enabled: true, shutdown: async () => void (await shutdownAzureMonitor()) };
}
