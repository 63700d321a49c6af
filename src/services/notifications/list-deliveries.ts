import { notFound, type Delivery, type Member, type Notification, type UnreachableReason } from '../../domain';
import type { Page, Store } from '../../store/port';
import { UNREACHABLE_ADVICE, UNREACHABLE_REASON_TEXT } from './unreachable-advice';

/** One recipient's delivery as an officer reads it: who (with their role and seat), where it stands, and why, in words. */
export interface DeliveryView {
  readonly key: string;
  readonly kind: 'member' | 'channel';
  readonly memberId?: string;
  readonly conversationId?: string;
  readonly name: string;
  /** The member's role and seat on the notification's committee, where the roster has them. */
  readonly role?: Member['role'];
  readonly seat?: string;
  readonly status: Delivery['status'];
  /** Where it stands, in words ("delivered", "waiting to try again after 3 tries: ..."). */
  readonly state: string;
  readonly attempts: number;
  /** When it last changed (sent, given up, found unreachable, cancelled). */
  readonly at: string;
  readonly sentAt?: string;
  /** Those not reached: why, in words, what the officer can do, and what Teams or Graph said. */
  readonly unreachable?: { readonly reason: UnreachableReason; readonly why: string; readonly advice: string; readonly detail?: string };
  readonly lastError?: string;
}

const tries = (n: number): string => `${n} ${n === 1 ? 'try' : 'tries'}`;

/** A delivery's state in the words an officer reads: the status, and for those not delivered, why. */
export function deliveryState(d: Delivery): string {
  switch (d.status) {
    case 'pending':
      return d.attempts === 0 ? 'waiting to be sent' : `waiting to try again after ${tries(d.attempts)}${d.lastError ? `: ${d.lastError}` : ''}`;
    case 'sending':
      return 'being sent';
    case 'sent':
      return d.recipient.kind === 'channel' ? 'posted to the channel' : 'delivered to their Teams chat';
    case 'failed':
      return `not delivered: ${d.lastError ?? `Teams refused it after ${tries(d.attempts)}`}`;
    case 'blocked':
    case 'unreachable':
      return `cannot be reached: ${d.unreachable ? UNREACHABLE_REASON_TEXT[d.unreachable.reason] : d.lastError ?? 'no way to reach them in Teams'}`;
    case 'cancelled':
      return `not sent: ${d.lastError ?? 'cancelled before it was sent'}`;
  }
}

/** Continuations over the recipients a notification recorded, before the sender has written their deliveries. */
const RECORDED = /^recorded:(\d{1,6})$/;

/**
 * Until the sender prepares a notification (at its time), its deliveries are not written yet: its recipients, resolved
 * and recorded when it was made, are each waiting to be sent. Paged over that record (a page's continuation says so).
 * Undefined once the deliveries are written (or when the audience is resolved only when it goes).
 */
function notYetWritten(notification: Notification, page: { readonly pageSize: number; readonly continuation?: string }): Page<Delivery> | undefined {
  const from = RECORDED.exec(page.continuation ?? '');
  if ((notification.prepared || !notification.recipients) && !from) return undefined;
  const at = notification.updatedAt;
  const waiting = (recipient: Delivery['recipient'], key: string): Delivery =>
    ({ notificationId: notification.id, key, recipient, action: 'send', subjectKeys: [], status: 'pending', attempts: 0, faults: 0, updatedAt: at });
  const all = [
    ...(notification.recipients?.members ?? []).map((m) => waiting({ kind: 'member', memberId: m.id, name: m.name }, m.id)),
    ...(notification.recipients?.channels ?? []).map((c) => ({ ...waiting({ kind: 'channel', conversationId: c.conversationId, name: c.name }, c.conversationId), conversationId: c.conversationId })),
  ];
  const start = from ? Number(from[1]) : 0;
  const end = start + page.pageSize;
  return { items: all.slice(start, end), ...(end < all.length ? { continuation: `recorded:${end}` } : {}) };
}

/**
 * Every recipient of a notification, a page at a time (by key), each with their role and seat on its committee and
 * their delivery's state in words. Reads the committee's members once per page (one query), and any other recipient
 * (named by id, from another committee) by a point read.
 */
export async function listDeliveries(
  notificationId: string,
  page: { readonly pageSize: number; readonly continuation?: string },
  store: Pick<Store, 'notifications' | 'members'>,
): Promise<{ items: DeliveryView[]; continuation?: string }> {
  const notification = (await store.notifications.get(notificationId))?.value;
  if (!notification) throw notFound('Notification', notificationId);
  const [deliveries, committeeMembers] = await Promise.all([
    notYetWritten(notification, page) ?? store.notifications.listDeliveries(notificationId, page.continuation, page.pageSize),
    notification.committeeId !== undefined ? store.members.listByCommittee(notification.committeeId) : [],
  ]);
  const roster = new Map(committeeMembers.map((m) => [m.id, m]));
  const others = deliveries.items.flatMap((d) => (d.recipient.kind === 'member' && !roster.has(d.recipient.memberId) ? [d.recipient.memberId] : []));
  for (const found of await Promise.all([...new Set(others)].map((id) => store.members.get(id)))) if (found) roster.set(found.value.id, found.value);
  const items = deliveries.items.map((d): DeliveryView => {
    const member = d.recipient.kind === 'member' ? roster.get(d.recipient.memberId) : undefined;
    const seat = member?.committees.find((c) => c.committeeId === notification.committeeId)?.seat;
    return {
      key: d.key,
      kind: d.recipient.kind,
      ...(d.recipient.kind === 'member' ? { memberId: d.recipient.memberId } : {}),
      ...(d.conversationId !== undefined ? { conversationId: d.conversationId } : {}),
      name: d.recipient.name,
      ...(member ? { role: member.role } : {}),
      ...(seat !== undefined ? { seat } : {}),
      status: d.status,
      state: deliveryState(d),
      attempts: d.attempts,
      at: d.updatedAt,
      ...(d.sentAt !== undefined ? { sentAt: d.sentAt } : {}),
      ...(d.unreachable
        ? {
          unreachable: {
            reason: d.unreachable.reason, why: UNREACHABLE_REASON_TEXT[d.unreachable.reason], advice: UNREACHABLE_ADVICE[d.unreachable.reason],
            ...(d.unreachable.detail ? { detail: d.unreachable.detail } : {}),
          },
        }
        : {}),
      ...(d.lastError !== undefined ? { lastError: d.lastError } : {}),
    };
  });
  return { items, ...(deliveries.continuation !== undefined ? { continuation: deliveries.continuation } : {}) };
}
