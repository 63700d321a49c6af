import {
  hasLeft, isEntitledToExempt, isWithdrawn, itemsToRead, sittingCouncillors, transitionNotification, unreachableStatus, type Delivery, type Member, type Notification,
} from '../../domain';
import type { Store, Versioned } from '../../store/port';
import { channelDeliveryKey, updateDeliveryKey } from './notification-ids';
import { loadSubject, subjectKeysOf, type LoadedSubject } from './notification-subject';
import { reachableChatOf, reachOf } from './member-reach';

/**
 * Deliveries are written a batch at a time: one write of 25 (one log sync on the embedded store, parallel point
 * creates on Cosmos DB) rather than 25 writes, yet short enough not to hold up the sender's timers, with a turn of the
 * event loop between batches. The first batch is small, so the first cards go while the rest are written.
 */
const BATCH = 25;
const FIRST_BATCH = 16;
const LOOKUPS_AT_ONCE = 4;

export interface PrepareDeps {
  readonly store: Store;
  readonly now: () => Date;
  /** Asked between batches: a cancelled notification stops being prepared. */
  readonly cancelled?: () => boolean;
  /** Told after each batch is written: the sender can claim those at once. */
  readonly written?: () => void;
}

/** A recipient before it becomes a delivery. */
type Target =
  | { readonly kind: 'member'; readonly member: Member }
  /** A recipient recorded when the notification was created, read from the roster only when its turn comes. */
  | { readonly kind: 'recorded'; readonly id: string; readonly name: string }
  | { readonly kind: 'channel'; readonly conversationId: string; readonly name: string }
  | { readonly kind: 'update'; readonly sent: Delivery };

const eq = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The portfolio holder named on an item ("Portfolio Holder for Housing and Communities"), found on the roster by seat or title. */
async function portfolioHolderOf(subject: LoadedSubject, store: Store, at: Date): Promise<Member[]> {
  const item = subject.kind === 'decision' ? subject.item : subject.kind === 'item' ? subject.item : undefined;
  if (!item?.portfolioHolder) return [];
  return (await store.members.list()).filter((m) => !hasLeft(m, at) && (eq(m.title, item.portfolioHolder) || m.committees.some((c) => eq(c.seat, item.portfolioHolder))));
}

const councillorsOf = async (store: Store, committeeId: string, at: Date): Promise<Member[]> =>
  sittingCouncillors(await store.members.listByCommittee(committeeId), committeeId, at);

/** Who a notification resolved when due goes to, as things stand now. */
async function dueTargets(notification: Notification, subject: LoadedSubject, store: Store, at: Date): Promise<Target[]> {
  const members = (list: readonly Member[]): Target[] =>
    [...new Map(list.map((m) => [m.id, m])).values()].map((member) => ({ kind: 'member', member }));
  switch (notification.kind) {
    case 'agenda-item':
    case 'meeting-digest':
      return subject.kind === 'member' ? [] : members(await councillorsOf(store, subject.committee.id, at));
    case 'reminder': {
      if (subject.kind !== 'meeting') return [];
      const councillors = await councillorsOf(store, subject.committee.id, at);
      const outstanding: Member[] = [];
      for (const m of councillors) {
        const mine = itemsToRead(subject.items).filter((i) => !i.exempt || isEntitledToExempt(m, i.committeeId, at));
        if (mine.length === 0) continue;
        const done = new Set((await store.acknowledgements.listByMember(m.id)).map((a) => a.agendaItemId));
        if (mine.some((i) => !done.has(i.id))) outstanding.push(m);
      }
      return members(outstanding);
    }
    case 'decision-published':
    case 'call-in-ended':
      if (subject.kind !== 'decision') return [];
      return members([...(await councillorsOf(store, subject.committee.id, at)), ...(await portfolioHolderOf(subject, store, at))]);
    case 'overdue-actions': {
      const owner = subject.kind === 'member' ? (await store.members.get(subject.memberId))?.value : undefined;
      return owner ? [{ kind: 'member', member: owner }] : [];
    }
    case 'card-update':
    case 'notice': {
      const key = notification.subject.agendaItemId
        ? `item:${notification.subject.agendaItemId}`
        : notification.subject.meetingId
          ? `meeting:${notification.subject.meetingId}`
          : `decision:${notification.subject.decisionId ?? ''}`;
      const sent = (await store.notifications.listSentDeliveriesAbout(key)).filter((d) => d.action === 'send' && d.conversationId && d.activityId);
      if (notification.kind === 'card-update') return sent.map((d) => ({ kind: 'update', sent: d }));
      // One notice per person (or channel), however many cards about it they were sent.
      const once = new Map(sent.map((d) => [d.recipient.kind === 'member' ? d.recipient.memberId : d.conversationId!, d]));
      return [...once.values()].map((d) => ({ kind: 'update', sent: d }));
    }
  }
}

/**
 * A withdrawn item is announced to nobody and nobody is reminded of it, however the notification was planned or
 * pushed before it was withdrawn; the cards already sent are still redrawn (they then say withdrawn), and notices go.
 */
const announcesWithdrawnItem = (notification: Notification, subject: LoadedSubject): boolean =>
  subject.kind === 'item' && isWithdrawn(subject.item) && notification.kind !== 'card-update' && notification.kind !== 'notice';

