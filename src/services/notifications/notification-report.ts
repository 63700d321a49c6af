import { deliveryCounts, isEntitledToExempt, notFound, type Delivery, type DeliveryCounts, type DeliveryStatus, type Member, type Notification, type UnreachableReason } from '../../domain';
import type { Store } from '../../store/port';
import { loadSubject, type LoadedSubject } from './notification-subject';
import { UNREACHABLE_ADVICE, UNREACHABLE_REASON_TEXT } from './unreachable-advice';

/** One recipient's state, as an officer reads it. */
export interface RecipientState {
  readonly key: string;
  readonly kind: 'member' | 'channel';
  readonly memberId?: string;
  readonly conversationId?: string;
  readonly name: string;
  readonly action: Delivery['action'];
  readonly status: Delivery['status'];
  readonly attempts: number;
  readonly lastError?: string;
  readonly sentAt?: string;
  readonly unreachable?: { readonly reason: UnreachableReason; readonly why: string; readonly advice: string; readonly detail?: string };
}

/** What the notification is about, in words the officer knows. */
export interface NotificationAbout {
  readonly kind: LoadedSubject['kind'] | 'gone';
  readonly title: string;
  readonly committeeName?: string;
  /** A meeting's start, for the card to write the British way. */
  readonly startsAt?: string;
}

export interface NotificationReport {
  readonly notification: Notification;
  readonly about: NotificationAbout;
  readonly counts: DeliveryCounts & { readonly acknowledged: number };
  /** Members (and channels) it could not reach, by name, with why and what the officer can do. */
  readonly unreachable: readonly RecipientState[];
  readonly failed: readonly RecipientState[];
  /** Every recipient, when asked for. */
  readonly recipients?: readonly RecipientState[];
}

const recipientState = (d: Delivery): RecipientState => ({
  key: d.key,
  kind: d.recipient.kind,
  ...(d.recipient.kind === 'member' ? { memberId: d.recipient.memberId } : {}),
  ...(d.conversationId !== undefined ? { conversationId: d.conversationId } : {}),
  name: d.recipient.name,
  action: d.action,
  status: d.status,
  attempts: d.attempts,
  ...(d.lastError !== undefined ? { lastError: d.lastError } : {}),
  ...(d.sentAt !== undefined ? { sentAt: d.sentAt } : {}),
  ...(d.unreachable
    ? { unreachable: { reason: d.unreachable.reason, why: UNREACHABLE_REASON_TEXT[d.unreachable.reason], advice: UNREACHABLE_ADVICE[d.unreachable.reason], ...(d.unreachable.detail ? { detail: d.unreachable.detail } : {}) } }
    : {}),
});

/** Every delivery of a notification, page by page (a notification to a whole council is thousands). */
export async function allDeliveries(store: Store, notificationId: string): Promise<Delivery[]> {
  const deliveries: Delivery[] = [];
  let continuation: string | undefined;
  do {
    const page = await store.notifications.listDeliveries(notificationId, continuation, 1000);
    deliveries.push(...page.items);
    continuation = page.continuation;
  } while (continuation !== undefined);
  return deliveries;
}

const aboutOf = (subject: LoadedSubject | undefined): NotificationAbout => {
  if (!subject) return { kind: 'gone', title: 'a record that no longer exists' };
  switch (subject.kind) {
    case 'item':
      return { kind: 'item', title: subject.item.title, committeeName: subject.committee.name, ...(subject.meeting ? { startsAt: subject.meeting.startsAt } : {}) };
    case 'meeting':
      return { kind: 'meeting', title: `${subject.committee.name} agenda`, committeeName: subject.committee.name, startsAt: subject.meeting.startsAt };
    case 'decision':
      return { kind: 'decision', title: subject.decision.title, committeeName: subject.committee.name };
    case 'member':
      return { kind: 'member', title: 'overdue actions' };
  }
};

