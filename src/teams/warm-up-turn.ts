import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActivityTypes, type Activity, type CloudAdapter, type TurnContext } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, ConnectorClient, MicrosoftAppCredentials, type AuthenticateRequestResult } from 'botframework-connector';
import type { Logger } from '../logging/logger';
import { TURN_LOGGER } from './bot-adapter';

/** Where the warm-up turns' replies go: a server on the loopback interface, for those turns alone, that keeps nothing. */
async function replySink(): Promise<{ readonly url: string; readonly replies: () => number; close(): Promise<void> }> {
  let replies = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      replies += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: `warm-up-reply-${replies}` }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    replies: () => replies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The warm-up's questions again, each as a real turn, in process, before /readyz says ready: what the in-process
 * answers (warm-up.ts) cannot reach is the part of a turn around the answer, run for the first time by the first
 * person otherwise: the SDK's adapter and turn context, the bot's routing of a message and its command parser, and
 * the Bot Connector client sending the reply (its request pipeline, serialisation, HTTP client). Measured, one such
 * turn left the first real one still several times a later one; one a question took off a third (docs/BENCHMARKS.md).
 *
 * The turns are the bot's own (`run`, as /api/messages runs it), entered behind the channel's authentication, which
 * only a request from Teams can pass: the activities are made here and never came over the network. They are from
 * nobody (no Entra object id: no member is looked up, linked or recorded), in a group chat (no personal chat is noted,
 * no exempt business can be drawn, so no audit entry), without an activity id (nothing is claimed), and their replies
 * go to a loopback server of their own, unsigned (the connector's credentials are the anonymous ones), never to
 * Teams. Their log lines below warn are dropped: they are not business. Answers how many replies the bot sent.
 */
export async function warmUpTurns(
  adapter: CloudAdapter, run: (ctx: TurnContext) => Promise<void>, turns: { readonly botAppId: string; readonly questions: readonly string[]; readonly logger: Logger },
): Promise<number> {
  const sink = await replySink();
  try {
    const authenticated: AuthenticateRequestResult = {
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      // The audience a channel's token names: the bot's app id, which the SDK asks its credentials for ('' in local mode).
      claimsIdentity: new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: turns.botAppId }], true),
      connectorFactory: { create: async (serviceUrl) => new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: serviceUrl }) },
    };
    const quiet = turns.logger.child({ warmUp: true }, { level: 'warn' });
    for (const question of turns.questions) {
      const activity: Partial<Activity> = {
        type: ActivityTypes.Message,
        channelId: 'msteams',
        serviceUrl: sink.url,
        from: { id: 'warm-up', name: 'warm-up' },
        recipient: { id: 'warm-up-bot', name: 'Cabinet bot' },
        conversation: { id: 'warm-up', conversationType: 'groupChat', isGroup: true, name: 'warm-up' },
        text: `status ${question}`,
      };
      await adapter.processActivityDirect(authenticated, activity as Activity, async (ctx) => {
        ctx.turnState.set(TURN_LOGGER, quiet);
        await run(ctx);
      });
    }
    return sink.replies();
  } finally {
    await sink.close();
  }
}
