import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SpanKind } from '@opentelemetry/api';
import { DEMO_PEOPLE } from '../../src/services/demo/demo-council';
import { PERSONAL_ATTRIBUTES } from '../../src/telemetry/start-telemetry';

const ROOT = path.resolve(__dirname, '../..');

interface TracedSpan {
  name: string;
  kind: SpanKind;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
  status: number;
}
interface Run { enabled: boolean; recording: boolean; httpPatched: boolean; requestIds: string[]; connector: string; spans: TracedSpan[]; ingested: string[] }

/** The app in a child process with telemetry started first (test/telemetry/support/traced-turn.ts). */
const traceRun = (env: Record<string, string>): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/telemetry/support/traced-turn.ts'], {
      cwd: ROOT,
      // No statsbeat or offline storage: the machine has no Azure to report to.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`traced-turn exited ${code}: ${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Run);
    });
  });

/** The child adds an IngestionEndpoint of its own (a local stand-in for Application Insights). */
const CONNECTION_STRING = 'InstrumentationKey=00000000-0000-4000-8000-000000000000';

/** A certificate for https://127.0.0.1, made with openssl for this run and trusted by the child alone. */
function makeCertificate(dir: string): Record<string, string> {
  const cert = path.join(dir, 'ingestion.crt');
  const key = path.join(dir, 'ingestion.key');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { TEST_INGESTION_CERT: cert, TEST_INGESTION_KEY: key, NODE_EXTRA_CA_CERTS: cert };
}

describe('telemetry (OpenTelemetry through @azure/monitor-opentelemetry, read with an in-memory exporter)', () => {
  describe('with APPLICATIONINSIGHTS_CONNECTION_STRING set', () => {
    let run: Run;
    const certificates = mkdtempSync(path.join(tmpdir(), 'cabinet-telemetry-'));
    afterAll(() => rmSync(certificates, { recursive: true, force: true }));
    beforeAll(async () => {
      run = await traceRun({ APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION_STRING, ...makeCertificate(certificates) });
      // The stand-in ingestion endpoint's own requests are traced too; they are not the bot's.
      run.spans = run.spans.filter((s) => !String(s.attributes['http.target'] ?? '').startsWith('/v2'));
    }, 60_000);

    const ancestors = (span: TracedSpan): TracedSpan[] => {
      const chain: TracedSpan[] = [];
      let parent = run.spans.find((s) => s.spanId === span.parentSpanId);
      while (parent) {
        chain.push(parent);
        const next = parent.parentSpanId;
        parent = run.spans.find((s) => s.spanId === next);
      }
      return chain;
    };
    const traceOf = (requestId: string) => {
      const server = run.spans.find((s) => s.kind === SpanKind.SERVER && s.attributes['cabinet.request_id'] === requestId);
      if (!server) throw new Error(`no server span carries request id ${requestId}`);
      return { server, spans: run.spans.filter((s) => s.traceId === server.traceId) };
    };

    it('is on: spans record, HTTP is instrumented, and Azure Monitor\'s exporter sends requests and dependencies', () => {
      expect(run).toMatchObject({ enabled: true, recording: true, httpPatched: true });
      expect(run.ingested).toEqual(expect.arrayContaining(['RequestData', 'RemoteDependencyData']));
    });

    it.each([
      ['a message', 0, 'turn message'],
      ['a card action', 1, 'turn adaptiveCard/action'],
    ])('traces %s as one trace: the request, its turn, its store operations and its outgoing Teams calls, with the request id', (_what, index, turnName) => {
      const requestId = run.requestIds[index]!;
      expect(requestId).toMatch(/^[\w-]{36}$/);
      const { server, spans } = traceOf(requestId);
      expect(server.attributes).toMatchObject({ 'http.method': 'POST', 'http.target': '/api/messages' });

      const turn = spans.find((s) => s.name === turnName);
      expect(turn?.parentSpanId).toBe(server.spanId);
      expect(turn?.attributes).toMatchObject({ 'cabinet.request_id': requestId, 'cabinet.channel': 'msteams', 'cabinet.conversation.type': 'personal' });

      const store = spans.filter((s) => s.attributes['db.system'] === 'sqlite');
      expect(store.length).toBeGreaterThan(0);
      for (const s of store) {
        expect(ancestors(s)).toContain(turn);
        expect(s.attributes['db.collection.name']).toMatch(/^(business|members|conversations|notifications|activities)$/);
      }

      // The Bot Connector call is an ordinary HTTP client span: traced by the HTTP instrumentation, no code of ours.
      if (turnName === 'turn message') {
        const conversations = new URL('/v3/conversations/', run.connector).href;
        const replies = spans.filter((s) => s.kind === SpanKind.CLIENT && String(s.attributes['http.url']).startsWith(conversations));
        expect(replies.length).toBeGreaterThan(0);
        for (const reply of replies) expect(ancestors(reply)).toContain(turn);
      }
    });

    it('leaves out liveness probes', () => {
      expect(run.spans.filter((s) => String(s.attributes['http.target']).startsWith('/healthz'))).toEqual([]);
    });

    it('carries no personal data beyond ids: no names, emails, message text, addresses or browsers', () => {
      const everything = JSON.stringify(run.spans);
      for (const text of ['Alan Pearson', 'alan.pearson@', 'demo-council.gov.uk', 'community safety', 'Safer Streets']) expect(everything).not.toContain(text);
      for (const span of run.spans) for (const name of PERSONAL_ATTRIBUTES) expect([span.name, name, span.attributes[name]]).toEqual([span.name, name, undefined]);
      // Ids are fine, and are what joins a trace to the logs and to Teams.
      expect(everything).toContain(encodeURIComponent(`a:personal-chat-of-${DEMO_PEOPLE.housing.id}`));
    });
  });

  describe('without it', () => {
    it('starts nothing: no SDK, no instrumentation, spans are no-ops', async () => {
      const run = await traceRun({});
      expect(run).toMatchObject({ enabled: false, recording: false, httpPatched: false, spans: [] });
      expect(run.requestIds.every((id) => id.length > 0)).toBe(true);
    }, 60_000);
  });
});
