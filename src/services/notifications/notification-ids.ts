import { createHash, randomUUID } from 'node:crypto';

/**
 * Notification ids. Pushes get a random id; work the bot plans for itself gets an id derived from what made it
 * ("agenda-published|<meeting>"), so that planning the same thing twice (a re-import, two instances, a retry after a
 * failure) creates it once: the store's create is idempotent by id.
 */
export const newNotificationId = (): string => `n-${randomUUID()}`;

export const plannedNotificationId = (dedupeKey: string): string =>
  `n-${createHash('sha256').update(dedupeKey, 'utf8').digest('hex').slice(0, 32)}`;

/** A delivery's key within its notification: the member id for a member, a hash for a channel or a card to redraw. */
export const channelDeliveryKey = (conversationId: string): string =>
  `channel-${createHash('sha256').update(conversationId, 'utf8').digest('hex').slice(0, 40)}`;

export const updateDeliveryKey = (conversationId: string, activityId: string): string =>
  `update-${createHash('sha256').update(`${conversationId}|${activityId}`, 'utf8').digest('hex').slice(0, 40)}`;