/** Who an on-create notification was resolved to, as the officer was told; members since removed are reported. */
function recordedTargets(notification: Notification): Target[] {
  const recipients = notification.recipients ?? { members: [], channels: [] };
  return [
    ...recipients.members.map((r): Target => ({ kind: 'recorded', id: r.id, name: r.name })),
    ...recipients.channels.map((c): Target => ({ kind: 'channel', conversationId: c.conversationId, name: c.name })),
  ];
}

async function deliveryFor(target: Target, notification: Notification, subjectKeys: string[], store: Store, at: string): Promise<Delivery> {
  const base = { notificationId: notification.id, attempts: 0, faults: 0, updatedAt: at };
  const waiting = { status: 'pending' as const, dueAt: at };
  switch (target.kind) {
    case 'recorded': {
      const member = (await store.members.get(target.id))?.value;
      if (member) return deliveryFor({ kind: 'member', member }, notification, subjectKeys, store, at);
      return {
        ...base, key: target.id, recipient: { kind: 'member', memberId: target.id, name: target.name }, action: 'send', subjectKeys,
        status: 'failed', lastError: 'no longer on the roster',
      };
    }
    case 'member': {
      const { member } = target;
      const recipient = { kind: 'member' as const, memberId: member.id, name: member.name };
      // Someone who left between the push and the send is told apart from someone Teams cannot reach.
      if (hasLeft(member, new Date(at))) return { ...base, key: member.id, recipient, action: 'send', subjectKeys, status: 'unreachable', unreachable: { reason: 'left' } };
      const chat = await reachableChatOf(store, member.id);
      if (chat) return { ...base, key: member.id, recipient, action: 'send', conversationId: chat.id, subjectKeys, ...waiting };
      const reach = await reachOf(store, member);
      // No chat yet: the sender tries to open one when it gets to them.
      if (reach === 'to-try' || reach === 'reachable') return { ...base, key: member.id, recipient, action: 'send', subjectKeys, ...waiting };
      return { ...base, key: member.id, recipient, action: 'send', subjectKeys, status: unreachableStatus(reach), unreachable: { reason: reach } };
    }
    case 'channel':
      return {
        ...base, key: channelDeliveryKey(target.conversationId), recipient: { kind: 'channel', conversationId: target.conversationId, name: target.name },
        action: 'send', conversationId: target.conversationId, subjectKeys, ...waiting,
      };
    case 'update': {
      const { sent } = target;
      const isUpdate = notification.kind === 'card-update';
      return {
        ...base,
        key: isUpdate ? updateDeliveryKey(sent.conversationId!, sent.activityId!) : sent.recipient.kind === 'member' ? sent.recipient.memberId : channelDeliveryKey(sent.conversationId!),
        recipient: sent.recipient,
        action: isUpdate ? 'update' : 'send',
        conversationId: sent.conversationId!,
        ...(isUpdate ? { targetActivityId: sent.activityId!, redraw: { notificationId: sent.notificationId } } : {}),
        // Updates and notices are not cards about the subject themselves: they must not be redrawn in turn.
        subjectKeys: [],
        ...waiting,
      };
    }
  }
}

/**
 * Records a notification's recipients as deliveries (the outbox), then marks it as sending. Run by the sender when
 * the notification falls due. Idempotent: a sender that stopped half way through is followed by one that writes the
 * rest (a delivery's create is idempotent by its key), so nobody is dropped or written twice. The sender may already
 * be sending the first deliveries while the rest are written.
 */
export async function prepareNotification(current: Versioned<Notification>, deps: PrepareDeps): Promise<Versioned<Notification>> {
  const { store } = deps;
  let { value: notification, etag } = current;
  if (notification.prepared) return current;
  if (notification.status === 'scheduled') {
    ({ value: notification, etag } = await store.notifications.replace(
      { ...notification, status: transitionNotification(notification.status, 'start'), updatedAt: deps.now().toISOString() },
      etag,
    ));
  }
  const subject = await loadSubject(notification, store);
  const targets = announcesWithdrawnItem(notification, subject)
    ? []
    : notification.resolveAudience === 'on-create' ? recordedTargets(notification) : await dueTargets(notification, subject, store, deps.now());
  const subjectKeys = subjectKeysOf(subject);
  for (let i = 0, size = FIRST_BATCH; i < targets.length; i += size, size = BATCH) {
    if (deps.cancelled?.()) return { value: notification, etag };
    const at = deps.now().toISOString();
    // Recipients are looked up a few at a time, each few in a turn of the event loop of its own: the embedded store
    // reads synchronously, and a long run of look-ups would hold up the sender's timers (and so the even spacing Teams'
    // sliding windows need) and Teams turns; Cosmos DB still gets each few in parallel.
    const batch: Delivery[] = [];
    const slice = targets.slice(i, i + size);
    for (let j = 0; j < slice.length; j += LOOKUPS_AT_ONCE) {
      await new Promise((resolve) => setImmediate(resolve));
      batch.push(...(await Promise.all(slice.slice(j, j + LOOKUPS_AT_ONCE).map((t) => deliveryFor(t, notification, subjectKeys, store, at)))));
    }
    await store.notifications.createDeliveries(batch);
    deps.written?.();
  }
  const fresh = (await store.notifications.get(notification.id)) ?? { value: notification, etag };
  ({ value: notification, etag } = fresh);
  if (notification.prepared || notification.status === 'cancelled') return fresh;
  const at = deps.now().toISOString();
  return store.notifications.replace({ ...notification, prepared: true, recipientCount: targets.length, updatedAt: at }, etag);
}
