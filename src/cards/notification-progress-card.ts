import type { DeliveryCounts, NotificationKind, NotificationStatus } from '../domain';
import { formatDateTime, formatWhen } from './format-date';
import { renderTemplate, type AdaptiveCard } from './templates';
import { clip, firstOf, plural } from './text';

export interface NotificationProgressView {
  readonly notificationId: string;
  /** "Sending", "Sent", "Scheduled", "Held for your Send", "Cancelled", with an icon: the word carries the meaning. */
  readonly headline: string;
  /** What was sent: the item's title, or "Cabinet agenda". */
  readonly title: string;
  /** "Cabinet · Thu 14 January 2027, 6pm". */
  readonly context: string;
  /** "12 of 14 delivered. 3 have acknowledged so far." */
  readonly summaryText: string;
  readonly facts: readonly { readonly title: string; readonly value: string }[];
  readonly unreachableHeading: string;
  readonly unreachable: readonly { readonly name: string; readonly why: string; readonly advice: string }[];
  readonly moreUnreachableText: string;
  readonly failedHeading: string;
  readonly failed: readonly { readonly name: string; readonly error: string }[];
  readonly moreFailedText: string;
  /** "Your note: ..." */
  readonly note: string;
  /** "Updated 10.32am" */
  readonly updatedText: string;
  readonly canCancel: boolean;
}

export interface NotificationProgressCardInput {
  readonly notificationId: string;
  readonly kind: NotificationKind;
  readonly status: NotificationStatus;
  readonly sendAt: string;
  readonly about: { readonly title: string; readonly committeeName?: string; readonly startsAt?: string };
  readonly counts: DeliveryCounts & { readonly acknowledged: number };
  readonly unreachable: readonly { readonly name: string; readonly why: string; readonly advice: string }[];
  readonly failed: readonly { readonly name: string; readonly error: string }[];
  readonly note?: string;
  readonly now: Date;
}

const LIMITS = { title: 200, names: 10, name: 80, advice: 300, error: 200, note: 500 };

const headlineOf = (status: NotificationStatus, sendAt: string, now: Date): string => {
  switch (status) {
    case 'held':
      return '⏸️ Held for your Send';
    case 'scheduled':
      return Date.parse(sendAt) > now.getTime() ? `🕒 Scheduled for ${formatWhen(sendAt, now)}` : '📤 Sending';
    case 'sending':
      return '📤 Sending';
    case 'completed':
      return '✔️ Sent';
    case 'cancelled':
      return '✖️ Cancelled';
  }
};

export const buildNotificationProgressView = (input: NotificationProgressCardInput): NotificationProgressView => {
  const { counts, now } = input;
  const delivered = counts.sent;
  const unreachable = counts.unreachable + counts.blocked;
  const shownUnreachable = firstOf(input.unreachable, LIMITS.names);
  const shownFailed = firstOf(input.failed, LIMITS.names);
  const acknowledgeable = input.kind === 'agenda-item' || input.kind === 'meeting-digest' || input.kind === 'reminder';
  const facts = [
    { title: 'Delivered', value: String(delivered) },
    { title: 'Still to send', value: String(counts.pending) },
    { title: 'Cannot be reached', value: String(unreachable) },
    { title: 'Failed', value: String(counts.failed) },
    ...(counts.cancelled > 0 ? [{ title: 'Not sent (cancelled)', value: String(counts.cancelled) }] : []),
    ...(acknowledgeable ? [{ title: 'Acknowledged', value: String(counts.acknowledged) }] : []),
  ];
  return {
    notificationId: input.notificationId,
    headline: headlineOf(input.status, input.sendAt, now),
    title: clip(input.about.title, LIMITS.title),
    context: [input.about.committeeName, input.about.startsAt ? formatDateTime(input.about.startsAt) : undefined].filter(Boolean).join(' · '),
    summaryText:
      `${delivered} of ${plural(counts.total, 'recipient')} delivered.` +
      (acknowledgeable ? ` ${counts.acknowledged} ${counts.acknowledged === 1 ? 'has' : 'have'} acknowledged so far.` : ''),
    facts,
    unreachableHeading: input.unreachable.length > 0 ? `Cannot be reached in Teams (${input.unreachable.length})` : '',
    unreachable: shownUnreachable.shown.map((u) => ({ name: clip(u.name, LIMITS.name), why: clip(u.why, LIMITS.advice), advice: clip(u.advice, LIMITS.advice) })),
    moreUnreachableText: shownUnreachable.moreCount > 0 ? `${plural(shownUnreachable.moreCount, 'more')} not shown: see the notification's status.` : '',
    failedHeading: input.failed.length > 0 ? `Failed (${input.failed.length})` : '',
    failed: shownFailed.shown.map((f) => ({ name: clip(f.name, LIMITS.name), error: clip(f.error, LIMITS.error) })),
    moreFailedText: shownFailed.moreCount > 0 ? `${plural(shownFailed.moreCount, 'more')} not shown.` : '',
    note: input.note ? clip(input.note, LIMITS.note) : '',
    updatedText: `Updated ${formatWhen(now, now)}`,
    canCancel: input.status === 'held' || input.status === 'scheduled' || input.status === 'sending',
  };
};

export const renderNotificationProgressCard = (view: NotificationProgressView): AdaptiveCard => renderTemplate('notification-progress', view);
