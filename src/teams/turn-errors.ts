import { CardFactory, type TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { turnLogger, turnRequestId } from './bot-adapter';
import type { AdaptiveCard } from '../cards/templates';

/**
 * The last word of a failed turn: log it with the request id and never leave the person without an answer.
 * Invokes are answered by the adapter's invoke response, so only conversational turns get a message here.
 */
export function createTurnErrorHandler(logger: Logger, errorCard: (problem: { title: string; detail: string; whatToDo: string; reference?: string }) => AdaptiveCard) {
  return async (ctx: TurnContext, error: Error): Promise<void> => {
    const requestId = turnRequestId(ctx);
    turnLogger(ctx, logger).error({ err: error, requestId }, 'turn failed');
    if (ctx.activity.type === 'invoke' || ctx.responded) return;
    try {
      await ctx.sendActivity({
        attachments: [
          CardFactory.adaptiveCard(
            errorCard({
              title: 'Something went wrong',
              detail: 'The bot could not finish what you asked.',
              whatToDo: 'Try again in a minute. If it keeps happening, tell democratic services and quote the reference.',
              reference: requestId,
            }),
          ),
        ],
      });
    } catch (sendError) {
      turnLogger(ctx, logger).error({ err: sendError, requestId }, 'could not send the error card');
    }
  };
}
