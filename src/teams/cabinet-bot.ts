import { CardFactory, TeamsActivityHandler, type TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import type { AdaptiveCard } from '../cards/templates';
import { turnLogger } from './bot-adapter';

export interface CabinetBotDeps {
  readonly logger: Logger;
  readonly helpCard: () => AdaptiveCard;
}

/**
 * Routes Teams activities to their handlers. Business rules live in services; this class only translates
 * between Teams activities and use cases.
 */
export class CabinetBot extends TeamsActivityHandler {
  constructor(private readonly deps: CabinetBotDeps) {
    super();
    this.onMessage(async (ctx, next) => {
      await this.answerMessage(ctx);
      await next();
    });
  }

  private async answerMessage(ctx: TurnContext): Promise<void> {
    turnLogger(ctx, this.deps.logger).info('message received');
    await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(this.deps.helpCard())] });
  }
}
