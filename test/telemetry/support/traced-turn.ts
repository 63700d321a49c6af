/**
 * Run as a child process by telemetry.test.ts (node --import tsx): telemetry starts first, as src/index.ts starts it,
 * with an in-memory exporter beside Azure Monitor's; then the whole app answers one Teams message and one card action
 * through the test Bot Connector. Prints what was traced, as JSON, on stdout.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startTelemetry, type Telemetry } from '../../../src/telemetry/start-telemetry';

/**
 * Application Insights' ingestion endpoint, played on https://127.0.0.1 (the exporter speaks only https; the test made
 * the certificate and trusts it through NODE_EXTRA_CA_CERTS): it accepts every item and notes each one's type
 * (RequestData, RemoteDependencyData, ...), to show that Azure Monitor's own exporter sends what was traced.
 */
async function startIngestion(): Promise<{ server: Server; url: string; received: string[] }> {
  const received: string[] = [];
  const tls = { cert: readFileSync(process.env.TEST_INGESTION_CERT ?? ''), key: readFileSync(process.env.TEST_INGESTION_KEY ?? '') };
  const server = createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
      const items = JSON.parse(text) as Array<{ data?: { baseType?: string } }>;
      received.push(...items.map((i) => i.data?.baseType ?? '?'));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/`, received };
}

const exporter = new InMemorySpanExporter();

async function main(): Promise<void> {
  const ingestion = process.env.APPLICATIONINSIGHTS_CONNECTION_STRING ? await startIngestion() : undefined;
  const env = ingestion
    ? { ...process.env, APPLICATIONINSIGHTS_CONNECTION_STRING: `${process.env.APPLICATIONINSIGHTS_CONNECTION_STRING};IngestionEndpoint=${ingestion.url}` }
    : process.env;
  const telemetry: Telemetry = startTelemetry(env, { spanProcessors: [new SimpleSpanProcessor(exporter)], forTests: true });

  // Loaded only now, as in production: instrumentation is in place before http, restify and botbuilder load.
  const { trace } = await import('@opentelemetry/api');
  // As the SDKs load it (CommonJS require): the module object the HTTP instrumentation patches.
  const http = createRequire(__filename)('node:http') as typeof import('node:http');
  const { seedDemoCouncil } = await import('../../../src/services/demo/seed-demo-council');
  const { DEMO_IDS } = await import('../../../src/services/demo/demo-council');
  const { TestBotConnector } = await import('../../support/bot-connector');
  const { ConversationHarness } = await import('../../support/conversation-harness');
  const { startTestApp } = await import('../../support/start-test-app');

  const h = new ConversationHarness();
  h.connector = await new TestBotConnector().start();
  h.app = await startTestApp({}, { seed: (store) => seedDemoCouncil(store, new Date()) });
  try {
    await fetch(`${h.app.url}/healthz`);
    const requestIds: string[] = [];
    for (const activity of [
      h.message('housing', 'status community safety'),
      h.cardAction('housing', 'acknowledge', { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-safer-streets' }),
    ]) {
      const res = await fetch(`${h.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      await res.text();
      requestIds.push(res.headers.get('x-request-id') ?? '');
    }
    await new Promise((r) => setTimeout(r, 300));
    const spans = exporter.getFinishedSpans().map((s) => ({
      name: s.name,
      kind: s.kind,
      traceId: s.spanContext().traceId,
      spanId: s.spanContext().spanId,
      parentSpanId: s.parentSpanContext?.spanId,
      attributes: s.attributes,
      status: s.status.code,
    }));
    const probe = trace.getTracer('probe').startSpan('probe');
    const state = { enabled: telemetry.enabled, recording: probe.isRecording(), httpPatched: '__wrapped' in http.request };
    probe.end();
    await h.stop();
    await telemetry.shutdown(); // sends what Azure Monitor's exporter still holds
    const ingested = [...new Set(ingestion?.received ?? [])].sort();
    process.stdout.write(`${JSON.stringify({ ...state, requestIds, connector: h.connector.url, spans: telemetry.enabled ? spans : [], ingested })}\n`);
  } finally {
    ingestion?.server.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
