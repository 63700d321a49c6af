/**
 * The echo floor for the turn benchmarks: botbuilder's CloudAdapter on restify, with the same authentication set-up
 * as Cabinet bot (createBotAuthentication / createCloudAdapter from dist/, local mode), answering every message with
 * one small Adaptive Card and every message-extension query with one small result. Run as its own process by
 * bench/support/bot-process.ts, like Cabinet bot: plain JavaScript from dist/, no TypeScript loader. It listens on a
 * free port and tells its parent the port over the IPC channel.
 */
const { ActivityTypes, CardFactory } = require('botbuilder');
const restify = require('../../dist/http/restify').default;
const { createBotAuthentication, createCloudAdapter } = require('../../dist/teams/bot-adapter');

const card = CardFactory.adaptiveCard({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Approval of the Community Safety Partnership Strategic Plan', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: 'Cabinet, 16 June 2021: approved.', wrap: true },
  ],
});

const adapter = createCloudAdapter(createBotAuthentication({ appType: 'MultiTenant' }));

const turn = async (ctx) => {
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
  if (process.send) process.send({ port: server.address().port });
});
