import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ConnectorBudget } from '../../src/services/messenger';
import { createBotAuthentication } from '../../src/teams/bot-adapter';
import { BotConnectorClient, pathTemplate } from '../../src/teams/bot-connector-client';
import { TestBotConnector } from '../support/bot-connector';

const atOnce: ConnectorBudget = { schedule: (_key, request) => request(), throttled: () => undefined };

/**
 * The outbox calls the Bot Connector with fetch, which the HTTP instrumentation does not see: its client calls draw
 * their own spans (issue 10: outbound Teams calls are traced), with ids kept out of the span's name and attributes.
 */
describe('Bot Connector calls are traced', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  let connector: TestBotConnector;
  beforeAll(async () => {
    trace.setGlobalTracerProvider(provider);
    connector = await new TestBotConnector().start();
  });
  afterAll(async () => {
    await connector.stop();
    await provider.shutdown();
    trace.disable();
  });
  const client = new BotConnectorClient(createBotAuthentication({ appType: 'SingleTenant' }), atOnce, { appId: '', timeoutMs: 2000 });

  it('names the kind of call, not its conversation, and records Teams\' answer', async () => {
    const conversation = 'a:personal-chat-of-someone';
    const answer = await client.call('POST', connector.url, `/v3/conversations/${encodeURIComponent(conversation)}/activities`, conversation, { type: 'message', text: 'Hello' });
    expect(answer.status).toBe(200);
    const span = exporter.getFinishedSpans().find((s) => s.name.startsWith('Bot Connector POST'));
    expect(span).toMatchObject({ name: 'Bot Connector POST /v3/conversations/{id}/activities', kind: SpanKind.CLIENT });
    expect(span!.attributes).toMatchObject({ 'http.request.method': 'POST', 'url.template': '/v3/conversations/{id}/activities', 'http.response.status_code': 200 });
    expect(JSON.stringify([span!.name, span!.attributes])).not.toContain('personal-chat-of-someone');
  });

  it('marks a call that reached nobody as an error, with why', async () => {
    exporter.reset();
    const answer = await client.call('PUT', 'http://127.0.0.1:9', '/v3/conversations/c1/activities/a1', 'c1', { type: 'message' });
    expect(answer.status).toBe('network');
    const [span] = exporter.getFinishedSpans();
    expect(span).toMatchObject({ name: 'Bot Connector PUT /v3/conversations/{id}/activities/{id}', status: { code: SpanStatusCode.ERROR } });
    expect(span!.attributes['error.type']).toBe('network');
  });

  it('reduces every path the outbox calls to its shape', () => {
    expect(pathTemplate('/v3/conversations')).toBe('/v3/conversations');
    expect(pathTemplate('/v3/conversations/19%3Ax%40thread.tacv2/pagedmembers?pageSize=500')).toBe('/v3/conversations/{id}/pagedmembers');
    expect(pathTemplate('/v3/teams/19%3Ateam/conversations')).toBe('/v3/teams/{id}/conversations');
  });
});
