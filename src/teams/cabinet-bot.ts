import {
  CardFactory, TeamsActivityHandler, TurnContext,
  type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type AppBasedLinkQuery, type MessagingExtensionQuery,
  type MessagingExtensionResponse,
} from 'botbuilder';
import { ZodError } from 'zod';
import { buildErrorView, renderErrorCard, type AdaptiveCard } from '../cards';
import { DomainError } from '../domain';
import { runCardAction } from './card-actions/card-action-router';
import type { InvokeAnswer } from './card-actions/invoke-answer';
import { answerCommand } from './commands/command-router';
import type { Reply } from './commands/reply';
import { onInstallation } from './install-events';
import { answerComposeQuery, answerComposeSelection, answerLinkQuery } from './message-extension';
import { turnLogger, turnRequestId } from './bot-adapter';
import { postProgressCard } from './progress-card';
import { buildTurn, notePersonalChat, type BotDeps, type Turn } from './turn';

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * Teams waits 5 s for a message extension's answer and then shows nothing useful; answering by 4 s leaves a second
 * for the network both ways.
 */
export const EXTENSION_DEADLINE_MS = 4000;

export interface CabinetBotOptions {
  /** The names people @mention the bot by in channels (removed before a command is read). */
  readonly botNames?: readonly string[];
  /** How long a search or link unfurl may take before the answer says so instead (tests shorten it). */
  readonly extensionDeadlineMs?: number;
}

/**
 * Routes Teams activities to their handlers: messages to commands, card actions to one handler per verb,
 * install events to install capture, compose-box invokes to the message extension. Business rules live in
 * services; this class only translates between Teams and the use cases.
 */
export class CabinetBot extends TeamsActivityHandler {
  private readonly botNames: readonly string[];
  private readonly extensionDeadlineMs: number;

  constructor(private readonly deps: BotDeps, options: CabinetBotOptions = {}) {
    super();
    this.botNames = options.botNames ?? ['Cabinet bot'];
    this.extensionDeadlineMs = options.extensionDeadlineMs ?? EXTENSION_DEADLINE_MS;
    this.onMessage(async (ctx, next) => {
      await this.onChatMessage(ctx);
      await next();
    });
    this.onInstallationUpdateAdd(async (ctx, next) => {
      await onInstallation(ctx, 'add', deps);
      await next();
    });
    this.onInstallationUpdateRemove(async (ctx, next) => {
      await onInstallation(ctx, 'remove', deps);
      await next();
    });
    this.onMembersAdded(async (ctx, next) => {
      if (ctx.activity.membersAdded?.some((m) => m.id === ctx.activity.recipient.id)) await onInstallation(ctx, 'add', deps);
      await next();
    });
    this.onMembersRemoved(async (ctx, next) => {
      if (ctx.activity.membersRemoved?.some((m) => m.id === ctx.activity.recipient.id)) await onInstallation(ctx, 'remove', deps);
      await next();
    });
  }

  private async onChatMessage(ctx: TurnContext): Promise<void> {
    // Teams re-delivers an activity it thinks we missed; each is answered once, whichever instance gets it.
    if (!(await this.firstDelivery(ctx))) return;
    const turn = await buildTurn(ctx, this.deps);
    await notePersonalChat(ctx, turn, this.deps);
    const text = TurnContext.removeRecipientMention(ctx.activity)?.trim() ?? '';
    const submitted = ctx.activity.value as { verb?: string } | undefined;
    try {
      if (!text && submitted && typeof submitted === 'object') {
        // A client without Universal Actions sends Action.Submit with the verb in its data.
        const answer = await runCardAction(submitted.verb, submitted, turn, this.deps);
        await this.sendAnswer(ctx, answer);
        return;
      }
      turn.logger.info({ text: text.slice(0, 200) }, 'message');
      await this.sendReply(ctx, await answerCommand(text, turn, this.deps, this.botNames));
    } catch (err) {
      if (!isExpected(err)) throw err; // onTurnError logs it and shows the error card
      turn.logger.info({ err }, 'request refused');
      await this.sendReply(ctx, { cards: [errorCard(err, turn.requestId)] });
    }
  }

