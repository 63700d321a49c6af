import { countDeliveries, isEntitledToExempt, notFound, type Delivery, type DeliveryCounts, type Member, type Notification, type UnreachableReason } from '../../domain';
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

/**
 * How many recipients have acknowledged what they were sent: the item, or for a meeting every item of it they may
 * see. Other kinds (decision notices, call-in, overdue actions) have nothing to acknowledge.
 */
async function acknowledgedCount(subject: LoadedSubject | undefined, memberIds: readonly string[], store: Store): Promise<number> {
  if (!subject || memberIds.length === 0) return 0;
  if (subject.kind === 'item') {
    const done = new Set((await store.acknowledgements.listByAgendaItem(subject.item.id)).map((a) => a.memberId));
    return memberIds.filter((id) => done.has(id)).length;
  }
  if (subject.kind !== 'meeting' || subject.items.length === 0) return 0;
  const doneByItem = new Map(
    await Promise.all(subject.items.map(async (i) => [i.id, new Set((await store.acknowledgements.listByAgendaItem(i.id)).map((a) => a.memberId))] as const)),
  );
  const members = (await Promise.all(memberIds.map((id) => store.members.get(id)))).flatMap((m) => (m ? [m.value] : []));
  const readAll = (m: Member) =>
    subject.items.filter((i) => !i.exempt || isEntitledToExempt(m, i.committeeId)).every((i) => doneByItem.get(i.id)?.has(m.id));
  return members.filter(readAll).length;
}

const counts = (notification: Notification, deliveries: readonly Delivery[]): DeliveryCounts => {
  const c = countDeliveries(deliveries);
  // Until the sender has written every delivery, the ones not yet written are pending too.
  const notYetWritten = !notification.prepared && notification.recipientCount !== undefined ? Math.max(0, notification.recipientCount - deliveries.length) : 0;
  return { ...c, total: c.total + notYetWritten, pending: c.pending + notYetWritten };
};

/** A notification's status, counts and unreachable members: what the officer's card and GET /notifications/{id} show. */
export async function notificationReport(id: string, store: Store, options: { readonly recipients?: boolean } = {}): Promise<NotificationReport> {
  const notification = (await store.notifications.get(id))?.value;
  if (!notification) throw notFound('Notification', id);
  const [deliveries, subject] = await Promise.all([
    allDeliveries(store, id),
    loadSubject(notification, store).catch(() => undefined),
  ]);
  const memberIds = deliveries.flatMap((d) => (d.recipient.kind === 'member' && d.action === 'send' ? [d.recipient.memberId] : []));
  const states = deliveries.map(recipientState);
  const byName = (a: RecipientState, b: RecipientState) => a.name.localeCompare(b.name);
  return {
    notification,
    about: aboutOf(subject),
    counts: { ...counts(notification, deliveries), acknowledged: await acknowledgedCount(subject, memberIds, store) },
    unreachable: states.filter((s) => s.status === 'unreachable' || s.status === 'blocked').sort(byName),
    failed: states.filter((s) => s.status === 'failed').sort(byName),
    ...(options.recipients ? { recipients: states.sort(byName) } : {}),
  };
}
