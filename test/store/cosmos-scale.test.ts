import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { DEMO_IDS } from '../../src/services/demo/demo-council';
import { seedDemoCouncil } from '../../src/services/demo/seed-demo-council';
import { openStore } from '../../src/store/open-store';
import { TestBotConnector } from '../support/bot-connector';
import { cardsIn, cardText, ConversationHarness, invokeBody } from '../support/conversation-harness';
import { startCosmosServerProcess, type CosmosServerProcess } from '../support/cosmos-server';
import { startTestApp } from '../support/start-test-app';

/** The scale: the demo council plus 20,000 generated agenda items (with ~16,000 decisions). */
const ITEMS = 20_000;
const BUSY = 'The service is busy or unavailable';

/**
 * The whole bot on the Cosmos DB adapter at 20,000 items, against @zeit/cosmosdb-server in a process of its own,
 * seeded once (in the server's own process, through the store's code: cosmos-server-child.ts): /readyz is 200 and every command answers over real HTTP on /api/messages.
 * At this size the change marker's former COUNT took 11.5 s there, and every turn answered "busy".
 */
describe(`the bot on Cosmos DB at ${ITEMS.toLocaleString('en-GB')} items (cosmosdb-server in a child process)`, () => {
  const h = new ConversationHarness();
  let cosmos: CosmosServerProcess;

  beforeAll(async () => {
    cosmos = await startCosmosServerProcess();
    const env = { STORE: 'cosmos', COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: cosmos.key, COSMOS_DATABASE: `cabinet-scale-${randomUUID().slice(0, 8)}` };
    const started = Date.now();
    // The demo council through the Cosmos DB adapter over HTTP (it makes the database and containers as the bot
    // would); the generated business straight into the server's memory through the store's own code, in its process.
    const store = await openStore(loadConfig({ ...env, DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' }).store);
    try {
      await seedDemoCouncil(store, new Date());
    } finally {
      await store.close();
    }
    const seeded = await cosmos.seed({ databaseId: env.COSMOS_DATABASE, corpus: { items: ITEMS, seed: 2021, committees: ['cabinet', 'cabinet', 'full-council', 'scrutiny'] } });
    console.log(`seeded ${seeded.items} items and ${seeded.decisions} decisions in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    h.connector = await new TestBotConnector().start();
    h.app = await startTestApp(env);
  }, 120_000);

  afterAll(async () => {
    await h.app?.stop();
    await h.connector?.stop();
    await cosmos?.stop();
  });

  it('/readyz answers 200 once the search index is built', async () => {
    const started = Date.now();
    let status = 0;
    while (Date.now() - started < 200_000) {
      status = (await fetch(`${h.app.url}/readyz`)).status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    console.log(`/readyz ${status} ${((Date.now() - started) / 1000).toFixed(1)} s after the bot started listening`);
    expect(status).toBe(200);
  }, 210_000);

  const replyText = async (person: 'housing' | 'councillor', text: string): Promise<string> => {
    const started = Date.now();
    const { status, sent } = await h.post(h.message(person, text));
    console.log(`"${text}": ${Date.now() - started} ms`);
    expect(status).toBeLessThan(300);
    const all = sent.map((a) => (cardsIn([a]).length > 0 ? cardText(cardsIn([a])[0]) : String(a.text ?? ''))).join('\n');
    expect(all).not.toContain(BUSY);
    return all;
  };

  it('answers status, agenda, pending and help', async () => {
    expect(await replyText('housing', 'status community safety strategy')).toContain('Community Safety');
    expect(await replyText('councillor', 'agenda')).toContain('Full Council');
    expect(await replyText('housing', 'pending')).not.toBe('');
    expect(await replyText('housing', 'help')).toContain('status');
  }, 60_000);

  it('answers an acknowledgement and a card refresh (Universal Action invokes)', async () => {
    const safer = { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-safer-streets' };
    const ack = await h.post(h.cardAction('housing', 'acknowledge', safer));
    expect(invokeBody(ack).statusCode).toBe(200);
    expect(cardText(invokeBody(ack).value)).toContain('Acknowledged by you');
    const refresh = await h.post(h.activity('06c_invoke_adaptiveCard_action_auto_refresh', 'housing', {
      value: { action: { type: 'Action.Execute', id: '', verb: 'refreshItem', data: safer }, trigger: 'automatic' },
    }));
    expect(invokeBody(refresh).statusCode).toBe(200);
    expect(cardText(invokeBody(refresh).value)).toContain('Acknowledged by you');
  }, 60_000);

  it('answers a message-extension search with results from the big corpus', async () => {
    const started = Date.now();
    const answer = await h.post(h.activity('07b_invoke_composeExtension_query_modern_envelope', 'housing', {
      value: { commandId: 'searchDecisions', parameters: [{ name: 'query', value: 'treasury management' }], queryOptions: { skip: 0, count: 10 } },
    }));
    console.log(`message extension: ${Date.now() - started} ms`);
    const body = JSON.parse(answer.body) as { composeExtension: { type: string; attachments: unknown[] } };
    expect(body.composeExtension.type).toBe('result');
    expect(body.composeExtension.attachments.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).toContain('Treasury Management');
  }, 60_000);
});
