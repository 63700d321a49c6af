import { randomUUID } from 'node:crypto';
import { seedDemoCouncil } from '../../src/services/demo/seed-demo-council';
import { TestBotConnector } from '../support/bot-connector';
import { ConversationHarness } from '../support/conversation-harness';
import { startCosmosServer, type CosmosTestServer } from '../support/cosmos-server';
import { startSilentRelay, type SilentRelay } from '../support/silent-relay';
import { startTestApp } from '../support/start-test-app';

const DEADLINE_MS = 1000;

/**
 * Teams waits 5 s for a message extension and then shows the person nothing useful. When the store stops answering
 * (Cosmos DB behind a network that has gone silent), the search still answers in time, with a message saying so.
 */
describe('message extension deadline, with Cosmos DB silent', () => {
  const h = new ConversationHarness();
  let cosmos: CosmosTestServer;
  let relay: SilentRelay;

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    relay = await startSilentRelay(cosmos.endpoint);
    h.connector = await new TestBotConnector().start();
    h.app = await startTestApp(
      { STORE: 'cosmos', COSMOS_ENDPOINT: relay.endpoint, COSMOS_KEY: cosmos.key, COSMOS_DATABASE: `deadline-${randomUUID().slice(0, 8)}` },
      { seed: (store) => seedDemoCouncil(store, new Date()), extensionDeadlineMs: DEADLINE_MS },
    );
    relay.goSilent();
  });

  afterAll(async () => {
    await h.app?.stop();
    await h.connector?.stop();
    await relay?.close();
    await cosmos?.stop();
  }, 20_000);

  const timed = async (activity: Record<string, unknown>) => {
    const started = Date.now();
    const res = await h.post(activity);
    return { ...res, elapsedMs: Date.now() - started };
  };

  it('answers a search with a message in the compose box at its deadline, well inside Teams\' 5 s', async () => {
    const res = await timed(h.activity('07b_invoke_composeExtension_query_modern_envelope', 'housing', {
      value: { commandId: 'searchDecisions', parameters: [{ name: 'query', value: 'community safety' }], queryOptions: { skip: 0, count: 25 } },
    }));
    expect(res.status).toBe(200);
    expect(res.elapsedMs).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    expect(res.elapsedMs).toBeLessThan(DEADLINE_MS + 1500);
    const body = JSON.parse(res.body) as { composeExtension: { type: string; text: string } };
    expect(body.composeExtension.type).toBe('message');
    expect(body.composeExtension.text).toMatch(/^Search is taking longer than Teams allows\. Try again, or use fewer, more exact words\. Reference [\w.-]+\.$/);
  });

  it('leaves a pasted link as a link (no attachments) at its deadline', async () => {
    const res = await timed(h.activity('08_invoke_composeExtension_queryLink', 'housing', { value: { url: 'https://democracy.melton.gov.uk/mgAi.aspx?ID=12345' } }));
    expect(res.status).toBe(200);
    expect(res.elapsedMs).toBeLessThan(DEADLINE_MS + 1500);
    expect(JSON.parse(res.body)).toEqual({ composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } });
  });
});