  protected override async onAdaptiveCardInvoke(ctx: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    // Building the turn reads the store (who is asking), so it fails with it: inside the try, so the person still
    // gets the error card as the invoke response (uncaught, the adapter would answer 501 and Teams an error banner).
    let logger = turnLogger(ctx, this.deps.logger);
    try {
      const turn = await buildTurn(ctx, this.deps);
      logger = turn.logger;
      await notePersonalChat(ctx, turn, this.deps);
      const answer = await runCardAction(value.action?.verb, value.action?.data, turn, this.deps);
      logger.info({ verb: value.action?.verb, trigger: (value as { trigger?: string }).trigger }, 'card action');
      if (answer.kind === 'card') return cardResponse(answer.card);
      for (const card of answer.followUps) await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
      if (answer.progressOf) await postProgressCard(ctx, answer.progressOf, this.deps);
      return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: answer.message as unknown as Record<string, unknown> };
    } catch (err) {
      if (isExpected(err)) logger.info({ err, verb: value.action?.verb }, 'card action refused');
      else logger.error({ err, verb: value.action?.verb }, 'card action failed');
      return cardResponse(errorCard(err, turnRequestId(ctx)));
    }
  }

  protected override handleTeamsMessagingExtensionQuery(ctx: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    return this.extensionAnswer(ctx, 'search', (turn) => answerComposeQuery(query, turn, this.deps));
  }

  /** A result picked from the search list: its full card (message-extension.ts answerComposeSelection). */
  protected override handleTeamsMessagingExtensionSelectItem(ctx: TurnContext, value: unknown): Promise<MessagingExtensionResponse> {
    return this.extensionAnswer(ctx, 'search', (turn) => answerComposeSelection(value, turn, this.deps));
  }

  protected override handleTeamsAppBasedLinkQuery(ctx: TurnContext, query: AppBasedLinkQuery): Promise<MessagingExtensionResponse> {
    return this.extensionAnswer(ctx, 'link', (turn) => answerLinkQuery(query.url ?? '', turn, this.deps));
  }

  protected override handleTeamsAnonymousAppBasedLinkQuery(ctx: TurnContext, query: AppBasedLinkQuery): Promise<MessagingExtensionResponse> {
    return this.extensionAnswer(ctx, 'link', (turn) => answerLinkQuery(query.url ?? '', turn, this.deps));
  }

  /**
   * The compose box shows a message extension's failure as its own message; uncaught, the adapter would answer
   * 501 and Teams a bare error. An answer that would come after Teams has stopped waiting says so in time instead.
   * A link that cannot be unfurled now is simply left as a link.
   */
  private async extensionAnswer(ctx: TurnContext, kind: 'search' | 'link', answer: (turn: Turn) => Promise<MessagingExtensionResponse>): Promise<MessagingExtensionResponse> {
    const logger = turnLogger(ctx, this.deps.logger);
    const reference = turnRequestId(ctx) ?? 'unknown';
    const work = buildTurn(ctx, this.deps).then(answer);
    try {
      const outcome = await withinDeadline(work, this.extensionDeadlineMs);
      if (outcome.inTime) return outcome.value;
      logger.warn({ kind, deadlineMs: this.extensionDeadlineMs }, 'message extension too slow: answered that it is busy');
      // The late answer is dropped; a late failure is still worth a line in the log.
      work.catch((err: unknown) => logger.warn({ err, kind }, 'message extension failed after its deadline'));
      if (kind === 'link') return noResults();
      return composeMessage(`Search is taking longer than Teams allows. Try again, or use fewer, more exact words. Reference ${reference}.`);
    } catch (err) {
      logger.error({ err, kind }, 'message extension failed');
      if (kind === 'link') return noResults();
      return composeMessage(`Search is not available right now. Try again in a minute; if it keeps happening, quote reference ${reference} to the service desk.`);
    }
  }

  private async firstDelivery(ctx: TurnContext): Promise<boolean> {
    const { id, conversation } = ctx.activity;
    if (!id) return true;
    return this.deps.store.activities.claim(`${conversation?.id ?? ''}|${id}`, this.deps.now().toISOString());
  }

  private async sendAnswer(ctx: TurnContext, answer: InvokeAnswer): Promise<void> {
    if (answer.kind === 'card') await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(answer.card)] });
    else await this.sendReply(ctx, { text: answer.message, cards: answer.followUps, ...(answer.progressOf ? { progressOf: answer.progressOf } : {}) });
  }

  private async sendReply(ctx: TurnContext, reply: Reply): Promise<void> {
    // Plain text: what people typed is echoed back, and must not turn into links or formatting.
    if (reply.text) await ctx.sendActivity({ type: 'message', text: reply.text, textFormat: 'plain' });
    for (const card of reply.cards) await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
    if (reply.progressOf) await postProgressCard(ctx, reply.progressOf, this.deps);
  }
}

const noResults = (): MessagingExtensionResponse => ({ composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } });
const composeMessage = (text: string): MessagingExtensionResponse => ({ composeExtension: { type: 'message', text } });

/** The work's value if it settles within `ms`; otherwise `inTime: false` at `ms` (the work carries on, unawaited). */
async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<{ inTime: true; value: T } | { inTime: false }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ inTime: false }>((resolve) => {
    timer = setTimeout(() => resolve({ inTime: false }), ms);
  });
  const inTime = work.then((value) => ({ inTime: true as const, value }));
  inTime.catch(() => undefined); // after the deadline a failure is the caller's to log, from `work` itself
  try {
    return await Promise.race([inTime, late]);
  } finally {
    clearTimeout(timer);
  }
}

const cardResponse = (card: AdaptiveCard): AdaptiveCardInvokeResponse => ({ statusCode: 200, type: CARD_CONTENT_TYPE, value: card });

/** Refusals and bad card data are the person's to fix: they get the error card, not an alarm in the logs. */
const isExpected = (err: unknown): boolean => (err instanceof DomainError && err.code !== 'unavailable') || err instanceof ZodError;

const errorCard = (err: unknown, requestId: string | undefined): AdaptiveCard =>
  renderErrorCard(
    buildErrorView(err instanceof ZodError ? new DomainError('invalid', 'The card sent something this bot cannot read. Ask again for a fresh card.') : err, {
      reference: requestId,
    }),
  );
