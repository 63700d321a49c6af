import { CardFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { ConversationRecord } from '../domain';
import type { Logger } from '../logging/logger';
import type { Messenger, SendOutcome } from '../services/messenger';

/**
 * Proactive sends through the stored conversation reference. The SDK retries 429 and 5xx itself; when it
 * gives up, or Teams answers 403 (the user blocked or removed the bot), we report it rather than throw.
 */
export class TeamsMessenger implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly logger: Logger,
  ) {}

  async sendCard(conversation: ConversationRecord, card: Record<string, unknown>): Promise<SendOutcome> {
    let outcome: SendOutcome = { ok: false, reason: 'failed', detail: 'not sent' };
    try {
      await this.adapter.continueConversationAsync(this.appId, conversation.reference as Partial<ConversationReference>, async (ctx) => {
        // Caught here, inside the turn: an error escaping it would go to the adapter's onTurnError (which would
        // try to post the error card into this very conversation) and never reach the catch below.
        try {
          const sent = await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
          outcome = { ok: true, activityId: sent?.id };
        } catch (err) {
          outcome = this.failed(err, conversation);
        }
      });
    } catch (err) {
      outcome = this.failed(err, conversation);
    }
    return outcome;
  }

  private failed(err: unknown, conversation: ConversationRecord): SendOutcome {
    const status = (err as { statusCode?: number }).statusCode;
    const detail = err instanceof Error ? err.message : String(err);
    this.logger.warn({ err, conversationId: conversation.id, status }, 'proactive send failed');
    return status === 403 ? { ok: false, reason: 'blocked', detail } : { ok: false, reason: 'failed', detail };
  }
}
