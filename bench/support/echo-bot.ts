/**
 * The echo floor for the turn benchmarks: botbuilder's CloudAdapter on restify, with the same authentication set-up
 * as Cabinet bot (createBotAuthentication / createCloudAdapter, local mode), answering every message with one small
 * Adaptive Card and every message-extension query with one small result. Run as a child process by
 * bench/status-answer.bench.ts so that its memory is its own; it listens on a free port and tells its parent the port
 * (and, when asked, its memory) over the IPC channel.
 */
import { ActivityTypes, CardFactory, type TurnContext } from 'botbuilder';
import restify from '../../src/http/restify';
import { createBotAuthentication, createCloudAdapter } from '../../src/teams/bot-adapter';
import { answerMemoryQueries } from './child-memory';

const card = CardFactory.adaptiveCard({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Approval of the Community Safety Partnership Strategic Plan', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: 'Cabinet, 16 June 2021: approved.', wrap: true },
  ],
});

const adapter = createCloudAdapter(createBotAuthentication({ appType: 'MultiTenant' }));

const turn = async (ctx: TurnContext): Promise<void> => {
  if (ctx.activity.type === ActivityTypes.Message) {
    await ctx.sendActivity({ attachments: [card] });
  } else if (ctx.activity.type === ActivityTypes.Invoke) {
    await ctx.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [{ ...card, preview: CardFactory.heroCard('Community Safety Partnership Strategic Plan') }] } } },
    });
  }
};

const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, turn);
});
server.get('/readyz', (_req, res, next) => {
  res.send(200, { status: 'ready' });
  next();
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: address.port });
});
answerMemoryQueries();