/** Whether the member was sent this notification's card (the ones who can acknowledge it): one point read. */
const wasSentTo = async (store: Store, notificationId: string, memberId: string): Promise<boolean> => {
  const d = (await store.notifications.getDelivery(notificationId, memberId))?.value;
  return d !== undefined && d.recipient.kind === 'member' && d.action === 'send';
};

/**
 * How many recipients have acknowledged what they were sent: the item, or for a meeting every item of it they may
 * see. Other kinds (decision notices, call-in, overdue actions) have nothing to acknowledge. It starts from the
 * acknowledgements (at most the committee's members per item), never from the deliveries, so its cost does not grow
 * with the notification's size.
 */
async function acknowledgedCount(subject: LoadedSubject | undefined, notificationId: string, store: Store): Promise<number> {
  if (!subject) return 0;
  const recipientsAmong = async (memberIds: Iterable<string>) => {
    const ids = [...new Set(memberIds)];
    const sent = await Promise.all(ids.map((id) => wasSentTo(store, notificationId, id)));
    return ids.filter((_, i) => sent[i]);
  };
  if (subject.kind === 'item') {
    return (await recipientsAmong((await store.acknowledgements.listByAgendaItem(subject.item.id)).map((a) => a.memberId))).length;
  }
  if (subject.kind !== 'meeting' || subject.items.length === 0) return 0;
  const doneByItem = new Map(
    await Promise.all(subject.items.map(async (i) => [i.id, new Set((await store.acknowledgements.listByAgendaItem(i.id)).map((a) => a.memberId))] as const)),
  );
  // Only someone who acknowledged something can have acknowledged every item they may see.
  const candidates = await recipientsAmong([...doneByItem.values()].flatMap((done) => [...done]));
  const members = (await Promise.all(candidates.map((id) => store.members.get(id)))).flatMap((m) => (m ? [m.value] : []));
  const readAll = (m: Member) =>
    subject.items.filter((i) => !i.exempt || isEntitledToExempt(m, i.committeeId)).every((i) => doneByItem.get(i.id)?.has(m.id));
  return members.filter(readAll).length;
}

const counts = (notification: Notification, byStatus: Readonly<Record<DeliveryStatus, number>>): DeliveryCounts => {
  const c = deliveryCounts(byStatus);
  // Until the sender has written every delivery, the ones not yet written are pending too.
  const notYetWritten = !notification.prepared && notification.recipientCount !== undefined ? Math.max(0, notification.recipientCount - c.total) : 0;
  return { ...c, total: c.total + notYetWritten, pending: c.pending + notYetWritten };
};

/**
 * A notification's status, counts and unreachable members: what the officer's card and GET /notifications/{id} show.
 * Counts are store aggregates and only the deliveries that need the officer (unreachable, blocked, failed) are read,
 * so the report on a notification to thousands is as cheap as one to ten; every recipient is read only when asked for.
 */
export async function notificationReport(id: string, store: Store, options: { readonly recipients?: boolean } = {}): Promise<NotificationReport> {
  const notification = (await store.notifications.get(id))?.value;
  if (!notification) throw notFound('Notification', id);
  const [byStatus, needingTheOfficer, subject, everyone] = await Promise.all([
    store.notifications.countDeliveries(id),
    Promise.all((['unreachable', 'blocked', 'failed'] as const).map((status) => store.notifications.listDeliveriesWithStatus(id, status))),
    loadSubject(notification, store).catch(() => undefined),
    options.recipients ? allDeliveries(store, id) : undefined,
  ]);
  const byName = (a: RecipientState, b: RecipientState) => a.name.localeCompare(b.name);
  const [unreachable, blocked, failed] = needingTheOfficer.map((ds) => ds.map(recipientState));
  return {
    notification,
    about: aboutOf(subject),
    counts: { ...counts(notification, byStatus), acknowledged: await acknowledgedCount(subject, id, store) },
    unreachable: [...unreachable!, ...blocked!].sort(byName),
    failed: failed!.sort(byName),
    ...(everyone ? { recipients: everyone.map(recipientState).sort(byName) } : {}),
  };
}
