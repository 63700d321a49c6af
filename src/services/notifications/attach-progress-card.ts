import { DomainError } from '../../domain';
import type { NotificationDeps } from './notification-deps';

const MAX_ATTEMPTS = 5;

/**
 * Records where the officer's progress card for a notification was posted, so the sender redraws it as deliveries
 * finish. The sender may be updating the notification at the same moment: a conflict is read again and retried.
 */
export async function attachProgressCard(notificationId: string, card: { conversationId: string; activityId: string }, deps: Pick<NotificationDeps, 'store' | 'now' | 'wake'>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const current = await deps.store.notifications.get(notificationId);
    if (!current) return;
    try {
      await deps.store.notifications.replace({ ...current.value, progressCard: card, updatedAt: deps.now().toISOString() }, current.etag);
      deps.wake?.();
      return;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'conflict') || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
