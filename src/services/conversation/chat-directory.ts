import { hasLeft, type ConversationRecord, type Member } from '../../domain';
import type { Store } from '../../store/port';

const DEFAULT_CAPACITY = 10_000;
/**
 * How long a confirmed chat is taken on trust. When the chat is closed on the bot (the member blocked it, or removed
 * the app), this instance is told at once (`forget`: by its sender on a 403 or 404, by the uninstall event), so
 * their next turn here puts the record right. The window covers what this instance is not told: another instance's
 * sender marking the chat unreachable. After this long, a turn checks the store again.
 */
const TRUST_MS = 10 * 60_000;

/** A personal chat as a turn sees it. */
export interface PersonalChat {
  readonly id: string;
  readonly tenantId?: string;
  readonly aadObjectId?: string;
  /** The channel's conversation reference, opaque: only the Teams adapter reads it. */
  readonly reference: Record<string, unknown>;
}

const serviceUrlOf = (reference: Record<string, unknown>): unknown => reference['serviceUrl'];

/**
 * Keeps the record of each member's personal chat with the bot current from the turns they take in it, so that a
 * councillor who installed the bot before they were on the roster (or whose Teams endpoint moved) can still be
 * reached. The record is written only when something a send depends on changed (first sight, the member it belongs
 * to, its service address, reachability after an uninstall), never on every turn; and this instance remembers what
 * it last confirmed, so an unchanged chat costs no store request at all after its first turn.
 */
export class ChatDirectory {
  private readonly confirmed = new Map<string, { fingerprint: string; atMs: number }>();

  constructor(
    private readonly store: Pick<Store, 'conversations'>,
    private readonly now: () => Date,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /**
   * Answers true when it wrote the record. A former member's chat (their end date has come) is never written: the
   * bot keeps no way to reach them, whatever they say to it.
   */
  async seen(chat: PersonalChat, member: Member | undefined): Promise<boolean> {
    if (member !== undefined && hasLeft(member, this.now())) return false;
    const fingerprint = JSON.stringify([member?.id ?? '', serviceUrlOf(chat.reference) ?? '', chat.aadObjectId ?? '']);
    const known = this.confirmed.get(chat.id);
    if (known?.fingerprint === fingerprint && this.now().getTime() - known.atMs < TRUST_MS) return false;
    const existing = (await this.store.conversations.get(chat.id))?.value;
    const current =
      existing !== undefined &&
      existing.reachable &&
      existing.kind === 'personal' &&
      (member === undefined || existing.memberId === member.id) &&
      serviceUrlOf(existing.reference) === serviceUrlOf(chat.reference);
    if (!current) {
      const record: ConversationRecord = {
        ...existing,
        id: chat.id,
        kind: 'personal',
        ...(member?.id ?? existing?.memberId ? { memberId: member?.id ?? existing?.memberId } : {}),
        ...(chat.aadObjectId ?? existing?.aadObjectId ? { aadObjectId: chat.aadObjectId ?? existing?.aadObjectId } : {}),
        ...(chat.tenantId ?? existing?.tenantId ? { tenantId: chat.tenantId ?? existing?.tenantId } : {}),
        reference: chat.reference,
        reachable: true,
        updatedAt: this.now().toISOString(),
      };
      await this.store.conversations.upsert(record);
    }
    this.remember(chat.id, fingerprint);
    return !current;
  }

  /**
   * Forget a chat found closed (the bot was removed from it, or Teams refused a send to it as blocked or gone): the
   * next turn in it checks the store again, and marks it reachable again since the turn proves it works.
   */
  forget(chatId: string): void {
    this.confirmed.delete(chatId);
  }

  private remember(chatId: string, fingerprint: string): void {
    this.confirmed.delete(chatId);
    if (this.confirmed.size >= this.capacity) {
      const oldest = this.confirmed.keys().next().value;
      if (oldest !== undefined) this.confirmed.delete(oldest);
    }
    this.confirmed.set(chatId, { fingerprint, atMs: this.now().getTime() });
  }
}
