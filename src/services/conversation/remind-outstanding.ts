import type { Member, Viewer } from '../../domain';
import type { Messenger } from '../messenger';
import { acknowledgementReport } from './acknowledgement-report';
import type { ConversationDeps } from './conversation-deps';
import type { ItemDetails } from './item-details';

export interface ReminderPlan {
  readonly details: ItemDetails;
  /** Outstanding members the bot can reach in a personal chat. */
  readonly reachable: readonly Member[];
  /** Outstanding members with no reachable personal chat: the officer must contact them another way. */
  readonly unreachable: readonly Member[];
  /** Resolves when every reminder has been sent or has failed; the caller need not wait for it. */
  readonly sent: Promise<ReminderReport>;
}

export interface ReminderReport {
  readonly sent: readonly string[];
  readonly blocked: readonly string[];
  readonly failed: ReadonlyArray<{ readonly memberId: string; readonly detail: string }>;
}

/**
 * Officers only: send the item's card again, in a personal chat, to every committee member who has not
 * acknowledged it. Who will be reminded is known at once; the sending goes on in the background so the
 * officer's turn answers fast. A member who blocked the bot is marked unreachable and not retried.
 */
export async function remindOutstanding(
  locator: { committeeId: string; agendaItemId: string },
  viewer: Viewer,
  cardFor: (member: Member, details: ItemDetails) => Record<string, unknown>,
  deps: ConversationDeps & { readonly messenger: Messenger },
): Promise<ReminderPlan> {
  const report = await acknowledgementReport(locator, viewer, deps);
  const targets = await Promise.all(
    report.outstanding.map(async (member) => ({
      member,
      chat: (await deps.store.conversations.listByMember(member.id)).find((c) => c.kind === 'personal' && c.reachable),
    })),
  );
  const reachable = targets.filter((t) => t.chat !== undefined);
  const sent = (async (): Promise<ReminderReport> => {
    const result = { sent: [] as string[], blocked: [] as string[], failed: [] as Array<{ memberId: string; detail: string }> };
    for (const { member, chat } of reachable) {
      if (!chat) continue;
      // The report's details were read for the officer (with the officer's own acknowledgement, if any); the
      // member being reminded has, by definition, not acknowledged the item.
      const outcome = await deps.messenger.sendCard(chat, cardFor(member, { ...report.details, acknowledgement: undefined }));
      if (outcome.ok) result.sent.push(member.id);
      else if (outcome.reason === 'blocked') {
        result.blocked.push(member.id);
        await deps.store.conversations.markUnreachable(chat.id, deps.now().toISOString());
      } else result.failed.push({ memberId: member.id, detail: outcome.detail });
    }
    return result;
  })();
  return {
    details: report.details,
    reachable: reachable.map((t) => t.member),
    unreachable: targets.filter((t) => t.chat === undefined).map((t) => t.member),
    sent,
  };
}
