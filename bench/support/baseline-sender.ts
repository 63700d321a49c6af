/**
 * How the usual templates send proactive messages, for the fan-out benchmark's baselines: botbuilder's
 * CloudAdapter.continueConversationAsync for each member (with the SDK's own retries of 429 and 5xx), either one after
 * another (the Teams Toolkit notification template's loop) or all at once (an unbounded Promise.all).
 *   node --import tsx bench/support/baseline-sender.ts <sequential|all-at-once> <connector url> <members>
 * Prints a JSON line: wall time, how many the SDK said it sent, and the process's peak RSS.
 */
import { CardFactory, CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationReference } from 'botbuilder';
import { fanoutChatId } from '../../test/support/fanout-council';

async function main(): Promise<void> {
  const [mode, serviceUrl, count] = process.argv.slice(2) as ['sequential' | 'all-at-once', string, string];
  const members = Number(count);
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '' }));
  let errors = 0;
  adapter.onTurnError = async () => {
    errors += 1;
  };
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const card = CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Medium Term Financial Strategy 2027-2030' }] });
  let sent = 0;
  const send = async (i: number) => {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams', serviceUrl, conversation: { id: fanoutChatId(i), conversationType: 'personal', isGroup: false, name: '' }, bot: { id: '28:bot', name: 'bot' },
    };
    await adapter.continueConversationAsync('', reference, async (ctx) => {
      await ctx.sendActivity({ attachments: [card] });
      sent += 1;
    });
  };
  const started = Date.now();
  if (mode === 'sequential') for (let i = 0; i < members; i++) await send(i);
  else await Promise.all(Array.from({ length: members }, (_, i) => send(i)));
  clearInterval(sampler);
  process.stdout.write(`${JSON.stringify({ wallMs: Date.now() - started, startedAt: started, sentBySdk: sent, turnErrors: errors, peakRss })}\n`);
}

void main();
