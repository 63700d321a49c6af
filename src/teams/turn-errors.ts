import { CardFactory, type TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { turnLogger, turnRequestId } from './bot-adapter';
import type { AdaptiveCard } from '../cards/templates';

/**
 * The last word of a failed turn: log it with the request id and never leave the person without an answer.
 * Invokes are answered by the adapter's invoke response, so only conversational turns get a message here.
 */
export function createTurnErrorHandler(logger: Logger, errorCard: (error: unknown, reference?: string) => AdaptiveCard) {
  return async (ctx: TurnContext, error: Error): Promise<void> => {
    const requestId = turnRequestId(ctx);
    turnLogger(ctx, logger).error({ err: error, requestId }, 'turn failed');
    if (ctx.activity.type === 'invoke' || ctx.responded) return;
    try {
      await ctx.sendActivity({
        attachments: [
          CardFactory.adaptiveCard(errorCard(error, requestId)),
        ],
      });
    } catch (sendError) {
      turnLogger(ctx, logger).error({ err: sendError, requestId }, 'could not send the error card');
    }
  };
}
