import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { serializeError } from '../../src/logging/logger';
import { DEMO_IDS, DEMO_PEOPLE, strategyYears } from '../../src/services/demo/demo-council';
import { seedDemoCouncil } from '../../src/services/demo/seed-demo-council';
import { createCosmosStore } from '../../src/store/cosmos';
import type { Store } from '../../src/store/port';
import { TestBotConnector } from '../support/bot-connector';
import { cardsIn, cardText, ConversationHarness, eventually, invokeBody } from '../support/conversation-harness';
import { startCosmosServer, type CosmosTestServer } from '../support/cosmos-server';
import { startTestApp } from '../support/start-test-app';

/** Every line the app logs, parsed (pino writes one JSON object per line, synchronously, to this stream). */
class LogSink extends Writable {
  readonly lines: Array<Record<string, unknown>> = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  }
}
const WARN = 40;

/**
 * The whole bot on the Cosmos DB adapter (against @zeit/cosmosdb-server over real HTTP), driven through the test
 * Bot Connector; then the same bot with its database gone, where every person must still get an answer.
 */
describe('the bot on Cosmos DB, over HTTP', () => {
  const h = new ConversationHarness();
  const logs = new LogSink();
  const databaseId = `cabinet-bot-e2e-${randomUUID().slice(0, 8)}`;
  let cosmos: CosmosTestServer;

  /** A second handle on the same Cosmos database, to check what the bot recorded. */
  const withCosmosStore = async <T>(read: (store: Store) => Promise<T>): Promise<T> => {
    const store = await createCosmosStore({ endpoint: cosmos.endpoint, key: cosmos.key, databaseId });
    try {
      return await read(store);
    } finally {
      await store.close();
    }
  };

  /** Like h.post, but also returns the x-request-id the app gave the POST and how long the answer took. */
  const postTimed = async (activity: Record<string, unknown>) => {
    const before = h.connector.sentActivities.length;
    const started = Date.now();
    const res = await fetch(`${h.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const body = await res.text();
    const elapsedMs = Date.now() - started;
    // The answer is sent when the turn has ended: what it sent is recorded by now.
    return { status: res.status, body, requestId: res.headers.get('x-request-id') ?? '', elapsedMs, sent: h.connector.sentActivities.slice(before) };
  };

  const acknowledge = () => h.cardAction('housing', 'acknowledge', { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-safer-streets' });

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    h.connector = await new TestBotConnector().start();
    h.app = await startTestApp(
      { STORE: 'cosmos', COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: cosmos.key, COSMOS_DATABASE: databaseId },
      {
        seed: (store) => seedDemoCouncil(store, new Date()),
        logger: pino({ level: 'info', serializers: { err: serializeError } }, logs),
      },
    );
  });

  afterAll(async () => {
    await h.app?.stop();
    await h.connector?.stop();
    await cosmos?.stop();
  });

  describe('with Cosmos DB up', () => {
    it('seeded the demo council into Cosmos DB, not into a file', async () => {
      const member = await withCosmosStore((s) => s.members.findByAadObjectId(DEMO_PEOPLE.housing.aadObjectId));
      expect(member?.value.name).toBe('Cllr Alan Pearson');
    });

    it('answers "status community safety" with the decision card, awaiting Full Council', async () => {
      const res = await postTimed(h.message('housing', 'status community safety'));
      expect(res.status).toBe(200);
      const cards = cardsIn(res.sent);
      expect(cards).toHaveLength(1);
      const text = cardText(cards[0]);
      expect(text).toContain(`Community Safety Strategy ${strategyYears(new Date())}`);
      expect(text).toContain('Recommended to Council: awaiting Full Council');
    });

    it('records an acknowledgement (Action.Execute) in Cosmos DB and answers "Acknowledged by you"', async () => {
      const res = await postTimed(acknowledge());
      expect(res.status).toBe(200);
      const body = invokeBody(res);
      expect(body.statusCode).toBe(200);
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardText(body.value)).toContain('Acknowledged by you');
      const ack = await withCosmosStore((s) => s.acknowledgements.get(DEMO_PEOPLE.housing.id, 'item-safer-streets'));
      expect(ack).toMatchObject({ memberId: DEMO_PEOPLE.housing.id, agendaItemId: 'item-safer-streets', via: { channel: 'teams' } });
    });

    it('answers a message Teams delivers twice once (the activity ledger on Cosmos DB)', async () => {
      const message = h.message('housing', 'help');
      const first = await postTimed(message);
      const second = await postTimed(message);
      expect(first.status).toBe(200);
      expect(cardsIn(first.sent)).toHaveLength(1);
      expect(second.status).toBe(200);
      expect(second.sent).toHaveLength(0);
    });

    it('is ready', async () => {
      const res = await fetch(`${h.app.url}/readyz`);
      expect(res.status).toBe(200);
    });
  });

  describe('after Cosmos DB goes away mid-conversation', () => {
    beforeAll(() => cosmos.stop());

    it('reports not ready (503 problem+json) within a few seconds', async () => {
      const started = Date.now();
      const res = await fetch(`${h.app.url}/readyz`);
      expect(Date.now() - started).toBeLessThan(4000);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await res.json()) as { status: number; detail: string; requestId: string };
      expect(problem.status).toBe(503);
      expect(problem.detail).toContain('Not ready');
      expect(problem.requestId).toBe(res.headers.get('x-request-id'));
    });

    it('still answers a message, with the error card naming the request id, well within Teams\' 15 s', async () => {
      const res = await postTimed(h.message('housing', 'status community safety'));
      expect(res.elapsedMs).toBeLessThan(5000);
      expect(res.status).toBe(200);
      expect(res.requestId).toMatch(/^[\w.-]{1,100}$/);
      const cards = cardsIn(res.sent);
      expect(cards).toHaveLength(1);
      const text = cardText(cards[0]);
      expect(text).toContain('The service is busy or unavailable');
      expect(text).toContain(res.requestId);

      // The failed turn is logged, at warn or worse, with the same request id.
      const line = await eventually(async () => logs.lines.find((l) => l.requestId === res.requestId && (l.level as number) >= WARN));
      expect(line.msg).toBe('turn failed');
    });

    it('still answers a card action: 200, with the error card as the invoke response', async () => {
      const res = await postTimed(acknowledge());
      expect(res.elapsedMs).toBeLessThan(5000);
      expect(res.status).toBe(200);
      const body = invokeBody(res);
      expect(body.statusCode).toBe(200);
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      const text = cardText(body.value);
      expect(text).toContain('The service is busy or unavailable');
      expect(text).toContain(res.requestId);
      expect(logs.lines.some((l) => l.requestId === res.requestId && (l.level as number) >= WARN)).toBe(true);
    });

    it('lists search results from the index, answers a pick with a message in the compose box, and leaves a pasted link as a link', async () => {
      const search = await postTimed(
        h.activity('07b_invoke_composeExtension_query_modern_envelope', 'housing', {
          value: { commandId: 'searchDecisions', parameters: [{ name: 'query', value: 'community safety' }], queryOptions: { skip: 0, count: 10 } },
        }),
      );
      expect(search.status).toBe(200);
      // The list is drawn from the index, which this instance holds: it needs no store read.
      const listed = JSON.parse(search.body) as { composeExtension: { type: string; attachments: Array<{ preview: { content: { tap: { value: Record<string, string> } } } }> } };
      expect(listed.composeExtension.type).toBe('result');
      expect(listed.composeExtension.attachments.length).toBeGreaterThan(0);
      // The card of a pick is read from the store, which is gone.
      const picked = await postTimed(
        h.activity('07b_invoke_composeExtension_query_modern_envelope', 'housing', {
          name: 'composeExtension/selectItem', value: listed.composeExtension.attachments[0]!.preview.content.tap.value,
        }),
      );
      expect(picked.status).toBe(200);
      expect(JSON.parse(picked.body)).toEqual({
        composeExtension: {
          type: 'message',
          text: `Search is not available right now. Try again in a minute; if it keeps happening, quote reference ${picked.requestId} to the service desk.`,
        },
      });
      const link = await postTimed(h.activity('08_invoke_composeExtension_queryLink', 'housing', { value: { url: 'https://democracy.melton.gov.uk/mgAi.aspx?ID=12345' } }));
      expect(link.status).toBe(200);
      expect(JSON.parse(link.body)).toEqual({ composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } });
    });
  });
});
