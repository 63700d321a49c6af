import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { postActivity, teamsActivity } from '../support/activities';
import { TestBotConnector, type ConnectorCall } from '../support/bot-connector';
import { startTestApp, type TestApp } from '../support/start-test-app';

const isReply = (c: ConnectorCall): boolean => c.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities/.test(c.path);

describe('/readyz when the store stops answering', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('answers 200 ready, then 503 problem+json naming the reason once the store file is gone, while /healthz stays ok', async () => {
    const before = await fetch(`${app.url}/readyz`);
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({ status: 'ready' });

    // The running app keeps its SQLite handle on the deleted file; everything it wrote from then on would be lost.
    const file = path.join(app.dataDir, 'cabinet.db');
    expect(existsSync(file)).toBe(true);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });

    const after = await fetch(`${app.url}/readyz`);
    expect(after.status).toBe(503);
    expect(after.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const body = (await after.json()) as Record<string, unknown>;
    expect(body).toEqual({
      type: 'about:blank',
      status: 503,
      title: 'Not ready',
      detail: `Not ready: The embedded store's file ${file} was deleted while the bot was running, so nothing written now could be kept. Writes are refused until an operator restores the file and restarts the bot.`,
      requestId: after.headers.get('x-request-id'),
    });

    // Liveness is not readiness: the process is fine, it is the store that is not.
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});

describe('graceful shutdown with a message turn in flight', () => {
  const DELAY_MS = 700;
  let app: TestApp;
  let connector: TestBotConnector;
  beforeEach(async () => {
    connector = await new TestBotConnector({ delayMs: DELAY_MS }).start();
    app = await startTestApp({ SHUTDOWN_GRACE_MS: '15000' });
  });
  afterEach(async () => {
    await connector.stop();
    rmSync(app.dataDir, { recursive: true, force: true });
  });

  it('finishes the turn (200, reply delivered), refuses new requests meanwhile, and only then resolves stop()', async () => {
    const activity = teamsActivity('04_message_personal', { serviceUrl: connector.url, text: 'help' });
    const events: string[] = [];
    const turn = postActivity(app.url, activity).then((res) => {
      events.push('turn answered');
      return res;
    });

    // The turn is in flight: the bot has asked the (slow) Bot Connector something and waits for its answer.
    await connector.waitForCalls(1);
    expect(connector.answered).toEqual([]);

    const stopStarted = Date.now();
    const stopped = app.app.stop().then(() => {
      events.push('stopped');
      // By the time stop() resolves, the turn's reply has reached the Bot Connector.
      events.push(`reply delivered before stop resolved: ${connector.answered.some(isReply)}`);
    });

    // A new request during shutdown is refused: 503 problem+json, or the listener is already closed.
    await new Promise((r) => setTimeout(r, 50));
    const during = await fetch(`${app.url}/healthz`).then(
      async (res) => ({ status: res.status, contentType: res.headers.get('content-type'), body: (await res.json()) as Record<string, unknown> }),
      (err: Error & { cause?: { code?: string } }) => ({ refused: err.cause?.code ?? err.message }),
    );
    if ('refused' in during) {
      expect(during.refused).toBe('ECONNREFUSED');
    } else {
      expect(during).toMatchObject({ status: 503, contentType: 'application/problem+json; charset=utf-8', body: { title: 'Shutting down' } });
    }
    expect(events).toEqual([]);

    const res = await turn;
    await stopped;
    expect(res.status).toBe(200);
    expect(events).toContain('stopped');
    expect(events).toContain('reply delivered before stop resolved: true');
    // It waited for the slow connector (the member look-up and the reply), not just closed.
    expect(Date.now() - stopStarted).toBeGreaterThanOrEqual(DELAY_MS);

    const replies = connector.calls.filter(isReply);
    expect(replies).toHaveLength(1);
    const conversationId = (activity.conversation as { id: string }).id;
    expect(decodeURIComponent(replies[0]!.path)).toBe(`/v3/conversations/${conversationId}/activities/${activity.id as string}`);
    expect(JSON.stringify(replies[0]!.body)).toContain('Cabinet bot');

    // After stop(), nothing listens any more.
    await expect(fetch(`${app.url}/healthz`)).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
  });

  it('stops at once when nothing is in flight', async () => {
    const started = Date.now();
    await app.app.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(fetch(`${app.url}/healthz`)).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
  });
});
